import type pg from 'pg';
import type { CorrectionView, ScreeningDetail, ScreeningLine, ScreeningPage, ScreeningTab } from '../../../../shared/api/contract';
import { NotFoundError } from '../../../../shared/api/errors';
import { read } from '../../../../db/postgres/transaction';
import { exportChangesFromRows, type ExportChangeRow } from '../../applications/store';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE } from './sqlite-effective-verdict';
import {
  CORRECTIONS_SELECT,
  detailOf,
  lineOf,
  OVERRIDES_SELECT,
  ROW_SELECT,
  rowOf,
  type LineRecord,
  type OverrideRecord,
  type PersonApplication,
  type ResultRecord,
  type RowRecord,
} from './rows-of';
import type { ScreeningPageQuery, ScreeningStore } from './index';
import { numbered } from '../../triage/store/queue-sql';

/**
 * Screening's reads on the office server: the same rows as SQLite's (rows-of.ts), in PostgreSQL's
 * dialect where SQLite's is its own:
 * - the search is ILIKE (SQLite's LIKE ignores case for ASCII only: ILIKE for every letter);
 * - the reason filter asks the JSON list with `?` (jsonb) where SQLite walks it with json_each;
 * - the counts are `count(*) FILTER (…)` where SQLite sums booleans;
 * - text is ordered byte by byte (COLLATE "C"), as SQLite's BINARY: the server's own collation
 *   would order application ids otherwise, and the pages differ between engines.
 */

type Counts = Record<ScreeningTab | 'stale', number>;

const COUNTS = `count(*) AS "all", count(*) FILTER (WHERE verdict = 'review') AS review, count(*) FILTER (WHERE verdict = 'ineligible') AS ineligible,
  count(*) FILTER (WHERE verdict = 'eligible') AS eligible, count(*) FILTER (WHERE o_state = 'stale') AS stale`;

/** The `%…%` pattern of a search, its wildcards taken literally. */
const likePattern = (search: string) => `%${search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

async function page(pool: pg.Pool, { campaignId, tab, search, reason, offset, limit }: ScreeningPageQuery): Promise<ScreeningPage> {
  const where: string[] = ['a.campaign_id = $1'];
  const params: (string | number)[] = [campaignId];
  if (search.trim() !== '') {
    params.push(likePattern(search));
    const p = `$${params.length}`;
    where.push(`(a.application_id ILIKE ${p} ESCAPE '\\' OR a.first_name || ' ' || a.last_name ILIKE ${p} ESCAPE '\\' OR a.last_name || ' ' || a.first_name ILIKE ${p} ESCAPE '\\' OR a.email ILIKE ${p} ESCAPE '\\')`);
  }
  if (reason) {
    params.push(reason);
    where.push(`r.reasons_json::jsonb ? $${params.length}`);
  }
  const filtered = `${ROW_SELECT} WHERE ${where.join(' AND ')}`;
  const countsOf = async (source: string, sourceParams: (string | number)[]): Promise<Counts> => {
    const [row] = await read<Counts>(pool, `SELECT ${COUNTS} FROM (${source}) s`, sourceParams);
    return row ?? { all: 0, review: 0, ineligible: 0, eligible: 0, stale: 0 };
  };
  const tabWhere = tab === 'all' ? '' : `WHERE verdict = '${tab}'`;
  const [matching, campaign, rows] = await Promise.all([
    countsOf(filtered, params),
    // The tabs count the campaign, whatever the search: a search that finds nothing must not make the campaign look empty.
    where.length > 1 ? countsOf(`${ROW_SELECT} WHERE a.campaign_id = $1`, [campaignId]) : null,
    read<RowRecord>(pool, `SELECT * FROM (${filtered}) s ${tabWhere} ORDER BY application_id COLLATE "C" LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, limit, offset]),
  ]);
  const { stale, ...counts } = campaign ?? matching;
  return { rows: rows.map(rowOf), total: matching[tab], counts, staleOverrides: stale };
}

async function detail(pool: pg.Pool, ref: number): Promise<Omit<ScreeningDetail, 'notices'>> {
  const [[record], [application], [result], overrides, corrections, changes] = await Promise.all([
    read<RowRecord>(pool, `${ROW_SELECT} WHERE a.id = $1`, [ref]),
    read<Record<string, unknown>>(pool, 'SELECT * FROM applications WHERE id = $1', [ref]),
    read<ResultRecord>(pool, 'SELECT criteria_json, person_key, rules_version, screened_at, campaign_id FROM screening_results WHERE application_ref = $1', [ref]),
    read<OverrideRecord>(pool, numbered(OVERRIDES_SELECT), [ref]),
    read<CorrectionView>(pool, numbered(CORRECTIONS_SELECT), [ref]),
    read<{ import_id: number | null; file_name: string | null; at: string; field: string; old_value: string | null; new_value: string | null }>(
      pool,
      `SELECT r.import_id, i.file_name, r.at, r.field, r.old_value, r.new_value FROM application_revisions r LEFT JOIN imports i ON i.id = r.import_id
       WHERE r.application_ref = $1 AND r.actor IS NULL ORDER BY r.id DESC`,
      [ref],
    ),
  ]);
  if (!record || !application || !result) throw new NotFoundError('This application has not been screened, or is not in this database.', 'NoSuchApplication');
  const person = await read<PersonApplication>(
    pool,
    `SELECT a.id AS ref, a.application_id AS "applicationId", a.division, a.submitted_at AS "submittedAt", ${EFFECTIVE_VERDICT} AS verdict
     FROM screening_results r JOIN applications a ON a.id = r.application_ref ${LATEST_OVERRIDE}
     WHERE r.campaign_id = $1 AND r.person_key = $2 ORDER BY a.submitted_at COLLATE "C", a.application_id COLLATE "C"`,
    [result.campaign_id, result.person_key],
  );
  return detailOf({
    record,
    application,
    result,
    overrides,
    person,
    corrections,
    exportChanges: exportChangesFromRows(changes.map((c): ExportChangeRow => [c.import_id, c.file_name, c.at, c.field, c.old_value, c.new_value])),
  });
}

async function lines(pool: pg.Pool, campaignId: number): Promise<ScreeningLine[]> {
  const rows = await read<LineRecord>(
    pool,
    `SELECT a.application_id, r.verdict, r.reasons_json, o.verdict AS o_verdict, o.state AS o_state
     FROM applications a JOIN screening_results r ON r.application_ref = a.id ${LATEST_OVERRIDE}
     WHERE a.campaign_id = $1 ORDER BY a.application_id COLLATE "C"`,
    [campaignId],
  );
  return rows.map(lineOf);
}

export function pgScreeningReads(pool: pg.Pool): Pick<ScreeningStore, 'page' | 'detail' | 'lines'> {
  return {
    page: (query) => page(pool, query),
    detail: (ref) => detail(pool, ref),
    lines: (campaignId) => lines(pool, campaignId),
  };
}
