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

function plainDate(year: number, month: number, day: number): Temporal.PlainDate | null {
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
  } catch {
    return null;
  }
}

/** A calendar date as "YYYY-MM-DD", or null when the text is not one of the accepted forms or not a real day. */
export function parseDate(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  let m = ISO_DATE.exec(text);
  if (m) return plainDate(Number(m[1]), Number(m[2]), Number(m[3]))?.toString() ?? null;
  m = DAY_FIRST_DATE.exec(text);
  if (m) return plainDate(Number(m[3]), Number(m[2]), Number(m[1]))?.toString() ?? null;
  return null;
}

function brusselsInstant(fields: { year: number; month: number; day: number; hour: number; minute: number; second: number }): string | null {
  try {
    const local = Temporal.PlainDateTime.from(fields, { overflow: 'reject' });
    return local.toZonedDateTime(BRUSSELS, { disambiguation: 'compatible' }).toInstant().toString();
  } catch {
    return null;
  }
}

/** An instant as an ISO UTC string ("2025-04-06T05:48:00Z"), or null when unreadable. */
export function parseDateTime(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  let m = ISO_DATE_TIME.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, frac, offset] = m;
    const fields = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s ?? 0) };
    if (!offset) return brusselsInstant(fields);
    try {
      if (!plainDate(fields.year, fields.month, fields.day)) return null;
      const iso = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${frac ? `.${frac}` : ''}${offset.toUpperCase() === 'Z' ? 'Z' : offset}`;
      return Temporal.Instant.from(iso).toString();
    } catch {
      return null;
    }
  }
  m = DAY_FIRST_DATE_TIME.exec(text);
  if (m) {
    const [, d, , mo, y, h, mi, s] = m;
    return brusselsInstant({ year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s ?? 0) });
  }
  return null;
}

/** The Brussels calendar date of an instant: the "application date" of the rules. */
export function brusselsDate(instantIso: string): string {
  return Temporal.Instant.from(instantIso).toZonedDateTimeISO(BRUSSELS).toPlainDate().toString();
}

/** A Brussels wall-clock time ("2025-05-20T23:59:59") as an ISO UTC instant. */
export function brusselsLocalToInstant(localIso: string): string {
  return Temporal.PlainDateTime.from(localIso).toZonedDateTime(BRUSSELS, { disambiguation: 'compatible' }).toInstant().toString();
}

/** Monday of the ISO week that holds a date (YYYY-MM-DD), for weekly charts. */
export function weekStart(date: string): string {
  const d = Temporal.PlainDate.from(date);
  return d.subtract({ days: d.dayOfWeek - 1 }).toString();
}
