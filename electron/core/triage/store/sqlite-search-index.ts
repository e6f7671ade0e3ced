import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';

/**
 * The full-text index on SQLite (application_search, an FTS5 table, 0006/0009): rows added since
 * the watermark and rows whose searched text changed (search_pending, filled by a trigger). One
 * chunk is one transaction; ../search-index.ts yields between chunks.
 * SQLite-only: FTS5 (`rowid` writes), `json_each`, the trigger filling search_pending.
 */

const SEARCHED = ['application_id', 'first_name', 'last_name', 'email', 'university', 'field_of_study', 'position', 'motivation'] as const;
const CHUNK = 2000;

/** Indexes one chunk with statements prepared once; returns how many rows it indexed (0: the index is complete). */
export function sqliteSearchIndexer(sqlite: SqliteDatabase): () => number {
  const remove = sqlite.prepare<[number]>('DELETE FROM application_search WHERE rowid = ?');
  const insert = sqlite.prepare<[number]>(`INSERT INTO application_search (rowid, ${SEARCHED.join(', ')}) SELECT id, ${SEARCHED.join(', ')} FROM applications WHERE id = ?`);
  const pending = sqlite.prepare<[number], number>('SELECT application_ref FROM search_pending LIMIT ?').pluck();
  const donePending = sqlite.prepare<[string]>('DELETE FROM search_pending WHERE application_ref IN (SELECT value FROM json_each(?))');
  const watermark = sqlite.prepare<[], number>('SELECT indexed_up_to FROM search_state').pluck();
  const addedSince = sqlite.prepare<[number, number], number>('SELECT id FROM applications WHERE id > ? ORDER BY id LIMIT ?').pluck();
  const raiseWatermark = sqlite.prepare<[number]>('UPDATE search_state SET indexed_up_to = ?');
  const reindex = (refs: readonly number[]) => {
    for (const ref of refs) {
      remove.run(ref);
      insert.run(ref);
    }
  };
  return () =>
    writeTransaction(sqlite, () => {
      const changed = pending.all(CHUNK);
      if (changed.length > 0) {
        reindex(changed);
        donePending.run(JSON.stringify(changed));
        return changed.length;
      }
      // An id below the watermark may have been indexed already (the watermark goes back when rows
      // are deleted): reindex deletes first.
      const added = addedSince.all(watermark.get() ?? 0, CHUNK);
      reindex(added);
      const last = added.at(-1);
      if (last !== undefined) raiseWatermark.run(last);
      return added.length;
    });
}
