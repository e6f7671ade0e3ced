import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import type { PersonFound, SubjectAccessTable, WalState } from '../../../../shared/api/privacy';
import { auditWriter, type AuditEntry } from '../../audit/audit-log';
import type { Synchronous } from '../../synchronous-store';
import { identityOf, type PersonIdentity } from './person-scope';
import { erasePerson, purgeCampaign, type ErasedApplication } from './sqlite-erasure';
import { readSubjectAccess } from './sqlite-subject-access';
import { sqliteRetention, type RetentionRow } from './sqlite-retention';
import { scrubFreedData } from './scrub';

export type { PersonIdentity } from './person-scope';
export type { RetentionRow } from './sqlite-retention';

type Progress = (phase: string, done: number, total: number) => void;

/**
 * The personal-data store: finding a person, everything held about them, erasing them, purging a
 * campaign, and the campaign's retention. Each write is one transaction with its audit entry.
 */
export interface PrivacyStore {
  identityOf(campaignId: number, applicationId: string): Promise<PersonIdentity | null>;
  subjectAccess(identity: PersonIdentity): Promise<{ person: PersonFound; tables: SubjectAccessTable[] }>;
  erasePerson(identity: PersonIdentity, record: AuditEntry, at: string): Promise<{ erased: ErasedApplication[]; auditId: number }>;
  purgeCampaign(campaignId: number, record: AuditEntry, at: string, progress: Progress): Promise<{ applications: number; auditId: number }>;
  /** Removes what the file keeps of deleted rows (free pages, search segments, the -wal). */
  scrub(progress: (phase: string) => void): Promise<WalState>;
  retention(campaignId: number): Promise<RetentionRow>;
  setRetention(campaignId: number, closedOn: string | null, retentionMonths: number, record: AuditEntry, at: string): Promise<void>;
  /** Adds to an audit entry what happened after its transaction (the backups rewritten). */
  addToAudit(auditId: number, details: Record<string, unknown>): Promise<void>;
  /** Records an audit entry on its own (a subject-access export). */
  audit(record: AuditEntry, at: string): Promise<void>;
}

export function sqlitePrivacyStore(sqlite: SqliteDatabase): Synchronous<PrivacyStore> {
  const retention = sqliteRetention(sqlite);
  const audit = auditWriter(sqlite);
  const readDetails = sqlite.prepare<[number], string | null>('SELECT details_json FROM audit_log WHERE id = ?').pluck();
  const writeDetails = sqlite.prepare<[string, number]>('UPDATE audit_log SET details_json = ? WHERE id = ?');
  return {
    identityOf: (campaignId, applicationId) => identityOf(sqlite, campaignId, applicationId),
    subjectAccess: (identity) => readSubjectAccess(sqlite, identity),
    erasePerson(identity, record, at) {
      const { erased, auditId } = erasePerson(sqlite, identity, record, at);
      return { erased, auditId: auditId as number };
    },
    purgeCampaign(campaignId, record, at, progress) {
      const { applications, auditId } = purgeCampaign(sqlite, campaignId, record, at, progress);
      return { applications, auditId: auditId as number };
    },
    scrub: (progress) => scrubFreedData(sqlite, progress),
    retention: (campaignId) => retention.retention(campaignId),
    setRetention(campaignId, closedOn, retentionMonths, record, at) {
      writeTransaction(sqlite, () => {
        retention.setRetention(campaignId, closedOn, retentionMonths);
        audit(record, at);
      });
    },
    addToAudit(auditId, details) {
      const current = JSON.parse(readDetails.get(auditId) ?? '{}') as Record<string, unknown>;
      writeDetails.run(JSON.stringify({ ...current, ...details }), auditId);
    },
    audit: (record, at) => audit(record, at),
  };
}
