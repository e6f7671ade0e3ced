import type { CorrectionView, ScreeningDetail, ScreeningLine, ScreeningPage, ScreeningTab, ScreeningVerdict } from '../../../../shared/api/contract';
import { NotFoundError } from '../../../../shared/api/errors';
import type { SqliteDatabase } from '../../../../db/connection';
import { exportChangesOf } from '../../applications/store';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE } from './sqlite-effective-verdict';
import type { ScreeningPageQuery } from './index';
import { CORRECTIONS_SELECT, detailOf, OVERRIDES_SELECT, ROW_SELECT, rowOf, type OverrideRecord, type ResultRecord, type RowRecord } from './rows-of';

/**
 * Screening's reads on SQLite: the pages of the tabs, one application's detail, the CLI's lines.
 * Raw better-sqlite3: these read tens of thousands of rows.
 * SQLite-only: `json_each` (the reason filter over reasons_json), `LIKE … ESCAPE` (ASCII
 * case-insensitive in SQLite), booleans as 0/1 in `sum(verdict = …)`.
 */

type ScreeningDetailPersonRow = { ref: number; applicationId: string; division: string; submittedAt: string | null; verdict: ScreeningVerdict };

/** One page of a screening tab, with the counts of the campaign's tabs (whatever the search). */
export function screeningPage(sqlite: SqliteDatabase, { campaignId, tab, search, reason, offset, limit }: ScreeningPageQuery): ScreeningPage {
  const where: string[] = ['a.campaign_id = ?'];
  const params: (string | number)[] = [campaignId];
  if (search.trim() !== '') {
    const like = `%${search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(`(a.application_id LIKE ? ESCAPE '\\' OR a.first_name || ' ' || a.last_name LIKE ? ESCAPE '\\' OR a.last_name || ' ' || a.first_name LIKE ? ESCAPE '\\' OR a.email LIKE ? ESCAPE '\\')`);
    params.push(like, like, like, like);
  }
  if (reason) {
    where.push(`EXISTS (SELECT 1 FROM json_each(r.reasons_json) WHERE value = ?)`);
    params.push(reason);
  }
  const filtered = `${ROW_SELECT} WHERE ${where.join(' AND ')}`;
  const countsOf = (source: string, sourceParams: (string | number)[]) => {
    const row = sqlite
      .prepare<(string | number)[], Record<ScreeningTab | 'stale', number | null>>(
        `SELECT count(*) AS "all", sum(verdict = 'review') AS review, sum(verdict = 'ineligible') AS ineligible, sum(verdict = 'eligible') AS eligible,
           sum(o_state = 'stale') AS stale FROM (${source})`,
      )
      .get(...sourceParams);
    if (!row) return { all: 0, review: 0, ineligible: 0, eligible: 0, stale: 0 };
    return { all: row.all ?? 0, review: row.review ?? 0, ineligible: row.ineligible ?? 0, eligible: row.eligible ?? 0, stale: row.stale ?? 0 };
  };
  const matching = countsOf(filtered, params);
  // The tabs count the campaign, whatever the search: a search that finds nothing must not make
  // the campaign look empty.
  const campaign = where.length > 1 ? countsOf(`${ROW_SELECT} WHERE a.campaign_id = ?`, [campaignId]) : matching;
  const tabWhere = tab === 'all' ? '' : `WHERE verdict = '${tab}'`;
  const rows = sqlite
    .prepare<(string | number)[], RowRecord>(`SELECT * FROM (${filtered}) ${tabWhere} ORDER BY application_id LIMIT ? OFFSET ?`)
    .all(...params, limit, offset);
  const { stale, ...counts } = campaign;
  return { rows: rows.map(rowOf), total: matching[tab], counts, staleOverrides: stale };

}

/** Everything screening knows of one application, assembled as on the server (rows-of.ts detailOf). */
export function screeningDetail(sqlite: SqliteDatabase, ref: number): Omit<ScreeningDetail, 'notices'> {
  const record = sqlite.prepare<[number], RowRecord>(`${ROW_SELECT} WHERE a.id = ?`).get(ref);
  // Read after the joined row: both are there whenever it is.
  const application = record && sqlite.prepare<[number], Record<string, string | number | null>>('SELECT * FROM applications WHERE id = ?').get(ref);
  const result = record && sqlite.prepare<[number], ResultRecord>('SELECT criteria_json, person_key, rules_version, screened_at, campaign_id FROM screening_results WHERE application_ref = ?').get(ref);
  if (!record || !application || !result) throw new NotFoundError('This application has not been screened, or is not in this database.', 'NoSuchApplication');
  const person = sqlite
    .prepare<[number, string], ScreeningDetailPersonRow>(
      `SELECT a.id AS ref, a.application_id AS applicationId, a.division, a.submitted_at AS submittedAt,
         ${EFFECTIVE_VERDICT} AS verdict
       FROM screening_results r JOIN applications a ON a.id = r.application_ref ${LATEST_OVERRIDE}
       WHERE r.campaign_id = ? AND r.person_key = ? ORDER BY a.submitted_at, a.application_id`,
    )
    .all(result.campaign_id, result.person_key);
  return detailOf({
    record,
    application,
    result,
    overrides: sqlite.prepare<[number], OverrideRecord>(OVERRIDES_SELECT).all(ref),
    person,
    corrections: sqlite.prepare<[number], CorrectionView>(CORRECTIONS_SELECT).all(ref),
    exportChanges: exportChangesOf(sqlite, ref),
  });
}

/** Every stored application's verdict, by Application ID (the CLI's screen --json). */
export function screeningLines(sqlite: SqliteDatabase, campaignId: number): ScreeningLine[] {
  const rows = sqlite
    .prepare<[number], { application_id: string; verdict: ScreeningVerdict; reasons_json: string; o_verdict: ScreeningVerdict | null; o_state: 'active' | 'stale' | null }>(
      `SELECT a.application_id, r.verdict, r.reasons_json, o.verdict AS o_verdict, o.state AS o_state
       FROM applications a JOIN screening_results r ON r.application_ref = a.id ${LATEST_OVERRIDE}
       WHERE a.campaign_id = ? ORDER BY a.application_id`,
    )
    .all(campaignId);
  return rows.map((r): ScreeningLine => {
    const line: ScreeningLine = { applicationId: r.application_id, verdict: r.verdict, reasons: JSON.parse(r.reasons_json) as string[] };
    if (r.o_verdict && r.o_state) line.override = { verdict: r.o_verdict, state: r.o_state };
    return line;
  });

}
