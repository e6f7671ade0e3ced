import type { ShortlistDetail, ShortlistSummary } from '../../../../shared/api/shortlists';
import type { DivisionCode } from '../../../../shared/domain/divisions';
import type { SqliteDatabase } from '../../../../db/connection';
import type { Synchronous } from '../../synchronous-store';
import { sqliteShortlistLists } from './sqlite-lists';

/**
 * The shortlists' store: all of their SQL, behind one interface whose methods are units of work
 * (one read, or one whole transaction). The SQLite implementation is in the files beside this one;
 * team mode's PostgreSQL adapter implements the same interface. SQLite-only constructs:
 * - `json_each` (a page of person keys passed as one JSON parameter);
 * - `lastInsertRowid` for new ids; writes through db/write-transaction.ts (BEGIN IMMEDIATE);
 * - the effective verdict's `INDEXED BY` join (screening/effective-verdict.ts).
 */
export interface ShortlistStore {
  list(campaignId: number): Promise<ShortlistSummary[]>;
  detail(id: number): Promise<ShortlistDetail>;
  /** A draft with the division's available proposed applications; its id. */
  create(request: { campaignId: number; division: DivisionCode; position: string | null }, actor: string): Promise<number>;
  /** The office's order: every candidate of the list, in the new order. */
  arrange(id: number, refs: readonly number[], actor: string): Promise<void>;
  setNote(id: number, ref: number, note: string | null, actor: string): Promise<void>;
  add(id: number, refs: readonly number[], actor: string): Promise<void>;
  remove(id: number, refs: readonly number[], actor: string): Promise<void>;
}

export function sqliteShortlistStore(sqlite: SqliteDatabase): Synchronous<ShortlistStore> {
  const lists = sqliteShortlistLists(sqlite);
  return {
    list: (campaignId) => lists.list(campaignId),
    detail: (id) => lists.detail(id),
    create: (request, actor) => lists.create(request, actor),
    arrange: (id, refs, actor) => lists.arrange(id, refs, actor),
    setNote: (id, ref, note, actor) => lists.setNote(id, ref, note, actor),
    add: (id, refs, actor) => lists.add(id, refs, actor),
    remove: (id, refs, actor) => lists.remove(id, refs, actor),
  };
}
