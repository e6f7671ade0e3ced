/**
 * Errors that cross the API. Services throw these named types; the dispatcher turns every throw
 * into a plain tagged object (`AppErrorData`) so it survives structured clone, IPC and JSON alike.
 */

export const ERROR_CODES = ['Validation', 'NotFound', 'Conflict', 'Internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field-level problem, e.g. from zod: where (path) and what, in words. */
export interface ErrorIssue {
  path: (string | number)[];
  message: string;
}

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  /** A stable machine name for the situation (e.g. `DatabaseFromFuture`), so the UI can translate it. */
  kind?: string;
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly kind: string | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: { kind?: string; details?: unknown } = {}) {
    super(message);
    this.name = `${code}Error`;
    this.code = code;
    this.kind = options.kind;
    this.details = options.details;
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message };
    if (this.kind !== undefined) data.kind = this.kind;
    if (this.details !== undefined) data.details = this.details;
    return data;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, issues: ErrorIssue[] = [], kind?: string) {
    super('Validation', message, { kind, details: issues.length > 0 ? { issues } : undefined });
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, kind?: string) {
    super('NotFound', message, { kind });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, kind?: string, details?: unknown) {
    super('Conflict', message, { kind, details });
  }
}

/** The database file was written by a newer Cohort: refuse it and leave it untouched. */
export class DatabaseFromFutureError extends ConflictError {
  constructor(path: string, fileVersion: number, supportedVersion: number) {
    super(
      `This database was written by a newer version of Cohort (schema ${fileVersion}; this version knows up to ${supportedVersion}). ` +
        'It has not been changed. Please update Cohort to open it.',
      'DatabaseFromFuture',
      { path, fileVersion, supportedVersion },
    );
  }
}

/** Another program (the cohort command, another Cohort) holds the database's write lock for longer than Cohort waits. */
export class DatabaseBusyError extends ConflictError {
  constructor() {
    super(
      'Another program is writing to this database (another Cohort window or the cohort command, an import perhaps). Nothing was changed: wait until it has finished, then try again.',
      'DatabaseBusy',
    );
  }
}

/** The disk holding the database (or a backup) is full. */
/** Team mode: a file's own work (its connection, its integrity check) asked of the office server. */
export class NotOnServerError extends ConflictError {
  constructor(what: string) {
    super(`${what} works on a database on this computer only, not on the office server.`, 'NotOnServer', { what });
  }
}

/** Team mode: the office server is backed up by its IT with PostgreSQL's own tools, not by Cohort (README, Team mode). */
export class ServerBackupsError extends ConflictError {
  constructor() {
    super('On the office server, backups are made by the office’s IT with PostgreSQL’s own tools, not by Cohort. Nothing was changed.', 'ServerBackups');
  }
}

/** Team mode: the server was lost while a change was being saved: whether it was, only the server knows. */
export class ServerLostAtSaveError extends ConflictError {
  constructor() {
    super('The office server was lost just as this was being saved: it may have been saved or not. Once the server is back, Cohort shows what it holds; look before deciding again.', 'ServerLostAtSave');
  }
}

/** Team mode: the office server cannot be reached (network, restart); nothing of this request was saved. */
export class ServerUnreachableError extends ConflictError {
  constructor() {
    super('Cohort cannot reach the office server (the network, or the server restarting). Nothing of this was saved: Cohort keeps trying; try again in a moment.', 'ServerUnreachable');
  }
}

/** Team mode: this workstation's earlier requests still hold every connection to the server; nothing of this one was sent. */
export class ServerBusyError extends ConflictError {
  constructor() {
    super('Cohort is still busy with earlier work on the office server (an import, a report). Nothing of this was saved: try again in a moment.', 'ServerBusy');
  }
}

/** Team mode: a row this change needs stayed locked by another workstation's change for longer than Cohort waits (db/postgres/pool.ts). */
export class LockWaitTimeoutError extends ConflictError {
  constructor() {
    super('Another officer’s change to the same applications is taking long to save. Nothing of this was saved: try again in a moment.', 'LockWaitTimeout');
  }
}

/** Team mode: another workstation's change crossed this one (PostgreSQL stopped one of two that waited for each other). */
export class ChangesCrossedError extends ConflictError {
  constructor() {
    super('Another officer’s change to the same applications crossed this one at the same moment. Nothing of this was saved: look again, then try again.', 'ChangesCrossed');
  }
}

export class DiskFullError extends ConflictError {
  constructor() {
    super('The disk is full, so nothing was changed. Free some space (empty the recycle bin, delete old files), then try again.', 'DiskFull');
  }
}

/** A file the user asked to save could not be written where they chose. */
export class FileNotSavedError extends ConflictError {
  constructor(path: string, reason: 'noFolder' | 'notAllowed' | 'diskFull' | 'other') {
    const why = {
      noFolder: 'its folder does not exist (any more)',
      notAllowed: 'Cohort may not write there (a read-only folder or drive, or a file open in another program)',
      diskFull: 'the disk is full',
      other: 'the system refused to write it',
    }[reason];
    super(`The file ${path} was not saved: ${why}. Nothing was written there. Save it somewhere else.`, 'FileNotSaved', { path, reason });
  }
}

/** The database file or its folder cannot be written. */
export class DatabaseReadOnlyError extends ConflictError {
  constructor() {
    super(
      'This database cannot be written: the file or its folder is read-only (or on a read-only drive). Nothing was changed. Copy it to a folder you can write to, or ask IT to give you write access.',
      'DatabaseReadOnly',
    );
  }
}

