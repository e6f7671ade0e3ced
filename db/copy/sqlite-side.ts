import type { SqliteDatabase } from '../connection';
import type { TablePlan } from './copy-plan';
import type { CampaignSource, CampaignTarget, Row, Value } from './copy-rows';

/**
 * A SQLite file as either end of a copy. As a source it is read inside one read transaction (the
 * caller's BEGIN), so the campaign is copied as it stood at one moment even if the app writes
 * meanwhile. As a target it is a new file: nothing else is in it, so the server's ids are kept as
 * they are (they are unique there, and a later return of the copy can match rows by them).
 */

const CHUNK = 1000;

export function sqliteSource(sqlite: SqliteDatabase): CampaignSource {
  return {
    async ids(table, campaignId) {
      return sqlite.prepare<[], number>(`SELECT id FROM "${table.name}" WHERE ${table.where(campaignId)} ORDER BY id`).pluck().all();
    },
    async *rows(table, campaignId) {
      const statement = sqlite.prepare(`SELECT ${table.columns.map((c) => `"${c}"`).join(', ')} FROM "${table.name}" WHERE ${table.where(campaignId)}${table.ownId ? ' ORDER BY id' : ''}`).raw();
      // Handed over in chunks: the target (the server) writes while the next chunk is read.
      let chunk: Row[] = [];
      for (const row of statement.iterate() as IterableIterator<Value[]>) {
        chunk.push(row);
        if (chunk.length < CHUNK) continue;
        yield* chunk;
        chunk = [];
      }
      yield* chunk;
    },
  };
}

/**
 * A new file as the target, inside the caller's transaction. Its triggers (screening owed, notices'
 * standing marked stale, the search watermark) are set aside while the rows go in, then put back as
 * they were: the rows are the campaign's state as it stands, not new work to count again.
 */
export function sqliteTarget(sqlite: SqliteDatabase): CampaignTarget & { restoreTriggers(): void } {
  const triggers = sqlite.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
  for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name}"`);
  return {
    async allocate(table, ids) {
      const present = sqlite.prepare<[], number>(`SELECT count(*) FROM "${table.name}"`).pluck().get() ?? 0;
      if (present > 0) throw new Error(`The new file already holds rows of ${table.name}: a copy goes into a new file only.`);
      return [...ids];
    },
    async write(table: TablePlan, rows) {
      const insert = sqlite.prepare(`INSERT INTO "${table.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
      let count = 0;
      for await (const row of rows) {
        insert.run(row);
        count++;
      }
      return count;
    },
    restoreTriggers() {
      for (const trigger of triggers) sqlite.exec(trigger.sql);
    },
  };
}
