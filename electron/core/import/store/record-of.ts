import type { ColumnTarget, ImportRecord } from '../../../../shared/api/contract';
import { columnTargetSchema } from '../../../../shared/api/contract';
import { NotFoundError } from '../../../../shared/api/errors';
import type { SqlValue } from '../../applications/store';
import { STORED_COLUMNS } from '../../applications/store';
import { headerSignature } from '../headers';
import type { ImportWrite } from './index';

/**
 * The import records' SQL and row mappers, one copy for both engines (SQLite's `?` placeholders,
 * numbered on the server): what an import's record says cannot drift between them.
 */

export const IMPORT_READS = {
  mapping: 'SELECT mapping_json FROM import_mappings WHERE campaign_id = ? AND header_signature = ?',
  record: 'SELECT * FROM imports WHERE id = ?',
  records: 'SELECT * FROM imports WHERE campaign_id = ? ORDER BY id DESC',
  rejections: `SELECT row_number AS row, column_name AS "column", code, message, value, values_json AS "valuesJson" FROM import_rejections WHERE import_id = ? ORDER BY row_number`,
  file: 'SELECT campaign_id, file_name, mapping_json FROM imports WHERE id = ?',
  hasApplications: 'SELECT 1 FROM applications WHERE campaign_id = ? LIMIT 1',
} as const;

/** The commit's statements where both engines write the same way. */
export const IMPORT_WRITES = {
  record: `INSERT INTO imports (campaign_id, file_name, file_size, sha256, format, encoding, delimiter, mapping_json,
             total_rows, added, updated, unchanged, skipped_drafts, rejected, actor, started_at, finished_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  counts: 'UPDATE imports SET added = ?, updated = ?, unchanged = ? WHERE id = ?',
  mapping: `INSERT INTO import_mappings (campaign_id, header_signature, mapping_json, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (campaign_id, header_signature) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
  revision: 'INSERT INTO application_revisions (application_ref, import_id, field, old_value, new_value, at) VALUES (?, ?, ?, ?, ?, ?)',
} as const;

/** A new application's columns: the staged values first, so a row is written by appending to its array (no copy). */
export const NEW_ROW_COLUMNS = [...STORED_COLUMNS, 'campaign_id', 'import_id', 'source', 'created_at', 'updated_at'];

/** Appends a new application's own columns to its staged values (NEW_ROW_COLUMNS order). */
export function asNewRow(values: SqlValue[], campaignId: number, importId: number, at: string): SqlValue[] {
  values.push(campaignId, importId, 'import', at, at);
  return values;
}

/** The values of IMPORT_WRITES.record. */
export function recordValues(write: ImportWrite): SqlValue[] {
  const { file, counts } = write;
  return [
    write.campaignId,
    file.name,
    file.sizeBytes,
    file.sha256,
    file.format,
    file.encoding,
    file.delimiter,
    JSON.stringify({ headers: file.headers, mapping: file.mapping }),
    counts.totalRows,
    counts.added,
    counts.updated,
    counts.unchanged,
    counts.skippedDrafts,
    counts.rejected,
    write.actor,
    file.startedAt,
    write.at,
  ];
}

/** The values of IMPORT_WRITES.mapping: the confirmed mapping, offered again for a file with the same headers. */
export function mappingValues(write: ImportWrite): SqlValue[] {
  return [write.campaignId, headerSignature(write.file.headers), JSON.stringify(write.file.mapping), write.at];
}

/** The staged rows, and how many the commit writes. */
export function rowsToWrite(write: ImportWrite): { total: number; batches: Generator<SqlValue[][]> } {
  const { added, updated, unchanged } = write.counts;
  return { total: added + updated + unchanged, batches: write.area.batches() };
}

/** A saved mapping, if it still fits the file's headers. */
export function savedMappingOf(mappingJson: string | undefined, headers: string[]): ColumnTarget[] | null {
  if (mappingJson === undefined) return null;
  const parsed = columnTargetSchema.array().safeParse(JSON.parse(mappingJson));
  return parsed.success && parsed.data.length === headers.length ? parsed.data : null;
}

export type ImportRow = {
  id: number;
  campaign_id: number;
  file_name: string;
  file_size: number;
  sha256: string;
  format: string;
  encoding: string | null;
  actor: string;
  started_at: string;
  finished_at: string;
  total_rows: number;
  added: number;
  updated: number;
  unchanged: number;
  skipped_drafts: number;
  rejected: number;
};

export function toRecord(r: ImportRow): ImportRecord {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    fileName: r.file_name,
    sizeBytes: r.file_size,
    sha256: r.sha256,
    format: r.format,
    encoding: r.encoding,
    actor: r.actor,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counts: {
      totalRows: r.total_rows,
      added: r.added,
      updated: r.updated,
      unchanged: r.unchanged,
      skippedDrafts: r.skipped_drafts,
      rejected: r.rejected,
    },
  };
}

export function noSuchImport(importId: number): NotFoundError {
  return new NotFoundError(`There is no import number ${importId} in this database.`, 'NoSuchImportRecord');
}

export type ImportFileRow = { campaign_id: number; file_name: string; mapping_json: string };

export function importedFileOf(row: ImportFileRow): { campaignId: number; fileName: string; headers: string[] } {
  return { campaignId: row.campaign_id, fileName: row.file_name, headers: (JSON.parse(row.mapping_json) as { headers: string[] }).headers };
}
