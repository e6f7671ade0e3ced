import { Temporal } from 'temporal-polyfill';
import { NATO_MEMBERS } from './countries';
import { weekStart } from './datetime';
import type { FundingTrack } from './listed-values';
import { EXITS, FUNNEL_STEPS, type Exit, type FunnelStep, type ReportFact } from './report-facts';
import type { Session } from './selection-moves';

/**
 * The season report's figures, counted from the facts of report-facts.ts: pure functions, the same
 * for the page, the CLI and the workbook, tested against counts worked out by hand.
 */

export interface ReportFilter {
  division: string | null;
  track: FundingTrack | null;
  session: Session | null;
}

export const NO_FILTER: ReportFilter = { division: null, track: null, session: null };

export function filterFacts(facts: readonly ReportFact[], filter: ReportFilter): ReportFact[] {
  return facts.filter((f) => (filter.division === null || f.division === filter.division) && (filter.track === null || f.track === filter.track) && (filter.session === null || f.session === filter.session));
}

const at = (reached: FunnelStep) => FUNNEL_STEPS.indexOf(reached);

// ---- The funnel ----

export interface FunnelFigures {
  /** Applications that reached each step, with the share of the step before that went on (null for the first, or after none). */
  steps: { step: FunnelStep; count: number; ofPrevious: number | null }[];
  /** Where applications left, each with its reasons (criterion codes, triage reasons) largest first. */
  exits: { exit: Exit; count: number; reasons: { reason: string; count: number }[] }[];
}

export function funnel(facts: readonly ReportFact[]): FunnelFigures {
  const counts = FUNNEL_STEPS.map(() => 0);
  for (const fact of facts) for (let i = 0; i <= fact.reached; i++) counts[i] = (counts[i] ?? 0) + 1;
  const steps = FUNNEL_STEPS.map((step, i) => {
    const count = counts[i] ?? 0;
    const previous = i === 0 ? 0 : (counts[i - 1] ?? 0);
    return { step, count, ofPrevious: i === 0 || previous === 0 ? null : count / previous };
  });
  const exits = EXITS.map((exit) => {
    const leaving = facts.filter((f) => f.left === exit);
    return { exit, count: leaving.length, reasons: tally(leaving.flatMap((f) => (f.why === null ? [] : [f.why]))) };
  });
  return { steps, exits };
}

