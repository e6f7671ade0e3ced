import type {
  CountRow,
  CriterionView,
  QueueCounts,
  QueueId,
  RubricCriterion,
  ScreeningVerdict,
  TriageDetail,
  TriageFilter,
  TriageHistoryEntry,
  TriagePage,
  TriageRow,
  TriageSidebar,
  TriageSort,
} from '../../../shared/api/contract';
import { NotFoundError } from '../../../shared/api/errors';
import { DIVISION_CODES } from '../../../shared/domain/divisions';
import { searchTerms } from '../../../shared/domain/search-text';
import { INITIAL_STAGE, STAGE_IDS, UNASSIGNED_QUEUE, type Stage } from '../../../shared/domain/stages';
import type { SqliteDatabase } from '../../../db/connection';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE, OVERRIDE_COLUMNS, overrideView, type OverrideColumns } from '../screening/effective-verdict';
import { cachedStatement, exportChangesOf, extraOfRow, recordOfRow } from '../applications/store';
import { viewOf } from './actions';
import { queueSql, STAGE, type QueueSql } from './queue-query';

/** Reads for the triage views: pages of a queue, counts, one application's whole story. */

const ROW_COLUMNS = `a.id AS ref, a.application_id AS applicationId, a.first_name AS firstName, a.last_name AS lastName, a.nationality, a.nationality_code AS nationalityCode,
  a.division, a.division_code AS divisionCode, ${STAGE} AS stage, t.reason, t.score, a.funding, a.funding_parsed AS fundingTrack, a.preferred_session AS preferredSession,
  a.field_of_study AS fieldOfStudy, a.university, a.english_level AS englishLevel, a.english_level_parsed AS englishCefr,
  a.french_level AS frenchLevel, a.french_level_parsed AS frenchCefr,
  a.other_languages AS otherLanguages, a.submitted_at AS submittedAt, t.assignee`;

export function listQueue(sqlite: SqliteDatabase, campaignId: number, queue: QueueId, filter: TriageFilter, sort: TriageSort, offset: number, limit: number, withTotal = true): TriagePage {
  const q = queueSql(campaignId, queue, filter, sort);
  const terms = filter.search ? searchTerms(filter.search) : [];
  if (q.search) {
    // A search reads every match whatever the page (to sort them), and a count would read them all
    // again: one pass takes the view's refs in order (its length is the total), then the page's
    // rows are read for those refs alone. One read transaction: both see the same data.
    return sqlite.transaction((): TriagePage => {
      const refs = refsStatement(sqlite, q).all(...q.params) as number[];
      const page = refs.slice(offset, offset + limit);
      const rows = page.length === 0 ? [] : (cachedStatement(sqlite, ROWS_OF_REFS).all(JSON.stringify(page)) as TriageRow[]);
      return { rows, total: withTotal ? refs.length : null, offset, searchTerms: terms };
    })();
  }
  const total = withTotal ? (cachedStatement(sqlite, `SELECT count(*) ${q.refsFrom} WHERE ${q.where}`).pluck().get(...q.params) as number) : null;
  const rows = cachedStatement(sqlite, `SELECT ${ROW_COLUMNS} ${q.from} WHERE ${q.where} ORDER BY ${q.orderBy} LIMIT ? OFFSET ?`).all(...q.params, limit, offset) as TriageRow[];
  return { rows, total, offset, searchTerms: terms };
}

/** The rows of a page by their refs (a JSON array), in the array's order. */
const ROWS_OF_REFS = `SELECT ${ROW_COLUMNS} FROM json_each(?) j CROSS JOIN applications a ON a.id = j.value LEFT JOIN triage_states t ON t.application_ref = a.id ORDER BY j.key`;

const refsStatement = (sqlite: SqliteDatabase, q: QueueSql) => cachedStatement(sqlite, `SELECT a.id ${q.refsFrom} WHERE ${q.where} ORDER BY ${q.orderBy}`).pluck();

export function queueRefs(sqlite: SqliteDatabase, campaignId: number, queue: QueueId, filter: TriageFilter, sort: TriageSort): number[] {
  const q = queueSql(campaignId, queue, filter, sort);
  return refsStatement(sqlite, q).all(...q.params) as number[];
}

const emptyStages = (): Record<Stage, number> => Object.fromEntries(STAGE_IDS.map((s) => [s, 0])) as Record<Stage, number>;

export function sidebar(sqlite: SqliteDatabase, campaignId: number, officer: string): TriageSidebar {
  const q = queueSql(campaignId, 'all', {});
  const rows = cachedStatement(sqlite, `SELECT coalesce(a.division_code, '${UNASSIGNED_QUEUE}') AS queue, ${STAGE} AS stage, count(*) AS n, sum(t.assignee = ?) AS mine ${q.from} WHERE ${q.where} GROUP BY 1, 2`).all(
    officer,
    ...q.params,
  ) as { queue: string; stage: Stage; n: number; mine: number | null }[];
  const queues = new Map<string, QueueCounts>(([...DIVISION_CODES, UNASSIGNED_QUEUE] as QueueCounts['queue'][]).map((id): [string, QueueCounts] => [id, { queue: id, total: 0, byStage: emptyStages() }]));
  const mine = emptyStages();
  for (const r of rows) {
    const counts = queues.get(r.queue);
    if (counts) {
      counts.total += r.n;
      counts.byStage[r.stage] += r.n;
    }
    mine[r.stage] += r.mine ?? 0;
  }
  return { queues: [...queues.values()], mine, officer };
}

