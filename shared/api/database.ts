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

/** A database file on this computer, or the office's PostgreSQL server (team mode). */
export type DatabaseEngine = 'sqlite' | 'postgres';

/** Team mode: the office server a workstation works on, and who the officer is there. */
export interface ServerInfo {
  /** host:port/database, without login or password. */
  address: string;
  /** The officer's login: the name every decision and audit entry carries. */
  login: string;
}

export interface DatabaseInfo {
  engine: DatabaseEngine;
  /** The file's path, or the server's address (no password). */
  path: string;
  /** On the office server: which one, as whom; null on a file. */
  server: ServerInfo | null;
  schemaVersion: number;
  sizeBytes: number;
  /** Where this database's backups are written; empty on the office server (IT backs it up). */
  backupDirectory: string;
  /** None on the office server: it is backed up by IT with PostgreSQL's own tools. */
  backups: BackupInfo[];
  /** The last backup failed (and none succeeded since): a warning naming the backup folder. */
  backupProblem: BackupProblem | null;
}

/**
 * Whether the database can be reached now: always on a file; on the office server, whether this
 * workstation hears it (its change feed) and a query reaches it. The shell's lost-server banner.
 */
export interface DatabaseStatus {
  engine: DatabaseEngine;
  connected: boolean;
  server: ServerInfo | null;
}

export interface RestoreResult {
  restoredFrom: string;
  integrity: 'ok';
  /** The backup taken of the database as it was just before the restore. */
  safetyBackup: BackupInfo | null;
}

export const databaseMethods = {
  'database.info': { input: emptyInput, output: returns<DatabaseInfo>(), reads: reads('database', 'backups') },
  /** Asked again by the shell while the server is lost, until it is back: never cached as settled. */
  'database.status': { input: emptyInput, output: returns<DatabaseStatus>(), reads: reads('database', 'connection') },
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
