import { basename } from 'node:path';
import type { ImportCounts } from '../../../shared/api/contract';
import { ValidationError } from '../../../shared/api/errors';
import { COMPARED_COLUMNS, RAW_COLUMNS, STORED_COLUMNS } from '../services/application-store';
import { headerSignature } from './headers';
import type { ImportJob } from './jobs';
import { stagedCounts } from './stage';

const FIELD_OF_COLUMN = new Map(RAW_COLUMNS.map((c) => [c, c.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase())]));

/**
 * Stores a staged file in ONE transaction: the import record, its rejected rows, new applications,
 * changed ones with a revision per changed field, and the confirmed mapping. A crash or a kill at
 * any point leaves the database as it was before.
 */
export function commitStaged(job: ImportJob, actor: string, now = new Date()): { importId: number; counts: ImportCounts } {
  const staged = job.staged;
  if (!staged) throw new ValidationError('This file has not been read yet: preview it first.', [], 'NotPreviewed');
  const { sqlite, campaignId } = job;
  const at = now.toISOString();
  const { stageTable: stage, rejectTable } = staged;
  const match = `a.campaign_id = ${Number(campaignId)} AND a.application_id = s.application_id`;
  const changed = COMPARED_COLUMNS.map((c) => `a.${c} IS NOT s.${c}`).join(' OR ');

  return sqlite
    .transaction(() => {
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

      sqlite
        .prepare(
          `INSERT INTO import_rejections (import_id, row_number, column_name, code, message, value, values_json)
           SELECT ?, row_number, column_name, code, message, value, values_json FROM ${rejectTable} ORDER BY row_number`,
        )
        .run(importId);

      // The stored applications this file changes, found once (a first import changes none).
      const changedTable = `${stage}_changed`;
      sqlite.exec(`DROP TABLE IF EXISTS ${changedTable}`);
      sqlite.exec(
        `CREATE TABLE ${changedTable} AS SELECT s.rowid AS stage_row, a.id AS application_ref
         FROM ${stage} s JOIN applications a ON ${match} WHERE ${changed}`,
      );
      const changedJoin = `${changedTable} c JOIN ${stage} s ON s.rowid = c.stage_row JOIN applications a ON a.id = c.application_ref`;

      // Revisions first, while the old values are still there: one row per changed field.
      for (const column of COMPARED_COLUMNS) {
        sqlite
          .prepare(
            `INSERT INTO application_revisions (application_ref, import_id, field, old_value, new_value, at)
             SELECT a.id, ?, ?, a.${column}, s.${column}, ? FROM ${changedJoin} WHERE a.${column} IS NOT s.${column}`,
          )
          .run(importId, FIELD_OF_COLUMN.get(column) ?? 'extraAttributes', at);
      }

      sqlite
        .prepare(
          `UPDATE applications SET ${STORED_COLUMNS.map((c) => `${c} = s.${c}`).join(', ')}, import_id = ?, updated_at = ?
           FROM ${changedTable} c JOIN ${stage} s ON s.rowid = c.stage_row WHERE applications.id = c.application_ref`,
        )
        .run(importId, at);
      sqlite.exec(`DROP TABLE ${changedTable}`);

      sqlite
        .prepare(
          `INSERT INTO applications (campaign_id, ${STORED_COLUMNS.join(', ')}, import_id, source, created_at, updated_at)
           SELECT ?, ${STORED_COLUMNS.map((c) => `s.${c}`).join(', ')}, ?, 'import', ?, ?
           FROM ${stage} s WHERE NOT EXISTS (SELECT 1 FROM applications a WHERE ${match})
           ORDER BY s.rowid`,
        )
        .run(campaignId, importId, at, at);

      sqlite
        .prepare(
          `INSERT INTO import_mappings (campaign_id, header_signature, mapping_json, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (campaign_id, header_signature) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
        )
        .run(campaignId, headerSignature(job.headers), JSON.stringify(staged.mapping), at);

      sqlite
        .prepare('INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json) VALUES (?, ?, ?, ?, ?, ?)')
        .run(campaignId, at, actor, 'import.commit', String(importId), JSON.stringify({ file: job.fileName, counts }));

      return { importId, counts };
    })
    .immediate();
}
