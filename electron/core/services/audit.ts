import type { Kysely, Transaction } from 'kysely';
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