export function facets(sqlite: SqliteDatabase, campaignId: number, queue: QueueId): Record<'nationality' | 'preferredSession' | 'fieldOfStudy' | 'university', CountRow[]> {
  const q = queueSql(campaignId, queue, {});
  const count = (column: string) =>
    (
      cachedStatement(sqlite, `SELECT ${column} AS key, count(*) AS count ${q.from} WHERE ${q.where} GROUP BY ${column} ORDER BY count DESC, ${column} LIMIT 300`).all(...q.params) as CountRow[]
    ).map((r) => ({ key: r.key === '' ? null : r.key, count: r.count }));
  return {
    nationality: count('a.nationality_code'),
    preferredSession: count('a.preferred_session'),
    fieldOfStudy: count('a.field_of_study'),
    university: count('a.university'),
  };
}

export function rubricOf(sqlite: SqliteDatabase, campaignId: number, division: string | null): RubricCriterion[] {
  if (division === null) return [];
  return cachedStatement(sqlite, 'SELECT id, label FROM rubric_criteria WHERE campaign_id = ? AND division_code = ? AND archived = 0 ORDER BY position').all(campaignId, division) as RubricCriterion[];
}

export function detail(sqlite: SqliteDatabase, ref: number): TriageDetail {
  const app = sqlite.prepare('SELECT * FROM applications WHERE id = ?').get(ref) as Record<string, string | number | null> | undefined;
  const result = sqlite
    .prepare(
      `SELECT r.verdict AS automaticVerdict, ${EFFECTIVE_VERDICT} AS verdict, r.reasons_json, r.criteria_json, r.person_key, r.campaign_id, ${OVERRIDE_COLUMNS}
       FROM applications a JOIN screening_results r ON r.application_ref = a.id ${LATEST_OVERRIDE} WHERE a.id = ?`,
    )
    .get(ref) as
    | (OverrideColumns & { automaticVerdict: ScreeningVerdict; verdict: ScreeningVerdict; reasons_json: string; criteria_json: string; person_key: string; campaign_id: number })
    | undefined;
  if (!app || !result) throw new NotFoundError('This application is not in this database, or not screened yet.', 'NoSuchApplication');
  const campaignId = result.campaign_id;
  const state = sqlite.prepare('SELECT stage, reason, assignee, score FROM triage_states WHERE application_ref = ?').get(ref) as
    | { stage: Stage; reason: string | null; assignee: string | null; score: number | null }
    | undefined;
  const override = overrideView(result, result.automaticVerdict);
  const otherApplications = sqlite
    .prepare(
      `SELECT a.id AS ref, a.application_id AS applicationId, a.division, a.division_code AS divisionCode, ${STAGE} AS stage,
         ${EFFECTIVE_VERDICT} AS verdict, a.submitted_at AS submittedAt
       FROM screening_results r JOIN applications a ON a.id = r.application_ref ${LATEST_OVERRIDE}
       LEFT JOIN triage_states t ON t.application_ref = a.id
       WHERE r.campaign_id = ? AND r.person_key = ? AND a.id <> ? ORDER BY a.submitted_at, a.application_id`,
    )
    .all(campaignId, result.person_key, ref) as TriageDetail['otherApplications'];
  const history = (
    sqlite
      .prepare(
        `SELECT a.id AS actionId, a.kind, a.actor, a.at, a.undone_at, a.undone_by, c.before_json, c.after_json
         FROM triage_changes c JOIN triage_actions a ON a.id = c.action_id WHERE c.application_ref = ? ORDER BY a.id DESC`,
      )
      .all(ref) as { actionId: number; kind: TriageHistoryEntry['kind']; actor: string; at: string; undone_at: string | null; undone_by: string | null; before_json: string; after_json: string }[]
  ).map(
    (h): TriageHistoryEntry => ({
      actionId: h.actionId,
      kind: h.kind,
      actor: h.actor,
      at: h.at,
      before: viewOf(JSON.parse(h.before_json) as Parameters<typeof viewOf>[0]),
      after: viewOf(JSON.parse(h.after_json) as Parameters<typeof viewOf>[0]),
      undone: h.undone_at ? { at: h.undone_at, by: h.undone_by ?? '' } : null,
    }),
  );
  const scores = sqlite.prepare('SELECT criterion_id AS criterionId, score, comment, actor, at FROM rubric_scores WHERE application_ref = ? ORDER BY criterion_id').all(ref) as TriageDetail['scores'];
  return {
    ref,
    campaignId,
    raw: recordOfRow(app),
    extra: extraOfRow(app),
    state: { stage: state?.stage ?? INITIAL_STAGE, reason: state?.reason ?? null, assignee: state?.assignee ?? null, score: state?.score ?? null },
    screening: {
      verdict: result.verdict,
      automaticVerdict: result.automaticVerdict,
      reasons: JSON.parse(result.reasons_json) as string[],
      criteria: JSON.parse(result.criteria_json) as CriterionView[],
      override,
    },
    otherApplications,
    rubric: rubricOf(sqlite, campaignId, app.division_code === null ? null : String(app.division_code)),
    scores,
    notes: sqlite.prepare('SELECT id, text, actor, at FROM application_notes WHERE application_ref = ? AND removed_at IS NULL ORDER BY id DESC').all(ref) as TriageDetail['notes'],
    history,
    exportChanges: exportChangesOf(sqlite, ref),
  };
}
