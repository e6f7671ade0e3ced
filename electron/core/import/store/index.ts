import type { ColumnTarget, ImportCounts, ImportRecord, RejectionCode } from '../../../../shared/api/contract';
import type { SqliteDatabase } from '../../../../db/connection';
import type { KeptRejection } from '../../files/rejected-rows';
import type { StagingArea } from '../../files/staging-area';
import type { ActiveCorrections } from '../../applications/corrections';
import type { SqlValue } from '../../applications/store';
import type { StoredApplication } from '../decide';

export { sqliteImportStore } from './sqlite-imports';

/** Where an import's rows wait between its preview and its commit (files/staging-area.ts). */
export interface StagingConnection {
  sqlite: SqliteDatabase;
  /** Lets it go when the job ends (a scratch database is deleted); nothing to do for the open file's own connection. */
  release(): void;
}

/** A previewed file to store, with what the preview staged (import/commit.ts builds it). */
export interface ImportWrite {
  campaignId: number;
  actor: string;
  /** When the import finished: every row it writes carries it. */
  at: string;
  file: {
    name: string;
    sizeBytes: number;
    sha256: string;
    format: string;
    encoding: string | null;
    delimiter: string | null;
    headers: string[];
    mapping: ColumnTarget[];
    startedAt: string;
  };
  /** As the preview counted them; added, updated and unchanged are counted again as written. */
  counts: ImportCounts;
  area: StagingArea<SqlValue[], RejectionCode>;
  /** Officers' corrections as the preview applied them: a row whose corrections changed since refuses the commit (decide.ts). */
  correctionsAtPreview: ActiveCorrections;
  /** Rows written so far, of how many. */
  progress(done: number, total: number): void;
}

/**
 * The import's SQL: its records (saved mappings, the imports made and their rejected rows), what
 * a preview compares the file with, and the commit. What an import decides for each row is one
 * function for both engines (../decide.ts); the stores find the stored rows and write the outcome,
 * each the fast way of its engine (SQLite: prepared statements on the open connection, its TEMP
 * tables for the staging; the office server: COPY and a statement per chunk, the staging in a
 * private scratch database on this computer).
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

  /** Whether this login may import (on the server, only office administrators may: its GRANTs say so). */
  mayImport(): Promise<boolean>;
  /** A connection for a new job's staging area (`nativeBinding`: the better-sqlite3 build of this process, for a scratch database). */
  staging(nativeBinding?: string): Promise<StagingConnection>;
  hasApplications(campaignId: number): Promise<boolean>;
  /** The campaign's stored applications with these Application IDs (those there are), with the values an import compares. */
  storedApplications(campaignId: number, applicationIds: readonly string[]): Promise<Map<string, StoredApplication>>;
  activeCorrections(campaignId: number): Promise<ActiveCorrections>;
  /**
   * Stores a previewed file in ONE transaction: the import's record and its rejected rows, new
   * applications, changed ones with a revision per changed field, the confirmed mapping, the audit
   * entry. The counts returned are what it did.
   */
  commit(write: ImportWrite): Promise<{ importId: number; counts: ImportCounts }>;
}
