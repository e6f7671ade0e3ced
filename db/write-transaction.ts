import type { SqliteDatabase } from './connection';

/**
 * The one way the services write several rows together: all of `work`, or none of it. It takes
 * the write lock at its start (BEGIN IMMEDIATE), so a second writer (another window, the cohort
 * command) waits its turn (the connection's busy timeout) instead of failing half-way through.
 * The PostgreSQL adapter of team mode gives this function its own body, not the services.
 */
export function writeTransaction<T>(sqlite: SqliteDatabase, work: () => T): T {
  return sqlite.transaction(work).immediate();
}
