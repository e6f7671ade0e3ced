import { randomUUID } from 'node:crypto';
import type { ColumnTarget, ImportUpdate } from '../../../shared/api/contract';
import { NotFoundError } from '../../../shared/api/errors';
import type { SqliteDatabase } from '../../../db/connection';
import type { TextEncoding } from '../../../shared/domain/text-encodings';

/**
 * Imports under way in this worker: a file inspected, then staged (read whole into TEMP tables of
 * the worker's connection, which live outside the database file), then committed or cancelled.
 * Nothing of a job touches the campaign's data until commit, which is one transaction.
 */
export interface ImportJob {
  id: string;
  campaignId: number;
  path: string;
  fileName: string;
  sizeBytes: number;
  format: 'csv' | 'xlsx';
  /** The encoding the file is read in (null for .xlsx): every later read of the job uses it. */
  encoding: TextEncoding | null;
  delimiter: string | null;
  headers: string[];
  /** The connection the job's TEMP tables belong to; a job dies with its connection. */
  sqlite: SqliteDatabase;
  startedAt: string;
  staged: StagedImport | null;
  abort: AbortController | null;
}

export interface StagedImport {
  mapping: ColumnTarget[];
  sha256: string;
  rejectTable: string;
  batchTable: string;
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
}

let nextTableNumber = 1;

export function newTempTableNames(): { rejectTable: string; batchTable: string } {
  const n = nextTableNumber++;
  return { rejectTable: `temp.import_rejects_${n}`, batchTable: `temp.import_batches_${n}` };
}

export function dropStaged(job: ImportJob): void {
  const staged = job.staged;
  if (!staged || !job.sqlite.open) return;
  job.staged = null;
  const drop = () => {
    if (!job.sqlite.open) return;
    // Not inside another request's transaction (a commit reading its file): its rollback would
    // bring the tables back. TEMP tables cost nothing to keep a moment longer.
    if (job.sqlite.inTransaction) return void setTimeout(drop, 50);
    job.sqlite.exec(`DROP TABLE IF EXISTS ${staged.rejectTable}; DROP TABLE IF EXISTS ${staged.batchTable};`);
  };
  drop();
}

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  add(job: Omit<ImportJob, 'id' | 'staged' | 'abort'>): ImportJob {
    // Jobs of a database that has since been closed (File > Open) cannot be finished: forget them.
    for (const old of this.jobs.values()) if (!old.sqlite.open) this.jobs.delete(old.id);
    const full: ImportJob = { ...job, id: randomUUID(), staged: null, abort: null };
    this.jobs.set(full.id, full);
    return full;
  }

  get(id: string, sqlite: SqliteDatabase): ImportJob {
    const job = this.jobs.get(id);
    if (!job || job.sqlite !== sqlite || !sqlite.open) {
      throw new NotFoundError('This import is no longer open (it was finished, cancelled, or the database was changed). Start it again.', 'NoSuchImport');
    }
    return job;
  }

  remove(job: ImportJob): void {
    job.abort?.abort();
    dropStaged(job);
    this.jobs.delete(job.id);
  }
}
