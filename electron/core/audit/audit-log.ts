import type { Kysely, Transaction } from 'kysely';
import type { SqliteDatabase } from '../../../db/connection';
import type { Database } from '../../../db/schema';

export interface AuditEntry {
  campaignId: number | null;
  actor: string;
  action: string;
  subject?: string;
  details?: unknown;
}

/** Records who did what; call inside the same transaction as the change it describes. */
export async function writeAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry, now = new Date()): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({
      campaignId: entry.campaignId,
      at: now.toISOString(),
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject ?? null,
      detailsJson: entry.details === undefined ? null : JSON.stringify(entry.details),
    })
    .execute();
}

/**
 * The same record for synchronous transactions (a commit, a re-screen) on the raw connection: one
 * prepared statement, so bulk paths can record an entry per application cheaply.
 */
export function auditWriter(sqlite: SqliteDatabase): (entry: AuditEntry, at: string) => void {
  const insert = sqlite.prepare('INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json) VALUES (?, ?, ?, ?, ?, ?)');
  return (entry, at) => {
    insert.run(entry.campaignId, at, entry.actor, entry.action, entry.subject ?? null, entry.details === undefined ? null : JSON.stringify(entry.details));
  };
}
