import type { ColumnTarget, ImportRecord } from '../../../../shared/api/contract';
import type { KeptRejection } from '../../files/rejected-rows';
import type { SqliteDatabase } from '../../../../db/connection';
import type { Synchronous } from '../../synchronous-store';
import { activeCorrections } from '../../applications/corrections';
import { storedApplicationLookup } from '../../applications/store';
import type { StoredApplication } from '../decide';
import type { ImportStore } from './index';
import { headerSignature } from '../headers';
import { commitOnSqlite } from './sqlite-commit';
import { IMPORT_READS, importedFileOf, noSuchImport, savedMappingOf, toRecord, type ImportFileRow, type ImportRow } from './record-of';

/**
 * The import's SQL on a file: its records, and the commit (sqlite-commit.ts) with its raw
 * prepared-statement fast paths. The staging is the open connection's own TEMP tables: outside the
 * database file, in the commit's connection (rejected rows are kept with one INSERT … SELECT).
 */

function savedMapping(sqlite: SqliteDatabase, campaignId: number, headers: string[]): ColumnTarget[] | null {
  const row = sqlite.prepare(IMPORT_READS.mapping).get(campaignId, headerSignature(headers)) as { mapping_json: string } | undefined;
  return savedMappingOf(row?.mapping_json, headers);
}

function importRecord(sqlite: SqliteDatabase, importId: number): ImportRecord {
  const row = sqlite.prepare(IMPORT_READS.record).get(importId) as ImportRow | undefined;
  if (!row) throw noSuchImport(importId);
  return toRecord(row);
}

function importedFile(sqlite: SqliteDatabase, importId: number): { campaignId: number; fileName: string; headers: string[] } {
  const row = sqlite.prepare(IMPORT_READS.file).get(importId) as ImportFileRow | undefined;
  if (!row) throw noSuchImport(importId);
  return importedFileOf(row);
}

/** The stored applications with these Application IDs: the prepared lookup, a row at a time (in-process, cheaper than one big IN). */
function storedApplications(sqlite: SqliteDatabase, campaignId: number, applicationIds: readonly string[]): Map<string, StoredApplication> {
  const find = storedApplicationLookup(sqlite, campaignId);
  const found = new Map<string, StoredApplication>();
  for (const id of applicationIds) {
    const stored = find(id);
    if (stored) found.set(id, stored);
  }
  return found;
}

export function sqliteImportStore(sqlite: SqliteDatabase): Synchronous<ImportStore> {
  return {
    savedMapping: (campaignId, headers) => savedMapping(sqlite, campaignId, headers),
    record: (importId) => importRecord(sqlite, importId),
    records: (campaignId) => (sqlite.prepare(IMPORT_READS.records).all(campaignId) as ImportRow[]).map(toRecord),
    rejections: (importId) => sqlite.prepare<[number], KeptRejection>(IMPORT_READS.rejections).all(importId),
    importedFile: (importId) => importedFile(sqlite, importId),
    mayImport: () => true,
    staging: () => ({ sqlite, release: () => undefined }),
    hasApplications: (campaignId) => sqlite.prepare(IMPORT_READS.hasApplications).get(campaignId) !== undefined,
    storedApplications: (campaignId, applicationIds) => storedApplications(sqlite, campaignId, applicationIds),
    activeCorrections: (campaignId) => activeCorrections(sqlite, campaignId),
    commit: (write) => commitOnSqlite(sqlite, write),
  };
}
