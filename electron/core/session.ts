import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { BackupInfo, BackupReason } from '../../shared/api/contract';
import { BackupFailedError, ConflictError, NotFoundError, ServerBackupsError, type BackupProblem } from '../../shared/api/errors';
import { listBackups, makeStandalone, takeBackup } from '../../db/backup';
import { isOpenBackupDue } from '../../db/backup-retention';
import { PRIVATE_FOLDER_MODE } from '../../db/private-files';
import { createKysely, openSqlite, type SqliteDatabase } from '../../db/connection';
import { inspectDatabaseFile, pendingMigrations, runMigrations } from '../../db/migrate';
import type { Database } from '../../db/schema';
import { seedNewDatabase } from './campaigns/store';
import { reparseApplications } from './applications/store';
import { sqliteStores, type Stores } from './stores';
import { openServerConnection, type ServerConnection } from './team/server-connection';
import type { ServerPoolOptions } from '../../db/postgres/pool';
import type { ChangedEvent, ProgressEvent } from '../../shared/api/contract';
import { localCampaignWork, type CampaignWork } from './team/campaign-work';

export interface OpenDatabase {
  /** A file on this computer, or the office's server (team mode). */
  engine: 'sqlite' | 'postgres';
  /** The file's path, or the server's address without its password. */
  path: string;
  /** The file's connection; on a server, reading it throws NotOnServer (a file's own work: backups, integrity checks). */
  sqlite: SqliteDatabase;
  db: Kysely<Database>;
  /** The domains' stores on this connection (their statements prepared once for it). */
  stores: Stores;
  /** On a server, the officer's login: who they are in every decision and audit entry. Null on a file. */
  login: string | null;
  /** Tells the other workstations what a request changed, or how a campaign's re-screening goes (team mode); nothing to do on a file. */
  announce(event: ChangedEvent | ProgressEvent): void;
  /** Campaign-wide work (re-screening) on one workstation at a time: the server's advisory lock; at once on a file. */
  campaignWork: CampaignWork;
}

export interface SessionOptions {
  backupDirectory: string;
  nativeBinding?: string;
  /** How often changes are backed up; 30 minutes in the app. */
  periodicBackupMs?: number;
  /** How long a write waits for another program's (BUSY_TIMEOUT_MS unless a test needs less). */
  busyTimeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/** What the session tells the core: a database was opened (screening owed resumes), the backup state changed. */
export interface SessionListener {
  opened?(): void;
  backupProblemChanged?(): void;
  /** Team mode: another workstation's change (or its re-screening's progress), heard from the server. */
  changedElsewhere?(event: ChangedEvent | ProgressEvent): void;
  /** Team mode: the server was lost (false) or is back (true). */
  serverConnection?(connected: boolean): void;
}

/**
 * The database this process works on, and everything about its life: opening (refuse, back up
 * before a migration, migrate, seed), switching to another file, backups and restore. Only the
 * worker holds one.
 */
export class DatabaseSession {
  private current: OpenDatabase | null = null;
  /** Team mode: the server's pool and change feed, closed with the session. */
  private server: ServerConnection | null = null;
  /** Team mode: whether the change feed hears the server now (false from its loss until it is back). */
  private connected = true;
  private timer: NodeJS.Timeout | null = null;
  private changesAtLastBackup = 0;
  private problem: BackupProblem | null = null;
  private readonly listeners = new Set<SessionListener>();
  /** Backups being written now (SQLite's backup API steps between other work). */
  private readonly backupsUnderWay = new Set<Promise<unknown>>();
  /** Erasures rewriting the backups now: no backup is taken meanwhile (it would copy the free pages holding what is erased). */
  private backupsHeldBy = 0;

  constructor(private readonly options: SessionOptions) {}

  get backupDirectory(): string {
    return this.options.backupDirectory;
  }

  /** The better-sqlite3 build this process uses, for opening other files (backups being rewritten). */
  get nativeBinding(): string | undefined {
    return this.options.nativeBinding;
  }

  /** On the office server, whether its change feed hears it now (the lost-server banner); always true on a file. */
  get serverConnected(): boolean {
    return this.connected;
  }

  /** The last backup that failed, while no backup has succeeded since: shown to the user as a warning. */
  get backupProblem(): BackupProblem | null {
    return this.problem;
  }

