import type { ActiveCorrections } from '../applications/corrections';
import type { ColumnTarget, ImportUpdate, RejectionCode } from '../../../shared/api/contract';
import { NotFoundError } from '../../../shared/api/errors';
import type { TextEncoding } from '../../../shared/domain/text-encodings';
import { IncomingJobs, type IncomingJob } from '../files/incoming-jobs';
import type { StagingArea } from '../files/staging-area';
import type { SqlValue } from '../applications/store';

/**
 * Imports of the e-recruitment export under way in this worker: incoming jobs (files/incoming-jobs.ts)
 * that also know the file's layout, and stage each row's values ready to write (STORED_COLUMNS order).
 */
export interface ImportJob extends IncomingJob<StagedImport> {
  format: 'csv' | 'xlsx';
  /** The encoding the file is read in (null for .xlsx): every later read of the job uses it. */
  encoding: TextEncoding | null;
  delimiter: string | null;
  headers: string[];
}

export interface StagedImport {
  area: StagingArea<SqlValue[], RejectionCode>;
  mapping: ColumnTarget[];
  sha256: string;
  totalRows: number;
  drafts: number;
  /** As the preview counted them against the database at the time. */
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first updates with what they change, and how many change a person's name or birth date. */
  updates: ImportUpdate[];
  identityChanges: number;
  /** Officers' corrections as the preview put them into the staged rows (decide.ts: the commit checks they still stand). */
  corrections: ActiveCorrections;
}

export type ImportJobs = IncomingJobs<ImportJob>;

export function importJobs(): ImportJobs {
  return new IncomingJobs<ImportJob>(
    () => new NotFoundError('This import is no longer open (it was finished, cancelled, or the database was changed). Start it again.', 'NoSuchImport'),
  );
}
