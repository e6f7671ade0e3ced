import type pg from 'pg';
import { NotFoundError } from '../../../../shared/api/errors';
import { inTransaction, read } from '../../../../db/postgres/transaction';
import { writeAuditOn } from '../../audit/audit-log';
import { OWED_SQL, owedWorkOf, settledDetails, type OwedRow } from './owed-work';
import { pgErasePerson, pgPurgeCampaign } from './pg-erasure';
import { pgIdentityOf } from './pg-person-scope';
import { pgReadSubjectAccess } from './pg-subject-access';
import type { RetentionRow } from './sqlite-retention';
import type { PrivacyStore } from './index';

/**
 * The personal-data store on the office server (team mode): finding a person, their record,
 * erasing them, purging a campaign and its retention, each write one transaction with its audit
 * entry. The server itself says who may: erasures, purges and retention are administrators'
 * (server-admin.ts's GRANTs: officers may not delete applications, change a campaign's retention
 * or rewrite the audit log), so an officer's attempt is refused by it, in words (storageError).
 */
export function pgPrivacyStore(pool: pg.Pool): PrivacyStore {
  return {
    identityOf: (campaignId, applicationId) => inTransaction(pool, (c) => pgIdentityOf(c, campaignId, applicationId)),
    subjectAccess: (identity) => inTransaction(pool, (c) => pgReadSubjectAccess(c, identity)),
    erasePerson: (identity, record, at) => inTransaction(pool, (c) => pgErasePerson(c, identity, record, at)),
    purgeCampaign: (campaignId, record, at, progress) => inTransaction(pool, (c) => pgPurgeCampaign(c, campaignId, record, at, progress)),
    async owedWork() {
      // Only an administrator's workstation may settle an erasure's owed row (GRANTs): an officer's
      // finds none, rather than failing on permissions at every start.
      const [may] = await read<{ may: boolean }>(pool, "SELECT has_table_privilege('privacy_owed', 'DELETE') AS may");
      if (may?.may !== true) return [];
      return (await read<OwedRow>(pool, OWED_SQL)).map(owedWorkOf);
    },
    async settleOwed(owed, details) {
      await inTransaction(pool, async (c) => {
        // Two workstations finishing the same work (both opened the server after a crash): one settles it.
        if ((await c.query('SELECT id FROM privacy_owed WHERE id = $1 FOR UPDATE', [owed.id])).rowCount === 0) return;
        if (owed.auditId !== null) {
          const [entry] = (await c.query<{ details: string | null }>('SELECT details_json AS details FROM audit_log WHERE id = $1 FOR UPDATE', [owed.auditId])).rows;
          await c.query('UPDATE audit_log SET details_json = $1 WHERE id = $2', [settledDetails(entry?.details ?? null, details), owed.auditId]);
        }
        await c.query('DELETE FROM privacy_owed WHERE id = $1', [owed.id]);
      });
      // No -wal of Cohort's to empty: the server's write-ahead log and its archive are IT's (pg-erasure.ts).
      return 'cleared';
    },
    // Nothing of Cohort's keeps the deleted rows on a server: no file to compact (pg-erasure.ts says what takes its place).
    scrub: async () => 'cleared',
    async retention(campaignId) {
      const [row] = await read<RetentionRow>(
        pool,
        `SELECT closed_on AS "closedOn", retention_months AS "retentionMonths", purged_at AS "purgedAt",
                (SELECT count(*) FROM applications WHERE campaign_id = c.id) AS applications
         FROM campaigns c WHERE id = $1`,
        [campaignId],
      );
      if (!row) throw new NotFoundError(`There is no campaign ${campaignId}.`, 'CampaignNotFound');
      return row;
    },
    async setRetention(campaignId, closedOn, retentionMonths, record, at) {
      await inTransaction(pool, async (c) => {
        await c.query('UPDATE campaigns SET closed_on = $1, retention_months = $2 WHERE id = $3', [closedOn, retentionMonths, campaignId]);
        await writeAuditOn(c, record, at);
      });
    },
    audit: (record, at) => inTransaction(pool, (c) => writeAuditOn(c, record, at)),
  };
}
