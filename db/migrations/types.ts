import type BetterSqlite3 from 'better-sqlite3';

/**
 * A migration is frozen in time: plain SQL against the schema as it was, never the current
 * TypeScript types, so that later changes to `db/schema.ts` cannot change what an old step does.
 */
export interface Migration {
  /** Becomes PRAGMA user_version once applied; versions are consecutive from 1. */
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}
