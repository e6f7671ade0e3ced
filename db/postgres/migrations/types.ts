/**
 * A PostgreSQL migration: plain SQL against the schema as it was, frozen like SQLite's
 * (db/migrations/types.ts). Each runs in one transaction: PostgreSQL's DDL is transactional, so a
 * step fails whole.
 */
export interface PgMigration {
  /** Consecutive from 1; recorded in cohort_schema. */
  version: number;
  name: string;
  sql: string;
}
