import type { CellValue } from 'exceljs';

/**
 * An .xlsx cell as the text the importer reads, the way Excel shows it where that matters:
 * numbers without "3.0" and to Excel's 15 significant digits, TRUE/FALSE, error codes, rich text
 * joined, formulas as their cached result, dates as ISO text. Pure functions: easy to test.
 */

/** A cell's value at face value, with the cell's number format (dates need it). */
export function cellText(value: CellValue, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return decodeXmlEscapes(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value, numFmt);
  if ('error' in value) return String(value.error);
  if ('richText' in value) return value.richText.map((run) => decodeXmlEscapes(run.text ?? '')).join('');
  if ('hyperlink' in value) {
    // exceljs keeps the shown text of a hyperlink cell as given: a string or rich text.
    const text = value.text as CellValue;
    return cellText(text, numFmt, date1904);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'number') {
      // The streaming reader parses every non-string cached result as a number: an error code
      // (#N/A) becomes NaN, its text lost; a date result stays a serial number.
      if (Number.isNaN(result)) return FORMULA_ERROR;
      if (isDateFormat(numFmt)) return dateText(excelSerialToDate(result, date1904), numFmt);
    }
    return cellText(result, numFmt, date1904);
  }
  return '';
}

/** What a formula cell whose cached result is an error reads as (the reader loses which error). */
export const FORMULA_ERROR = '#ERROR';

export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // Excel shows and keeps 15 significant digits: 0.1+0.2 is 0.3 there, so it is here.
  return String(Number(n.toPrecision(15)));
}

/**
 * OOXML writes characters XML cannot hold (a carriage return, control characters) as "_xHHHH_",
 * and a literal "_x" as "_x005F_x": one left-to-right pass undoes both.
 */
export function decodeXmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function withoutLiterals(numFmt: string): string {
  return numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

/** A date number format, by the same test exceljs uses for plain number cells. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]/.test(withoutLiterals(numFmt).replace(/\[[^\]]*\]/g, ''));
}

/** A number format that shows a time of day (h or s; [h] for elapsed hours counts). */
export function formatShowsTime(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const f = withoutLiterals(numFmt).replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[hs]/i.test(f);
}

export function excelSerialToDate(serial: number, date1904: boolean): Date {
  // Same arithmetic as exceljs's own excelToDate, so formula results and plain cells agree.
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * exceljs gives a Date whose UTC fields are the wall-clock time typed in Excel (Excel has no time
 * zones). Date-only cells become "YYYY-MM-DD"; with a time part, or a format that shows one,
 * "YYYY-MM-DD HH:MM:SS" without offset: the importer reads that as Brussels time.
 */
export function dateText(date: Date, numFmt: string | undefined): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  // Serial numbers are fractions of a day: round away the floating-point dust to the second.
  const d = new Date(Math.round(ms / 1000) * 1000);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const hasTime = d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0 || formatShowsTime(numFmt);
  return hasTime ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : day;
}
