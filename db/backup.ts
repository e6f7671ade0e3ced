import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BACKUP_REASONS, type BackupInfo, type BackupReason } from '../shared/api/contract';
import type { SqliteDatabase } from './connection';

/** How many backups of one database are kept; older ones are removed after each new one. */
export const BACKUPS_KEPT = 10;

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

/**
 * Takes an online backup with SQLite's backup API: consistent even while the database is in WAL
 * mode and being written, which a plain file copy of the .sqlite file is not.
 */
export async function takeBackup(
  db: SqliteDatabase,
  databasePath: string,
  directory: string,
  reason: BackupReason,
  now: Date = new Date(),
): Promise<BackupInfo> {
  mkdirSync(directory, { recursive: true });
  let file = `${backupPrefix(databasePath)}${stamp(now)}-${reason}.sqlite`;
  // Two backups in the same millisecond (tests, a double click) must not overwrite each other.
  for (let n = 1; listBackups(directory, databasePath).some((b) => b.file === file); n++) {
    file = `${backupPrefix(databasePath)}${stamp(new Date(now.getTime() + n))}-${reason}.sqlite`;
  }
  const path = join(directory, file);
  await db.backup(path);
  pruneBackups(directory, databasePath);
  const info = parseBackupFile(directory, file);
  if (!info) throw new Error(`Backup file name not understood: ${file}`);
  return info;
}

export function pruneBackups(directory: string, databasePath: string, keep = BACKUPS_KEPT): void {
  for (const old of listBackups(directory, databasePath).slice(keep)) {
    unlinkSync(old.path);
  }
}
