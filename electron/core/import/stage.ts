import { deserialize, serialize } from 'node:v8';
import type { ColumnTarget, ImportCounts, ImportUpdate, ProgressEvent, RejectedRow } from '../../../shared/api/contract';
import { ConflictError, ValidationError } from '../../../shared/api/errors';
import { activeCorrections, withCorrections } from '../applications/corrections';
import { changedFields, insertRows, pushStoredValues, sameContent, STORED_COLUMNS, storedApplicationLookup, type FieldChange, type SqlValue } from '../applications/store';
import { dropStaged, newTempTableNames, type ImportJob } from './jobs';
import { scanFile } from './scan';

/** Rows per serialized batch, and per flush to the TEMP tables: memory stays bounded. */
const BATCH_ROWS = 500;
export const PREVIEW_REJECTIONS_SHOWN = 1000;
export const ID_INDEX = STORED_COLUMNS.indexOf('application_id');

/**
 * Preview: reads the whole file once with a mapping, counts what it would add, update or leave
 * unchanged, and stages in TEMP tables of the worker's connection (outside the database file;
 * SQLite deletes them when the connection closes, even after a crash) the rows' values, parsed and
 * ready to write, as serialized batches, and the rejected rows. Commit then writes exactly what the
 * user previewed, without reading the file again.
 */
