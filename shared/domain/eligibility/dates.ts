import { DAY_MS, brusselsLocalToInstant, brusselsOffsetAtMs, isValidDate } from '../datetime';
import type { CampaignSettings } from '../settings';

/**
 * Calendar arithmetic of the rules, on dates written YYYY-MM-DD (which compare correctly as text).
 */

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * The birthday `years` after a date of birth. Someone born on 29 February has birthdays on
 * 1 March in common years (eligibility-rules.md, "Age").
 */
export function birthdayAfter(dateOfBirth: string, years: number): string {
  const year = Number(dateOfBirth.slice(0, 4)) + years;
  const monthDay = dateOfBirth.slice(4);
  if (monthDay === '-02-29' && !isValidDate(year, 2, 29)) return `${pad(year, 4)}-03-01`;
  return `${pad(year, 4)}${monthDay}`;
}

/**
 * "Minus one year": the same day and month a year earlier, 29 February becoming 28 February
 * (eligibility-rules.md, "Education").
 */
export function yearBefore(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const monthDay = date.slice(4);
  if (monthDay === '-02-29' && !isValidDate(year, 2, 29)) return `${pad(year, 4)}-02-28`;
  return `${pad(year, 4)}${monthDay}`;
}

/**
 * An instant as Brussels wall-clock text, "YYYY-MM-DDTHH:MM:SS.sssZ" with the Z meaning nothing:
 * one Date and one string, as this runs several times for each of 50,000 applications.
 */
function brusselsIso(instantMs: number): string {
  return new Date(instantMs + brusselsOffsetAtMs(instantMs)).toISOString();
}

/** Brussels dates by day number (wall-clock days since 1970-01-01): a campaign spans a few hundred. */
const dateOfDay = new Map<number, string>();

/** The Brussels calendar date of an instant (UTC ms). */
export function brusselsDateOfMs(instantMs: number): string {
  const day = Math.floor((instantMs + brusselsOffsetAtMs(instantMs)) / DAY_MS);
  let date = dateOfDay.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dateOfDay.size >= 100_000) dateOfDay.clear();
    dateOfDay.set(day, date);
  }
  return date;
}

/** An instant as Brussels wall-clock text, "2025-05-20 23:59:59", for explanations. */
export function brusselsDateTimeText(instantMs: number): string {
  const iso = brusselsIso(instantMs);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** The submission instant in UTC ms, or null when it is missing or unreadable. */
export function submittedMs(submittedAt: string | null): number | null {
  if (submittedAt === null) return null;
  const ms = Date.parse(submittedAt);
  return Number.isNaN(ms) ? null : ms;
}

/** What the settings fix for the whole campaign, worked out once. */
export interface CampaignClock {
  /** The NATO-funded deadline instant (UTC ms), inclusive. */
  deadlineMs: number;
  /** The deadline as Brussels wall-clock text, for explanations. */
  deadlineText: string;
  /** The deadline's Brussels date: the judging date when eligibility is judged on the deadline. */
  deadlineDate: string;
}

export function campaignClock(settings: CampaignSettings): CampaignClock {
  const deadlineMs = Date.parse(brusselsLocalToInstant(settings.natoFundedDeadline));
  return { deadlineMs, deadlineText: brusselsDateTimeText(deadlineMs), deadlineDate: settings.natoFundedDeadline.slice(0, 10) };
}

/**
 * "The application date" of the rules: the Brussels calendar date of the submission, or the
 * deadline's date when the campaign judges eligibility on the deadline.
 */
export function judgingDate(submittedAtMs: number | null, settings: CampaignSettings, clock: CampaignClock): string | null {
  if (settings.eligibilityJudgedOn === 'deadline') return clock.deadlineDate;
  return submittedAtMs === null ? null : brusselsDateOfMs(submittedAtMs);
}

/** Whole years of age on `date`, birthdays counted as the rules count them (29 February: 1 March). */
export function ageOn(dateOfBirth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return birthdayAfter(dateOfBirth, years) <= date ? years : years - 1;
}
