import BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { KeptRejection } from '../../files/rejected-rows';
import { read } from '../../../../db/postgres/transaction';
import type { SqliteDatabase } from '../../../../db/connection';
import { ACTIVE_CORRECTIONS_SQL, correctionsByApplication, type ActiveCorrectionRow } from '../../applications/corrections';
import { numbered } from '../../triage/store/queue-sql';
import { headerSignature } from '../headers';
import type { ImportStore, StagingConnection } from './index';
import { commitOnServer } from './pg-commit';
import { PG_MAPPING_SQL, STORED_SQL, storedOf } from './pg-sql';
import { IMPORT_READS, importedFileOf, noSuchImport, savedMappingOf, toRecord, type ImportFileRow, type ImportRow } from './record-of';

/**
 * The import's store on the office server (team mode): the same records and decisions as on a
 * file (record-of.ts, ../decide.ts), the commit with COPY (pg-commit.ts).
 *
 * The staging between preview and commit cannot be on the server: a pooled connection is not this
 * job's from one request to the next, and the server is the office's, not the place for a file
 * nobody confirmed yet. It is a private scratch SQLite database on this computer, one per job: an
 * anonymous one (SQLite's empty file name), which SQLite creates readable by this user alone and
 * deletes when the job lets it go; on macOS and Linux it has no name on disk from the moment it is
 * made, so even a crash leaves nothing of the applicants' data behind. The same TEMP-table staging
 * as on a file works in it unchanged.
 */

/** A private scratch database for one import job (see above). */
function scratch(nativeBinding: string | undefined): StagingConnection {
  const sqlite: SqliteDatabase = new BetterSqlite3('', nativeBinding ? { nativeBinding } : {});
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('temp.journal_mode = OFF');
  sqlite.pragma('temp.cache_size = -65536');
  return {
    sqlite,
    release: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

export function pgImportStore(pool: pg.Pool): ImportStore {
  return {
    async savedMapping(campaignId, headers) {
      const [row] = await read<{ mapping_json: string }>(pool, PG_MAPPING_SQL.read, [campaignId, headerSignature(headers)]);
      return savedMappingOf(row?.mapping_json, headers);
    },
    async record(importId) {
      const [row] = await read<ImportRow>(pool, numbered(IMPORT_READS.record), [importId]);
      if (!row) throw noSuchImport(importId);
      return toRecord(row);
    },
    async records(campaignId) {
      return (await read<ImportRow>(pool, numbered(IMPORT_READS.records), [campaignId])).map(toRecord);
    },
    rejections: (importId) => read<KeptRejection>(pool, numbered(IMPORT_READS.rejections), [importId]),
    async importedFile(importId) {
      const [row] = await read<ImportFileRow>(pool, numbered(IMPORT_READS.file), [importId]);
      if (!row) throw noSuchImport(importId);
      return importedFileOf(row);
    },
    async mayImport() {
      const [row] = await read<{ may: boolean }>(pool, "SELECT has_table_privilege('imports', 'INSERT') AND has_table_privilege('applications', 'INSERT') AS may");
      return row?.may === true;
    },
    staging: async (nativeBinding) => scratch(nativeBinding),
    async hasApplications(campaignId) {
      return (await read(pool, numbered(IMPORT_READS.hasApplications), [campaignId])).length > 0;
    },
    async storedApplications(campaignId, applicationIds) {
      return storedOf(await read(pool, STORED_SQL, [campaignId, applicationIds]));
    },
    async activeCorrections(campaignId) {
      const rows = await read<{ application_id: string; field: ActiveCorrectionRow[1]; imported_value: string; corrected_value: string }>(pool, numbered(ACTIVE_CORRECTIONS_SQL), [campaignId]);
      return correctionsByApplication(rows.map((r): ActiveCorrectionRow => [r.application_id, r.field, r.imported_value, r.corrected_value]));
    },
    commit: (write) => commitOnServer(pool, write),
  };
}
