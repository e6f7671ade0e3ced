import type { CorrectionView, CriterionView, OverrideView, ScreeningDetail, ScreeningLine, ScreeningPage, ScreeningTab, ScreeningVerdict } from '../../../../shared/api/contract';
import { NotFoundError } from '../../../../shared/api/errors';
import type { SqliteDatabase } from '../../../../db/connection';
import { exportChangesOf, extraOfRow, PARSED_COLUMNS, recordOfRow } from '../../applications/store';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE } from './sqlite-effective-verdict';
import type { ScreeningPageQuery } from './index';
import { ROW_SELECT, rowOf, type RowRecord } from './rows-of';

/**
 * Screening's reads on SQLite: the pages of the tabs, one application's detail, the CLI's lines.
 * Raw better-sqlite3: these read tens of thousands of rows.
 * SQLite-only: `json_each` (the reason filter over reasons_json), `LIKE … ESCAPE` (ASCII
 * case-insensitive in SQLite), booleans as 0/1 in `sum(verdict = …)`.
 */

function overridesOf(sqlite: SqliteDatabase, ref: number): OverrideView[] {
  return sqlite
    .prepare<[number], { id: number; verdict: ScreeningVerdict; justification: string; automatic_verdict: ScreeningVerdict; automatic_reasons_json: string; state: 'active' | 'stale'; actor: string; at: string }>(
      `SELECT id, verdict, justification, automatic_verdict, automatic_reasons_json, state, actor, at FROM screening_overrides WHERE application_ref = ? ORDER BY id DESC`,
    )
    .all(ref)
    .map((o) => ({
    id: o.id,
    verdict: o.verdict,
    justification: o.justification,
    automaticVerdict: o.automatic_verdict,
    automaticReasons: JSON.parse(o.automatic_reasons_json) as string[],
    state: o.state,
    actor: o.actor,
    at: o.at,
  }));
}

function correctionsOf(sqlite: SqliteDatabase, ref: number): CorrectionView[] {
  return sqlite
    .prepare<[number], CorrectionView>(
      `SELECT id, field, imported_value AS imported, corrected_value AS corrected, reason, state, actor, at
       FROM application_corrections WHERE application_ref = ? ORDER BY id DESC`,
    )
    .all(ref);
}

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

/** Everything screening knows of one application. */
export function screeningDetail(sqlite: SqliteDatabase, ref: number): Omit<ScreeningDetail, 'notices'> {
  const record = sqlite.prepare<[number], RowRecord>(`${ROW_SELECT} WHERE a.id = ?`).get(ref);
  // Read after the joined row: both are there whenever it is.
  const app = record && sqlite.prepare<[number], Record<string, string | number | null>>('SELECT * FROM applications WHERE id = ?').get(ref);
  const result =
    record &&
    sqlite
      .prepare<[number], { criteria_json: string; person_key: string; rules_version: number; screened_at: string; campaign_id: number }>(
        'SELECT criteria_json, person_key, rules_version, screened_at, campaign_id FROM screening_results WHERE application_ref = ?',
      )
      .get(ref);
  if (!record || !app || !result) throw new NotFoundError('This application has not been screened, or is not in this database.', 'NoSuchApplication');
  const raw = recordOfRow(app);
  const parsed = Object.fromEntries(
    // The name key only orders tables; it is not something the export said.
    Object.entries(PARSED_COLUMNS).filter(([key]) => key !== 'nameKey').map(([key, column]) => {
      const v = app[column] ?? null;
      return [key, key === 'currentlyEnrolled' && v !== null ? v === 1 : v];
    }),
  );
  const person = sqlite
    .prepare<[number, string], ScreeningDetailPersonRow>(
      `SELECT a.id AS ref, a.application_id AS applicationId, a.division, a.submitted_at AS submittedAt,
         ${EFFECTIVE_VERDICT} AS verdict
       FROM screening_results r JOIN applications a ON a.id = r.application_ref ${LATEST_OVERRIDE}
       WHERE r.campaign_id = ? AND r.person_key = ? ORDER BY a.submitted_at, a.application_id`,
    )
    .all(result.campaign_id, result.person_key);
  return {
    row: rowOf(record),
    raw,
    parsed,
    extra: extraOfRow(app),
    criteria: JSON.parse(result.criteria_json) as CriterionView[],
    overrides: overridesOf(sqlite, ref),
    person: { key: result.person_key, applications: person },
    rulesVersion: result.rules_version,
    screenedAt: result.screened_at,
    corrections: correctionsOf(sqlite, ref),
    exportChanges: exportChangesOf(sqlite, ref),
  };

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
