import { basename } from 'node:path';
import type { ImportCounts, ProgressEvent } from '../../../shared/api/contract';
import { ValidationError } from '../../../shared/api/errors';
import { activeCorrections, supersedeOverwrittenCorrections } from '../applications/corrections';
import type { ApplicationFieldKey } from '../../../shared/domain/application-fields';
import { changedFields, columnOf, sameContent, STORED_COLUMNS, storedApplicationLookup } from '../applications/store';
import { auditWriter } from '../audit/audit-log';
import { headerSignature } from './headers';
import type { ImportJob } from './jobs';
import { ID_INDEX, stagedCounts } from './stage';
import { writeTransaction } from '../../../db/write-transaction';

// The staged values first, so a row is written by appending to its array (no copy).
const NEW_ROW_COLUMNS = [...STORED_COLUMNS, 'campaign_id', 'import_id', 'source', 'created_at', 'updated_at'];
const PROGRESS_EVERY_MS = 100;
const STORED_INDEX = new Map(STORED_COLUMNS.map((c, i) => [c, i]));

/** A raw field's text in a staged row (STORED_COLUMNS order). */
function valueOfField(values: readonly unknown[], field: ApplicationFieldKey): string | null {
  const v = values[STORED_INDEX.get(columnOf(field)) ?? -1];
  return v === null || v === undefined ? null : String(v);
}

/**
 * Stores a previewed file in ONE transaction, from what the preview staged (so exactly what the
 * user saw is written): the import record and its rejected rows; new applications; changed ones,
 * with a revision per changed field; the confirmed mapping. A crash or a kill at any point leaves
 * the database as it was before. Synchronous, so no other request can interleave with it. The
 * counts recorded are what it did, which is what the preview showed unless the campaign changed
 * in between (another import, say).
 */
export function commitImport(
  job: ImportJob,
  actor: string,
  emit: (event: ProgressEvent) => void,
  now = new Date(),
): { importId: number; counts: ImportCounts } {
  const staged = job.staged;
  if (!staged) throw new ValidationError('This file has not been read yet: preview it first.', [], 'NotPreviewed');
  const { sqlite, campaignId } = job;
  const at = now.toISOString();

  return writeTransaction(sqlite, () => {
      const counts = stagedCounts(job);
      const importId = Number(
        sqlite
          .prepare(
            `INSERT INTO imports (campaign_id, file_name, file_size, sha256, format, encoding, delimiter, mapping_json,
               total_rows, added, updated, unchanged, skipped_drafts, rejected, actor, started_at, finished_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            campaignId,
            basename(job.fileName),
            job.sizeBytes,
            staged.sha256,
            job.format,
            job.encoding,
            job.delimiter,
            JSON.stringify({ headers: job.headers, mapping: staged.mapping }),
            counts.totalRows,
            counts.added,
            counts.updated,
            counts.unchanged,
            counts.skippedDrafts,
            counts.rejected,
            actor,
            job.startedAt,
            at,
          ).lastInsertRowid,
      );
      staged.area.keepRejections({ table: 'import_rejections', key: 'import_id' }, importId);

      const insert = sqlite.prepare(`INSERT INTO applications (${NEW_ROW_COLUMNS.join(', ')}) VALUES (${NEW_ROW_COLUMNS.map(() => '?').join(', ')})`);
      // A first import of a campaign matches nothing: no need to look each row up.
      const lookUp = sqlite.prepare('SELECT 1 FROM applications WHERE campaign_id = ? LIMIT 1').get(campaignId) !== undefined;
      const findStored = storedApplicationLookup(sqlite, campaignId);
      const update = sqlite.prepare(
        `UPDATE applications SET ${STORED_COLUMNS.map((c) => `${c} = ?`).join(', ')}, import_id = ?, updated_at = ? WHERE id = ?`,
      );
      const revision = sqlite.prepare(
        'INSERT INTO application_revisions (application_ref, import_id, field, old_value, new_value, at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const corrected = activeCorrections(sqlite, campaignId);

      const total = counts.added + counts.updated + counts.unchanged;
      const did = { added: 0, updated: 0, unchanged: 0 };
      let done = 0;
      let lastProgress = 0;
      for (const batch of staged.area.batches()) {
        for (const values of batch) {
          const existing = lookUp ? findStored(values[ID_INDEX] ?? null) : undefined;
          if (!existing) {
            did.added++;
            values.push(campaignId, importId, 'import', at, at);
            insert.run(values);
          } else if (sameContent(existing.values, values)) {
            did.unchanged++;
          } else {
            did.updated++;
            for (const change of changedFields(existing.values, values)) revision.run(existing.id, importId, change.field, change.before, change.after, at);
            update.run(...values, importId, at, existing.id);
            // The export now says something new where an officer had corrected it: the export wins.
            if (corrected.has(String(values[ID_INDEX]))) supersedeOverwrittenCorrections(sqlite, existing.id, (field) => valueOfField(values, field));
          }
        }
        done += batch.length;
        if (performance.now() - lastProgress > PROGRESS_EVERY_MS) {
          lastProgress = performance.now();
          emit({ type: 'progress', job: 'import', jobId: job.id, phase: 'writing', done, total, rows: done });
        }
      }
      emit({ type: 'progress', job: 'import', jobId: job.id, phase: 'writing', done: total, total, rows: total });
      const actual: ImportCounts = { ...counts, ...did };
      sqlite.prepare('UPDATE imports SET added = ?, updated = ?, unchanged = ? WHERE id = ?').run(did.added, did.updated, did.unchanged, importId);

      sqlite
        .prepare(
          `INSERT INTO import_mappings (campaign_id, header_signature, mapping_json, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (campaign_id, header_signature) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
        )
        .run(campaignId, headerSignature(job.headers), JSON.stringify(staged.mapping), at);
      auditWriter(sqlite)({ campaignId, actor, action: 'import.commit', subject: String(importId), details: { file: job.fileName, counts: actual } }, at);
      return { importId, counts: actual };
    });
}
