import { randomUUID } from 'node:crypto';
import type { ColumnTarget, ImportJobState, ImportJobStatus, ImportRecord, ImportUpdate, ProgressEvent } from '../../../shared/api/contract';
import type { AppErrorData } from '../../../shared/api/errors';
import { NotFoundError, toErrorData } from '../../../shared/api/errors';
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
  /** Where the job stands, for a window that lost it (reloaded) or another window. */
  state: ImportJobState;
  progress: ImportJobStatus['progress'];
  /** Why the last preview or commit failed (cleared when the next one starts). */
  error: AppErrorData | null;
}

/** How many finished jobs are remembered for windows that ask later (a reload during the commit). */
const FINISHED_KEPT = 50;

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

  /** Jobs committed or cancelled, newest last, with the connection they belonged to. */
  private readonly finished = new Map<string, { status: ImportJobStatus; sqlite: SqliteDatabase }>();

  add(job: Omit<ImportJob, 'id' | 'staged' | 'abort' | 'state' | 'progress' | 'error'>): ImportJob {
    // Jobs of a database that has since been closed (File > Open) cannot be finished: forget them.
    for (const old of this.jobs.values()) if (!old.sqlite.open) this.jobs.delete(old.id);
    const full: ImportJob = { ...job, id: randomUUID(), staged: null, abort: null, state: 'inspected', progress: null, error: null };
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

  /** Ends a job: committed (with its record) or cancelled. Its outcome stays known a while. */
  remove(job: ImportJob, record: ImportRecord | null = null): void {
    job.abort?.abort();
    dropStaged(job);
    this.jobs.delete(job.id);
    const status: ImportJobStatus = { ...statusOf(job), state: record ? 'committed' : 'cancelled', record, error: null };
    this.finished.set(job.id, { status, sqlite: job.sqlite });
    for (const id of this.finished.keys()) {
      if (this.finished.size <= FINISHED_KEPT) break;
      this.finished.delete(id);
    }
  }

  /** Where a job stands, finished or not, as long as its database is the one open. */
  status(id: string, sqlite: SqliteDatabase): ImportJobStatus {
    const done = this.finished.get(id);
    if (done && done.sqlite === sqlite) return done.status;
    return statusOf(this.get(id, sqlite));
  }
}

function statusOf(job: ImportJob): ImportJobStatus {
  return { jobId: job.id, campaignId: job.campaignId, fileName: job.fileName, state: job.state, progress: job.progress, record: null, error: job.error };
}

/**
 * Runs one step of a job (reading for the preview, writing for the commit) with its state kept:
 * `during` while it runs, `after` once it succeeded, back to where it was with the error if not;
 * its progress is remembered as it is sent.
 */
export async function runStep<T>(
  job: ImportJob,
  states: { during: ImportJobState; after: ImportJobState },
  emit: (event: ProgressEvent) => void,
  step: (emit: (event: ProgressEvent) => void) => T | Promise<T>,
): Promise<T> {
  const before = job.state;
  job.state = states.during;
  job.error = null;
  job.progress = null;
  const tracking = (event: ProgressEvent) => {
    job.progress = { phase: event.phase ?? null, done: event.done, total: event.total, rows: event.rows ?? null };
    emit(event);
  };
  try {
    const result = await step(tracking);
    job.state = states.after;
    return result;
  } catch (error) {
    job.state = before;
    job.error = toErrorData(error);
    throw error;
  }
}
