import { basename } from 'node:path';
import { ValidationError } from '../../../../shared/api/errors';

/**
 * Why a file could not be read at all. Row-level problems are not here: a file that reads is
 * imported row by row and its bad rows are reported; these stop the whole file before anything is
 * stored. The kind is stable so the UI can translate it; `details` carries what the translation needs.
 */
export const FILE_UNREADABLE_KINDS = [
  'NotFound',
  'AccessDenied',
  'UnsupportedType',
  'EmptyFile',
  'Binary',
  'NotXlsx',
  'NoHeader',
  'UnbalancedQuotes',
  'MalformedQuotes',
  'MixedEncoding',
  // Not a file at all (a pipe, a device): refused before it is opened, which could wait for ever.
  'NotRegularFile',
  // Beyond what a real export holds (shared/domain/import-limits.ts): refused before anything is stored.
  'TooManyColumns',
  'TooManyRows',
  'TooManyCells',
  'ValueTooLong',
  'RowTooLong',
  'ExpandsTooMuch',
  // A workbook without the tab a kind of incoming file reads (a hiring manager's reply renamed it).
  'NoSuchSheet',
] as const;
export type FileUnreadableKind = (typeof FILE_UNREADABLE_KINDS)[number];

export interface FileUnreadableDetails {
  /** The file's name without its folder, as the message names it. */
  fileName: string;
  /** Spreadsheet row number (header = 1) where the problem is, when it is in one place. */
  row?: number;
  /** The column at fault: its header as written, else its letters (A, B, … AA). */
  column?: string;
  /** The limit passed (characters, columns, rows, values), for the message. */
  limit?: number;
  /** How many the file holds, when known. */
  count?: number;
  /** The part of an .xlsx at fault (xl/sharedStrings.xml). */
  part?: string;
  /** The worksheet looked for, by its tab name. */
  sheet?: string;
}

export class FileUnreadableError extends ValidationError {
  declare readonly kind: FileUnreadableKind;
  override readonly details: FileUnreadableDetails;

  constructor(kind: FileUnreadableKind, message: string, details: FileUnreadableDetails) {
    super(message, [], kind);
    this.name = 'FileUnreadableError';
    this.details = details;
  }
}

/** How messages name a file: its name only, quoted, so "C:\Users\…" paths do not drown the sentence. */
export function quoteFileName(path: string): string {
  return `“${basename(path)}”`;
}

export function unreadable(
  kind: FileUnreadableKind,
  path: string,
  message: string,
  row?: number,
  cause?: unknown,
  more: Omit<FileUnreadableDetails, 'fileName' | 'row'> = {},
): FileUnreadableError {
  const details: FileUnreadableDetails = { fileName: basename(path), ...more };
  if (row !== undefined) details.row = row;
  const error = new FileUnreadableError(kind, message, details);
  // Kept for logs and debugging; it does not cross the API (toData() leaves it out).
  if (cause !== undefined) error.cause = cause;
  return error;
}

/** Thousands separators in row numbers, as an office reader expects them ("row 12,345"). */
export function rowLabel(row: number): string {
  return `row ${row.toLocaleString('en-GB')}`;
}
