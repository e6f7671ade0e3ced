import BetterSqlite3 from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { removeSqliteFile } from '../../../db/backup';
import { makePrivate } from '../../../db/private-files';
import type { SqliteDatabase } from '../../../db/connection';
import type { BackupInfo } from '../../../shared/api/contract';
import type { BackupsTouched } from '../../../shared/api/privacy';
import { scrubFreedData } from './store/scrub';

/**
 * Backups taken before an erasure or a purge still hold what was erased: each is rewritten with the
 * same erasure (then compacted, so nothing stays in its free pages), or removed when it cannot be
 * (a backup of an older schema, which the erasure's SQL does not fit; a file that does not open).
 * The user is told which. A backup is a standalone file (journal_mode DELETE, db/backup.ts): its
 * rollback journal is deleted when each transaction ends.
 */
export function rewriteBackups(
  backups: readonly BackupInfo[],
  erase: (sqlite: SqliteDatabase) => void,
  options: { nativeBinding?: string; progress?: (done: number, total: number) => void } = {},
): BackupsTouched {
  const touched: BackupsTouched = { rewritten: [], removed: [] };
  backups.forEach((backup, index) => {
    options.progress?.(index, backups.length);
    let sqlite: SqliteDatabase | null = null;
    let why: 'olderSchema' | 'unreadable' | null = null;
    try {
      sqlite = new BetterSqlite3(backup.path, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
      // The erasure deletes through foreign keys, as in the database itself.
      sqlite.pragma('foreign_keys = ON');
      if (sqlite.pragma('user_version', { simple: true }) !== LATEST_SCHEMA_VERSION) why = 'olderSchema';
      else {
        erase(sqlite);
        scrubFreedData(sqlite);
      }
    } catch {
      why = 'unreadable';
    } finally {
      sqlite?.close();
    }
    if (why === null) {
      makePrivate(backup.path);
      touched.rewritten.push(backup.file);
    } else {
      removeSqliteFile(backup.path);
      touched.removed.push({ file: backup.file, why });
    }
  });
  options.progress?.(backups.length, backups.length);
  return touched;
}
