import { z } from 'zod';
import { APPLICATION_FIELDS, type ApplicationFieldKey } from '../domain/application-fields';
import type { AppErrorData } from './errors';
import { TEXT_ENCODINGS, type TextEncoding } from '../domain/text-encodings';
import { fileTargetSchema, type FileOutput } from './files';
import { campaignId, reads, returns } from './common';

/** Importing the e-recruitment export: inspect (headers) → preview (whole file, nothing written) → commit (one transaction). */

const fieldKeys = APPLICATION_FIELDS.map((f) => f.key) as [ApplicationFieldKey, ...ApplicationFieldKey[]];

/** What one source column becomes: a field, ignored, or kept as an extra attribute. */
export const columnTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: z.enum(fieldKeys) }).strict(),
  z.object({ kind: z.literal('ignore') }).strict(),
  z.object({ kind: z.literal('extra') }).strict(),
]);
export type ColumnTarget = z.infer<typeof columnTargetSchema>;

export interface ImportColumn {
  /** 0-based position in the file. */
  index: number;
  /** The header as written. */
  header: string;
  /** Spreadsheet column letters (A, B, … AA), as the user sees them in Excel. */
  letter: string;
  /** Up to three non-empty example values from the first rows. */
  examples: string[];
  /** What the header matched automatically (null: no field recognised). */
  detected: ApplicationFieldKey | null;
}

export interface ImportInspection {
  jobId: string;
  campaignId: number;
  fileName: string;
  sizeBytes: number;
  format: 'csv' | 'xlsx';
  /** The text encoding read with (null for .xlsx): detected, or the one asked for. */
  encoding: TextEncoding | null;
  /**
   * Values of the first rows that look decoded in the wrong encoding ("J�rgen", "ƒmilie Nov‡k"),
   * control characters shown as �: when any, the user should pick the file's encoding. Empty when none.
   */
  garbled: string[];
  delimiter: string | null;
  columns: ImportColumn[];
  /** The mapping offered: the one saved for these headers in this campaign, else the automatic one. */
  mapping: ColumnTarget[];
  mappingSource: 'saved' | 'automatic';
}

/** Why a row could not be taken; `code` lets the UI say it in the user's language. */
export const REJECTION_CODES = [
  'MissingApplicationId',
  'MissingStatus',
  'UnknownStatus',
  'MissingSubmittedOn',
  'UnreadableSubmittedOn',
  'DuplicateApplicationId',
  'TooManyValues',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface RejectedRow {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  /** The header of the column at fault, as written in the file (null when the whole row is at fault). */
  column: string | null;
  code: RejectionCode;
  /** The same in plain English, for the CLI and logs. */
  message: string;
  /** The value at fault, as written. */
  value: string | null;
}

export interface ImportCounts {
  totalRows: number;
  added: number;
  updated: number;
  unchanged: number;
  skippedDrafts: number;
  rejected: number;
}

/** An application the export would update, and what would change (shown before anything is stored). */
export interface ImportUpdate {
  applicationId: string;
  /** The row of the file. */
  row: number;
  /** Field by field; long texts cut to a few hundred characters. `field` is a field key, or 'extraAttributes'. */
  changes: { field: string; before: string | null; after: string | null }[];
  /** First name, last name or date of birth changed: perhaps another person under the same Application ID. */
  identityChanged: boolean;
}

export interface ImportPreview {
  jobId: string;
  counts: ImportCounts;
  /** The first rejected rows (all of them up to 1,000), in file order. */
  rejected: RejectedRow[];
  /** The first updated applications (up to 500), in file order, with what changes. */
  updates: ImportUpdate[];
  /** Updated applications whose name or date of birth changes (all of them, not only those listed). */
  identityChanges: number;
}

export interface ImportRecord {
  id: number;
  campaignId: number;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  format: string;
  encoding: string | null;
  actor: string;
  startedAt: string;
  finishedAt: string;
  counts: ImportCounts;
}

/** Where an import job stands: a window that lost it (a reload) or another window asks. */
export const IMPORT_JOB_STATES = ['inspected', 'reading', 'previewed', 'writing', 'committed', 'cancelled'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

export interface ImportJobStatus {
  jobId: string;
  campaignId: number;
  fileName: string;
  state: ImportJobState;
  /** The last progress of the reading or writing under way (or just finished). */
  progress: { phase: string | null; done: number; total: number; rows: number | null } | null;
  /** The import as recorded, once committed. */
  record: ImportRecord | null;
  /** Why the job's last preview or commit failed, when that is the last thing that happened to it. */
  error: AppErrorData | null;
}

export interface ImportResult extends ImportRecord {
  rejectedRows: RejectedRow[];
}


export const importMethods = {
  /** Reads a file's headers and first rows; proposes a mapping. Writes nothing. */
  'import.inspect': {
    /** `encoding`: read a delimited file in this encoding instead of the detected one (ignored for .xlsx). */
    input: z.object({ campaignId, path: z.string().min(1).max(4096), encoding: z.enum(TEXT_ENCODINGS).optional() }).strict(),
    output: returns<ImportInspection>(),
  },
  /** Reads the whole file with this mapping and counts what would happen. Writes nothing. */
  'import.preview': {
    input: z.object({ jobId: z.string().min(1).max(100), mapping: z.array(columnTargetSchema).max(20_000) }).strict(),
    output: returns<ImportPreview>(),
  },
  /** Stores the previewed file: all of it, in one transaction, or nothing. */
  'import.commit': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: returns<ImportResult>() },
  /** Stops a preview under way, or forgets a previewed file: nothing is left behind. */
  'import.cancel': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: returns<{ cancelled: boolean }>() },
  /** Where an import job stands (it may have finished while the window that began it was reloaded). */
  'import.status': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: returns<ImportJobStatus>() },
  'import.list': { input: z.object({ campaignId }).strict(), output: returns<ImportRecord[]>(), reads: reads('applications') },
  'import.rejections': {
    input: z.object({ importId: z.number().int().positive() }).strict(),
    output: returns<RejectedRow[]>(), reads: reads('applications'),
  },
  /** The rejected rows of an import as a CSV to send back or fix (applicant text neutralised for spreadsheets). */
  'import.rejectionsCsv': {
    input: z.object({ importId: z.number().int().positive(), target: fileTargetSchema }).strict(),
    output: returns<FileOutput>(),
  },
} as const;
