import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { BACKUP_REASONS, type BackupInfo, type BackupReason } from '../shared/api/contract';
import type { SqliteDatabase } from './connection';
import { backupsToPrune } from './backup-retention';
import { createPrivateFile, ensurePrivateFolder, makePrivate } from './private-files';

/** Backups of different databases share one folder; the prefix tells them apart. */
export function backupPrefix(databasePath: string): string {
  const stem = basename(databasePath).replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '_') || 'cohort';
  const hash = createHash('sha256').update(databasePath).digest('hex').slice(0, 8);
  return `${stem}-${hash}-`;
}

function stamp(date: Date): string {
  // 2026-11-27T19:36:03.123Z -> 20261127-193603-123 (sorts by time, valid on every file system)
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
}

const FILE_PATTERN = /-(\d{8})-(\d{6})-(\d{3})-([a-z]+)\.sqlite$/;

function parseBackupFile(directory: string, file: string): BackupInfo | null {
  const match = FILE_PATTERN.exec(file);
  if (!match) return null;
  const [, day, time, ms, reason] = match as unknown as [string, string, string, string, string];
  if (!(BACKUP_REASONS as readonly string[]).includes(reason)) return null;
  const createdAt = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${ms}Z`;
  const path = join(directory, file);
  return { file, path, createdAt, reason: reason as BackupReason, sizeBytes: statSync(path).size };
}

/** This database's backups, newest first. */
export function listBackups(directory: string, databasePath: string): BackupInfo[] {
  let files: string[];
  try {
    files = readdirSync(directory);
  } catch {
    return [];
  }
  const prefix = backupPrefix(databasePath);
  return files
    .filter((f) => f.startsWith(prefix))
    .map((f) => parseBackupFile(directory, f))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.file.localeCompare(a.file));
}

/** True when a SQLite file's header says WAL (bytes 18 and 19 are 2): reading it would leave -wal/-shm beside it. */
function isWalFile(path: string): boolean {
  const header = Buffer.alloc(20);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, header, 0, 20, 0) === 20 && header[18] === 2 && header[19] === 2;
  } finally {
    closeSync(fd);
  }
}

/**
 * Makes a backup a file that stands alone: a copy of a WAL database is itself marked WAL, and even
 * opening it read-only (to check it, to restore it) then leaves -wal and -shm files in the backup
 * folder. With a rollback journal, reading it creates nothing. Backups taken by older versions
 * are turned so the first time they are read.
 */
export function makeStandalone(path: string, nativeBinding?: string): void {
  if (!isWalFile(path)) return;
  const db = new BetterSqlite3(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    // Checkpoints, then removes the -wal and -shm this connection opened.
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Takes an online backup with SQLite's backup API: consistent even while the database is in WAL
 * mode and being written, which a plain file copy of the .sqlite file is not. The folder and the
 * file are readable by the user alone; older backups are pruned per kind (backup-retention.ts).
 */
export async function takeBackup(
  db: SqliteDatabase,
  databasePath: string,
  directory: string,
  reason: BackupReason,
  options: { now?: Date; nativeBinding?: string } = {},
): Promise<BackupInfo> {
  const now = options.now ?? new Date();
  ensurePrivateFolder(directory);
  let file = `${backupPrefix(databasePath)}${stamp(now)}-${reason}.sqlite`;
  // Two backups in the same millisecond (tests, a double click) must not overwrite each other.
  for (let n = 1; listBackups(directory, databasePath).some((b) => b.file === file); n++) {
    file = `${backupPrefix(databasePath)}${stamp(new Date(now.getTime() + n))}-${reason}.sqlite`;
  }
  const path = join(directory, file);
  try {
    createPrivateFile(path);
    await db.backup(path);
    makeStandalone(path, options.nativeBinding);
    makePrivate(path);
  } catch (error) {
    // A half-written backup (disk full) is no backup: it must not be offered for a restore.
    removeSqliteFile(path);
    throw error;
  }
  pruneBackups(directory, databasePath, now);
  const info = parseBackupFile(directory, file);
  if (!info) throw new Error(`Backup file name not understood: ${file}`);
  return info;
}

/** Removes a SQLite file with whatever SQLite may have left beside it (journal, -wal, -shm); missing ones are fine. */
export function removeSqliteFile(path: string): void {
  for (const file of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
}

/** Removes the backups the retention rules no longer keep (never manual, pre-migration or restore-safety ones). */
export function pruneBackups(directory: string, databasePath: string, now: Date = new Date()): void {
  for (const old of backupsToPrune(listBackups(directory, databasePath), now)) {
    unlinkSync(old.path);
  }
}
