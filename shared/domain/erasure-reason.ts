/**
 * An erasure's reason stays in the audit log after the person's data is gone, so it must not carry
 * it: the reason is refused when it holds one of their names, e-mail addresses, Application or
 * Candidate IDs or their date of birth. Compared without case or accents, names as whole words (a
 * first name "Ana" does not refuse "Banana"; "de" of "de Souza" does not refuse "demande de
 * suppression").
 */
export interface PersonWords {
  names: string[];
  /** E-mail addresses, IDs, dates of birth: refused wherever they appear. */
  identifiers: string[];
}

/** Particles of surnames (de Souza, van der Berg): words of any reason, not of the person. */
const PARTICLES = new Set(['de', 'da', 'di', 'do', 'du', 'del', 'della', 'des', 'dos', 'das', 'la', 'le', 'van', 'von', 'der', 'den', 'ten', 'ter', 'el', 'al', 'bin', 'ibn', 'mac', 'mc', 'st', 'saint']);

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What of the person the reason holds (in their own spelling); empty when nothing. */
export function reasonMentions(reason: string, person: PersonWords): string[] {
  const text = fold(reason);
  const found: string[] = [];
  for (const name of person.names) {
    const words = fold(name).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2 && !PARTICLES.has(w));
    if (words.some((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(w)}($|[^\\p{L}\\p{N}])`, 'u').test(text))) found.push(name);
  }
  for (const id of person.identifiers) if (id.trim().length >= 4 && text.includes(fold(id.trim()))) found.push(id);
  return [...new Set(found)];
}
