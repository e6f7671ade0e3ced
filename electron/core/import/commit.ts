import { basename } from 'node:path';
import type { ImportCounts, ProgressEvent } from '../../../shared/api/contract';
import { ValidationError } from '../../../shared/api/errors';
import type { ImportJob } from './jobs';
import { stagedCounts } from './stage';
import type { ImportStore } from './store';

/**
 * Stores a previewed file in ONE transaction, from what the preview staged (so exactly what the
 * user saw is written): the import record and its rejected rows; new applications; changed ones,
 * with a revision per changed field; the confirmed mapping. A crash or a kill at any point leaves
 * the database as it was before. The counts recorded are what it did, which is what the preview
 * showed unless the campaign changed in between (another import, say). Each row's fate is
 * decide.ts's, on either engine; the store writes it.
 */
export async function commitImport(
  job: ImportJob,
  store: ImportStore,
  actor: string,
  emit: (event: ProgressEvent) => void,
  now = new Date(),
): Promise<{ importId: number; counts: ImportCounts }> {
  const staged = job.staged;
  if (!staged) throw new ValidationError('This file has not been read yet: preview it first.', [], 'NotPreviewed');
  return store.commit({
    campaignId: job.campaignId,
    actor,
    at: now.toISOString(),
    file: {
      name: basename(job.fileName),
      sizeBytes: job.sizeBytes,
      sha256: staged.sha256,
      format: job.format,
      encoding: job.encoding,
      delimiter: job.delimiter,
      headers: job.headers,
      mapping: staged.mapping,
      startedAt: job.startedAt,
    },
    counts: stagedCounts(job),
    area: staged.area,
    correctionsAtPreview: staged.corrections,
    progress: (done, total) => emit({ type: 'progress', job: 'import', jobId: job.id, phase: 'writing', done, total, rows: done }),
  });
}
