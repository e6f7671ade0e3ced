import type { ColumnTarget, ImportRecord } from '../../../../shared/api/contract';
import type { KeptRejection } from '../../files/rejected-rows';

export { sqliteImportStore } from './sqlite-imports';

/**
 * The import's records: saved mappings, the imports made and their rejected rows. The staging
 * (stage.ts, TEMP tables) and the commit (commit.ts) keep their raw better-sqlite3 fast paths
 * where they run, inside the one transaction of an import.
 */
export interface ImportStore {
  /** The mapping last used for a file with these headers in this campaign, if it still fits them. */
  savedMapping(campaignId: number, headers: string[]): Promise<ColumnTarget[] | null>;
  /** One import as recorded; NotFound ("NoSuchImportRecord") if there is none. */
  record(importId: number): Promise<ImportRecord>;
  /** A campaign's imports, newest first. */
  records(campaignId: number): Promise<ImportRecord[]>;
  rejections(importId: number): Promise<KeptRejection[]>;
  /** What the rejected-rows file of an import needs: the file's name and its headers. */
  importedFile(importId: number): Promise<{ campaignId: number; fileName: string; headers: string[] }>;
}
