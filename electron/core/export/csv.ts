import { neutraliseFormulae } from './formula-guard';

/**
 * CSV for people to open in a spreadsheet: UTF-8 with a BOM (so Excel reads accents), CRLF, and
 * every cell quoted and passed through the formula guard (formula-guard.ts): applicant text must
 * never execute on an officer's machine, whatever list separator their Excel uses.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** One cell, always quoted (a quoted cell keeps its line breaks and delimiters as text), quotes doubled. */
export function csvCell(text: string): string {
  return `"${neutraliseFormulae(text).replace(/"/g, '""')}"`;
}
