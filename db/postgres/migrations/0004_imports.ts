import type { PgMigration } from './types';

/**
 * Imports on the office server. A saved mapping is found by its file's headers
 * (import_mappings.header_signature: the normalised headers as JSON, SQLite's 0003), which version 1
 * made part of the primary key. A B-tree entry must fit in a third of a page: a workbook with
 * thousands of columns (an export may have up to Excel's 16,384: shared/domain/import-limits.ts) has
 * a signature far longer, and its import failed on the server where SQLite takes it. The key is
 * now on the signature's MD5 (the same one mapping per campaign and headers; the lookup compares
 * the signature itself too, so even a collision could not give the wrong mapping).
 */
export const pgMigration0004: PgMigration = {
  version: 4,
  name: 'imports',
  sql: `
    ALTER TABLE import_mappings DROP CONSTRAINT import_mappings_pkey;
    CREATE UNIQUE INDEX import_mappings_signature ON import_mappings (campaign_id, md5(header_signature));
  `,
};
