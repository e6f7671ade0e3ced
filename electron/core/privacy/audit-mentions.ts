/**
 * An audit entry may mention a person among others: the Application IDs a batch of notices was
 * sent to except a few, the applications added to a shortlist (by number). Erasing the person takes
 * them out of it and leaves the rest of the officer's record; the person's own subject-access
 * record shows it with only them in its lists. Pure functions over the entry's details (JSON).
 */
export interface PersonMarks {
  /** Their Application IDs, Candidate IDs and e-mail addresses, lower case. */
  terms: ReadonlySet<string>;
  /** Their applications' numbers (applications.id), as lists of refs carry them. */
  refs: ReadonlySet<number>;
}

/** Keys under which details hold application numbers (shortlist.add/remove/arrange). */
const REF_KEYS = new Set(['refs', 'order']);

export const ERASED = '(erased)';

function isTheirs(value: unknown, key: string | null, marks: PersonMarks): boolean {
  if (typeof value === 'string') return marks.terms.has(value.trim().toLowerCase());
  return typeof value === 'number' && key !== null && REF_KEYS.has(key) && marks.refs.has(value);
}

/** Each whole mention of a term in a text (NIP-1 in "data NIP-1.json", not in "NIP-12") said as "(erased)". */
function withoutTerms(text: string, marks: PersonMarks): string {
  let result = text;
  for (const term of marks.terms) {
    if (!result.toLowerCase().includes(term)) continue;
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), ERASED);
  }
  return result;
}

/** The details without the person: out of every list, and said as "(erased)" where a text names them. */
export function withoutPerson(details: unknown, marks: PersonMarks, key: string | null = null): unknown {
  if (typeof details === 'string') return withoutTerms(details, marks);
  if (Array.isArray(details)) return details.filter((item) => !isTheirs(item, key, marks)).map((item) => withoutPerson(item, marks, key));
  if (details !== null && typeof details === 'object') {
    return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, withoutPerson(v, marks, k)]));
  }
  return details;
}

/** The details as the person may see them: in a list naming others, only what is theirs. */
export function onlyPerson(details: unknown, marks: PersonMarks, key: string | null = null): unknown {
  if (Array.isArray(details)) {
    const names = details.some((item) => typeof item === 'string' || (typeof item === 'number' && key !== null && REF_KEYS.has(key)));
    return names ? details.filter((item) => isTheirs(item, key, marks)) : details.map((item) => onlyPerson(item, marks, key));
  }
  if (details !== null && typeof details === 'object') {
    return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, onlyPerson(v, marks, k)]));
  }
  return details;
}
