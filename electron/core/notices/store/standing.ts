import { NOTICE_DUE_WORKING_DAYS, type NoticeCounts, type NoticeSummary } from '../../../../shared/api/notices';
import { brusselsDate } from '../../../../shared/domain/datetime';
import { NOTICE_OUTCOMES, noticeBasis, noticeStatus, personOutcome, type NoticeOutcome, type NoticeTold, type PersonApplication } from '../../../../shared/domain/notice-outcome';
import type { ProcessStage } from '../../../../shared/domain/stages';
import { workingDaysBetween } from '../working-days';
import { noticeReasons } from './people';

/**
 * Where each person stands for their outcome notice (notice_standing), worked out from rows either
 * engine reads the same way (sqlite-standing.ts, pg-standing.ts), and the Notices page's counts
 * from it. No SQL here; what a person is owed is decided by shared/domain/notice-outcome.ts.
 */

/** One application, slim: what its person's outcome and standing need. */
export type SlimRow = [ref: number, personKey: string, verdict: PersonApplication['verdict'], stage: ProcessStage, offerMade: 0 | 1, division: string | null, since: string];

/** Past this many stale people, one read of the whole campaign is quicker than one per person. */
export const WHOLE_CAMPAIGN_FROM = 2_000;

interface SlimPerson {
  applications: PersonApplication[];
  divisions: Set<string>;
  since: string;
}

/** A row of notice_standing, as both engines store it. */
export interface StandingRow {
  personKey: string;
  outcome: NoticeOutcome | null;
  owed: NoticeOutcome | null;
  since: string;
  divisionsJson: string;
  supersededJson: string;
}

/** The stale people's applications, grouped (rows of other people, in a read of the whole campaign, left out). */
export function slimPeople(rows: Iterable<SlimRow>, stale: ReadonlySet<string>): Map<string, SlimPerson> {
  const byPerson = new Map<string, SlimPerson>();
  for (const [ref, personKey, verdict, stage, offerMade, division, since] of rows) {
    if (!stale.has(personKey)) continue;
    let person = byPerson.get(personKey);
    if (!person) byPerson.set(personKey, (person = { applications: [], divisions: new Set(), since: '' }));
    person.applications.push({ ref, verdict, stage, offerWithdrawnByOffice: stage === 'withdrawn' && offerMade === 1 });
    person.divisions.add(division ?? '');
    if (since > person.since) person.since = since;
  }
  return byPerson;
}

/** The applications whose reasons the basis needs: those of people who were told something (most were not, and reasons cost). */
export function refsNeedingReasons(people: ReadonlyMap<string, SlimPerson>, told: ReadonlyMap<string, NoticeTold[]>): number[] {
  return [...people].flatMap(([personKey, person]) => (told.has(personKey) ? person.applications.map((a) => a.ref) : []));
}

/**
 * Where each stale person stands now: a row to store, or none when nobody is under that key any
 * more (a confirmed duplicate joined them to another, an application deleted).
 */
export function standingOf(
  keys: Iterable<string>,
  people: ReadonlyMap<string, SlimPerson>,
  told: ReadonlyMap<string, NoticeTold[]>,
  reasons: ReadonlyMap<number, { verdict: string; reasonsJson: string }>,
): { upsert: StandingRow[]; remove: string[] } {
  const upsert: StandingRow[] = [];
  const remove: string[] = [];
  for (const personKey of keys) {
    const person = people.get(personKey);
    if (!person) {
      remove.push(personKey);
      continue;
    }
    const outcome = personOutcome(person.applications);
    const notices = told.get(personKey);
    const withReasons = () =>
      person.applications.map((a) => {
        const row = reasons.get(a.ref);
        return { ...a, reasons: row ? noticeReasons(a.verdict, row.verdict, row.reasonsJson) : [] };
      });
    const status = notices ? noticeStatus(outcome, noticeBasis(withReasons()), notices) : { owed: outcome, superseded: [] };
    upsert.push({ personKey, outcome, owed: status.owed, since: person.since, divisionsJson: JSON.stringify([...person.divisions].sort()), supersededJson: JSON.stringify(status.superseded) });
  }
  return { upsert, remove };
}

type StateCount = { outcome: NoticeOutcome; state: keyof NoticeCounts; count: number };

/** What the Notices page's counts are made of, as both engines read them from notice_standing and notices. */
export interface CountRows {
  owed: { owed: NoticeOutcome; count: number }[];
  /** Notices per outcome and state, as stored. */
  states: StateCount[];
  /** Notices a later decision made untrue, per outcome and state stored: they count as superseded at once, before the next batch records it so. */
  untrue: StateCount[];
  perDivision: { division: string; count: number }[];
  /** Oldest first. */
  perDay: { day: string; count: number }[];
  people: number;
}

const zero = (): NoticeCounts => ({ owed: 0, prepared: 0, sent: 0, bounced: 0, superseded: 0 });

/** The Notices page's counts (open batches aside): outcomes × states, people owed per division, how long. */
export function countsOf(rows: CountRows, now = new Date()): Omit<NoticeSummary, 'openBatches'> {
  const byOutcome = Object.fromEntries(NOTICE_OUTCOMES.map((o) => [o, zero()])) as Record<NoticeOutcome, NoticeCounts>;
  for (const { owed, count } of rows.owed) byOutcome[owed].owed = count;
  for (const { outcome, state, count } of rows.states) byOutcome[outcome][state] += count;
  for (const { outcome, state, count } of rows.untrue) {
    byOutcome[outcome][state] -= count;
    byOutcome[outcome].superseded += count;
  }
  const owedByDivision = Object.fromEntries(rows.perDivision.map((d) => [d.division, d.count]));
  // Ages are counted to today, a day (not a person) at a time.
  const today = brusselsDate(now.toISOString());
  const overdue = rows.perDay.reduce((sum, d) => sum + (workingDaysBetween(d.day, today) > NOTICE_DUE_WORKING_DAYS ? d.count : 0), 0);
  const oldest = rows.perDay[0]?.day ?? null;
  return { byOutcome, owedByDivision, oldestOwedSince: oldest, oldestOwedWorkingDays: oldest === null ? null : workingDaysBetween(oldest, today), overdue, people: rows.people };
}

/** Which notices of a batch are marked sent: all prepared but those naming an application the office kept back. */
export function sentOf<N extends { applicationIds: readonly string[] }>(notices: readonly N[], except: readonly string[]): N[] {
  const skip = new Set(except);
  return notices.filter((n) => !n.applicationIds.some((id) => skip.has(id)));
}