export async function stageImport(job: ImportJob, mapping: ColumnTarget[], emit: (event: ProgressEvent) => void): Promise<void> {
  dropStaged(job);
  job.abort?.abort();
  const abort = new AbortController();
  job.abort = abort;
  const { sqlite } = job;
  const tables = newTempTableNames();
  const { rejectTable, batchTable } = tables;
  sqlite.exec(`
    CREATE TABLE ${rejectTable} (row_number INTEGER NOT NULL, column_name TEXT, code TEXT NOT NULL, message TEXT NOT NULL, value TEXT, values_json TEXT NOT NULL);
    CREATE TABLE ${batchTable} (seq INTEGER PRIMARY KEY, rows BLOB NOT NULL);
  `);
  job.staged = { mapping, sha256: '', ...tables, totalRows: 0, drafts: 0, added: 0, updated: 0, unchanged: 0, rejected: 0, updates: [], identityChanges: 0 };
  const staged = job.staged;

  // Rows of a campaign that holds none yet are all new: no need to look each one up.
  const campaignHasApplications = sqlite.prepare('SELECT 1 FROM applications WHERE campaign_id = ? LIMIT 1').get(job.campaignId) !== undefined;
  const findStored = storedApplicationLookup(sqlite, job.campaignId);
  // Officers' corrections stand while the export still says what it said when they were made.
  const corrections = campaignHasApplications ? activeCorrections(sqlite, job.campaignId) : new Map();
  let values: SqlValue[][] = [];
  let rejects: SqlValue[][] = [];
  let batches = 0;
  const flush = () => {
    // Another request's transaction may be open on this connection between two awaits; writing now
    // would make these rows part of it. Keep them (a little longer batch) and write next time.
    if (sqlite.inTransaction) return;
    sqlite.transaction(() => {
      insertRows(sqlite, rejectTable, ['row_number', 'column_name', 'code', 'message', 'value', 'values_json'], rejects);
      if (values.length > 0) insertRows(sqlite, batchTable, ['seq', 'rows'], [[++batches, serialize(values)]]);
    })();
    values = [];
    rejects = [];
  };
  const pending = () => values.length + rejects.length;

  try {
    const scan = await scanFile(job, mapping, abort.signal, emit, {
      stored(rowNumber, record, extra, submittedAt) {
        const row: SqlValue[] = [];
        pushStoredValues(row, withCorrections(record, corrections), extra, { submittedAt });
        const stored = campaignHasApplications ? findStored(record.applicationId) : undefined;
        if (!stored) staged.added++;
        else if (sameContent(stored.values, row)) staged.unchanged++;
        else {
          staged.updated++;
          const update = describeUpdate(record.applicationId, rowNumber, changedFields(stored.values, row));
          if (update.identityChanged) staged.identityChanges++;
          if (staged.updates.length < PREVIEW_UPDATES_SHOWN) staged.updates.push(update);
        }
        values.push(row);
        if (pending() >= BATCH_ROWS) flush();
      },
      rejected(r: RejectedRow, rowValues) {
        staged.rejected++;
        rejects.push([r.row, r.column, r.code, r.message, r.value, JSON.stringify(rowValues)]);
        if (pending() >= BATCH_ROWS) flush();
      },
      draft() {
        staged.drafts++;
      },
    });
    while (pending() > 0) {
      flush();
      if (sqlite.inTransaction) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    staged.totalRows = scan.totalRows;
    staged.sha256 = scan.sha256;
  } catch (error) {
    dropStaged(job);
    if (abort.signal.aborted) throw new ConflictError('The import was cancelled: nothing was stored.', 'Cancelled');
    throw error;
  } finally {
    if (job.abort === abort) job.abort = null;
  }
}

/** The staged rows' values, batch by batch, in file order. */
export function* stagedValueBatches(job: ImportJob): Generator<SqlValue[][]> {
  const staged = job.staged;
  if (!staged) return;
  // One batch per query: better-sqlite3 cannot write on a connection while a SELECT iterates.
  const next = job.sqlite.prepare(`SELECT seq, rows FROM ${staged.batchTable} WHERE seq > ? ORDER BY seq LIMIT 1`);
  for (let seq = 0; ; ) {
    const batch = next.get(seq) as { seq: number; rows: Buffer } | undefined;
    if (!batch) return;
    seq = batch.seq;
    yield deserialize(batch.rows) as SqlValue[][];
  }
}

/** What committing the staged file would do, as counted by the preview. */
export function stagedCounts(job: ImportJob): ImportCounts {
  const staged = job.staged;
  if (!staged) throw new ValidationError('This file has not been read yet: preview it first.', [], 'NotPreviewed');
  const { totalRows, added, updated, unchanged, drafts, rejected } = staged;
  return { totalRows, added, updated, unchanged, skippedDrafts: drafts, rejected };
}

export function stagedRejections(job: ImportJob, limit = PREVIEW_REJECTIONS_SHOWN): RejectedRow[] {
  const staged = job.staged;
  if (!staged) return [];
  return job.sqlite
    .prepare(`SELECT row_number AS row, column_name AS "column", code, message, value FROM ${staged.rejectTable} ORDER BY row_number LIMIT ?`)
    .all(limit) as RejectedRow[];
}

/** How many updated applications the preview lists with their changes (all are counted). */
export const PREVIEW_UPDATES_SHOWN = 500;
/** A changed motivation is shown as its start: enough to recognise, not a page. */
const PREVIEW_VALUE_CHARS = 300;
/** Fields that say who the person is: a change there may be another person under the same Application ID. */
const IDENTITY_FIELDS = new Set(['firstName', 'lastName', 'dateOfBirth']);

function previewText(value: SqlValue): string | null {
  if (value === null) return null;
  const text = typeof value === 'string' ? value : String(value);
  return text.length > PREVIEW_VALUE_CHARS ? `${text.slice(0, PREVIEW_VALUE_CHARS)}…` : text;
}

/** What the preview shows of one updated application. */
export function describeUpdate(applicationId: string, row: number, changes: FieldChange[]): ImportUpdate {
  // Parsed columns follow from the raw ones: the raw fields say what the export changed.
  return {
    applicationId,
    row,
    changes: changes.map((c) => ({ field: c.field, before: previewText(c.before), after: previewText(c.after) })),
    identityChanged: changes.some((c) => IDENTITY_FIELDS.has(c.field)),
  };
}

/** The updates the preview lists, and how many change a name or birth date. */
export function stagedUpdates(job: ImportJob): { updates: ImportUpdate[]; identityChanges: number } {
  return { updates: job.staged?.updates ?? [], identityChanges: job.staged?.identityChanges ?? 0 };
}
