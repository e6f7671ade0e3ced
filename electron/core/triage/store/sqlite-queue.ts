import type { CountRow, QueueCounts, QueueId, TriageFilter, TriagePage, TriageRow, TriageSidebar, TriageSort } from '../../../../shared/api/contract';
import { DIVISION_CODES } from '../../../../shared/domain/divisions';
import { searchTerms } from '../../../../shared/domain/search-text';
import { STAGE_IDS, UNASSIGNED_QUEUE, type Stage } from '../../../../shared/domain/stages';
import type { SqliteDatabase } from '../../../../db/connection';
import { cachedStatement } from '../../applications/store';
import { queueSql, STAGE, type QueueSql } from './queue-sql';
import type { TriageFacets } from './index';

/**
 * The queue reads on SQLite, the raw fast paths of triage: pages of a queue, its refs, the
 * sidebar's counts, the facets. The SQL text depends on the view (queue-sql.ts), so
 * statements are cached per connection and text (cachedStatement), not prepared per call.
 * SQLite-only: FTS5 `MATCH`, `INDEXED BY`, `COLLATE NOCASE`, `json_each` (a page's refs), `LIKE … ESCAPE`.
 */

export const ROW_COLUMNS = `a.id AS ref, a.application_id AS applicationId, a.first_name AS firstName, a.last_name AS lastName, a.nationality, a.nationality_code AS nationalityCode,
  a.division, a.division_code AS divisionCode, ${STAGE} AS stage, t.reason, t.score, coalesce(t.scored_by, 0) AS scoredBy, coalesce(t.version, 0) AS version, a.funding, a.funding_parsed AS fundingTrack, a.preferred_session AS preferredSession,
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
      const refs = refsStatement(sqlite, q).all(...q.params);
      const page = refs.slice(offset, offset + limit);
      const rows = page.length === 0 ? [] : cachedStatement<TriageRow>(sqlite, ROWS_OF_REFS).all(JSON.stringify(page));
      return { rows, total: withTotal ? refs.length : null, offset, searchTerms: terms };
    })();
  }
  const total = withTotal ? (cachedStatement<number>(sqlite, `SELECT count(*) ${q.refsFrom} WHERE ${q.where}`).pluck().get(...q.params) ?? 0) : null;
  const rows = cachedStatement<TriageRow>(sqlite, `SELECT ${ROW_COLUMNS} ${q.from} WHERE ${q.where} ORDER BY ${q.orderBy} LIMIT ? OFFSET ?`).all(...q.params, limit, offset);
  return { rows, total, offset, searchTerms: terms };
}

/** The rows of a page by their refs (a JSON array), in the array's order. */
const ROWS_OF_REFS = `SELECT ${ROW_COLUMNS} FROM json_each(?) j CROSS JOIN applications a ON a.id = j.value LEFT JOIN triage_states t ON t.application_ref = a.id ORDER BY j.key`;

const refsStatement = (sqlite: SqliteDatabase, q: QueueSql) => cachedStatement<number>(sqlite, `SELECT a.id ${q.refsFrom} WHERE ${q.where} ORDER BY ${q.orderBy}`).pluck();

export function queueRefs(sqlite: SqliteDatabase, campaignId: number, queue: QueueId, filter: TriageFilter, sort: TriageSort): number[] {
  const q = queueSql(campaignId, queue, filter, sort);
  return refsStatement(sqlite, q).all(...q.params);
}

const emptyStages = (): Record<Stage, number> => Object.fromEntries(STAGE_IDS.map((s) => [s, 0])) as Record<Stage, number>;

export function sidebar(sqlite: SqliteDatabase, campaignId: number, officer: string): TriageSidebar {
  const q = queueSql(campaignId, 'all', {});
  const rows = cachedStatement<{ queue: string; stage: Stage; n: number; mine: number | null }>(
    sqlite,
    `SELECT coalesce(a.division_code, '${UNASSIGNED_QUEUE}') AS queue, ${STAGE} AS stage, count(*) AS n, sum(t.assignee = ?) AS mine ${q.from} WHERE ${q.where} GROUP BY 1, 2`,
  ).all(officer, ...q.params);
  return sidebarOf(rows, officer);
}

/** The sidebar from each division queue's count per stage (and the officer's own among them): both engines' rows. */
export function sidebarOf(rows: readonly { queue: string; stage: Stage; n: number; mine: number | null }[], officer: string): TriageSidebar {
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

export function facets(sqlite: SqliteDatabase, campaignId: number, queue: QueueId): TriageFacets {
  const q = queueSql(campaignId, queue, {});
  const count = (column: string) =>
    cachedStatement<CountRow>(sqlite, `SELECT ${column} AS key, count(*) AS count ${q.from} WHERE ${q.where} GROUP BY ${column} ORDER BY count DESC, ${column} LIMIT 300`)
      .all(...q.params)
      .map((r) => ({ key: r.key === '' ? null : r.key, count: r.count }));
  return {
    nationality: count('a.nationality_code'),
    preferredSession: count('a.preferred_session'),
    fieldOfStudy: count('a.field_of_study'),
    university: count('a.university'),
  };
}
