import { Temporal } from 'temporal-polyfill';

/**
 * Dates and date-times as the e-recruitment export writes them (e-recruitment-export.md). Day first,
 * always. A date-time without an offset is Brussels wall-clock time; Temporal's "compatible" rule
 * settles the hour skipped or repeated when the clocks change.
 */

export const BRUSSELS = 'Europe/Brussels';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const DAY_FIRST_DATE_TIME = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar day (31/02 is not one). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const max = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= max;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A calendar date as "YYYY-MM-DD", or null when the text is not one of the accepted forms or not a real day. */
export function parseDate(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  let m = ISO_DATE.exec(text);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = DAY_FIRST_DATE.exec(text))) [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
  else return null;
  return isValidDate(y, mo, d) ? `${pad(y, 4)}-${pad(mo)}-${pad(d)}` : null;
}

interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

function validTime(f: LocalFields): boolean {
  return isValidDate(f.year, f.month, f.day) && f.hour < 24 && f.minute < 60 && f.second < 60;
}

const HOUR_MS = 3_600_000;

/**
 * A calendar day in wall-clock milliseconds (a local date-time given as if it were UTC), where
 * every day has 24 hours; a Brussels day across a clock change does not.
 */
export const DAY_MS = 24 * HOUR_MS;

/**
 * Brussels' UTC offset is the same for every minute of a local hour, including the skipped and
 * repeated hours under the "compatible" rule, so it is worked out once per hour and remembered:
 * Temporal is exact but far too slow to call for each of 50,000 rows. Keyed by the local hour,
 * counted in hours since 1970-01-01T00:00 wall-clock time.
 */
const offsetByLocalHour = new Map<number, number>();

/** Brussels' offset (ms) for a wall-clock time given as if it were UTC, per the "compatible" rule. */
function offsetAtLocalMs(localAsUtcMs: number): number {
  const hour = Math.floor(localAsUtcMs / HOUR_MS);
  let offset = offsetByLocalHour.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const d = new Date(start);
    const local = Temporal.PlainDateTime.from({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
    });
    offset = start - local.toZonedDateTime(BRUSSELS, { disambiguation: 'compatible' }).epochMilliseconds;
    offsetByLocalHour.set(hour, offset);
  }
  return offset;
}

/**
 * The instant (UTC ms) of a Brussels wall-clock time given as if it were UTC
 * (Date.UTC(2025, 4, 20, 23, 59, 59) for 20 May 2025 23:59:59 in Brussels). A time skipped when
 * the clocks go forward lands an hour later, a repeated one on its first occurrence.
 */
export function brusselsLocalMsToInstantMs(localAsUtcMs: number): number {
  return localAsUtcMs - offsetAtLocalMs(localAsUtcMs);
}

function offsetFromTemporal(instantMs: number): number {
  return Temporal.Instant.fromEpochMilliseconds(instantMs).toZonedDateTimeISO(BRUSSELS).offsetNanoseconds / 1e6;
}

/**
 * The same cache the other way round: Brussels' offset changes on whole UTC hours (01:00 UTC
 * under the EU rule), so it is remembered per UTC hour. An hour whose two ends disagree (a change
 * inside it: none in the time-zone data for Brussels, but cheap to guard against) is worked out
 * exactly and not cached.
 */
const offsetByUtcHour = new Map<number, number>();

/** Brussels' offset from UTC, in milliseconds (+02:00 is 7,200,000), at an instant. */
export function brusselsOffsetAtMs(instantMs: number): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    offset = offsetFromTemporal(start);
    if (offsetFromTemporal(start + HOUR_MS - 1) !== offset) return offsetFromTemporal(instantMs);
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

/** Wall-clock time, to the second. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** An instant (UTC ms) as Brussels wall-clock time. */
export function brusselsWallClock(instantMs: number): WallClock {
  const d = new Date(instantMs + brusselsOffsetAtMs(instantMs));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Instants are stored in one fixed-width form ("2025-04-06T05:48:00.000Z"), so text order is time order. */
function instantString(ms: number): string {
  return new Date(ms).toISOString();
}

function utcMs(f: LocalFields): number {
  const ms = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond ?? 0);
  // Date.UTC maps years 0-99 to 1900-1999; set the year explicitly.
  return f.year < 100 ? new Date(ms).setUTCFullYear(f.year) : ms;
}

function brusselsInstant(f: LocalFields): string | null {
  if (!validTime(f)) return null;
  return instantString(brusselsLocalMsToInstantMs(utcMs(f)));
}

/** An instant as an ISO UTC string ("2025-04-06T05:48:00.000Z"), or null when unreadable. */
export function parseDateTime(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  let m = ISO_DATE_TIME.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, frac, offset] = m;
    const fields: LocalFields = {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h),
      minute: Number(mi),
      second: Number(s ?? 0),
      millisecond: frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0,
    };
    if (!offset) return brusselsInstant(fields);
    if (!validTime(fields)) return null;
    if (offset.toUpperCase() === 'Z') return instantString(utcMs(fields));
    const om = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
    if (!om) return null;
    const minutes = Number(om[2]) * 60 + Number(om[3]);
    if (Number(om[2]) > 23 || Number(om[3]) > 59) return null;
    return instantString(utcMs(fields) - (om[1] === '-' ? -1 : 1) * minutes * 60_000);
  }
  m = DAY_FIRST_DATE_TIME.exec(text);
  if (m) {
    const [, d, , mo, y, h, mi, s] = m;
    return brusselsInstant({ year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s ?? 0) });
  }
  return null;
}

/**
 * The Brussels calendar date of an instant: the "application date" of the rules. Through the cached
 * offsets (a workbook of a thousand candidates asks it a thousand times); Temporal parses what
 * Date.parse cannot (years beyond four digits).
 */
export function brusselsDate(instantIso: string): string {
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms)) return Temporal.Instant.from(instantIso).toZonedDateTimeISO(BRUSSELS).toPlainDate().toString();
  const { year, month, day } = brusselsWallClock(ms);
  if (year < 0 || year > 9999) return Temporal.Instant.from(instantIso).toZonedDateTimeISO(BRUSSELS).toPlainDate().toString();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A Brussels wall-clock time ("2025-05-20T23:59:59") as an ISO UTC instant. */
export function brusselsLocalToInstant(localIso: string): string {
  const result = parseDateTime(localIso);
  if (!result) throw new RangeError(`Not a local date-time: ${localIso}`);
  return result;
}

/** Monday of the ISO week that holds a date (YYYY-MM-DD), for weekly charts. */
export function weekStart(date: string): string {
  const d = Temporal.PlainDate.from(date);
  return d.subtract({ days: d.dayOfWeek - 1 }).toString();
}

/** The instant (ISO, UTC) a Brussels calendar day starts; `days` later for a following day. */
export function brusselsDayStart(date: string, days = 0): string {
  return Temporal.PlainDate.from(date).add({ days }).toZonedDateTime({ timeZone: BRUSSELS }).toInstant().toString({ fractionalSecondDigits: 3 });
}
