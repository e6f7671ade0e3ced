import type { Kysely, Transaction } from 'kysely';
import type pg from 'pg';
import type { SqliteDatabase } from '../../../db/connection';
import type { Database } from '../../../db/schema';

export interface AuditEntry {
  campaignId: number | null;
  actor: string;
  action: string;
  subject?: string;
  details?: unknown;
}

/** What the entry records besides, as JSON text; null when nothing. */
function detailsJson(entry: AuditEntry): string | null {
  return entry.details === undefined ? null : JSON.stringify(entry.details);
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
      detailsJson: detailsJson(entry),
    })
    .execute();
}

/** The same record for the office server's stores, on the connection of the transaction it belongs to. */
export async function writeAuditOn(client: pg.ClientBase, entry: AuditEntry, at: string): Promise<void> {
  await client.query('INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json) VALUES ($1, $2, $3, $4, $5, $6)', [
    entry.campaignId,
    at,
    entry.actor,
    entry.action,
    entry.subject ?? null,
    detailsJson(entry),
  ]);
}

/**
 * The same record for synchronous transactions (a commit, a re-screen) on the raw connection: one
 * prepared statement, so bulk paths can record an entry per application cheaply.
 */
export function auditWriter(sqlite: SqliteDatabase): (entry: AuditEntry, at: string) => void {
  const insert = sqlite.prepare('INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json) VALUES (?, ?, ?, ?, ?, ?)');
  return (entry, at) => {
    insert.run(entry.campaignId, at, entry.actor, entry.action, entry.subject ?? null, detailsJson(entry));
  };
}
