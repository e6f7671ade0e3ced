import { DAY_MS, brusselsLocalMsToInstantMs, brusselsOffsetAtMs, brusselsWallClock } from '../../../shared/domain/datetime';
import { clockTime, dayFirstDate, isoDate, offsetText } from './format';
import { Weighted, type Rng } from './random';

/**
 * When applications of one call arrive. The 2026 programme's call runs in 2025: it opens in
 * mid-January, the NATO-funded track closes on 20 May at 23:59:59 Brussels time, and grant-funded
 * applications keep coming (mostly until June, a few later).
 */
export interface CallCalendar {
  /** The programme year, e.g. 2026. */
  readonly year: number;
  /** The year the call runs, e.g. 2025. */
  readonly callYear: number;
  /** First day of the call, Brussels midnight given as if UTC. */
  readonly openingDay: number;
  /** The deadline's Brussels day, midnight given as if UTC. */
  readonly deadlineDay: number;
  /** The NATO-funded deadline instant (inclusive), UTC milliseconds. */
  readonly deadline: number;
  readonly grantEndDay: number;
  readonly lateGrantEndDay: number;
}

export function callCalendar(year: number): CallCalendar {
  const callYear = year - 1;
  const deadlineDay = Date.UTC(callYear, 4, 20);
  return {
    year,
    callYear,
    openingDay: Date.UTC(callYear, 0, 13),
    deadlineDay,
    deadline: brusselsLocalMsToInstantMs(deadlineDay + DAY_MS - 1000),
    grantEndDay: Date.UTC(callYear, 5, 30),
    lateGrantEndDay: Date.UTC(callYear, 8, 30),
  };
}

/** Hours applicants submit at, Brussels time: little at night, most in the afternoon and evening. */
const HOURS = new Weighted<number>(
  [0.6, 0.3, 0.2, 0.1, 0.1, 0.2, 0.5, 1.2, 2.2, 3, 3.2, 3.2, 2.8, 3, 3.2, 3.2, 3.1, 3, 3.2, 3.4, 3.6, 3.4, 2.6, 1.5].map(
    (w, hour) => [hour, w] as const,
  ),
);

/** An instant on a day in [fromDay, toDay] (Brussels days), at a plausible time of day. */
function instantBetween(rng: Rng, fromDay: number, toDay: number): number {
  const days = Math.round((toDay - fromDay) / DAY_MS);
  const day = fromDay + rng.int(0, days) * DAY_MS;
  const second = rng.chance(0.8) ? 0 : rng.int(0, 59);
  const local = day + HOURS.pick(rng) * 3_600_000 + rng.int(0, 59) * 60_000 + second * 1000;
  return brusselsLocalMsToInstantMs(local);
}

export type Track = 'nato' | 'grant';

/**
 * When an application was submitted. NATO-funded ones crowd into the last days before the deadline
 * (a few land on its very last second); `late` ones arrive after it, some within the first hour.
 */
export function submissionInstant(rng: Rng, cal: CallCalendar, track: Track, late: boolean): number {
  const r = rng.next();
  if (track === 'grant') {
    return r < 0.06
      ? instantBetween(rng, cal.grantEndDay + DAY_MS, cal.lateGrantEndDay)
      : instantBetween(rng, cal.openingDay, cal.grantEndDay);
  }
  if (late) {
    if (r < 0.25) return cal.deadline + rng.int(1, 3600) * 1000;
    if (r < 0.65) return instantBetween(rng, cal.deadlineDay + DAY_MS, cal.deadlineDay + 10 * DAY_MS);
    return instantBetween(rng, cal.deadlineDay + DAY_MS, cal.grantEndDay);
  }
  if (r < 0.006) return cal.deadline - rng.pick([0, 0, 1000, 60_000]);
  if (r < 0.36) return instantBetween(rng, cal.deadlineDay - 9 * DAY_MS, cal.deadlineDay);
  return instantBetween(rng, cal.openingDay, cal.deadlineDay);
}

type InstantFormat = 'isoZ' | 'isoZShort' | 'localSpace' | 'isoOffset' | 'dayFirstSlash' | 'dayFirstDot';

const INSTANT_FORMATS = new Weighted<InstantFormat>([
  ['isoZ', 90],
  ['isoZShort', 1],
  ['localSpace', 2.5],
  ['isoOffset', 1.5],
  ['dayFirstSlash', 4],
  ['dayFirstDot', 1],
]);

/**
 * "Submitted On" as exports write it: mostly ISO 8601 in UTC ("2025-04-06T05:48:00Z"), sometimes
 * Brussels wall-clock time, day first ("06/04/2025 07:48") or with its offset.
 */
export function submittedText(rng: Rng, instant: number): string {
  const format = INSTANT_FORMATS.pick(rng);
  if (format === 'isoZ' || format === 'isoZShort') {
    const utc = new Date(instant).toISOString().slice(0, 19); // "2025-04-06T05:48:00"
    return format === 'isoZShort' && utc.endsWith(':00') ? `${utc.slice(0, 16)}Z` : `${utc}Z`;
  }
  const p = brusselsWallClock(instant);
  const withSeconds = p.second !== 0;
  switch (format) {
    case 'localSpace':
      return `${isoDate(p)} ${clockTime(p, true)}`;
    case 'isoOffset':
      return `${isoDate(p)}T${clockTime(p, true)}${offsetText(brusselsOffsetAtMs(instant))}`;
    case 'dayFirstSlash':
      return `${dayFirstDate(p, '/')} ${clockTime(p, withSeconds)}`;
    case 'dayFirstDot':
      return `${dayFirstDate(p, '.')} ${clockTime(p, withSeconds)}`;
  }
}
