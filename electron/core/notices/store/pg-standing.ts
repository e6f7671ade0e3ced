import type pg from 'pg';
import type { NoticeSummary } from '../../../../shared/api/notices';
import type { NoticeOutcome, NoticeTold } from '../../../../shared/domain/notice-outcome';
import { inTransaction, read } from '../../../../db/postgres/transaction';
import { EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';
import { toldByPerson, type ToldRow } from './people';
import { countsOf, refsNeedingReasons, slimPeople, standingOf, WHOLE_CAMPAIGN_FROM, type CountRows, type SlimRow } from './standing';

/**
 * Where each person stands for their outcome notice, on the office server: the same table and the
 * same rules as on SQLite (sqlite-standing.ts, standing.ts), the people to work out again marked by
 * PostgreSQL's triggers (PostgreSQL migration 5). SQL of its own where PostgreSQL's differs:
 * `greatest` for SQLite's max() of values, arrays for json_each, jsonb for the stored lists.
 */

/**
 * What an application's notice depends on, joined to `applications a` and `screening_results r`:
 * the officer's verdict that stands (the EFFECTIVE_VERDICT's `o`), the triage stage, the selection.
 */
export const PG_APPLICATION_DECISIONS = `LEFT JOIN screening_overrides o ON o.application_ref = a.id AND o.state = 'active'
      LEFT JOIN triage_states t ON t.application_ref = a.id
      LEFT JOIN selection_details d ON d.application_ref = a.id`;
/** Since when the application has stood as it does (ISO times, compared as bytes like SQLite's max()). */
export const PG_DECIDED_SINCE = `greatest(coalesce(t.updated_at, '') COLLATE "C", r.screened_at COLLATE "C", coalesce(o.at, '') COLLATE "C")`;
/** Some people only ($1: their keys; $2: the campaign), through screening's person index. */
export const PG_OF_PEOPLE = 'unnest($1::text[]) k(value) JOIN screening_results r ON r.person_key = k.value AND r.campaign_id = $2 JOIN applications a ON a.id = r.application_ref';

const SLIM = `SELECT r.application_ref AS ref, r.person_key AS "personKey", (${EFFECTIVE_VERDICT}) AS verdict, coalesce(t.stage, 'new') AS stage,
  (d.offer_made_at IS NOT NULL)::int AS "offerMade", a.division_code AS division, ${PG_DECIDED_SINCE} AS since`;
const TOLD = 'SELECT id, person_key AS "personKey", outcome, state, basis, sent_at AS "sentAt" FROM notices';

type SlimObject = { ref: number; personKey: string; verdict: SlimRow[2]; stage: SlimRow[3]; offerMade: 0 | 1; division: string | null; since: string };
const asSlim = (r: SlimObject): SlimRow => [r.ref, r.personKey, r.verdict, r.stage, r.offerMade, r.division, r.since];

/** A connection's queries: a transaction's client, or the pool for a read on its own. */
type Queryable = Pick<pg.ClientBase, 'query'>;

/**
 * Works out again where the marked people of a campaign stand, inside the caller's transaction.
 * One workstation at a time per campaign (a transaction advisory lock): two working out the same
 * person from reads taken at different moments could otherwise store the older one last. The
 * marks are taken away as they are read (DELETE … RETURNING, migration 5 says why).
 */
export async function bringUpToDate(c: pg.ClientBase, campaignId: number): Promise<void> {
  await c.query("SELECT pg_advisory_xact_lock(hashtext('notice standing ' || $1::text))", [campaignId]);
  const marked = await c.query<{ personKey: string; campaignId: number }>(
    'DELETE FROM notice_standing_stale WHERE campaign_id = $1 OR campaign_id NOT IN (SELECT id FROM campaigns) RETURNING person_key AS "personKey", campaign_id AS "campaignId"',
    [campaignId],
  );
  const keys = [...new Set(marked.rows.filter((r) => r.campaignId === campaignId).map((r) => r.personKey))];
  if (keys.length === 0) return;
  const whole = keys.length >= WHOLE_CAMPAIGN_FROM;
  const slim = whole
    ? await c.query<SlimObject>(`${SLIM} FROM screening_results r JOIN applications a ON a.id = r.application_ref ${PG_APPLICATION_DECISIONS} WHERE r.campaign_id = $1`, [campaignId])
    : await c.query<SlimObject>(`${SLIM} FROM ${PG_OF_PEOPLE} ${PG_APPLICATION_DECISIONS}`, [keys, campaignId]);
  const people = slimPeople(slim.rows.map(asSlim), new Set(keys));
  const told = toldByPerson(await toldRows(c, campaignId, whole ? undefined : keys));
  const refs = refsNeedingReasons(people, told);
  const reasons = refs.length === 0 ? [] : (await c.query<{ ref: number; verdict: string; reasonsJson: string }>(
    'SELECT application_ref AS ref, verdict, reasons_json AS "reasonsJson" FROM screening_results WHERE application_ref = ANY($1::int[])',
    [refs],
  )).rows;
  const { upsert, remove } = standingOf(keys, people, told, new Map(reasons.map((r) => [r.ref, r])));
  if (remove.length > 0) await c.query('DELETE FROM notice_standing WHERE campaign_id = $1 AND person_key = ANY($2::text[])', [campaignId, remove]);
  if (upsert.length > 0) {
    await c.query(
      `INSERT INTO notice_standing (campaign_id, person_key, outcome, owed, since, divisions_json, superseded_json)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT (campaign_id, person_key) DO UPDATE SET outcome = excluded.outcome, owed = excluded.owed, since = excluded.since,
         divisions_json = excluded.divisions_json, superseded_json = excluded.superseded_json`,
      [campaignId, upsert.map((r) => r.personKey), upsert.map((r) => r.outcome), upsert.map((r) => r.owed), upsert.map((r) => r.since), upsert.map((r) => r.divisionsJson), upsert.map((r) => r.supersededJson)],
    );
  }
}

/** The notices told, oldest first: of the whole campaign, or of the people named. */
export async function toldRows(c: Queryable, campaignId: number, only?: readonly string[]): Promise<ToldRow[]> {
  return only
    ? (await c.query<ToldRow>(`${TOLD} WHERE campaign_id = $1 AND person_key = ANY($2::text[]) ORDER BY id`, [campaignId, only])).rows
    : (await c.query<ToldRow>(`${TOLD} WHERE campaign_id = $1 ORDER BY id`, [campaignId])).rows;
}

/** The notices told per person (of the people named, or all). */
export async function told(c: Queryable, campaignId: number, only?: readonly string[]): Promise<Map<string, NoticeTold[]>> {
  return toldByPerson(await toldRows(c, campaignId, only));
}

/** Brings a campaign's standing up to date in a transaction of its own, when any person is marked: before a read of it. */
export async function upToDate(pool: pg.Pool, campaignId: number): Promise<void> {
  if ((await read(pool, 'SELECT 1 FROM notice_standing_stale WHERE campaign_id = $1 LIMIT 1', [campaignId])).length === 0) return;
  await inTransaction(pool, (c) => bringUpToDate(c, campaignId));
}

/** The Notices page's counts (open batches aside), from the standing brought up to date. */
export async function standingCounts(pool: pg.Pool, campaignId: number): Promise<Omit<NoticeSummary, 'openBatches'>> {
  await upToDate(pool, campaignId);
  const rows: CountRows = {
    owed: await read<CountRows['owed'][number]>(pool, 'SELECT owed, count(*) AS count FROM notice_standing WHERE campaign_id = $1 AND owed IS NOT NULL GROUP BY owed', [campaignId]),
    states: await read<CountRows['states'][number]>(pool, 'SELECT outcome, state, count(*) AS count FROM notices WHERE campaign_id = $1 GROUP BY outcome, state', [campaignId]),
    untrue: await read<CountRows['untrue'][number]>(
      pool,
      `SELECT n.outcome, n.state, count(*) AS count FROM notice_standing s CROSS JOIN jsonb_array_elements_text(s.superseded_json::jsonb) j(value) JOIN notices n ON n.id = j.value::int
       WHERE s.campaign_id = $1 AND s.superseded_json <> '[]' GROUP BY n.outcome, n.state`,
      [campaignId],
    ),
    perDivision: await read<CountRows['perDivision'][number]>(
      pool,
      `SELECT d.value AS division, count(*) AS count FROM notice_standing s CROSS JOIN jsonb_array_elements_text(s.divisions_json::jsonb) d(value)
       WHERE s.campaign_id = $1 AND s.owed IS NOT NULL GROUP BY d.value`,
      [campaignId],
    ),
    perDay: await owedPerDay(pool, campaignId),
    people: (await read<{ count: number }>(pool, 'SELECT count(*) AS count FROM notice_standing WHERE campaign_id = $1', [campaignId]))[0]?.count ?? 0,
  };
  return countsOf(rows);
}

/** People owed a notice, per day they have been owed since (oldest first); the standing as it is. */
export async function owedPerDay(pool: pg.Pool, campaignId: number): Promise<{ day: string; count: number }[]> {
  return read<{ day: string; count: number }>(pool, 'SELECT substr(since, 1, 10) AS day, count(*) AS count FROM notice_standing WHERE campaign_id = $1 AND owed IS NOT NULL GROUP BY day ORDER BY day', [campaignId]);
}

/** The people owed a notice of this outcome, in the caller's transaction (brought up to date in it). */
export async function owedKeys(c: pg.ClientBase, campaignId: number, outcome: NoticeOutcome): Promise<string[]> {
  await bringUpToDate(c, campaignId);
  return (await c.query<{ personKey: string }>('SELECT person_key AS "personKey" FROM notice_standing WHERE campaign_id = $1 AND owed = $2', [campaignId, outcome])).rows.map((r) => r.personKey);
}

/** Per person, the notices a later decision made untrue (people with none left out), in the caller's transaction. */
export async function untrueNotices(c: pg.ClientBase, campaignId: number): Promise<Map<string, number[]>> {
  await bringUpToDate(c, campaignId);
  const rows = (await c.query<{ personKey: string; supersededJson: string }>(
    `SELECT person_key AS "personKey", superseded_json AS "supersededJson" FROM notice_standing WHERE campaign_id = $1 AND superseded_json <> '[]'`,
    [campaignId],
  )).rows;
  return new Map(rows.map((row) => [row.personKey, JSON.parse(row.supersededJson) as number[]]));
}