  listen(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The open database; throws if none is (a programming error once the worker is up). */
  get open(): OpenDatabase {
    if (!this.current) throw new ConflictError('No database is open.', 'NoDatabase');
    return this.current;
  }

  /**
   * Opens a file: refuses (untouched) one from a newer Cohort or of another program; backs up an
   * existing database before migrating it (and refuses to migrate without that backup); migrates
   * in one transaction; seeds a new one. The backup taken on every open comes after opening: a
   * backup folder that is full or cannot be written warns, and never stops the work.
   */
  async openFile(path: string, options: { create?: boolean } = {}): Promise<OpenDatabase> {
    if (options.create && existsSync(path) && statSync(path).size > 0) {
      throw new ConflictError(`A file already exists at "${path}". Choose another name.`, 'FileExists');
    }
    if (!options.create && !existsSync(path) && this.current) {
      throw new NotFoundError(`There is no database at "${path}".`, 'NoSuchFile');
    }
    const state = inspectDatabaseFile(path, { nativeBinding: this.options.nativeBinding });
    // New folders are private (0700); an existing folder the user chose is left as it is.
    mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_FOLDER_MODE });
    const sqlite = openSqlite(path, { nativeBinding: this.options.nativeBinding, busyTimeoutMs: this.options.busyTimeoutMs });
    const migrating = state.exists && state.schemaVersion > 0 && pendingMigrations(state.schemaVersion).length > 0;
    try {
      if (migrating) await this.backupBeforeMigration(sqlite, path);
      const migrated = runMigrations(sqlite);
      // Parsed columns arrived with schema 3, the nationality code and name key with 8.
      if (migrated.from > 0 && migrated.from < 8) reparseApplications(sqlite);
      if (state.schemaVersion === 0) seedNewDatabase(sqlite, new Date());
    } catch (error) {
      sqlite.close();
      throw error;
    }
    await this.close();
    const db = createKysely(sqlite);
    this.current = { engine: 'sqlite', path, sqlite, db, stores: sqliteStores(sqlite, db), login: null, announce: () => undefined, campaignWork: localCampaignWork };
    this.changesAtLastBackup = this.totalChanges();
    this.startPeriodicBackups();
    for (const l of this.listeners) l.opened?.();
    // A database just backed up before its migration needs no second copy.
    if (state.exists && state.schemaVersion > 0 && !migrating) await this.backupOnOpen();
    return this.current;
  }

  /**
   * Opens the office's server (team mode): connects with the URL's TLS rule, brings the schema up
   * to date if this login may (an administrator's; an officer's workstation refuses a server whose
   * schema is older or newer than it knows), and listens for the other workstations' changes.
   * Backups are the server's, taken by IT with PostgreSQL's own tools.
   */
  async openServer(url: string, options: ServerPoolOptions = {}): Promise<OpenDatabase> {
    // The new server's feed may report before it replaces the database open now: what it says is
    // kept, and applied once it is this session's.
    let installed = false;
    let reached = true;
    const connection = await openServerConnection(url, options, {
      changed: (event) => {
        if (installed) this.listeners.forEach((l) => l.changedElsewhere?.(event));
      },
      connection: (connected) => {
        reached = connected;
        if (!installed) return;
        this.connected = connected;
        this.listeners.forEach((l) => l.serverConnection?.(connected));
      },
    });
    try {
      await this.close();
    } catch (error) {
      await connection.close();
      throw error;
    }
    this.server = connection;
    this.current = connection.open;
    this.connected = reached;
    installed = true;
    for (const l of this.listeners) l.opened?.();
    return this.current;
  }

  /** A manual (or restore-safety) backup: its failure is the request's error, naming the backup folder. */
  async backupNow(reason: BackupReason = 'manual'): Promise<BackupInfo> {
    if (this.open.engine === 'postgres') throw new ServerBackupsError();
    const { sqlite, path } = this.open;
    if (this.erasureUnderWay()) throw new ConflictError('Personal data is being erased from the database and its backups. Try again in a moment.', 'BackupsBeingRewritten');
    let info: BackupInfo;
    try {
      info = await this.tracked(takeBackup(sqlite, path, this.options.backupDirectory, reason, { nativeBinding: this.options.nativeBinding }));
    } catch (error) {
      const failure = new BackupFailedError(this.options.backupDirectory, error);
      this.setProblem({ folder: this.options.backupDirectory, reason: failure.reason, at: new Date().toISOString() });
      throw failure;
    }
    this.changesAtLastBackup = this.totalChanges();
    this.setProblem(null);
    return info;
  }

  listBackups(): BackupInfo[] {
    if (this.open.engine === 'postgres') return [];
    return listBackups(this.options.backupDirectory, this.open.path);
  }

  /**
   * Runs `work` (rewriting the backups after an erasure) once the backups being written are done,
   * taking no other backup until it ends: a backup taken meanwhile would copy the database's free
   * pages, where the erased rows still are until it is compacted.
   */
  async holdingBackups<T>(work: () => Promise<T>): Promise<T> {
    this.backupsHeldBy++;
    try {
      while (this.backupsUnderWay.size > 0) await Promise.allSettled([...this.backupsUnderWay]);
      return await work();
    } finally {
      this.backupsHeldBy--;
    }
  }

  /**
   * An erasure or a purge is not finished: here (its backups being rewritten) or in any program
   * (its owed row, written in the erasure's own transaction, is still there). A backup or a
   * restore now would copy, or bring back, what is being erased.
   */
  erasureUnderWay(): boolean {
    if (this.backupsHeldBy > 0) return true;
    if (this.current?.engine !== 'sqlite') return false;
    return (this.current?.sqlite.prepare('SELECT count(*) FROM privacy_owed').pluck().get() as number | undefined ?? 0) > 0;
  }

  private tracked<T>(backup: Promise<T>): Promise<T> {
    this.backupsUnderWay.add(backup);
    const done = () => this.backupsUnderWay.delete(backup);
    backup.then(done, done);
    return backup;
  }

