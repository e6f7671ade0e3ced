import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import type { PersonFound, SubjectAccessTable, WalState } from '../../../../shared/api/privacy';
import { auditWriter, type AuditEntry } from '../../audit/audit-log';
import type { Synchronous } from '../../synchronous-store';
import { OWED_SQL, owedWorkOf, settledDetails, type OwedRow, type OwedWork } from './owed-work';
import { identityOf, type PersonIdentity } from './person-scope';
import { erasePerson, purgeCampaign, type ErasedApplication } from './sqlite-erasure';
import { readSubjectAccess } from './sqlite-subject-access';
import { sqliteRetention, type RetentionRow } from './sqlite-retention';
import { emptyWal, scrubFreedData } from './scrub';

export type { PersonIdentity } from './person-scope';
export type { RetentionRow } from './sqlite-retention';
export type { OwedWork } from './owed-work';

type Progress = (phase: string, done: number, total: number) => void;

/**
 * The personal-data store: finding a person, everything held about them, erasing them, purging a
 * campaign, and the campaign's retention. Each write is one transaction with its audit entry.
 */
export interface PrivacyStore {
  identityOf(campaignId: number, applicationId: string): Promise<PersonIdentity | null>;
  subjectAccess(identity: PersonIdentity): Promise<{ person: PersonFound; tables: SubjectAccessTable[] }>;
  /** Erases the person, recording the audit entry and the work owed after (backups, free pages) in the same transaction. */
  erasePerson(identity: PersonIdentity, record: AuditEntry, at: string): Promise<{ erased: ErasedApplication[]; owed: OwedWork }>;
  purgeCampaign(campaignId: number, record: AuditEntry, at: string, progress: Progress): Promise<{ applications: number; owed: OwedWork }>;
  /** Erasures and purges whose backups and free pages are still to be cleared (a crash came between). */
  owedWork(): Promise<OwedWork[]>;
  /**
   * The owed work done: its row removed without a trace (secure_delete, then the -wal emptied),
   * what became of the backups added to its audit entry. Says whether the -wal could be emptied.
   */
  settleOwed(owed: OwedWork, auditDetails: Record<string, unknown>): Promise<WalState>;
  /** Removes what the file keeps of deleted rows (free pages, search segments, the -wal). */
  scrub(progress: (phase: string) => void): Promise<WalState>;
  retention(campaignId: number): Promise<RetentionRow>;
  setRetention(campaignId: number, closedOn: string | null, retentionMonths: number, record: AuditEntry, at: string): Promise<void>;
  /** Records an audit entry on its own (a subject-access export). */
  audit(record: AuditEntry, at: string): Promise<void>;
}

export function sqlitePrivacyStore(sqlite: SqliteDatabase): Synchronous<PrivacyStore> {
  const retention = sqliteRetention(sqlite);
  const audit = auditWriter(sqlite);
  const readDetails = sqlite.prepare<[number], string | null>('SELECT details_json FROM audit_log WHERE id = ?').pluck();
  const writeDetails = sqlite.prepare<[string, number]>('UPDATE audit_log SET details_json = ? WHERE id = ?');
  const owedRows = sqlite.prepare<[], OwedRow>(OWED_SQL);
  const owedRow = sqlite.prepare<[number], number>('SELECT id FROM privacy_owed WHERE id = ?').pluck();
  const owedList = (): OwedWork[] => owedRows.all().map(owedWorkOf);
  const owedById = (id: number | null): OwedWork => {
    const found = owedList().find((o) => o.id === id);
    if (!found) throw new Error(`The work owed after an erasure (${String(id)}) was not recorded.`);
    return found;
  };
  return {
    identityOf: (campaignId, applicationId) => identityOf(sqlite, campaignId, applicationId),
    subjectAccess: (identity) => readSubjectAccess(sqlite, identity),
    erasePerson(identity, record, at) {
      const { erased, owedId } = erasePerson(sqlite, identity, record, at);
      return { erased, owed: owedById(owedId) };
    },
    purgeCampaign(campaignId, record, at, progress) {
      const { applications, owedId } = purgeCampaign(sqlite, campaignId, record, at, progress);
      return { applications, owed: owedById(owedId) };
    },
    scrub: (progress) => scrubFreedData(sqlite, progress),
    retention: (campaignId) => retention.retention(campaignId),
    setRetention(campaignId, closedOn, retentionMonths, record, at) {
      writeTransaction(sqlite, () => {
        retention.setRetention(campaignId, closedOn, retentionMonths);
        audit(record, at);
      });
    },
    owedWork: () => owedList(),
    settleOwed(owed, details) {
      // The row's identity is zeroed where it lay, not left in a free block of its page.
      const secure = sqlite.pragma('secure_delete', { simple: true }) as number;
      sqlite.pragma('secure_delete = ON');
      try {
        writeTransaction(sqlite, () => {
          if (owedRow.get(owed.id) === undefined) return;
          if (owed.auditId !== null) {
            writeDetails.run(settledDetails(readDetails.get(owed.auditId) ?? null, details), owed.auditId);
          }
          sqlite.prepare('DELETE FROM privacy_owed WHERE id = ?').run(owed.id);
        });
      } finally {
        sqlite.pragma(`secure_delete = ${secure === 1 ? 'ON' : 'OFF'}`);
      }
      return emptyWal(sqlite);
    },
    audit: (record, at) => audit(record, at),
  };
}