/** Counts per value, largest first (then by value, for a stable order). */
function tally(values: readonly string[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

// ---- Reach across member states ----

/** The steps reach and diversity follow a group through. */
export const GROUP_STAGES = ['applications', 'eligible', 'shortlisted', 'selected'] as const satisfies readonly FunnelStep[];
export type GroupStage = (typeof GROUP_STAGES)[number];

/** Counts at each of GROUP_STAGES, in order. */
export type StageCounts = [applied: number, eligible: number, shortlisted: number, selected: number];

function stageCounts(facts: readonly ReportFact[]): StageCounts {
  const thresholds = GROUP_STAGES.map(at);
  const counts: StageCounts = [0, 0, 0, 0];
  for (const fact of facts) for (let i = 0; i < counts.length; i++) if (fact.reached >= (thresholds[i] ?? 0)) counts[i] = (counts[i] ?? 0) + 1;
  return counts;
}

export interface ReachFigures {
  /** Every member state, most applications first. */
  members: { country: string; accession: string; counts: StageCounts }[];
  /** The accession waves (the year states joined), oldest first. */
  waves: { year: string; countries: string[]; counts: StageCounts }[];
  /** Nationals of countries that are not members (partners' nationals are ineligible), and nationalities not read. */
  otherCountries: StageCounts;
  unknown: StageCounts;
  noApplicant: string[];
  noneSelected: string[];
}

export function reach(facts: readonly ReportFact[]): ReachFigures {
  const byCountry = new Map<string, ReportFact[]>();
  for (const fact of facts) {
    const key = fact.nationality ?? '';
    const list = byCountry.get(key);
    if (list) list.push(fact);
    else byCountry.set(key, [fact]);
  }
  const memberCodes = new Set(NATO_MEMBERS.map((m) => m.alpha2));
  const members = NATO_MEMBERS.map((m) => ({ country: m.alpha2, accession: m.accession, counts: stageCounts(byCountry.get(m.alpha2) ?? []) })).sort(
    (a, b) => b.counts[0] - a.counts[0] || a.country.localeCompare(b.country),
  );
  const years = [...new Set(NATO_MEMBERS.map((m) => m.accession.slice(0, 4)))].sort();
  const waves = years.map((year) => {
    const countries = NATO_MEMBERS.filter((m) => m.accession.startsWith(year)).map((m) => m.alpha2);
    return { year, countries, counts: stageCounts(countries.flatMap((c) => byCountry.get(c) ?? [])) };
  });
  return {
    members,
    waves,
    otherCountries: stageCounts(facts.filter((f) => f.nationality !== null && !memberCodes.has(f.nationality))),
    unknown: stageCounts(byCountry.get('') ?? []),
    noApplicant: members.filter((m) => m.counts[0] === 0).map((m) => m.country).sort(),
    noneSelected: members.filter((m) => m.counts[3] === 0).map((m) => m.country).sort(),
  };
}

// ---- Diversity across stages ----

export const DIMENSIONS = ['gender', 'ageBand', 'degree', 'languages', 'nationality'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const MEMBER_CODES: ReadonlySet<string> = new Set(NATO_MEMBERS.map((m) => m.alpha2));

/** A group's key when the fact does not say (no gender given, a date of birth not read). */
export const NOT_GIVEN = 'notGiven';

export interface DiversityGroup {
  /** The group's key (a gender as written, an age band, a country code…), or NOT_GIVEN. */
  group: string;
  counts: StageCounts;
  /** The group's share of each stage (null when the stage is empty). */
  shares: (number | null)[];
  /**
   * Its share falls to under two thirds of what it was at the stage before: a group of 5 or more
   * there, a stage of 20 or more (smaller ones swing by chance), and for nationality a member state
   * (nationals of other countries are ineligible by rule, not dropped).
   */
  drops: boolean[];
}

/** A gender as the export gives it, counted case-insensitively ("female" and "Female" are one group). */
function groupOf(fact: ReportFact, dimension: Dimension): string {
  switch (dimension) {
    case 'gender':
      return fact.gender.trim() === '' ? NOT_GIVEN : fact.gender.trim().toLowerCase();
    case 'ageBand':
      return fact.ageBand ?? NOT_GIVEN;
    case 'degree':
      return fact.degree ?? NOT_GIVEN;
    case 'languages':
      return fact.languages;
    case 'nationality':
      return fact.nationality ?? NOT_GIVEN;
  }
}

export function diversity(facts: readonly ReportFact[], dimension: Dimension): DiversityGroup[] {
  const groups = new Map<string, ReportFact[]>();
  for (const fact of facts) {
    const key = groupOf(fact, dimension);
    const list = groups.get(key);
    if (list) list.push(fact);
    else groups.set(key, [fact]);
  }
  const totals = stageCounts(facts);
  return [...groups]
    .map(([group, list]) => {
      const counts = stageCounts(list);
      const shares = counts.map((count, i) => ((totals[i] ?? 0) === 0 ? null : count / (totals[i] ?? 1)));
      const watched = dimension !== 'nationality' || MEMBER_CODES.has(group);
      const drops = shares.map((share, i) => {
        const before = i === 0 ? null : shares[i - 1];
        return watched && i > 0 && before != null && share !== null && (counts[i - 1] ?? 0) >= 5 && (totals[i] ?? 0) >= 20 && share < (before * 2) / 3;
      });
      return { group, counts, shares, drops };
    })
    .sort((a, b) => b.counts[0] - a.counts[0] || a.group.localeCompare(b.group));
}

// ---- The office's pace ----

export interface PaceFigures {
  /** Verdicts given per week (Monday), oldest first. */
  decidedPerWeek: { week: string; count: number }[];
  /** Median days from the application to its verdict, to its first shortlist, to the notice telling its outcome. */
  medianDays: { toVerdict: number | null; toShortlist: number | null; toNotice: number | null };
}

/** A day's number (days since 1970-01-01) and its week's Monday, each date worked out once: a season has a few hundred. */
function dayCalendar(): { dayNumber(date: string): number; week(date: string): string } {
  const numbers = new Map<string, number>();
  const weeks = new Map<string, string>();
  return {
    dayNumber(date) {
      let n = numbers.get(date);
      if (n === undefined) numbers.set(date, (n = Temporal.PlainDate.from('1970-01-01').until(Temporal.PlainDate.from(date), { largestUnit: 'days' }).days));
      return n;
    },
    week(date) {
      let w = weeks.get(date);
      if (w === undefined) weeks.set(date, (w = weekStart(date)));
      return w;
    },
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function pace(facts: readonly ReportFact[]): PaceFigures {
  const weeks = new Map<string, number>();
  const toVerdict: number[] = [];
  const toShortlist: number[] = [];
  const toNotice: number[] = [];
  const calendar = dayCalendar();
  const days = (from: string, to: string) => calendar.dayNumber(to) - calendar.dayNumber(from);
  for (const fact of facts) {
    if (fact.decided !== null) {
      const week = calendar.week(fact.decided);
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
    }
    if (fact.submitted === null) continue;
    if (fact.decided !== null) toVerdict.push(days(fact.submitted, fact.decided));
    if (fact.shortlisted !== null) toShortlist.push(days(fact.submitted, fact.shortlisted));
    if (fact.told !== null) toNotice.push(days(fact.submitted, fact.told));
  }
  return {
    decidedPerWeek: [...weeks].map(([week, count]) => ({ week, count })).sort((a, b) => a.week.localeCompare(b.week)),
    medianDays: { toVerdict: median(toVerdict), toShortlist: median(toShortlist), toNotice: median(toNotice) },
  };
}

/** Notices owed, by how many working days they have waited. */
export const OWED_AGE_BANDS = ['upTo5', '6to10', '11to20', 'over20'] as const;
export type OwedAgeBand = (typeof OWED_AGE_BANDS)[number];

// ---- Exports never identify a person ----

/** Groups smaller than this are shown as "fewer than 5" in anything exported. */
export const SMALLEST_SHOWN = 5;

/** A count as exported: the number, or 'fewer than 5' for a group of 1 to 4 people (none is none). */
export function shownCount(count: number): number | 'fewerThan5' {
  return count > 0 && count < SMALLEST_SHOWN ? 'fewerThan5' : count;
}
