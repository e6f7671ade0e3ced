import { randomUUID } from 'node:crypto';
import type { ImportJobState, ImportJobStatus, ImportRecord, ProgressEvent } from '../../../shared/api/contract';
import type { AppErrorData } from '../../../shared/api/errors';
import { ConflictError, toErrorData } from '../../../shared/api/errors';
import type { SqliteDatabase } from '../../../db/connection';
import { StagingArea } from './staging-area';

/**
 * Incoming files under way in this worker, of any kind (the e-recruitment export today; hiring
 * managers' workbooks next): a file inspected, then staged (read whole into a StagingArea), then
 * committed in one transaction or cancelled. Nothing of a job touches the campaign's data until
 * its commit. Each kind keeps its own registry (`new IncomingJobs<ItsJob>()`), and adds to the job
 * what it needs to know about its file (an export's columns and encoding, say).
 */
/** What a job needs of its staged file: a way to throw it away. */
export interface Staged {
  area: { drop(): void };
}

export interface IncomingJob<S extends Staged> {
  id: string;
  campaignId: number;
  path: string;
  fileName: string;
  sizeBytes: number;
  /** The connection the job's staging area belongs to; a job dies with its connection. */
  sqlite: SqliteDatabase;
  /**
   * The open database the job belongs to, when that is not `sqlite` itself: on the office server,
   * the staging is a private scratch database on this computer (import/store/pg.ts). Only a request
   * on the same open database finds the job.
   */
  owner?: object;
  /** What the job holds besides its staged rows (a scratch connection of its own), let go when it ends. */
  release?: () => void;
  startedAt: string;
  /** What the last preview read, ready for the commit (null until then, and after a failure). */
  staged: S | null;
  abort: AbortController | null;
  /** Where the job stands, for a window that lost it (reloaded) or another window. */
  state: ImportJobState;
  progress: ImportJobStatus['progress'];
  /** Why the last preview or commit failed (cleared when the next one starts). */
  error: AppErrorData | null;
}

type AnyJob = IncomingJob<Staged>;

/**
 * A job left open this long without being read or written (a preview nobody committed or
 * cancelled: the window was closed) is forgotten, and its staging area with it.
 */
const IDLE_JOB_MS = 4 * 60 * 60 * 1000;

/** How many finished jobs are remembered for windows that ask later (a reload during the commit). */
const FINISHED_KEPT = 50;

/** A new job's own fields; the registry adds its id and state. */
export type NewJob<J extends AnyJob> = Omit<J, 'id' | 'staged' | 'abort' | 'state' | 'progress' | 'error'>;

export class IncomingJobs<J extends AnyJob> {
  private readonly jobs = new Map<string, J>();

  /** Jobs committed or cancelled, newest last, with the open database they belonged to. */
  private readonly finished = new Map<string, { status: ImportJobStatus; owner: object }>();

  /** @param notFound the error for a job that is not (or no longer) open, in the kind's words. */
  constructor(private readonly notFound: () => Error) {}

  add(job: NewJob<J>, now = Date.now()): J {
    for (const old of this.jobs.values()) {
      // Jobs of a database that has since been closed (File > Open) cannot be finished: forget them.
      if (!old.sqlite.open) this.forget(old);
      // Nor can a job of another open database than this one's (a server switched from): its scratch goes now.
      else if (ownerOf(old) !== ownerOf(job)) this.forget(old);
      else if (old.state !== 'reading' && old.state !== 'writing' && now - Date.parse(old.startedAt) > IDLE_JOB_MS) this.remove(old);
    }
    const full = { ...job, id: randomUUID(), staged: null, abort: null, state: 'inspected', progress: null, error: null } as J;
    this.jobs.set(full.id, full);
    return full;
  }

  /** @param owner the open database asking: its connection on a file (or the `owner` the job was added with). */
  get(id: string, owner: object): J {
    const job = this.jobs.get(id);
    if (!job || ownerOf(job) !== owner || !job.sqlite.open) throw this.notFound();
    return job;
  }

  /** Ends a job: committed (with the import's record, for an import) or cancelled. Its outcome stays known a while. */
  remove(job: J, outcome: { committed: true; record?: ImportRecord } | null = null): void {
    job.abort?.abort();
    dropStaged(job);
    this.jobs.delete(job.id);
    job.release?.();
    const status: ImportJobStatus = { ...statusOf(job), state: outcome ? 'committed' : 'cancelled', record: outcome?.record ?? null, error: null };
    this.finished.set(job.id, { status, owner: ownerOf(job) });
    for (const id of this.finished.keys()) {
      if (this.finished.size <= FINISHED_KEPT) break;
      this.finished.delete(id);
    }
  }

  /** Where a job stands, finished or not, as long as its database is the one open. */
  status(id: string, owner: object): ImportJobStatus {
    const done = this.finished.get(id);
    if (done && done.owner === owner) return done.status;
    return statusOf(this.get(id, owner));
  }

  /** Drops a job that can no longer be finished, and what it holds. */
  private forget(job: J): void {
    job.abort?.abort();
    dropStaged(job);
    job.release?.();
    this.jobs.delete(job.id);
  }
}

function ownerOf(job: Pick<AnyJob, 'owner' | 'sqlite'>): object {
  return job.owner ?? job.sqlite;
}

function statusOf(job: AnyJob): ImportJobStatus {
  return { jobId: job.id, campaignId: job.campaignId, fileName: job.fileName, state: job.state, progress: job.progress, record: null, error: job.error };
}

export function dropStaged(job: AnyJob): void {
  job.staged?.area.drop();
  job.staged = null;
}

/**
 * Reads a job's file again into a fresh staging area (a preview after the mapping changed drops
 * the last one). `read` fills the area and returns what the kind counted; a cancel or a failure
 * leaves nothing staged.
 */
export async function stageJob<Row, S extends Staged, Code extends string = string>(
  job: IncomingJob<S>,
  read: (area: StagingArea<Row, Code>, signal: AbortSignal) => Promise<S>,
): Promise<S> {
  dropStaged(job);
  job.abort?.abort();
  const abort = new AbortController();
  job.abort = abort;
  const area = StagingArea.open<Row, Code>(job.sqlite);
  try {
    const staged = await read(area, abort.signal);
    await area.finish();
    abort.signal.throwIfAborted();
    job.staged = staged;
    return staged;
  } catch (error) {
    area.drop();
    if (abort.signal.aborted) throw new ConflictError('Reading the file was cancelled: nothing was stored.', 'Cancelled');
    throw error;
  } finally {
    if (job.abort === abort) job.abort = null;
  }
}

/**
 * Runs one step of a job (reading for the preview, writing for the commit) with its state kept:
 * `during` while it runs, `after` once it succeeded, back to where it was with the error if not;
 * its progress is remembered as it is sent.
 */
export async function runStep<T>(
  job: AnyJob,
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
