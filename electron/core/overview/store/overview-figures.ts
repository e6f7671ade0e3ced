import { sql, type Kysely } from 'kysely';
import type { CountRow } from '../../../../shared/api/contract';
import { weekStart } from '../../../../shared/domain/datetime';
import { parseFunding } from '../../../../shared/domain/listed-values';
import type { VerdictCounts } from '../../../../shared/domain/season-progress';
import type { Database } from '../../../../db/schema';
import type { SqliteDatabase } from '../../../../db/connection';
import type { CampaignFigures, OverviewStore } from './index';
import { EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';
import { POSTGRES_FIGURES, SQLITE_FIGURES, type FiguresDialect } from './figures-dialect';

/**
 * The SQL of the Overview: counts over a campaign's applications, its verdicts (screening's
 * effective verdict) and its submissions per week. Queue counts come from triage's store. One
 * set of queries for both engines, through Kysely; what only one engine writes its own way is in
 * figures-dialect.ts. Dates are ISO text on both: `substr` takes their day.
 */

type GroupColumn = 'divisionCode' | 'funding' | 'preferredSession' | 'nationalityCode';

async function countBy(db: Kysely<Database>, dialect: FiguresDialect, campaignId: number, column: GroupColumn, limit?: number): Promise<CountRow[]> {
  let query = db
    .selectFrom('applications')
    .select([`${column} as key`, sql<number>`count(*)`.as('count')])
    .where('campaignId', '=', campaignId)
    .groupBy(column)
    .orderBy('count', 'desc')
    // Ties in the same order on both engines: with a limit, the same ones are kept.
    .orderBy(sql`${sql.ref(column)} ${sql.raw(dialect.byteOrder)}`);
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
async function verdictCounts(db: Kysely<Database>, dialect: FiguresDialect, campaignId: number, underWay: boolean): Promise<VerdictCounts> {
  // count(CASE … THEN 1 END) counts where the condition holds: SQLite would sum its booleans, PostgreSQL has none to sum.
  const { rows } = await sql<Record<keyof VerdictCounts, number | null>>`
    SELECT count(CASE WHEN unscreened THEN 1 END) AS unscreened, count(CASE WHEN v = 'eligible' THEN 1 END) AS eligible,
      count(CASE WHEN v = 'review' THEN 1 END) AS review, count(CASE WHEN v = 'ineligible' THEN 1 END) AS ineligible,
      count(CASE WHEN overridden THEN 1 END) AS overridden
    FROM (SELECT r.application_ref IS NULL AS unscreened, ${sql.raw(EFFECTIVE_VERDICT)} AS v, o.id IS NOT NULL AS overridden
          FROM applications a LEFT JOIN screening_results r ON r.application_ref = a.id ${sql.raw(dialect.activeOverride)}
          WHERE a.campaign_id = ${campaignId}) verdicts`.execute(db);
  const row = rows[0];
  const stale = await db
    .selectFrom('screeningOverrides as o')
    .innerJoin('applications as a', 'a.id', 'o.applicationRef')
    .select(sql<number>`count(*)`.as('n'))
    .where('a.campaignId', '=', campaignId)
    .where('o.state', '=', 'stale')
    .executeTakeFirstOrThrow();
  return {
    eligible: Number(row?.eligible ?? 0),
    review: Number(row?.review ?? 0),
    ineligible: Number(row?.ineligible ?? 0),
    unscreened: Number(row?.unscreened ?? 0),
    overridden: Number(row?.overridden ?? 0),
    staleOverrides: Number(stale.n),
    screeningUnderWay: underWay,
  };
}

/** The campaign's figures, without the triage queues and the next step (the handler adds those). */
async function campaignFigures(
  db: Kysely<Database>,
  dialect: FiguresDialect,
  campaignId: number,
  deadline: string,
  underWay: boolean,
): Promise<CampaignFigures> {
  const totals = await db
    .selectFrom('applications')
    .select([
      sql<number>`count(*)`.as('applications'),
      sql<number>`count(DISTINCT CASE WHEN candidate_id <> '' THEN candidate_id ELSE ${sql.raw(dialect.asciiLower('trim(email)'))} END)`.as('applicants'),
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

  const verdicts = await verdictCounts(db, dialect, campaignId, underWay);
  return {
    applications: Number(totals.applications),
    applicants: Number(totals.applicants),
    repeatApplications: Number(repeat.n),
    lateNatoFunded,
    byDivision: await countBy(db, dialect, campaignId, 'divisionCode'),
    byFunding: mergeBy(await countBy(db, dialect, campaignId, 'funding'), (raw) => parseFunding(raw) ?? raw),
    bySession: await countBy(db, dialect, campaignId, 'preferredSession'),
    // By country, however the export spelled it ("BE", "Belgique", "Belgium"); null: names no country.
    topNationalities: await countBy(db, dialect, campaignId, 'nationalityCode', 10),
    byWeek: [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count })),
    firstSubmission: totals.first,
    lastSubmission: totals.last,
    verdicts,
  };
}

/** The Overview's store on either engine: the same queries through Kysely, in the engine's dialect. */
function overviewStore(db: Kysely<Database>, dialect: FiguresDialect): OverviewStore {
  return {
    figures: (campaignId, deadline, underWay) => campaignFigures(db, dialect, campaignId, deadline, underWay),
  };
}

/** On a file: Kysely runs on the file's own connection (`_sqlite`, which the other domains' SQLite stores take). */
export function sqliteOverviewStore(_sqlite: SqliteDatabase, db: Kysely<Database>): OverviewStore {
  return overviewStore(db, SQLITE_FIGURES);
}

/** On the office server (team mode), through Kysely over the workstation's pool. */
export function pgOverviewStore(db: Kysely<Database>): OverviewStore {
  return overviewStore(db, POSTGRES_FIGURES);
}
