import type { SqliteDatabase } from '../../../../db/connection';

/**
 * Screening owed on SQLite (see db/migrations/0007_screening_owed.ts): TRIGGERS count, in the
 * transaction of each change, the changes a campaign's screening follows; storing results records
 * the count they follow. Nothing here has to be remembered by the code that changes applications.
 * SQLite-only: the triggers (a PostgreSQL adapter needs its own, or the same count kept otherwise).
 */

/** The count of changes owed so far. Read it BEFORE reading the settings and applications to screen. */
export function screeningOwedCount(sqlite: SqliteDatabase, campaignId: number): number {
  return sqlite.prepare<[number], number>('SELECT screening_owed FROM campaigns WHERE id = ?').pluck().get(campaignId) ?? 0;
}

/** Whether a campaign has changes its stored results do not follow yet. */
export function isScreeningOwed(sqlite: SqliteDatabase, campaignId: number): boolean {
  return sqlite.prepare<[number]>('SELECT 1 FROM campaigns WHERE id = ? AND screening_owed <> screening_done').get(campaignId) !== undefined;
}

/** Every campaign with changes its stored results do not follow (after a crash, say). */
export function campaignsOwingScreening(sqlite: SqliteDatabase): number[] {
  return sqlite.prepare<[], number>('SELECT id FROM campaigns WHERE screening_owed <> screening_done ORDER BY id').pluck().all();
}

/**
 * Records, in the transaction that stores the results, that they follow every change counted up to
 * `owed`: a change made since the count was read keeps the campaign owed, and a later screening
 * that read less never moves the record back.
 */
export function markScreened(sqlite: SqliteDatabase, campaignId: number, owed: number): void {
  sqlite.prepare<[number, number, number]>('UPDATE campaigns SET screening_done = ? WHERE id = ? AND screening_done < ?').run(owed, campaignId, owed);
}
