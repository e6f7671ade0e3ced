/**
 * Full-text search as the office types it: words in any case, with or without accents, each word
 * a prefix ("mull" finds "Müller"). The database's FTS5 index folds text the same way
 * (unicode61, remove_diacritics 2); these functions turn what was typed into its query, and find
 * the words to highlight in what is shown.
 */

/** Lower case, accents removed, the way the index compares. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a search: letters and digits, folded; the index splits text at everything else. */
export function searchTerms(typed: string): string[] {
  const words = foldForSearch(typed).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, 12);
}

/**
 * An FTS5 MATCH expression: every word, as a quoted prefix, all required. Quoting makes any word a
 * plain string (no FTS operators from what was typed). Null when nothing searchable was typed.
 */
export function ftsQuery(typed: string): string | null {
  const terms = searchTerms(typed);
  return terms.length === 0 ? null : terms.map((t) => `"${t}"*`).join(' AND ');
}

/**
 * The parts of `text` that match a search, for highlighting: [start, end) offsets into the text as
 * shown, for each word of the text that starts with one of the terms.
 */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0 || text === '') return [];
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = foldForSearch(match[0]);
    const term = terms.find((t) => word.startsWith(t));
    if (!term) continue;
    // Folding may shorten a word (a decomposed accent); map the matched length back to the shown text.
    let end = match.index;
    let folded = 0;
    while (end < match.index + match[0].length && folded < term.length) {
      const ch = String.fromCodePoint(text.codePointAt(end) ?? 0);
      folded += foldForSearch(ch).length;
      end += ch.length;
    }
    ranges.push([match.index, end]);
  }
  return ranges;
}
