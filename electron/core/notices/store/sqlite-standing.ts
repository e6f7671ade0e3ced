import type { NoticeSummary } from '../../../../shared/api/notices';
import type { NoticeOutcome, NoticeTold } from '../../../../shared/domain/notice-outcome';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { ACTIVE_OVERRIDE, EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';
import { toldByPerson, type ToldRow } from './people';
import { countsOf, refsNeedingReasons, slimPeople, standingOf, WHOLE_CAMPAIGN_FROM, type CountRows, type SlimRow } from './standing';

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
  const noticeStates = sqlite.prepare<[number], CountRows['states'][number]>(
    'SELECT outcome, state, count(*) AS count FROM notices WHERE campaign_id = ? GROUP BY outcome, state',
  );
  // Notices a later decision made untrue count as superseded at once, before the next batch records it so.
  const untrueStates = sqlite.prepare<[number], CountRows['untrue'][number]>(
    `SELECT n.outcome, n.state, count(*) AS count FROM notice_standing s, json_each(s.superseded_json) j JOIN notices n ON n.id = j.value
     WHERE s.campaign_id = ? AND s.superseded_json <> '[]' GROUP BY n.outcome, n.state`,
  );
  const owedKeys = sqlite.prepare<[number, string], string>('SELECT person_key FROM notice_standing WHERE campaign_id = ? AND owed = ?').pluck();
  const keyWithOutcome = sqlite.prepare<[number, string], string>('SELECT person_key FROM notice_standing WHERE campaign_id = ? AND outcome = ? LIMIT 1').pluck();
  const untrue = sqlite.prepare<[number], { personKey: string; supersededJson: string }>(
    "SELECT person_key AS personKey, superseded_json AS supersededJson FROM notice_standing WHERE campaign_id = ? AND superseded_json <> '[]'",
  );

  /** Works out again where the stale people of a campaign stand, in one transaction with clearing their marks. */
  function bringUpToDate(campaignId: number): void {
    if (anyStale.get(campaignId) === undefined) return;
    writeTransaction(sqlite, () => {
      const keys = staleKeys.all(campaignId);
      const whole = keys.length >= WHOLE_CAMPAIGN_FROM;
      const json = JSON.stringify(keys);
      const people = slimPeople(whole ? slimOfCampaign.all(campaignId) : slimOfPeople.all(json, campaignId), new Set(keys));
      const told = toldByPerson(whole ? toldOfCampaign.all(campaignId) : toldOfPeople.all(campaignId, json));
      const reasons = new Map(refsNeedingReasons(people, told).flatMap((ref) => {
        const row = reasonsOf.get(ref);
        return row ? [[ref, row] as const] : [];
      }));
      const { upsert: rows, remove: gone } = standingOf(keys, people, told, reasons);
      for (const personKey of gone) remove.run(campaignId, personKey);
      for (const r of rows) upsert.run(campaignId, r.personKey, r.outcome, r.owed, r.since, r.divisionsJson, r.supersededJson);
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
      const rows: CountRows = {
        owed: owedCounts.all(campaignId),
        states: noticeStates.all(campaignId),
        untrue: untrueStates.all(campaignId),
        perDivision: owedPerDivision.all(campaignId),
        perDay: owedPerDay.all(campaignId),
        people: peopleCount.get(campaignId) ?? 0,
      };
      return countsOf(rows);
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
