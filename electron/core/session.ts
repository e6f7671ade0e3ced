import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { BackupInfo, BackupReason } from '../../shared/api/contract';
import { ConflictError, NotFoundError } from '../../shared/api/errors';
import { listBackups, takeBackup } from '../../db/backup';
import { createKysely, openSqlite, type SqliteDatabase } from '../../db/connection';
import { inspectDatabaseFile, pendingMigrations, runMigrations } from '../../db/migrate';
import type { Database } from '../../db/schema';
import { seedNewDatabase } from './services/campaign-store';
import { reparseApplications } from './services/application-store';

export interface OpenDatabase {
  path: string;
  sqlite: SqliteDatabase;
  db: Kysely<Database>;
}

export interface SessionOptions {
  backupDirectory: string;
  nativeBinding?: string;
  /** How often changes are backed up; 30 minutes in the app. */
  periodicBackupMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * The database this process works on, and everything about its life: opening (refuse, back up,
 * migrate, seed), switching to another file, backups and restore. Only the worker holds one.
 */
export class DatabaseSession {
  private current: OpenDatabase | null = null;
  private timer: NodeJS.Timeout | null = null;
  private changesAtLastBackup = 0;

  constructor(private readonly options: SessionOptions) {}

  get backupDirectory(): string {
    return this.options.backupDirectory;
  }

  /** The open database; throws if none is (a programming error once the worker is up). */
  get open(): OpenDatabase {
    if (!this.current) throw new ConflictError('No database is open.', 'NoDatabase');
    return this.current;
  }

  /**
   * Opens a file: refuses (untouched) one from a newer Cohort or of another program; backs up an
   * existing database before anything else; migrates in one transaction; seeds a new one.
   */
  async openFile(path: string, options: { create?: boolean } = {}): Promise<OpenDatabase> {
    if (options.create && existsSync(path) && statSync(path).size > 0) {
      throw new ConflictError(`A file already exists at "${path}". Choose another name.`, 'FileExists');
    }
    if (!options.create && !existsSync(path) && this.current) {
      throw new NotFoundError(`There is no database at "${path}".`, 'NoSuchFile');
    }
    const state = inspectDatabaseFile(path, { nativeBinding: this.options.nativeBinding });
    mkdirSync(dirname(path), { recursive: true });
    const sqlite = openSqlite(path, { nativeBinding: this.options.nativeBinding });
    try {
      if (state.exists && state.schemaVersion > 0) {
        const reason: BackupReason = pendingMigrations(state.schemaVersion).length > 0 ? 'migration' : 'open';
        await takeBackup(sqlite, path, this.options.backupDirectory, reason);
      }
      const migrated = runMigrations(sqlite);
      // Parsed columns arrived with schema 3: fill them for applications stored before.
      if (migrated.from > 0 && migrated.from < 3) reparseApplications(sqlite);
      if (state.schemaVersion === 0) seedNewDatabase(sqlite, new Date());
    } catch (error) {
      sqlite.close();
      throw error;
    }
    await this.close();
    this.current = { path, sqlite, db: createKysely(sqlite) };
    this.changesAtLastBackup = this.totalChanges();
    this.startPeriodicBackups();
    return this.current;
  }

  async backupNow(reason: BackupReason = 'manual'): Promise<BackupInfo> {
    const { sqlite, path } = this.open;
    const info = await takeBackup(sqlite, path, this.options.backupDirectory, reason);
    this.changesAtLastBackup = this.totalChanges();
    return info;
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.options.backupDirectory, this.open.path);
  }

  /**
   * Replaces the open database with a backup of it. The current state is itself backed up first,
   * so a restore can be undone; the result must pass PRAGMA integrity_check before it is used.
   */
  async restore(file: string): Promise<{ restoredFrom: string; safetyBackup: BackupInfo }> {
    const { path } = this.open;
    const backup = this.listBackups().find((b) => b.file === file);
    if (!backup) throw new NotFoundError(`There is no backup named "${file}" for this database.`, 'NoSuchBackup');
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
    const { sqlite } = this.current;
    this.current = null;
    // Closing the last connection checkpoints the WAL into the main file.
    sqlite.close();
  }

  private totalChanges(): number {
    const row = this.current?.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number } | undefined;
    return row?.n ?? 0;
  }

  /** Every interval, back up if anything changed since the last backup. */
  private startPeriodicBackups(): void {
    const every = this.options.periodicBackupMs ?? 30 * 60 * 1000;
    this.timer = setInterval(() => {
      if (!this.current || this.totalChanges() === this.changesAtLastBackup) return;
      this.backupNow('periodic').catch((error: unknown) => this.options.log?.('periodic backup failed', error));
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

