import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export type SqliteDatabase = BetterSqlite3.Database;

export interface OpenOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  /**
   * Path to a better_sqlite3.node built for the running ABI. Electron needs its own build while
   * Node (tests, CLI, web host) uses the one in node_modules; passing it here lets both coexist.
   */
  nativeBinding?: string;
}

/** A stamp in the file header so Cohort recognises its own databases ("Coh1"). */
export const COHORT_APPLICATION_ID = 0x436f6831;

/** Opens a SQLite file with the pragmas Cohort relies on. */
export function openSqlite(path: string, options: OpenOptions = {}): SqliteDatabase {
  const db = new BetterSqlite3(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    // WAL lets readers (backups, a second window) work while the pipeline writes.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  // A season is tens of thousands of applications: a 64 MB page cache keeps bulk writes and the
  // import's TEMP staging tables from spilling to disk page by page (the default is 2 MB).
  db.pragma('cache_size = -65536');
  db.pragma('temp.cache_size = -65536');
  // TEMP tables only stage imports, and are dropped whole on failure: they need no rollback
  // journal, which otherwise costs a journal write per staged batch.
  db.pragma('temp.journal_mode = OFF');
  return db;
}

/** Typed query builder over an open connection. */
export function createKysely(sqlite: SqliteDatabase): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
}
