import type { ColumnTarget, ProgressEvent, RejectedRow } from '../../../shared/api/contract';
import { ValidationError } from '../../../shared/api/errors';
import type { ApplicationRecord } from '../../../shared/domain/application-fields';
import { checkFieldLengths, rejectedValuesForStore, rejectionForStore } from './field-limits';
import { mappingProblems } from './headers';
import type { ImportJob } from './jobs';
import { openTable } from '../files/read';
import { classifyRow, compileMapping } from './row-outcome';
import { sha256OfFile } from '../files/sha256';

const PROGRESS_EVERY_MS = 100;


export interface ScanHandlers {
  /** A row to store; when it answers a promise (a batch of rows compared with the database), reading waits for it. */
  stored(rowNumber: number, record: ApplicationRecord, extra: Record<string, string> | null, submittedAt: string): void | Promise<void>;
  rejected(rejection: RejectedRow, values: string[]): void;
  draft(): void;
}

/**
 * Reads the whole file once with a mapping, classifying every row, and returns the file's SHA-256
 * (recorded with the import, so the office can tell later exactly which file it was).
 */
export async function scanFile(
  job: ImportJob,
  mapping: ColumnTarget[],
  signal: AbortSignal,
  emit: (event: ProgressEvent) => void,
  handlers: ScanHandlers,
): Promise<{ sha256: string; totalRows: number }> {
  const problems = mappingProblems(job.headers, mapping);
  if (problems.length > 0) {
    throw new ValidationError(`The columns cannot be imported as mapped: ${problems.map((p) => p.message).join(' ')}`, problems, 'MappingInvalid');
  }
  const compiled = compileMapping(job.headers, mapping);
  const seenIds = new Set<string>();
  const hashing = sha256OfFile(job.path, signal);
  hashing.catch(() => {}); // awaited below; if reading fails first, its rejection must not go unhandled
  // The encoding of the inspection (detected or chosen by the user), not detected again.
  const table = await openTable(job.path, { encoding: job.encoding });
  let totalRows = 0;
  let lastProgress = 0;
  const progress = (bytes: number, force = false) => {
    const now = performance.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    emit({ type: 'progress', job: 'import', jobId: job.id, phase: 'reading', done: bytes, total: job.sizeBytes, rows: totalRows });
  };
  progress(0, true);
  for await (const row of table.rows({ signal, onBytes: (bytes) => progress(bytes) })) {
    totalRows++;
    checkFieldLengths(job.path, row.rowNumber, row.values, compiled);
    const outcome = classifyRow(row.rowNumber, row.values, row.extraValues, compiled, seenIds);
    if (outcome.kind === 'stored') {
      const comparing = handlers.stored(row.rowNumber, outcome.record, outcome.extra, outcome.submittedAt);
      if (comparing) await comparing;
    } else if (outcome.kind === 'draft') handlers.draft();
    // The store of rejected rows keeps enough to find and fix the row, not megabytes of it.
    else handlers.rejected(rejectionForStore(outcome.rejection), rejectedValuesForStore(row.values));
  }
  progress(job.sizeBytes, true);
  return { sha256: await hashing, totalRows };
}