  /** Deletes one of this database's backups (the user's choice: retention never deletes manual ones). */
  deleteBackup(file: string): BackupInfo {
    const backup = this.listBackups().find((b) => b.file === file);
    if (!backup) throw new NotFoundError(`There is no backup named "${file}" for this database.`, 'NoSuchBackup');
    rmSync(backup.path);
    for (const suffix of ['-journal', '-wal', '-shm']) rmSync(`${backup.path}${suffix}`, { force: true });
    return backup;
  }

  /**
   * Replaces the open database with a backup of it. The current state is itself backed up first,
   * so a restore can be undone; the result must pass PRAGMA integrity_check before it is used.
   */
  async restore(file: string): Promise<{ restoredFrom: string; safetyBackup: BackupInfo }> {
    const { path } = this.open;
    const backup = this.listBackups().find((b) => b.file === file);
    if (!backup) throw new NotFoundError(`There is no backup named "${file}" for this database.`, 'NoSuchBackup');
    // A backup is read read-only; made standalone first, so reading it leaves no -wal/-shm beside it.
    makeStandalone(backup.path, this.options.nativeBinding);
    checkIntegrity(backup.path, this.options.nativeBinding);
    inspectDatabaseFile(backup.path, { nativeBinding: this.options.nativeBinding });
    const safetyBackup = await this.backupNow('restore');
    await this.close();
    // Copy pages with the backup API into the (now closed, checkpointed) database file; stale WAL
    // files must go first or SQLite would replay them over the restored pages.
    for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    const source = openSqlite(backup.path, { readonly: true, fileMustExist: true, nativeBinding: this.options.nativeBinding });
    try {
      await source.backup(path);
    } finally {
      source.close();
    }
    await this.openFile(path);
    checkIntegrity(path, this.options.nativeBinding, this.open.sqlite);
    return { restoredFrom: backup.file, safetyBackup };
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!this.current) return;
    if (this.server) {
      const server = this.server;
      this.server = null;
      this.current = null;
      this.connected = true;
      await server.close();
      return;
    }
    const { sqlite } = this.current;
    this.current = null;
    // Closing the last connection checkpoints the WAL into the main file.
    sqlite.close();
  }

  /** Before a schema upgrade: no backup, no upgrade (the file is left as it was). */
  private async backupBeforeMigration(sqlite: SqliteDatabase, path: string): Promise<void> {
    try {
      await takeBackup(sqlite, path, this.options.backupDirectory, 'migration', { nativeBinding: this.options.nativeBinding });
    } catch (error) {
      throw new BackupFailedError(this.options.backupDirectory, error, 'BackupBeforeMigrationFailed');
    }
  }

  /** At most one an hour (every CLI command opens the database); a failure warns. */
  private async backupOnOpen(): Promise<void> {
    try {
      const { sqlite, path } = this.open;
      if (this.erasureUnderWay() || !isOpenBackupDue(this.listBackups(), new Date())) return;
      await this.tracked(takeBackup(sqlite, path, this.options.backupDirectory, 'open', { nativeBinding: this.options.nativeBinding }));
      this.setProblem(null);
    } catch (error) {
      this.backupFailed('open', error);
    }
  }

  private backupFailed(reason: BackupReason, error: unknown): void {
    const failure = new BackupFailedError(this.options.backupDirectory, error);
    this.options.log?.(`${reason} backup into ${this.options.backupDirectory} failed`, error);
    this.setProblem({ folder: this.options.backupDirectory, reason: failure.reason, at: new Date().toISOString() });
  }

  private setProblem(problem: BackupProblem | null): void {
    if (problem === null && this.problem === null) return;
    this.problem = problem;
    for (const l of this.listeners) l.backupProblemChanged?.();
  }

  private totalChanges(): number {
    if (this.current?.engine !== 'sqlite') return 0;
    const row = this.current?.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number } | undefined;
    return row?.n ?? 0;
  }

  /** Every interval, back up if anything changed since the last backup. */
  private startPeriodicBackups(): void {
    const every = this.options.periodicBackupMs ?? 30 * 60 * 1000;
    this.timer = setInterval(() => {
      if (!this.current || this.erasureUnderWay() || this.totalChanges() === this.changesAtLastBackup) return;
      const { sqlite, path } = this.current;
      this.tracked(takeBackup(sqlite, path, this.options.backupDirectory, 'periodic', { nativeBinding: this.options.nativeBinding })).then(
        () => {
          this.changesAtLastBackup = this.totalChanges();
          this.setProblem(null);
        },
        (error: unknown) => this.backupFailed('periodic', error),
      );
    }, every);
    this.timer.unref();
  }
}

/** Throws a Conflict error unless SQLite's own integrity check passes. */
export function checkIntegrity(path: string, nativeBinding?: string, openDb?: SqliteDatabase): void {
  const db = openDb ?? openSqlite(path, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const result = rows.map((r) => r.integrity_check).join('; ');
    if (result !== 'ok') {
      throw new ConflictError(`The database "${path}" is damaged (${result}).`, 'IntegrityCheckFailed');
    }
  } finally {
    if (!openDb) db.close();
  }
}

