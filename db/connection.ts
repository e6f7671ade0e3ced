import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import { createPrivateFile, makePrivate } from './private-files';
import type { Database } from './schema';

export type SqliteDatabase = BetterSqlite3.Database;

/**
 * How long a write waits for another program's write to finish (the cohort command importing
 * 150,000 rows while the app works, say) before the user is told that another program is writing.
 * SQLite waits only for writes that ask for the lock first: write transactions begin IMMEDIATE.
 */
export const BUSY_TIMEOUT_MS = 30_000;

export interface OpenOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  /**
   * Path to a better_sqlite3.node built for the running ABI. Electron needs its own build while
   * Node (tests, CLI, web host) uses the one in node_modules; passing it here lets both coexist.
   */
  nativeBinding?: string;
  /** BUSY_TIMEOUT_MS unless a test needs a short wait. */
  busyTimeoutMs?: number;
}

/** A stamp in the file header so Cohort recognises its own databases ("Coh1"). */
export const COHORT_APPLICATION_ID = 0x436f6831;

/** Opens a SQLite file with the pragmas Cohort relies on. */
export function openSqlite(path: string, options: OpenOptions = {}): SqliteDatabase {
  const readonly = options.readonly ?? false;
  const fileMustExist = options.fileMustExist ?? false;
  // Created readable by the user alone before SQLite creates it: its -wal and -shm follow its mode.
  if (!readonly && !fileMustExist) createPrivateFile(path);
  const db = new BetterSqlite3(path, {
    readonly,
    fileMustExist,
    timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  if (!readonly) {
    // WAL lets readers (backups, a second window) work while the pipeline writes.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // A database made by an older Cohort (0644) becomes private too.
    makePrivate(path, `${path}-wal`, `${path}-shm`);
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

/**
 * Kysely's SQLite driver begins transactions DEFERRED: one that reads and then writes while
 * another program writes fails at once with "database is locked", without waiting. IMMEDIATE takes
 * the write lock first, so it waits (busy timeout) like every other write.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }
  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.config);
  }
}

/** Typed query builder over an open connection. */
export function createKysely(sqlite: SqliteDatabase): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
}
