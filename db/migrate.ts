import { existsSync, statSync } from 'node:fs';
import { DatabaseFromFutureError, ValidationError } from '../shared/api/errors';
import { COHORT_APPLICATION_ID, openSqlite, type OpenOptions, type SqliteDatabase } from './connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export interface FileState {
  exists: boolean;
  schemaVersion: number;
}

function userVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Looks at a database file read-only, without changing a byte, so that a file from a newer Cohort,
 * or a file that is not a Cohort database at all, can be refused untouched.
 */
export function inspectDatabaseFile(path: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): FileState {
  if (!existsSync(path) || statSync(path).size === 0) return { exists: false, schemaVersion: 0 };
  let db: SqliteDatabase | undefined;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    const schemaVersion = userVersion(db);
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (applicationId !== COHORT_APPLICATION_ID && (tables.n > 0 || schemaVersion > 0)) {
      throw new ValidationError(`"${path}" is a database of another program, not a Cohort database. It has not been changed.`, [], 'NotCohortDatabase');
    }
    if (schemaVersion > LATEST_SCHEMA_VERSION) {
      throw new DatabaseFromFutureError(path, schemaVersion, LATEST_SCHEMA_VERSION);
    }
    return { exists: true, schemaVersion };
  } catch (error) {
    if (error instanceof ValidationError || error instanceof DatabaseFromFutureError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new ValidationError(`"${path}" is not a database file (or it is damaged). It has not been changed.`, [], 'NotADatabase');
    }
    throw error;
  } finally {
    db?.close();
  }
}

export function pendingMigrations(current: number, list: readonly Migration[] = MIGRATIONS): Migration[] {
  return list.filter((m) => m.version > current);
}

/**
 * Applies every pending migration in ONE transaction: a failure leaves the file exactly at its old
 * version (Kysely's Migrator does not do this for SQLite, hence our own runner). `upTo` exists for
 * migration tests, which stop at the previous version to fill it with rows.
 */
export function runMigrations(
  db: SqliteDatabase,
  options: { upTo?: number; list?: readonly Migration[] } = {},
): { from: number; to: number } {
  const list = options.list ?? MIGRATIONS;
  const from = userVersion(db);
  if (from > list.length) throw new DatabaseFromFutureError(db.name, from, list.length);
  const steps = pendingMigrations(from, list).filter((m) => options.upTo === undefined || m.version <= options.upTo);
  if (steps.length === 0) return { from, to: from };
  db.transaction(() => {
    if (from === 0) db.pragma(`application_id = ${COHORT_APPLICATION_ID}`);
    for (const step of steps) {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }
  }).immediate();
  return { from, to: userVersion(db) };
}
