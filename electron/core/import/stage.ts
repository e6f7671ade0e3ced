import type { ColumnTarget, ImportCounts, ImportUpdate, ProgressEvent, RejectedRow, RejectionCode } from '../../../shared/api/contract';
import { ValidationError } from '../../../shared/api/errors';
import { withCorrections, type ActiveCorrections } from '../applications/corrections';
import { pushStoredValues, type FieldChange, type SqlValue } from '../applications/store';
import type { ImportJob, StagedImport } from './jobs';
import { stageJob } from '../files/incoming-jobs';
import { scanFile } from './scan';
import { decideRow } from './decide';
import type { ImportStore } from './store';

export const PREVIEW_REJECTIONS_SHOWN = 1000;
/** Rows compared with the stored applications per question to the store (a round trip on the server). */
const COMPARED_PER_LOOKUP = 1000;

interface ReadRow {
  rowNumber: number;
  applicationId: string;
  values: SqlValue[];
}

/**
 * Preview: reads the whole file once with a mapping, counts what it would add, update or leave
 * unchanged (decide.ts, as the commit decides), and stages (files/staging-area.ts) the rows'
 * values, parsed and ready to write, and the rejected rows. Commit then writes exactly what the
 * user previewed, without reading the file again.
 */
export async function stageImport(job: ImportJob, store: ImportStore, mapping: ColumnTarget[], emit: (event: ProgressEvent) => void): Promise<void> {
  await stageJob<SqlValue[], StagedImport, RejectionCode>(job, async (area, signal) => {
    const staged: StagedImport = { area, mapping, sha256: '', totalRows: 0, drafts: 0, added: 0, updated: 0, unchanged: 0, rejected: 0, updates: [], identityChanges: 0, corrections: new Map() };
    // Rows of a campaign that holds none yet are all new: no need to look each one up.
    const campaignHasApplications = await store.hasApplications(job.campaignId);
    // Officers' corrections stand while the export still says what it said when they were made.
    const corrections: ActiveCorrections = campaignHasApplications ? await store.activeCorrections(job.campaignId) : new Map();
    staged.corrections = corrections;
    let read: ReadRow[] = [];
    const compare = async () => {
      const rows = read;
      read = [];
      const stored = await store.storedApplications(job.campaignId, rows.map((r) => r.applicationId));
      for (const r of rows) {
        const decision = decideRow(r.values, stored.get(r.applicationId), corrections);
        if (decision.kind === 'added') staged.added++;
        else if (decision.kind === 'unchanged') staged.unchanged++;
        else {
          staged.updated++;
          const update = describeUpdate(r.applicationId, r.rowNumber, decision.changes);
          if (update.identityChanged) staged.identityChanges++;
          if (staged.updates.length < PREVIEW_UPDATES_SHOWN) staged.updates.push(update);
        }
        area.add(r.values);
      }
    };
    const scan = await scanFile(job, mapping, signal, emit, {
      stored(rowNumber, record, extra, submittedAt) {
        const values: SqlValue[] = [];
        pushStoredValues(values, withCorrections(record, corrections), extra, { submittedAt });
        if (!campaignHasApplications) {
          staged.added++;
          area.add(values);
          return;
        }
        read.push({ rowNumber, applicationId: record.applicationId, values });
        if (read.length >= COMPARED_PER_LOOKUP) return compare();
      },
      rejected(r: RejectedRow, rowValues) {
        staged.rejected++;
        area.reject(r, rowValues);
      },
      draft() {
        staged.drafts++;
      },
    });
    if (read.length > 0) await compare();
    staged.totalRows = scan.totalRows;
    staged.sha256 = scan.sha256;
    return staged;
  });
}

/** What committing the staged file would do, as counted by the preview. */
export function stagedCounts(job: ImportJob): ImportCounts {
  const staged = job.staged;
  if (!staged) throw new ValidationError('This file has not been read yet: preview it first.', [], 'NotPreviewed');
  const { totalRows, added, updated, unchanged, drafts, rejected } = staged;
  return { totalRows, added, updated, unchanged, skippedDrafts: drafts, rejected };
}

export function stagedRejections(job: ImportJob, limit = PREVIEW_REJECTIONS_SHOWN): RejectedRow[] {
  return job.staged?.area.rejections(limit) ?? [];
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
