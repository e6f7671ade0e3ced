import { sql, type Kysely } from 'kysely';
import type { CountRow } from '../../../../shared/api/contract';
import { weekStart } from '../../../../shared/domain/datetime';
import { parseFunding } from '../../../../shared/domain/listed-values';
import type { VerdictCounts } from '../../../../shared/domain/season-progress';
import type { Database } from '../../../../db/schema';
import type { SqliteDatabase } from '../../../../db/connection';
import type { CampaignFigures, OverviewStore } from './index';
import { ACTIVE_OVERRIDE, EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';

/**
 * The SQL of the Overview: counts over a campaign's applications, its verdicts (screening's
 * effective verdict) and its submissions per week. Queue counts come from triage's store.
 * SQLite-only: `substr` on ISO text dates, `INDEXED BY` (through ACTIVE_OVERRIDE).
 */

type GroupColumn = 'divisionCode' | 'funding' | 'preferredSession' | 'nationalityCode';

async function countBy(db: Kysely<Database>, campaignId: number, column: GroupColumn, limit?: number): Promise<CountRow[]> {
  let query = db
    .selectFrom('applications')
    .select([`${column} as key`, sql<number>`count(*)`.as('count')])
    .where('campaignId', '=', campaignId)
    .groupBy(column)
    .orderBy('count', 'desc')
    .orderBy(column);
  if (limit) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map((r) => ({ key: r.key === '' || r.key === null ? null : String(r.key), count: Number(r.count) }));
}

/** Merges raw spellings of one value ("NATO funded", "NATO-funded") under one key. */
function mergeBy(rows: CountRow[], canonical: (raw: string | null) => string | null): CountRow[] {
  const merged = new Map<string | null, number>();
  for (const r of rows) {
    const key = canonical(r.key);
    merged.set(key, (merged.get(key) ?? 0) + r.count);
  }
  return [...merged].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

/** The verdicts that count, one pass over the campaign's applications. */
function verdictCounts(sqlite: SqliteDatabase, campaignId: number, underWay: boolean): VerdictCounts {
  const row = sqlite
    .prepare(
      `SELECT sum(unscreened) AS unscreened, sum(v = 'eligible') AS eligible, sum(v = 'review') AS review,
         sum(v = 'ineligible') AS ineligible, sum(overridden) AS overridden
       FROM (SELECT r.application_ref IS NULL AS unscreened, ${EFFECTIVE_VERDICT} AS v, o.id IS NOT NULL AS overridden
             FROM applications a LEFT JOIN screening_results r ON r.application_ref = a.id ${ACTIVE_OVERRIDE}
             WHERE a.campaign_id = ?)`,
    )
    .get(campaignId) as Record<keyof VerdictCounts, number | null>;
  const stale = sqlite
    .prepare(
      `SELECT count(*) AS n FROM screening_overrides o JOIN applications a ON a.id = o.application_ref
       WHERE a.campaign_id = ? AND o.state = 'stale'`,
    )
    .get(campaignId) as { n: number };
  return {
    eligible: row.eligible ?? 0,
    review: row.review ?? 0,
    ineligible: row.ineligible ?? 0,
    unscreened: row.unscreened ?? 0,
    overridden: row.overridden ?? 0,
    staleOverrides: stale.n,
    screeningUnderWay: underWay,
  };
}

/** The campaign's figures, without the triage queues and the next step (the handler adds those). */
async function campaignFigures(
  db: Kysely<Database>,
  sqlite: SqliteDatabase,
  campaignId: number,
  deadline: string,
  underWay: boolean,
): Promise<CampaignFigures> {
  const totals = await db
    .selectFrom('applications')
    .select([
      sql<number>`count(*)`.as('applications'),
      sql<number>`count(DISTINCT CASE WHEN candidate_id <> '' THEN candidate_id ELSE lower(trim(email)) END)`.as('applicants'),
      sql<string | null>`min(submitted_at)`.as('first'),
      sql<string | null>`max(submitted_at)`.as('last'),
    ])
    .where('campaignId', '=', campaignId)
    .executeTakeFirstOrThrow();

  const repeat = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('applications')
        .select(sql<number>`count(*)`.as('n'))
        .where('campaignId', '=', campaignId)
        .where('candidateId', '<>', '')
        .groupBy('candidateId')
        .having(sql`count(*)`, '>', 1)
        .as('people'),
    )
    .select(sql<number>`coalesce(sum(n), 0)`.as('n'))
    .executeTakeFirstOrThrow();

  const lateRows = await db
    .selectFrom('applications')
    .select(['funding', sql<number>`count(*)`.as('count')])
    .where('campaignId', '=', campaignId)
    .where('submittedAt', '>', deadline)
    .groupBy('funding')
    .execute();
  const lateNatoFunded = lateRows.filter((r) => parseFunding(r.funding) === 'nato').reduce((n, r) => n + Number(r.count), 0);

  const days = await db
    .selectFrom('applications')
    .select([sql<string>`substr(submitted_at, 1, 10)`.as('day'), sql<number>`count(*)`.as('count')])
    .where('campaignId', '=', campaignId)
    .where('submittedAt', 'is not', null)
    .groupBy(sql`substr(submitted_at, 1, 10)`)
    .execute();
  const weeks = new Map<string, number>();
  for (const d of days) {
    const week = weekStart(d.day);
    weeks.set(week, (weeks.get(week) ?? 0) + Number(d.count));
  }

  const verdicts = verdictCounts(sqlite, campaignId, underWay);
  return {
    applications: Number(totals.applications),
    applicants: Number(totals.applicants),
    repeatApplications: Number(repeat.n),
    lateNatoFunded,
    byDivision: await countBy(db, campaignId, 'divisionCode'),
    byFunding: mergeBy(await countBy(db, campaignId, 'funding'), (raw) => parseFunding(raw) ?? raw),
    bySession: await countBy(db, campaignId, 'preferredSession'),
    // By country, however the export spelled it ("BE", "Belgique", "Belgium"); null: names no country.
    topNationalities: await countBy(db, campaignId, 'nationalityCode', 10),
    byWeek: [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count })),
    firstSubmission: totals.first,
    lastSubmission: totals.last,
    verdicts,
  };
}

export function sqliteOverviewStore(sqlite: SqliteDatabase, db: Kysely<Database>): OverviewStore {
  return {
    figures: (campaignId, deadline, underWay) => campaignFigures(db, sqlite, campaignId, deadline, underWay),
  };
}
