import { statSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import type { ImportColumn } from '../../../shared/api/contract';
import { NotAllowedOnServerError, ValidationError } from '../../../shared/api/errors';
import type { HandlerTable } from '../dispatch';
import { commitImport } from './commit';
import { runStep } from '../files/incoming-jobs';
import { automaticMapping, detectField } from './headers';
import { columnLetter } from '../files/read/column-letter';
import { openTable } from '../files/read/index';
import { GarbledSample } from '../files/read/garbled-text';
import { stagedCounts, stagedRejections, stagedUpdates, stageImport } from './stage';
import { writeOutput } from '../files/output';
import { writeAudit } from '../audit/audit-log';
import { rejectedRowsReport } from '../files/rejected-rows';
import { applicationsChanged } from '../applications/applications-changed';
import { findReference } from '../shortlists/workbook/reference';
import { ShortlistReplyFileError } from '../shortlists/workbook/read';

const EXAMPLES_PER_COLUMN = 3;
const ROWS_SCANNED_FOR_EXAMPLES = 50;
const ROWS_SCANNED_FOR_ENCODING = 2_000;

export const importHandlers: HandlerTable<
  'import.inspect' | 'import.preview' | 'import.commit' | 'import.cancel' | 'import.status' | 'import.list' | 'import.rejections' | 'import.rejectionsCsv'
> = {
  async 'import.inspect'({ campaignId, path, encoding }, ctx) {
    if (!isAbsolute(path)) throw new ValidationError('Give the full path of the file to import.', [{ path: ['path'], message: 'not an absolute path' }]);
    const open = ctx.session.open;
    const { stores } = open;
    await stores.campaigns.load(campaignId);
    // Said before the file is read and mapped, not at the end: on the server only administrators import.
    if (!(await stores.imports.mayImport())) throw new NotAllowedOnServerError();
    const table = await openTable(path, { encoding });
    const examples: string[][] = table.headers.map(() => []);
    // Names garbled by a wrong encoding may first appear a few hundred rows down: look further than the examples.
    const garbled = new GarbledSample();
    garbled.add(table.headers);
    // A shortlist workbook opens on its cover sheet, whose first rows carry Cohort's reference.
    const isReply = (values: readonly string[]) => table.format === 'xlsx' && values.some((v) => findReference(v) !== null);
    if (isReply(table.headers)) throw new ShortlistReplyFileError(path);
    let scanned = 0;
    for await (const row of table.rows()) {
      scanned++;
      if (scanned <= ROWS_SCANNED_FOR_EXAMPLES && isReply(row.values)) throw new ShortlistReplyFileError(path);
      if (table.format === 'csv') garbled.add(row.values);
      if (scanned <= ROWS_SCANNED_FOR_EXAMPLES) {
        row.values.forEach((v, i) => {
          const list = examples[i];
          if (list && list.length < EXAMPLES_PER_COLUMN && v.trim() !== '') list.push(v.length > 120 ? `${v.slice(0, 117)}…` : v);
        });
      }
      if (scanned >= (table.format === 'csv' ? ROWS_SCANNED_FOR_ENCODING : ROWS_SCANNED_FOR_EXAMPLES)) break;
    }
    const columns: ImportColumn[] = table.headers.map((header, index) => ({
      index,
      header,
      letter: columnLetter(index),
      examples: examples[index] ?? [],
      detected: detectField(header),
    }));
    const saved = await stores.imports.savedMapping(campaignId, table.headers);
    const staging = await stores.imports.staging(ctx.session.nativeBinding);
    const job = ctx.imports.add({
      campaignId,
      path,
      fileName: basename(path),
      sizeBytes: statSync(path).size,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      headers: table.headers,
      sqlite: staging.sqlite,
      owner: open,
      release: staging.release,
      startedAt: new Date().toISOString(),
    });
    return {
      jobId: job.id,
      campaignId,
      fileName: job.fileName,
      sizeBytes: job.sizeBytes,
      format: job.format,
      encoding: job.encoding,
      garbled: table.format === 'csv' ? garbled.examples.map((v) => v.replace(/[\u0080-\u009F]/g, '\uFFFD')) : [],
      delimiter: job.delimiter,
      columns,
      mapping: saved ?? automaticMapping(table.headers),
      mappingSource: saved ? 'saved' : 'automatic',
    };
  },

  async 'import.preview'({ jobId, mapping }, ctx) {
    const job = ctx.imports.get(jobId, ctx.session.open);
    await runStep(job, { during: 'reading', after: 'previewed' }, ctx.emit, (emit) => stageImport(job, ctx.session.open.stores.imports, mapping, emit));
    return { jobId, counts: stagedCounts(job), rejected: stagedRejections(job), ...stagedUpdates(job) };
  },

  async 'import.commit'({ jobId }, ctx) {
    const job = ctx.imports.get(jobId, ctx.session.open);
    const { importId } = await runStep(job, { during: 'writing', after: 'previewed' }, ctx.emit, (emit) => commitImport(job, ctx.session.open.stores.imports, ctx.officer, emit));
    const rejectedRows = stagedRejections(job, Number.MAX_SAFE_INTEGER);
    const record = await ctx.session.open.stores.imports.record(importId);
    ctx.imports.remove(job, { committed: true, record });
    // Screening follows every import: what was added or changed, and whom the limit now concerns.
    applicationsChanged(ctx, job.campaignId);
    return { ...record, rejectedRows };
  },

  'import.cancel'({ jobId }, ctx) {
    try {
      const job = ctx.imports.get(jobId, ctx.session.open);
      ctx.imports.remove(job);
      return { cancelled: true };
    } catch {
      return { cancelled: false };
    }
  },

  'import.status'({ jobId }, ctx) {
    return ctx.imports.status(jobId, ctx.session.open);
  },

  async 'import.list'({ campaignId }, ctx) {
    return ctx.session.open.stores.imports.records(campaignId);
  },

  async 'import.rejections'({ importId }, ctx) {
    return (await ctx.session.open.stores.imports.rejections(importId)).map(({ valuesJson: _v, ...r }) => r);
  },

  async 'import.rejectionsCsv'({ importId, target }, ctx) {
    const { imports } = ctx.session.open.stores;
    const { campaignId, fileName, headers } = await imports.importedFile(importId);
    const rows = await imports.rejections(importId);
    const file = rejectedRowsReport(fileName, headers, rows);
    const output = writeOutput(target, file);
    // Applicants' raw values leave Cohort: the audit log says which file and how many rows.
    await writeAudit(ctx.session.open.db, { campaignId, actor: ctx.officer, action: 'import.rejectionsExport', subject: String(importId), details: { file: file.fileName, rows: rows.length } });
    return output;
  },
};
