import type { SqliteDatabase } from '../../../../db/connection';
import type { WalState } from '../../../../shared/api/privacy';

/**
 * After an erasure or a purge, nothing of the deleted rows may stay in the file: SQLite leaves a
 * deleted row's bytes in the page it sat on (and an updated row's older bytes beside it) until the
 * space is reused; the search index keeps a deleted entry's words in its segments until they are
 * merged; the -wal keeps every page written until a checkpoint truncates it.
 *
 * - 'optimize' merges the search index into one segment, without the deleted entries;
 * - VACUUM writes the database again from its live rows only (every free page and free byte gone);
 * - wal_checkpoint(TRUNCATE) copies the -wal back and empties it: 'busy' when another program
 *   reads the database (it holds old pages); the -wal is emptied when the last one closes.
 *
 * Outside any transaction (VACUUM refuses one). A backup (rollback journal, not WAL) needs only
 * the first two.
 */
export function scrubFreedData(sqlite: SqliteDatabase, progress: (phase: string) => void = () => {}): WalState {
  progress('search index');
  sqlite.exec("INSERT INTO application_search (application_search) VALUES ('optimize')");
  progress('compacting');
  sqlite.exec('VACUUM');
  return emptyWal(sqlite);
}

/** How long emptying the -wal waits for another program's read to end, before saying 'busy'. */
const WAL_WAIT_MS = 2_000;

/**
 * Copies the -wal back into the file and empties it; 'busy' when another program's read holds old
 * pages in it (they go when it closes). A TRUNCATE checkpoint waits for readers with the busy
 * handler: 30 s here, which would hold the worker; it waits a moment only.
 */
export function emptyWal(sqlite: SqliteDatabase): WalState {
  if ((sqlite.pragma('journal_mode', { simple: true }) as string) !== 'wal') return 'cleared';
  const wait = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${WAL_WAIT_MS}`);
  try {
    const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    return result?.busy === 0 ? 'cleared' : 'busy';
  } finally {
    sqlite.pragma(`busy_timeout = ${wait}`);
  }
}
