import { NOTICE_DUE_WORKING_DAYS, type NoticeCounts, type NoticeSummary } from '../../../../shared/api/notices';
import { brusselsDate } from '../../../../shared/domain/datetime';
import { NOTICE_OUTCOMES, noticeBasis, noticeStatus, personOutcome, type NoticeOutcome, type NoticeTold, type PersonApplication } from '../../../../shared/domain/notice-outcome';
import type { ProcessStage } from '../../../../shared/domain/stages';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { ACTIVE_OVERRIDE, EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';
import { workingDaysBetween } from '../working-days';

/** A notice as its person's status is worked out from it. */
export interface ToldRow extends Omit<NoticeTold, 'sent'> {
  personKey: string;
  sentAt: string | null;
}

/** The notices told, per person, oldest first. */
export function toldByPerson(rows: Iterable<ToldRow>): Map<string, NoticeTold[]> {
  const told = new Map<string, NoticeTold[]>();
  for (const { personKey, sentAt, ...notice } of rows) {
    const list = told.get(personKey);
    const entry = { ...notice, sent: sentAt !== null };
    if (list) list.push(entry);
    else told.set(personKey, [entry]);
  }
  return told;
}

type SlimRow = [ref: number, personKey: string, verdict: PersonApplication['verdict'], stage: ProcessStage, offerMade: 0 | 1, division: string | null, since: string];

/**
 * The SQL both reads of a person's applications share (this module's slim one, sqlite-notices.ts'
 * full one). Expects `applications a` and `screening_results r` joined: an officer's verdict, the
 * triage stage and the selection of each application, and since when it has stood as it does.
 */
export const APPLICATION_DECISIONS = `${ACTIVE_OVERRIDE}
      LEFT JOIN triage_states t ON t.application_ref = a.id
      LEFT JOIN selection_details d ON d.application_ref = a.id`;
export const DECIDED_SINCE = `max(coalesce(t.updated_at, ''), r.screened_at, coalesce(o.at, ''))`;
/** The same for some people only (a JSON array of person keys, then the campaign): from each key through screening's person index, not a scan of the campaign. */
export const OF_PEOPLE = `json_each(?) k CROSS JOIN screening_results r ON r.person_key = k.value AND r.campaign_id = ? JOIN applications a ON a.id = r.application_ref`;

/** The reasons a notice gives: the rules' own when the verdict that counts is theirs; an officer's decision gives none. */
export function noticeReasons(verdict: string, automaticVerdict: string, reasonsJson: string): string[] {
  return verdict === 'ineligible' && automaticVerdict === 'ineligible' ? (JSON.parse(reasonsJson) as string[]) : [];
}

/** Past this many stale people, one read of the whole campaign is quicker than one per person. */
const WHOLE_CAMPAIGN_FROM = 2_000;

const zero = (): NoticeCounts => ({ owed: 0, prepared: 0, sent: 0, bounced: 0, superseded: 0 });

/**
 * Where each person stands for their outcome notice (migration 0012): worked out again only for
 * the people the triggers marked stale, so the Notices page counts 50,000 applications from a
 * table of one row per person, however recent the last change. What a person is owed is decided
 * by shared/domain/notice-outcome.ts, as everywhere else.
 */
export function sqliteNoticeStanding(sqlite: SqliteDatabase) {
  const SLIM = `SELECT r.application_ref, r.person_key, (${EFFECTIVE_VERDICT}), coalesce(t.stage, 'new'), d.offer_made_at IS NOT NULL, a.division_code, ${DECIDED_SINCE}`;
  const slimOfCampaign = sqlite.prepare<[number], SlimRow>(`${SLIM} FROM screening_results r JOIN applications a ON a.id = r.application_ref ${APPLICATION_DECISIONS} WHERE r.campaign_id = ?`).raw();
  const slimOfPeople = sqlite.prepare<[string, number], SlimRow>(`${SLIM} FROM ${OF_PEOPLE} ${APPLICATION_DECISIONS}`).raw();
  const toldOfCampaign = sqlite.prepare<[number], ToldRow>('SELECT id, person_key AS personKey, outcome, state, basis, sent_at AS sentAt FROM notices WHERE campaign_id = ? ORDER BY id');
  const toldOfPeople = sqlite.prepare<[number, string], ToldRow>(
    'SELECT id, person_key AS personKey, outcome, state, basis, sent_at AS sentAt FROM notices WHERE campaign_id = ? AND person_key IN (SELECT value FROM json_each(?)) ORDER BY id',
  );
  const reasonsOf = sqlite.prepare<[number], { verdict: string; reasonsJson: string }>('SELECT verdict, reasons_json AS reasonsJson FROM screening_results WHERE application_ref = ?');

  const anyStale = sqlite.prepare<[number], number>('SELECT 1 FROM notice_standing_stale WHERE campaign_id = ? LIMIT 1').pluck();
  const staleKeys = sqlite.prepare<[number], string>('SELECT person_key FROM notice_standing_stale WHERE campaign_id = ?').pluck();
  const clearStale = sqlite.prepare<[number]>('DELETE FROM notice_standing_stale WHERE campaign_id = ? OR campaign_id NOT IN (SELECT id FROM campaigns)');
  const upsert = sqlite.prepare<[number, string, string | null, string | null, string, string, string]>(
    `INSERT INTO notice_standing (campaign_id, person_key, outcome, owed, since, divisions_json, superseded_json) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (campaign_id, person_key) DO UPDATE SET outcome = excluded.outcome, owed = excluded.owed, since = excluded.since,
       divisions_json = excluded.divisions_json, superseded_json = excluded.superseded_json`,
  );
  const remove = sqlite.prepare<[number, string]>('DELETE FROM notice_standing WHERE campaign_id = ? AND person_key = ?');

  const owedCounts = sqlite.prepare<[number], { owed: NoticeOutcome; count: number }>(
    'SELECT owed, count(*) AS count FROM notice_standing WHERE campaign_id = ? AND owed IS NOT NULL GROUP BY owed',
  );
  const owedPerDivision = sqlite.prepare<[number], { division: string; count: number }>(
    `SELECT d.value AS division, count(*) AS count FROM notice_standing s, json_each(s.divisions_json) d
     WHERE s.campaign_id = ? AND s.owed IS NOT NULL GROUP BY d.value`,
  );
  const owedPerDay = sqlite.prepare<[number], { day: string; count: number }>(
    'SELECT substr(since, 1, 10) AS day, count(*) AS count FROM notice_standing WHERE campaign_id = ? AND owed IS NOT NULL GROUP BY day ORDER BY day',
  );
  const peopleCount = sqlite.prepare<[number], number>('SELECT count(*) FROM notice_standing WHERE campaign_id = ?').pluck();
  const noticeStates = sqlite.prepare<[number], { outcome: NoticeOutcome; state: keyof NoticeCounts; count: number }>(
    'SELECT outcome, state, count(*) AS count FROM notices WHERE campaign_id = ? GROUP BY outcome, state',
  );
  // Notices a later decision made untrue count as superseded at once, before the next batch records it so.
  const untrueStates = sqlite.prepare<[number], { outcome: NoticeOutcome; state: keyof NoticeCounts; count: number }>(
    `SELECT n.outcome, n.state, count(*) AS count FROM notice_standing s, json_each(s.superseded_json) j JOIN notices n ON n.id = j.value
     WHERE s.campaign_id = ? AND s.superseded_json <> '[]' GROUP BY n.outcome, n.state`,
  );
  const owedKeys = sqlite.prepare<[number, string], string>('SELECT person_key FROM notice_standing WHERE campaign_id = ? AND owed = ?').pluck();
  const keyWithOutcome = sqlite.prepare<[number, string], string>('SELECT person_key FROM notice_standing WHERE campaign_id = ? AND outcome = ? LIMIT 1').pluck();
  const untrue = sqlite.prepare<[number], { personKey: string; supersededJson: string }>(
    "SELECT person_key AS personKey, superseded_json AS supersededJson FROM notice_standing WHERE campaign_id = ? AND superseded_json <> '[]'",
  );

  /** The applications with their reasons, as the basis of a notice holds them. */
  function withReasons(list: readonly PersonApplication[]): (PersonApplication & { reasons: string[] })[] {
    return list.map((a) => {
      const row = reasonsOf.get(a.ref);
      return { ...a, reasons: row ? noticeReasons(a.verdict, row.verdict, row.reasonsJson) : [] };
    });
  }

  /** Works out again where the stale people of a campaign stand, in one transaction with clearing their marks. */
  function bringUpToDate(campaignId: number): void {
    if (anyStale.get(campaignId) === undefined) return;
    writeTransaction(sqlite, () => {
      const keys = staleKeys.all(campaignId);
      const whole = keys.length >= WHOLE_CAMPAIGN_FROM;
      const stale = new Set(keys);
      const json = JSON.stringify(keys);
      const byPerson = new Map<string, { applications: PersonApplication[]; divisions: Set<string>; since: string }>();
      for (const [ref, personKey, verdict, stage, offerMade, division, since] of whole ? slimOfCampaign.all(campaignId) : slimOfPeople.all(json, campaignId)) {
        if (whole && !stale.has(personKey)) continue;
        let person = byPerson.get(personKey);
        if (!person) byPerson.set(personKey, (person = { applications: [], divisions: new Set(), since: '' }));
        person.applications.push({ ref, verdict, stage, offerWithdrawnByOffice: stage === 'withdrawn' && offerMade === 1 });
        person.divisions.add(division ?? '');
        if (since > person.since) person.since = since;
      }
      const told = toldByPerson(whole ? toldOfCampaign.all(campaignId) : toldOfPeople.all(campaignId, json));
      for (const personKey of keys) {
        const person = byPerson.get(personKey);
        // Nobody under that key any more (a confirmed duplicate joined them to another, an application deleted).
        if (!person) {
          remove.run(campaignId, personKey);
          continue;
        }
        const outcome = personOutcome(person.applications);
        const notices = told.get(personKey);
        // Reasons matter to the basis only where notices were told: read them for those people.
        const status = notices ? noticeStatus(outcome, noticeBasis(withReasons(person.applications)), notices) : { owed: outcome, superseded: [] };
        upsert.run(campaignId, personKey, outcome, status.owed, person.since, JSON.stringify([...person.divisions].sort()), JSON.stringify(status.superseded));
      }
      clearStale.run(campaignId);
    });
  }

  return {
    bringUpToDate,

    /** The notices told per person, oldest first: of the whole campaign, or of the people named. */
    told(campaignId: number, only?: readonly string[]): Map<string, NoticeTold[]> {
      return toldByPerson(only ? toldOfPeople.all(campaignId, JSON.stringify(only)) : toldOfCampaign.all(campaignId));
    },

    /** The Notices page's counts (open batches aside): outcomes × states, people owed per division, how long. */
    counts(campaignId: number): Omit<NoticeSummary, 'openBatches'> {
      bringUpToDate(campaignId);
      const byOutcome = Object.fromEntries(NOTICE_OUTCOMES.map((o) => [o, zero()])) as Record<NoticeOutcome, NoticeCounts>;
      for (const { owed, count } of owedCounts.all(campaignId)) byOutcome[owed].owed = count;
      for (const { outcome, state, count } of noticeStates.all(campaignId)) byOutcome[outcome][state] += count;
      for (const { outcome, state, count } of untrueStates.all(campaignId)) {
        byOutcome[outcome][state] -= count;
        byOutcome[outcome].superseded += count;
      }
      const owedByDivision = Object.fromEntries(owedPerDivision.all(campaignId).map((d) => [d.division, d.count]));
      const days = owedPerDay.all(campaignId);
      // Ages are counted to today, a day (not a person) at a time.
      const today = brusselsDate(new Date().toISOString());
      const overdue = days.reduce((sum, d) => sum + (workingDaysBetween(d.day, today) > NOTICE_DUE_WORKING_DAYS ? d.count : 0), 0);
      const oldest = days[0]?.day ?? null;
      return { byOutcome, owedByDivision, oldestOwedSince: oldest, oldestOwedWorkingDays: oldest === null ? null : workingDaysBetween(oldest, today), overdue, people: peopleCount.get(campaignId) ?? 0 };
    },

    /** People owed a notice, per day they have been owed since (oldest first). */
    owedSince(campaignId: number): { day: string; count: number }[] {
      bringUpToDate(campaignId);
      return owedPerDay.all(campaignId);
    },

    /** The people owed a notice of this outcome now. */
    owedKeys(campaignId: number, outcome: NoticeOutcome): string[] {
      bringUpToDate(campaignId);
      return owedKeys.all(campaignId, outcome);
    },

    /** One person whose applications give this outcome (for a preview), or none. */
    keyWithOutcome(campaignId: number, outcome: NoticeOutcome): string | undefined {
      bringUpToDate(campaignId);
      return keyWithOutcome.get(campaignId, outcome);
    },

    /** Per person, the notices a later decision made untrue (people with none are left out). */
    untrueNotices(campaignId: number): Map<string, number[]> {
      bringUpToDate(campaignId);
      return new Map(untrue.all(campaignId).map((row) => [row.personKey, JSON.parse(row.supersededJson) as number[]]));
    },
  };
}
