import { z } from 'zod';
import { calendarDay, campaignId, reads, returns } from './common';
import { fileTargetSchema, type FileOutput } from './files';

/**
 * Personal data (issue 13): what Cohort holds about one person and handing it to them
 * (subject access), erasing it on request, and purging a campaign when its retention has passed.
 * Every one of these walks the personal-data register (db/personal-data.ts). The season report's
 * figures survive both erasure and purge: the facts it counts are kept without anything that
 * names anyone.
 */

/** The export's Application ID, as the office reads it (NIP-2026-00005-1). */
const applicationId = z.string().trim().min(1, 'Give the Application ID').max(100);

/** One of the person's applications, as the office finds it. */
export interface PersonApplication {
  ref: number;
  applicationId: string;
  campaignId: number;
  campaignName: string;
  firstName: string;
  lastName: string;
  division: string;
}

/** The person an Application ID leads to: every application of theirs in the database (other campaigns too). */
export interface PersonFound {
  /** Their name as the application asked for gives it. */
  name: string;
  /** The language they are written to in (their notices' language). */
  language: 'en' | 'fr';
  applications: PersonApplication[];
}

/** One table's rows about the person, with the register's words for the table and its columns. */
export interface SubjectAccessTable {
  table: string;
  /** What the table is to the person, in their language (shared/domain/personal-data-words.ts). */
  title: string;
  /** What one row is (the register's words, English). */
  what: string;
  /** Every column the register lists for the table: its heading in the person's language, and the register's words. */
  columns: { name: string; label: string; what: string }[];
  rows: Record<string, string | number | null>[];
}

/** Everything Cohort holds about one person: every table of the register, even those with no row. */
export interface SubjectAccessRecord {
  generatedAt: string;
  language: 'en' | 'fr';
  person: PersonFound;
  tables: SubjectAccessTable[];
}

/** Backups touched by an erasure or a purge: each rewritten without the data, or removed when it cannot be. */
export interface BackupsTouched {
  rewritten: string[];
  removed: { file: string; why: 'olderSchema' | 'unreadable' }[];
}

/**
 * What is left on disk besides the database's pages: 'cleared' when the -wal file was emptied;
 * 'busy' when another program held the database open, so the -wal is emptied when it closes.
 */
export type WalState = 'cleared' | 'busy';

export interface ErasureResult {
  /** The applications erased (their IDs are not kept anywhere else after this answer). */
  erased: { applicationId: string; campaignName: string }[];
  /** The audit entry recording it (the reason, no personal data). */
  auditId: number;
  backups: BackupsTouched;
  wal: WalState;
}

export interface RetentionState {
  campaignId: number;
  /** The day the campaign closed (the office says so); null while it is open. */
  closedOn: string | null;
  retentionMonths: number;
  /** closedOn + retentionMonths; null while the campaign is open. */
  purgeDueOn: string | null;
  /** The retention has passed: Cohort offers the purge. */
  due: boolean;
  /** When its personal data was purged; null before. */
  purgedAt: string | null;
  /** Applications still holding personal data. */
  applications: number;
}

export interface PurgeResult {
  campaignId: number;
  /** Applications whose personal data was removed. */
  applications: number;
  backups: BackupsTouched;
  wal: WalState;
}

const reason = z
  .string()
  .trim()
  .min(3, 'Say why the data is erased (the request, its date or reference)')
  .max(500, 'Keep the reason under 500 characters');

export const privacyMethods = {
  /** The person an Application ID belongs to, with all their applications. */
  'privacy.findPerson': {
    input: z.object({ campaignId, applicationId }).strict(),
    output: returns<PersonFound>(),
    reads: reads('applications', 'notices'),
  },
  /**
   * Everything held about the person, table by table (the page shows it, and prints it as the
   * readable PDF). `forExport`: the page is about to print or save it, recorded in the audit log.
   */
  'privacy.personData': {
    input: z.object({ campaignId, applicationId, forExport: z.boolean().default(false) }).strict(),
    output: returns<SubjectAccessRecord>(),
  },
  /** The subject-access export as a JSON file (recorded in the audit log). */
  'privacy.exportPerson': {
    input: z.object({ campaignId, applicationId, target: fileTargetSchema }).strict(),
    output: returns<{ file: FileOutput; tables: number; rows: number }>(),
  },
  /**
   * Erases the person's personal data: their applications and all that hangs on them, their
   * notices, what the search index, the audit log and rejected import rows hold of them, then the
   * free pages of the file, its -wal and every backup. The report's figures stay. The reason must
   * not name the person: it outlives their data.
   */
  'privacy.erasePerson': {
    input: z.object({ campaignId, applicationId, reason }).strict(),
    output: returns<ErasureResult>(),
  },
  'privacy.retention': { input: z.object({ campaignId }).strict(), output: returns<RetentionState>(), reads: reads('campaigns', 'applications') },
  /** Closes (or reopens, with null) a campaign and sets how long its personal data is kept after. */
  'privacy.setRetention': {
    input: z
      .object({
        campaignId,
        closedOn: calendarDay.nullable().optional(),
        retentionMonths: z.number().int().min(1, 'At least 1 month').max(120, 'At most 120 months (10 years)').optional(),
      })
      .strict(),
    output: returns<RetentionState>(),
  },
  /**
   * Removes every applicant's personal data from a campaign (and from the backups); the report's
   * figures stay. Refused before the retention has passed unless `beforeDue` says the office means it.
   */
  'privacy.purgeCampaign': {
    input: z.object({ campaignId, beforeDue: z.boolean().default(false) }).strict(),
    output: returns<PurgeResult>(),
  },
};
