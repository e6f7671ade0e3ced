import type { SqliteDatabase } from '../../../db/connection';

/**
 * Screening owed (see db/migrations/0007_screening_owed.ts): triggers count, in the transaction of
 * each change, the changes a campaign's screening follows; storing results records the count they
 * follow. Nothing here has to be remembered by the code that changes applications.
 */

/** The count of changes owed so far. Read it BEFORE reading the settings and applications to screen. */
export function screeningOwedCount(sqlite: SqliteDatabase, campaignId: number): number {
  const row = sqlite.prepare('SELECT screening_owed FROM campaigns WHERE id = ?').raw().get(campaignId) as [number] | undefined;
  return row?.[0] ?? 0;
}

/** Whether a campaign has changes its stored results do not follow yet. */
export function isScreeningOwed(sqlite: SqliteDatabase, campaignId: number): boolean {
  return sqlite.prepare('SELECT 1 FROM campaigns WHERE id = ? AND screening_owed <> screening_done').get(campaignId) !== undefined;
}

/** Every campaign with changes its stored results do not follow (after a crash, say). */
export function campaignsOwingScreening(sqlite: SqliteDatabase): number[] {
  return (sqlite.prepare('SELECT id FROM campaigns WHERE screening_owed <> screening_done ORDER BY id').raw().all() as [number][]).map((r) => r[0]);
}

/**
 * Records, in the transaction that stores the results, that they follow every change counted up to
 * `owed`: a change made since the count was read keeps the campaign owed, and a later screening
 * that read less never moves the record back.
 */
export function markScreened(sqlite: SqliteDatabase, campaignId: number, owed: number): void {
  sqlite.prepare('UPDATE campaigns SET screening_done = ? WHERE id = ? AND screening_done < ?').run(owed, campaignId, owed);
}
