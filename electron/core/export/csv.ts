import Papa from 'papaparse';

/**
 * CSV for people to open in a spreadsheet: UTF-8 with a BOM (so Excel reads accents), CRLF, and
 * every cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) defused
 * by papaparse's escapeFormulae: applicant text must never execute on an officer's machine.
 */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n', quotes: false })}`;
}
