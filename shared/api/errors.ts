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

export function isAppErrorData(value: unknown): value is AppErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.code);
}

/** Any thrown value as plain data; unknown errors become Internal without leaking stack traces. */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  if (isAppErrorData(error)) return error;
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
