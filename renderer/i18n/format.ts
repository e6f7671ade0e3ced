import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE, toLanguage } from './languages';

/** Submission times are stored as instants; the office reads them in Brussels time. */
const OFFICE_TIME_ZONE = 'Europe/Brussels';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Reads the three shapes dates take in Cohort: a calendar date ("2025-03-03"), a wall-clock time
 * without zone ("2025-05-20T23:59:59", already Brussels time) and an instant with a zone.
 * Dates and wall-clock times are shown as written, never shifted by the viewer's zone.
 */
function parse(value: string): { date: Date; timeZone: string } | null {
  if (DATE_ONLY.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : { date: d, timeZone: 'UTC' };
  }
  const zoned = HAS_ZONE.test(value);
  const d = new Date(zoned ? value : `${value}Z`);
  if (Number.isNaN(d.getTime())) return null;
  return { date: d, timeZone: zoned ? OFFICE_TIME_ZONE : 'UTC' };
}

/** The only option sets the formatter uses: a small fixed set, so the cache below stays small. */
type DateOptions = Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle' | 'day' | 'month'>;

/**
 * Building an Intl.DateTimeFormat costs far more than formatting with one (it loads locale data);
 * a table of hundreds of dates re-rendering on each key press made construction the top cost.
 * Formatters are immutable, so one per locale + options + zone is shared for the app's life.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, options: DateOptions, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${options.dateStyle ?? ''}|${options.timeStyle ?? ''}|${options.day ?? ''}|${options.month ?? ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    dateTimeFormats.set(key, format);
  }
  return format;
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
type ByteUnitIndex = 0 | 1 | 2 | 3;

export interface Format {
  locale: string;
  number(value: number): string;
  /** "3 Mar 2025" / "3 mars 2025" */
  date(value: string): string;
  /** "3 Mar" / "3 mars": for chart axes */
  shortDate(value: string): string;
  /** "3 Mar 2025, 14:05" */
  dateTime(value: string): string;
  /** With seconds: where a second decides (the deadline is 23:59:59 inclusive). */
  dateTimeSeconds(value: string): string;
  /** "Tuesday 20 May 2025 at 23:59:59"; empty when the value cannot be read. */
  longDateTime(value: string): string;
  bytes(value: number): string;
  /** 0.25 -> "25%" / "25 %" */
  percent(fraction: number): string;
  /** A time left: "45 sec", "3 min 20 sec" / "3 min 20 s". */
  duration(seconds: number): string;
  /** "B, F and K" / "B, F et K" */
  list(items: string[]): string;
  /** "B, F or K" / "B, F ou K" */
  orList(items: string[]): string;
}

export function useFormat(): Format {
  const { i18n } = useTranslation();
  const locale = LOCALE[toLanguage(i18n.resolvedLanguage ?? i18n.language)];
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(locale);
    const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
    const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short' });
    const hours = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short' });
    const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    const orListFormat = new Intl.ListFormat(locale, { style: 'long', type: 'disjunction' });
    const byteFormat = (unit: (typeof BYTE_UNITS)[number]): Intl.NumberFormat =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        // "574 bytes", not "574 byte"; "1.2 MB" for the rest.
        unitDisplay: unit === 'byte' ? 'long' : 'short',
        maximumFractionDigits: unit === 'byte' ? 0 : 1,
      });
    const byteFormats = [byteFormat('byte'), byteFormat('kilobyte'), byteFormat('megabyte'), byteFormat('gigabyte')] as const;
    const withDate = (value: string, options: DateOptions): string => {
      const parsed = parse(value);
      if (!parsed) return value;
      return dateTimeFormat(locale, options, parsed.timeZone).format(parsed.date);
    };
    return {
      locale,
      number: (value) => numberFormat.format(value),
      date: (value) => withDate(value, { dateStyle: 'medium' }),
      shortDate: (value) => withDate(value, { day: 'numeric', month: 'short' }),
      dateTime: (value) =>
        DATE_ONLY.test(value) ? withDate(value, { dateStyle: 'medium' }) : withDate(value, { dateStyle: 'medium', timeStyle: 'short' }),
      dateTimeSeconds: (value) =>
        DATE_ONLY.test(value) ? withDate(value, { dateStyle: 'medium' }) : withDate(value, { dateStyle: 'medium', timeStyle: 'medium' }),
      longDateTime: (value) => (parse(value) ? withDate(value, { dateStyle: 'full', timeStyle: 'medium' }) : ''),
      bytes(value) {
        let amount = value;
        let unit: ByteUnitIndex = 0;
        while (amount >= 1024 && unit < BYTE_UNITS.length - 1) {
          amount /= 1024;
          unit = (unit + 1) as ByteUnitIndex;
        }
        return byteFormats[unit].format(amount);
      },
      // Floor, not round: "99 %" until it is really done.
      percent: (fraction) => percentFormat.format(Math.floor(Math.min(Math.max(fraction, 0), 1) * 100) / 100),
      duration(value) {
        const total = Math.max(0, Math.round(value));
        if (total < 60) return seconds.format(total);
        if (total < 3600) {
          const s = total % 60;
          return s === 0 ? minutes.format(total / 60) : `${minutes.format(Math.floor(total / 60))} ${seconds.format(s)}`;
        }
        const m = Math.floor((total % 3600) / 60);
        return m === 0 ? hours.format(Math.floor(total / 3600)) : `${hours.format(Math.floor(total / 3600))} ${minutes.format(m)}`;
      },
      list: (items) => listFormat.format(items),
      orList: (items) => orListFormat.format(items),
    };
  }, [locale]);
}
