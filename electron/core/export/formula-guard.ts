/**
 * Applicant text must never run as a formula on an officer's machine (CSV / formula injection):
 * one guard for every file Cohort writes for a spreadsheet (the rejected-rows CSV today, .xlsx and
 * mail-merge CSV next). Pure functions, so the writers and the property test share them.
 *
 * A spreadsheet starts a formula when a cell's first character, after leading whitespace, is
 * = + - @ (or their full-width forms ＝＋－＠, which Excel folds in East Asian locales), and some
 * applications treat a leading tab or carriage return the same way. Where a cell "starts" is less
 * certain than it looks:
 * - a line break inside a cell: a program (or a user pasting lines) may take each line as a row;
 * - a delimiter inside a cell: Excel opens a .csv with the system's list separator, which is ";" in
 *   Belgian and French settings, so a cell written for "," is split at every ";" (and the other
 *   way round), quoting or not: after a split, the quotes no longer pair up as written.
 * So every position that follows a line break or a possible delimiter (, ; tab) is a cell start,
 * and a quotation mark is looked through like whitespace (after a split, `"=1` still reads as =1).
 *
 * The defence is the one Excel itself offers: an apostrophe before the dangerous start makes the
 * rest text. It is inserted, never substituted: the text is all still there, with an apostrophe in
 * front of each place that could have started a formula.
 *
 * An .xlsx writer writes every value as a string cell (never a formula), and passes it through
 * `neutraliseFormulae` too: a string cell is text when opened, but editing it (F2, Enter) or
 * copying it out as CSV would run it. Checked with LibreOffice (formula evaluation on, "," and ";"
 * separators): the written CSV of the property test's cases opened with no formula.
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** Characters after which a spreadsheet may begin a new cell: delimiters and every kind of line break. */
const CELL_BOUNDARIES = new Set([',', ';', '\t', '\n', '\r', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029']);

const WHITESPACE = /\s/;

/** Looked through when finding what a cell starts with: whitespace (any Unicode kind) and quotation marks. */
function isSkipped(ch: string): boolean {
  return ch === '"' || WHITESPACE.test(ch);
}

/**
 * Where the loop below would insert an apostrophe, as one pattern: a leading tab or carriage
 * return, or a trigger after a cell start (the text's start or a boundary) and whitespace or quotes.
 */
const MAY_NEED_PREFIX = /^[\t\r]|(?:^|[,;\t\n\r\v\f\u0085\u2028\u2029])[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The apostrophe Excel and LibreOffice read as "what follows is text". */
export const TEXT_PREFIX = "'";

/**
 * The text with an apostrophe inserted before every place that could start a formula: where a
 * formula trigger is the first character of a cell start (the text's start, or the position after
 * a line break or delimiter) past whitespace and quotation marks, the apostrophe goes at the last
 * such start before it (so "a,\r\n=1" keeps its CRLF whole: "a,\r\n'=1"); also before a leading
 * tab or carriage return. One pass, linear in the length.
 */
export function neutraliseFormulae(text: string): string {
  // Nearly every text needs nothing: one regular expression says so (a thousand motivations in a
  // workbook cost a millisecond instead of a loop over each character).
  if (!MAY_NEED_PREFIX.test(text)) return text;
  let out = '';
  let from = 0;
  let lastStart = 0;
  // Every character since lastStart is looked through: a trigger now would start a cell.
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (i === 0 || CELL_BOUNDARIES.has(text[i - 1] as string)) {
      lastStart = i;
      atStart = true;
    }
    const leadingControl = i === 0 && (ch === '\t' || ch === '\r');
    if (leadingControl || (atStart && TRIGGERS.has(ch))) {
      out += text.slice(from, lastStart) + TEXT_PREFIX;
      from = lastStart;
      atStart = false;
    } else if (!isSkipped(ch)) {
      atStart = false;
    }
  }
  return from === 0 && out === '' ? text : out + text.slice(from);
}

/**
 * Whether text, however a spreadsheet might split it (at line breaks and delimiters), holds a piece
 * that starts with a formula trigger: the test of the guard above, used by the property test on
 * whole written files. (A leading tab or carriage return is not a formula by itself; the guard
 * prefixes it anyway, as OWASP advises, so it cannot hide one.)
 */
export function canStartFormula(text: string): boolean {
  const n = text.length;
  let atStart = true;
  for (let i = 0; i < n; i++) {
    const ch = text[i] as string;
    if (atStart && !isSkipped(ch) && TRIGGERS.has(ch)) return true;
    if (CELL_BOUNDARIES.has(ch)) atStart = true;
    else if (!isSkipped(ch)) atStart = false;
  }
  return false;
}
