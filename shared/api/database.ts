import { z } from 'zod';
import type { BackupProblem } from './errors';
import { emptyInput, reads, returns } from './common';

/** The database file: which one is open, its backups, restoring one. */

/** A backup's file name as listed: a name, never a path (no folder separators, ends in .sqlite). */
const backupFileName = z.string().min(1).max(255).regex(/^[^/\\:]+\.sqlite$/, 'not a backup file name');

export interface BackupInfo {
  file: string;
  path: string;
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
}

export const BACKUP_REASONS = ['manual', 'open', 'migration', 'periodic', 'restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface DatabaseInfo {
  path: string;
  schemaVersion: number;
  sizeBytes: number;
  /** Where this database's backups are written. */
  backupDirectory: string;
  backups: BackupInfo[];
  /** The last backup failed (and none succeeded since): a warning naming the backup folder. */
  backupProblem: BackupProblem | null;
}

export interface RestoreResult {
  restoredFrom: string;
  integrity: 'ok';
  /** The backup taken of the database as it was just before the restore. */
  safetyBackup: BackupInfo | null;
}

export const databaseMethods = {
  'database.info': { input: emptyInput, output: returns<DatabaseInfo>(), reads: reads('database', 'backups') },
  'database.backupNow': { input: emptyInput, output: returns<BackupInfo>() },
  'database.listBackups': { input: emptyInput, output: returns<BackupInfo[]>(), reads: reads('database', 'backups') },
  /** Deletes one of this database's backups, named as database.listBackups names it. */
  'database.deleteBackup': {
    input: z.object({ file: backupFileName }).strict(),
    output: returns<{ deleted: string }>(),
  },
  'database.restore': {
    input: z.object({ file: z.string().min(1).max(255) }).strict(),
    output: returns<RestoreResult>(),
  },
  /** Switch to another database file (File > Open, File > New). `create` refuses an existing file. */
  'database.open': {
    input: z
      .object({ path: z.string().min(1).max(4096), create: z.boolean().default(false) })
      .strict(),
    output: returns<DatabaseInfo>(),
  },
} as const;
