import type { ColumnTarget, ImportRecord } from '../../../../shared/api/contract';
import type { KeptRejection } from '../../files/rejected-rows';
import { columnTargetSchema } from '../../../../shared/api/contract';
import { NotFoundError } from '../../../../shared/api/errors';
import type { SqliteDatabase } from '../../../../db/connection';
import type { Synchronous } from '../../synchronous-store';
import type { ImportStore } from './index';
import { headerSignature } from '../headers';

/**
 * The SQL of the import's records: saved mappings, the imports made and their rejected rows. The
 * staging (TEMP tables, stage.ts) and the commit (commit.ts) keep their raw fast paths where they
 * run. SQLite-only: TEMP tables for staging.
 */

function savedMapping(sqlite: SqliteDatabase, campaignId: number, headers: string[]): ColumnTarget[] | null {
  const row = sqlite
    .prepare('SELECT mapping_json FROM import_mappings WHERE campaign_id = ? AND header_signature = ?')
    .get(campaignId, headerSignature(headers)) as { mapping_json: string } | undefined;
  if (!row) return null;
  const parsed = columnTargetSchema.array().safeParse(JSON.parse(row.mapping_json));
  return parsed.success && parsed.data.length === headers.length ? parsed.data : null;
}

type ImportRow = {
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

function toRecord(r: ImportRow): ImportRecord {
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

function rejectionsOf(sqlite: SqliteDatabase, importId: number): KeptRejection[] {
  return sqlite
    .prepare<[number], KeptRejection>(
      `SELECT row_number AS row, column_name AS "column", code, message, value, values_json AS valuesJson FROM import_rejections WHERE import_id = ? ORDER BY row_number`,
    )
    .all(importId);
}

/** One import as recorded. */
function importRecord(sqlite: SqliteDatabase, importId: number): ImportRecord {
  const row = sqlite.prepare('SELECT * FROM imports WHERE id = ?').get(importId) as ImportRow | undefined;
  if (!row) throw new NotFoundError(`There is no import number ${importId} in this database.`, 'NoSuchImportRecord');
  return toRecord(row);
}

/** A campaign's imports, newest first. */
function importRecords(sqlite: SqliteDatabase, campaignId: number): ImportRecord[] {
  return (sqlite.prepare('SELECT * FROM imports WHERE campaign_id = ? ORDER BY id DESC').all(campaignId) as ImportRow[]).map(toRecord);
}

/** What the rejected-rows file of an import needs: the file's name and its headers (and its campaign, for the audit log). */
function importedFile(sqlite: SqliteDatabase, importId: number): { campaignId: number; fileName: string; headers: string[] } {
  const imp = sqlite.prepare('SELECT campaign_id, file_name, mapping_json FROM imports WHERE id = ?').get(importId) as { campaign_id: number; file_name: string; mapping_json: string } | undefined;
  if (!imp) throw new NotFoundError(`There is no import number ${importId} in this database.`, 'NoSuchImportRecord');
  return { campaignId: imp.campaign_id, fileName: imp.file_name, headers: (JSON.parse(imp.mapping_json) as { headers: string[] }).headers };
}

export function sqliteImportStore(sqlite: SqliteDatabase): Synchronous<ImportStore> {
  return {
    savedMapping: (campaignId, headers) => savedMapping(sqlite, campaignId, headers),
    record: (importId) => importRecord(sqlite, importId),
    records: (campaignId) => importRecords(sqlite, campaignId),
    rejections: (importId) => rejectionsOf(sqlite, importId),
    importedFile: (importId) => importedFile(sqlite, importId),
  };
}
