import { COMPARED_COLUMNS, type SqlValue } from '../../applications/store';
import type { StoredApplication } from '../decide';

/** The import's SQL on the office server where it differs from a file's (record-of.ts holds what both share). */

/**
 * A saved mapping on the server is keyed by its signature's MD5 (PostgreSQL migration 4: a
 * signature of thousands of headers is longer than an index entry may be); the rest as on a file.
 */
export const PG_MAPPING_SQL = {
  read: 'SELECT mapping_json FROM import_mappings WHERE campaign_id = $1 AND md5(header_signature) = md5($2) AND header_signature = $2',
  save: `INSERT INTO import_mappings (campaign_id, header_signature, mapping_json, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (campaign_id, md5(header_signature)) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
} as const;

/** What a preview compares a row with: the stored applications of a chunk of the file's Application IDs, in one query. */
export const STORED_SQL = `SELECT id, ${COMPARED_COLUMNS.join(', ')} FROM applications WHERE campaign_id = $1 AND application_id = ANY($2::text[])`;

export function storedOf(rows: readonly Record<string, unknown>[]): Map<string, StoredApplication> {
  return new Map(rows.map((r) => [String(r.application_id), { id: Number(r.id), values: COMPARED_COLUMNS.map((c) => (r[c] ?? null) as SqlValue) }]));
}
