import type {
  CountRow,
  QueueId,
  RubricCriterion,
  SavedView,
  TriageActionResult,
  TriageDetail,
  TriageFilter,
  TriagePage,
  TriageSidebar,
  TriageSort,
  UndoResult,
} from '../../../../shared/api/contract';
import type { SqliteDatabase } from '../../../../db/connection';
import type { Synchronous } from '../../synchronous-store';
import type { DecideRequest, ScoreRequest, Seen } from '../actions';
import { sqliteTriageActions } from './sqlite-actions';
import { sqliteTriageDetail } from './sqlite-detail';
import { facets, listQueue, queueRefs, sidebar } from './sqlite-queue';
import { sqliteSearchIndexer } from './sqlite-search-index';
import { sqliteTriageSettings } from './sqlite-settings';

/**
 * Triage's store: all of its SQL, behind one interface. Each method is one unit of work: one read,
 * or one whole transaction (an action with its history rows and audit entries). What an action
 * does is decided by the rules in ../actions.ts, which every implementation calls.
 *
 * The SQLite implementation (sqliteTriageStore, the files beside this one) is better-sqlite3 on the
 * raw fast paths: queue pages, refs and counts (sqlite-queue.ts over queue-sql.ts), the
 * detail read on each move (sqlite-detail.ts), the actions (sqlite-actions.ts), the search index
 * (sqlite-search-index.ts), rubrics and saved views (sqlite-settings.ts). Writes go through
 * db/write-transaction.ts. What a PostgreSQL adapter must translate, SQLite-only:
 * - FTS5: the application_search table, `MATCH`, `rowid` writes, prefix indexes (0009); filled from
 *   search_pending, which a TRIGGER fills when a searched column changes;
 * - `INDEXED BY` (screening_results_verdict, screening_overrides_active) and `CROSS JOIN` to fix the
 *   join order of queue queries;
 * - `json_each` (a bulk action's refs, a page's refs, passed as one JSON parameter);
 * - `COLLATE NOCASE` (sorting text columns, saved views by name), `LIKE … ESCAPE '\'`;
 * - `ON CONFLICT … DO UPDATE` (triage states, rubric scores, saved views);
 * - booleans as 0/1 (`x = 'eligible'`, `sum(t.assignee = ?)`), and `lastInsertRowid` for new ids.
 */
export interface TriageStore {
  /** A page of a queue view, with the view's total when asked for. */
  listQueue(campaignId: number, queue: QueueId, filter: TriageFilter, sort: TriageSort, offset: number, limit: number, withTotal?: boolean): Promise<TriagePage>;
  /** Every ref of a queue view, in its order (selecting all). */
  queueRefs(campaignId: number, queue: QueueId, filter: TriageFilter, sort: TriageSort): Promise<number[]>;
  /** Each division queue's count per stage, and the officer's own. */
  sidebar(campaignId: number, officer: string): Promise<TriageSidebar>;
  facets(campaignId: number, queue: QueueId): Promise<TriageFacets>;
  /** An application's detail; its person's notices are the notices store's to add. */
  detail(ref: number): Promise<Omit<TriageDetail, 'notices'>>;
  /** A division's rubric, in order; none for a null division. */
  rubric(campaignId: number, division: string | null): Promise<RubricCriterion[]>;

  decide(request: DecideRequest, actor: string, now?: Date): Promise<ActionOutcome>;
  score(request: ScoreRequest, actor: string, now?: Date): Promise<ActionOutcome>;
  addNote(request: { ref: number; text: string; seen?: Seen[] }, actor: string, now?: Date): Promise<ActionOutcome>;
  /** Undoes the officer's last action in a campaign; refused, with nothing changed, over a later decision. */
  undoLast(campaignId: number, actor: string, now?: Date): Promise<UndoResult>;

  saveRubric(rubric: { campaignId: number; division: string; criteria: { id?: number; label: string }[] }, officer: string): Promise<void>;
  /** An officer's saved views of a campaign, by name. */
  savedViews(campaignId: number, owner: string): Promise<SavedView[]>;
  /** Saves a view; saving under an existing name replaces that view (the officer chose the name). */
  saveView(view: { campaignId: number; name: string; view: Omit<SavedView, 'id' | 'name' | 'updatedAt'> }, owner: string): Promise<SavedView>;
  /** Deletes one of the officer's own views; its campaign, or null when they have no such view. */
  deleteView(id: number, owner: string): Promise<number | null>;

  /** Brings one chunk of the full-text index up to date; how many rows it indexed (0: complete). */
  indexSearchChunk(): Promise<number>;
}

export type TriageFacets = Record<'nationality' | 'preferredSession' | 'fieldOfStudy' | 'university', CountRow[]>;

/** An action's result, with the campaign it was in (for the change event). */
export type ActionOutcome = TriageActionResult & { campaignId: number };

/** The SQLite implementation, answering synchronously (tests and the bench call it so); statements prepared once per connection. */
export function sqliteTriageStore(sqlite: SqliteDatabase): Synchronous<TriageStore> {
  const settings = sqliteTriageSettings(sqlite);
  return {
    listQueue: (campaignId, queue, filter, sort, offset, limit, withTotal) => listQueue(sqlite, campaignId, queue, filter, sort, offset, limit, withTotal),
    queueRefs: (campaignId, queue, filter, sort) => queueRefs(sqlite, campaignId, queue, filter, sort),
    sidebar: (campaignId, officer) => sidebar(sqlite, campaignId, officer),
    facets: (campaignId, queue) => facets(sqlite, campaignId, queue),
    detail: sqliteTriageDetail(sqlite, settings.rubric),
    ...settings,
    ...sqliteTriageActions(sqlite),
    indexSearchChunk: sqliteSearchIndexer(sqlite),
  };
}
