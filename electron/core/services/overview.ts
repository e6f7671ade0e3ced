import { sql, type Kysely } from 'kysely';
import type { CountRow } from '../../../shared/api/contract';
import { brusselsLocalToInstant, weekStart } from '../../../shared/domain/datetime';
import { parseFunding } from '../../../shared/domain/listed-values';
import type { Database } from '../../../db/schema';
import type { HandlerTable } from '../dispatch';
import { loadCampaign } from './campaign-store';

type GroupColumn = 'divisionCode' | 'funding' | 'preferredSession' | 'nationality';

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

export const overviewHandlers: HandlerTable<'overview.get'> = {
  async 'overview.get'({ campaignId }, ctx) {
    const { db } = ctx.session.open;
    const campaign = await loadCampaign(db, campaignId);
    const deadline = brusselsLocalToInstant(campaign.settings.natoFundedDeadline);

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

    return {
      campaignId,
      campaignName: campaign.name,
      applications: Number(totals.applications),
      applicants: Number(totals.applicants),
      repeatApplications: Number(repeat.n),
      lateNatoFunded,
      byDivision: await countBy(db, campaignId, 'divisionCode'),
      byFunding: mergeBy(await countBy(db, campaignId, 'funding'), (raw) => parseFunding(raw) ?? raw),
      bySession: await countBy(db, campaignId, 'preferredSession'),
      topNationalities: await countBy(db, campaignId, 'nationality', 10),
      byWeek: [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count })),
      firstSubmission: totals.first,
      lastSubmission: totals.last,
    };
  },
};
