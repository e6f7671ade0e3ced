import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ColumnTarget, ImportCounts, ProgressEvent, RejectedRow } from '../../../shared/api/contract';
import { ConflictError, ValidationError } from '../../../shared/api/errors';
import { batchedInsert, COMPARED_COLUMNS, pushStoredValues, STORED_COLUMNS, type SqlValue } from '../services/application-store';
import { mappingProblems } from './headers';
import { dropStaged, newTempTableNames, type ImportJob } from './jobs';
import { openTable } from './read';
import { classifyRow, compileMapping } from './row-outcome';

/** Rows held in memory before they go to the TEMP tables: bounded, whatever the file's size. */
const BATCH_ROWS = 2000;
const PROGRESS_EVERY_MS = 100;
export const PREVIEW_REJECTIONS_SHOWN = 1000;

export function sha256OfFile(path: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = createReadStream(path, { signal });
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('end', () => resolve(hash.digest('hex')));
    stream.on('error', reject);
  });
}

/**
 * Reads the whole file with a mapping into TEMP tables (outside the database file): the rows to
 * store, and the rejected ones. Cancelling (the signal) stops reading and drops them.
 */
export async function stageImport(
  job: ImportJob,
  mapping: ColumnTarget[],
  emit: (event: ProgressEvent) => void,
): Promise<void> {
  const problems = mappingProblems(job.headers, mapping);
  if (problems.length > 0) {
    throw new ValidationError(`The columns cannot be imported as mapped: ${problems.map((p) => p.message).join(' ')}`, problems, 'MappingInvalid');
  }
  dropStaged(job);
  job.abort?.abort();
  const abort = new AbortController();
  job.abort = abort;
  const { sqlite } = job;
  const { stageTable, rejectTable } = newTempTableNames();
  sqlite.exec(`
    CREATE TABLE ${stageTable} (row_number INTEGER NOT NULL, ${STORED_COLUMNS.map((c) => `${c}`).join(', ')});
    CREATE TABLE ${rejectTable} (row_number INTEGER NOT NULL, column_name TEXT, code TEXT NOT NULL, message TEXT NOT NULL, value TEXT, values_json TEXT NOT NULL);
  `);
  job.staged = { mapping, sha256: '', stageTable, rejectTable, totalRows: 0, drafts: 0 };
  const staged = job.staged;

  const compiled = compileMapping(job.headers, mapping);
  const seenIds = new Set<string>();
  let stageBatch: SqlValue[][] = [];
  let rejectBatch: SqlValue[][] = [];
  const flush = () => {
    // Another request's transaction may be open on this connection between two awaits; writing now
    // would make these rows part of it. Keep them (a little longer batch) and write next time.
    if (sqlite.inTransaction) return;
    sqlite.transaction(() => {
      batchedInsert(sqlite, stageTable, ['row_number', ...STORED_COLUMNS], stageBatch);
      batchedInsert(sqlite, rejectTable, ['row_number', 'column_name', 'code', 'message', 'value', 'values_json'], rejectBatch);
    })();
    stageBatch = [];
    rejectBatch = [];
  };

  let lastProgress = 0;
  const progress = (bytes: number, force = false) => {
    const now = performance.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    emit({ type: 'progress', job: 'import', jobId: job.id, phase: 'reading', done: bytes, total: job.sizeBytes, rows: staged.totalRows });
  };

  try {
    const hashing = sha256OfFile(job.path, abort.signal);
    hashing.catch(() => {}); // awaited below; if reading fails first, its rejection must not go unhandled
    const table = await openTable(job.path);
    progress(0, true);
    for await (const row of table.rows({ signal: abort.signal, onBytes: (bytes) => progress(bytes) })) {
      staged.totalRows++;
      const outcome = classifyRow(row.rowNumber, row.values, row.extraValues, compiled, seenIds);
      if (outcome.kind === 'stored') {
        const values: SqlValue[] = [row.rowNumber];
        pushStoredValues(values, outcome.record, outcome.extra);
        stageBatch.push(values);
      }
      else if (outcome.kind === 'draft') staged.drafts++;
      else {
        const r = outcome.rejection;
        rejectBatch.push([r.row, r.column, r.code, r.message, r.value, JSON.stringify(row.values)]);
      }
      if (stageBatch.length + rejectBatch.length >= BATCH_ROWS) flush();
    }
    while (stageBatch.length + rejectBatch.length > 0) {
      flush();
      if (sqlite.inTransaction) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    staged.sha256 = await hashing;
    progress(job.sizeBytes, true);
  } catch (error) {
    dropStaged(job);
    if (abort.signal.aborted) throw new ConflictError('The import was cancelled: nothing was stored.', 'Cancelled');
    throw error;
  } finally {
    if (job.abort === abort) job.abort = null;
  }
}

/** What committing the staged file would do, counted against the campaign's stored applications. */
export function stagedCounts(job: ImportJob): ImportCounts {
  const staged = job.staged;
  if (!staged) throw new ValidationError('This file has not been read yet: preview it first.', [], 'NotPreviewed');
  const { sqlite } = job;
  const changed = COMPARED_COLUMNS.map((c) => `a.${c} IS NOT s.${c}`).join(' OR ');
  const row = sqlite
    .prepare(
      `SELECT
         count(*) AS staged,
         sum(a.id IS NULL) AS added,
         sum(a.id IS NOT NULL AND (${changed})) AS updated
       FROM ${staged.stageTable} s
       LEFT JOIN applications a ON a.campaign_id = ? AND a.application_id = s.application_id`,
    )
    .get(job.campaignId) as { staged: number; added: number | null; updated: number | null };
  const rejected = (sqlite.prepare(`SELECT count(*) AS n FROM ${staged.rejectTable}`).get() as { n: number }).n;
  const added = row.added ?? 0;
  const updated = row.updated ?? 0;
  return {
    totalRows: staged.totalRows,
    added,
    updated,
    unchanged: row.staged - added - updated,
    skippedDrafts: staged.drafts,
    rejected,
  };
}

export function stagedRejections(job: ImportJob, limit = PREVIEW_REJECTIONS_SHOWN): RejectedRow[] {
  const staged = job.staged;
  if (!staged) return [];
  return (
    job.sqlite
      .prepare(`SELECT row_number AS row, column_name AS "column", code, message, value FROM ${staged.rejectTable} ORDER BY row_number LIMIT ?`)
      .all(limit) as RejectedRow[]
  ).map((r) => ({ ...r }));
}