/**
 * The open database is a campaign copied from the office server for work away from the office
 * (campaigns.copied_from): it is read, never changed, since nothing done in it would reach the
 * server. `server` and `at`: where it came from and when.
 */
export class ReadOnlyCopyError extends ConflictError {
  constructor(copiedFrom: { server: string; at: string } | null) {
    super(
      `This campaign is a read-only copy of the office server's${copiedFrom ? ` (${copiedFrom.server}, copied on ${copiedFrom.at.slice(0, 10)})` : ''}. Nothing was changed: make changes at the office, in the server's campaign.`,
      'ReadOnlyCopy',
      { server: copiedFrom?.server ?? '', at: copiedFrom?.at.slice(0, 10) ?? '' },
    );
  }
}

/** Why a backup could not be written, as a name the interface translates. */
export type BackupProblemReason = 'full' | 'notWritable' | 'notAFolder' | 'other';

/** A backup that failed: where (the backup folder, not the database) and why. */
export interface BackupProblem {
  folder: string;
  reason: BackupProblemReason;
  at: string;
}

const BACKUP_REASON_WORDS: Record<BackupProblemReason, string> = {
  full: 'its disk is full',
  notWritable: 'it cannot be written (it is read-only, or you have no permission)',
  notAFolder: 'a file with that name is in the way, or one of its parent folders is a file',
  other: 'the system refused',
};

function backupProblemReason(error: unknown): BackupProblemReason {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') return 'full';
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR') return 'notAFolder';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) return 'notWritable';
  return 'other';
}

/** A failed backup in plain English (the CLI's warning; the interface translates BackupProblem itself). */
export function backupProblemMessage(problem: Pick<BackupProblem, 'folder' | 'reason'>): string {
  return `Cohort could not write a backup into the backup folder "${problem.folder}": ${BACKUP_REASON_WORDS[problem.reason]}. Your database is fine and work goes on, but it is not backed up: free some space, or make that folder writable.`;
}

/**
 * A backup could not be written. It names the BACKUP folder (the database itself is fine), says why
 * in plain words, and what to do. `BackupBeforeMigrationFailed`: Cohort does not upgrade a database
 * without a backup of it, so the database was left unopened and unchanged.
 */
export class BackupFailedError extends ConflictError {
  readonly folder: string;
  readonly reason: BackupProblemReason;

  constructor(folder: string, cause: unknown, kind: 'BackupFailed' | 'BackupBeforeMigrationFailed' = 'BackupFailed') {
    const reason = backupProblemReason(cause);
    const why = `Cohort could not write a backup into the backup folder "${folder}": ${BACKUP_REASON_WORDS[reason]}.`;
    super(
      kind === 'BackupFailed'
        ? `${why} Your database is fine. Free some space, or make that folder writable, then take a backup again.`
        : `${why} This database must be upgraded to this version of Cohort, and Cohort upgrades a database only after backing it up, so it has not been opened or changed. Free some space, or make the backup folder writable, then open it again.`,
      kind,
      { folder, reason },
    );
    this.folder = folder;
    this.reason = reason;
  }
}

/**
 * SQLite's and the file system's errors that an office worker can act on, as named errors;
 * null for the others. SQLite's extended codes (SQLITE_BUSY_SNAPSHOT…) start with the base one.
 */
/** Team mode: the server's own refusal of something the login may not do (its GRANTs: db/postgres/server-admin.ts). */
export class NotAllowedOnServerError extends ConflictError {
  constructor() {
    super('Your login on the office server may not do this (only office administrators may). Nothing was changed: ask an office administrator.', 'NotAllowed');
  }
}

/** Team mode: an officer is their login on the office server; the name their decisions carry is not typed in. */
export class OfficerIsLoginError extends ConflictError {
  constructor(login: string) {
    super(`On the office server your decisions carry your login, ${login}. It cannot be changed in Cohort: ask the office's IT for another login.`, 'OfficerIsLogin', { login });
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The office server is gone or going: the network, connection failures (SQLSTATE 08…), shutdowns (57P01-57P03). */
export function isServerLost(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string') return NETWORK_CODES.has(code) || code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03';
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}

/** node-postgres's pool when every connection stayed in use for its connection timeout: this workstation busy, not the server lost. */
function isPoolBusy(error: unknown): boolean {
  return error instanceof Error && /^timeout exceeded when trying to connect$/i.test(error.message);
}

/** Failures of the storage (SQLite's file, the office server), as errors that say what happened in words. */
export function storageError(error: unknown): AppError | null {
  if (isServerLost(error)) return new ServerUnreachableError();
  if (isPoolBusy(error)) return new ServerBusyError();
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return null;
  if (code === '42501') return new NotAllowedOnServerError();
  if (code === '55P03') return new LockWaitTimeoutError();
  // A deadlock, or a serialisation failure: the server undid this transaction whole.
  if (code === '40P01' || code === '40001') return new ChangesCrossedError();
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new DatabaseBusyError();
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new DiskFullError();
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return new DatabaseReadOnlyError();
  return null;
}

export function isAppErrorData(value: unknown): value is AppErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.code);
}

/** Any thrown value as plain data; unknown errors become Internal without leaking stack traces. */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  if (isAppErrorData(error)) return error;
  const named = storageError(error);
  if (named) return named.toData();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'Internal', message: `Something went wrong inside Cohort: ${message}` };
}

/** What every transport carries back: a value or an error, never a throw across the boundary. */
export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown by the client on the calling side, so `await client.call(...)` reads naturally. */
export class ApiCallError extends Error {
  readonly data: AppErrorData;
  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiCallError';
    this.data = data;
  }
}
