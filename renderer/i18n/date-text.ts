import type { Language } from './languages';

/**
 * Dates typed and shown in the interface's language, not the browser's: a browser's own date
 * field follows the system's locale (a US format in a French interface, issue 9). Both of the
 * office's languages write dates day first (en-GB, fr-BE): 20/05/2025 23:59:59.
 * Values are ISO: "2025-05-20" for a date, "2025-05-20T23:59:59" for a wall-clock date and time.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** What the field shows for a stored value; '' for none. */
export function formatDateText(iso: string, withTime: boolean): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return '';
  const date = `${m[3]}/${m[2]}/${m[1]}`;
  return withTime ? `${date} ${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}` : date;
}

/** How the field says what to type, in the interface's language. */
export function datePattern(language: Language, withTime: boolean): string {
  const date = language === 'fr' ? 'JJ/MM/AAAA' : 'DD/MM/YYYY';
  return withTime ? `${date} ${language === 'fr' ? 'hh:mm:ss' : 'hh:mm:ss'}` : date;
}

function validDate(y: number, mo: number, d: number): boolean {
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The ISO value of what was typed, or null when it is not a whole valid date (and time). Day
 * first, with / . or - between the parts; the time's seconds may be left out; an ISO date is
 * understood as well.
 */
export function parseDateText(text: string, withTime: boolean): string | null {
  const t = text.trim();
  let y: number, mo: number, d: number;
  let rest: string;
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(.*)$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/.exec(t);
  if (dayFirst) [d, mo, y, rest] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3]), dayFirst[4] ?? ''];
  else if (iso) [y, mo, d, rest] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4] ?? ''];
  else return null;
  if (!validDate(y, mo, d)) return null;
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (!withTime) return rest.trim() === '' ? date : null;
  const time = /^(?:[ T,]+|\s*à\s*|\s*at\s*)(\d{1,2})[:h.](\d{2})(?:[:.](\d{2}))?$/i.exec(rest);
  if (!time) return null;
  const [h, mi, s] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  return `${date}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}
