import { sql, type Kysely } from 'kysely';
import type { SqliteDatabase } from '../../../db/connection';
import type { Database } from '../../../db/schema';

/**
 * The SQL of the app itself: the preferences table (the name each OS user's decisions carry) and
 * whether the database holds any application yet. SQLite-only: `ON CONFLICT … DO UPDATE` (an
 * upsert PostgreSQL writes the same way).
 */

const officerKey = (userName: string) => `officerName:${userName}`;

/** The name a user recorded for their decisions, if they did. */
export function storedOfficerName(sqlite: SqliteDatabase, userName: string): string | undefined {
  return sqlite.prepare('SELECT value FROM preferences WHERE key = ?').pluck().get(officerKey(userName)) as string | undefined;
}

export function recordOfficerName(sqlite: SqliteDatabase, userName: string, name: string): void {
  sqlite.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(officerKey(userName), name);
}

/** How many applications the database holds (in one campaign, when given). */
export async function countApplications(db: Kysely<Database>, campaignId?: number): Promise<number> {
  let query = db.selectFrom('applications').select(sql<number>`count(*)`.as('n'));
  if (campaignId !== undefined) query = query.where('campaignId', '=', campaignId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
