import type { SqliteDatabase } from '../../../db/connection';
import { writeTransaction } from '../../../db/write-transaction';

/**
 * Keeps the full-text index (application_search, 0006) up to date: rows added since the
 * watermark and rows whose searched text changed (search_pending, filled by a trigger). In chunks,
 * each its own transaction, yielding between them, so other requests are answered meanwhile and an
 * import never pays for the index.
 */

const SEARCHED = ['application_id', 'first_name', 'last_name', 'email', 'university', 'field_of_study', 'position', 'motivation'] as const;
const CHUNK = 2000;

/** Indexes one chunk; returns how many rows it indexed (0: the index is complete). */
export function indexSearchChunk(sqlite: SqliteDatabase): number {
  const remove = sqlite.prepare('DELETE FROM application_search WHERE rowid = ?');
  const insert = sqlite.prepare(`INSERT INTO application_search (rowid, ${SEARCHED.join(', ')}) SELECT id, ${SEARCHED.join(', ')} FROM applications WHERE id = ?`);
  return writeTransaction(sqlite, () => {
      const changed = sqlite.prepare('SELECT application_ref FROM search_pending LIMIT ?').pluck().all(CHUNK) as number[];
      for (const ref of changed) {
        remove.run(ref);
        insert.run(ref);
      }
      if (changed.length > 0) {
        sqlite.prepare('DELETE FROM search_pending WHERE application_ref IN (SELECT value FROM json_each(?))').run(JSON.stringify(changed));
        return changed.length;
      }
      const watermark = sqlite.prepare('SELECT indexed_up_to FROM search_state').pluck().get() as number;
      const added = sqlite.prepare('SELECT id FROM applications WHERE id > ? ORDER BY id LIMIT ?').pluck().all(watermark, CHUNK) as number[];
      // An id below the watermark may have been indexed already (the watermark goes back when rows are deleted): delete first.
      for (const ref of added) {
        remove.run(ref);
        insert.run(ref);
      }
      const last = added.at(-1);
      if (last !== undefined) sqlite.prepare('UPDATE search_state SET indexed_up_to = ?').run(last);
      return added.length;
    });
}

/** Indexes everything pending, a chunk per turn of the event loop. */
export async function updateSearchIndex(sqlite: SqliteDatabase): Promise<number> {
  let total = 0;
  for (;;) {
    const n = indexSearchChunk(sqlite);
    total += n;
    if (n === 0) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
