/**
 * Blind assessment: a motivation letter or an office note often names its writer ("My name is
 * Łucja Nowak…", "contact me at l.nowak@…"). In a blind workbook those words are replaced, so the
 * text still reads but no longer says who wrote it. Words are compared without case or accents
 * ("Lucja" finds "Łucja"'s folded form too), a possessive "'s" included.
 */

export const NAME_MARK = '[name]';
export const EMAIL_MARK = '[e-mail]';

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[\p{L}\d-]+/gu;

function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // Letters NFKD leaves whole: Łódź, Øre, Đorđe.
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/’/g, "'");
}

/** The parts of a person's names worth looking for: "Anne-Marie van der Berg" → anne, marie, berg (not "van", "der"). */
function nameParts(names: readonly (string | null)[]): Set<string> {
  const parts = new Set<string>();
  for (const name of names) {
    for (const word of (name ?? '').match(WORD) ?? []) {
      const folded = fold(word);
      if (folded.length >= 4 || (folded.length >= 2 && !PARTICLES.has(folded))) parts.add(folded);
    }
  }
  return parts;
}

/** Short words of names that are also ordinary words: replacing them would garble the text. */
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'del', 'dos', 'das', 'el', 'al', 'ben', 'bin', 'y', 'e', 'et', 'and', 'of', 'the']);

export function redactPerson(text: string, person: { firstName: string | null; lastName: string | null; email: string | null }): string {
  const parts = nameParts([person.firstName, person.lastName]);
  // Any address, not only the person's own: a motivation's contact line says who wrote it.
  const withoutEmail = text.replace(EMAIL, EMAIL_MARK);
  if (parts.size === 0) return withoutEmail;
  return withoutEmail.replace(WORD, (word) => {
    const folded = fold(word);
    const base = folded.endsWith("'s") ? folded.slice(0, -2) : folded;
    return parts.has(folded) || parts.has(base) ? NAME_MARK : word;
  });
}
