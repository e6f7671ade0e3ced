import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { openDelimitedText } from './delimited-text';
import { quoteFileName, unreadable } from './errors';
import type { TableSource } from './types';
import type { TextEncoding } from './text-sniff';
import { openXlsx } from './xlsx';

/**
 * The low-level readers of incoming tables: the e-recruitment export (e-recruitment-export.md,
 * "Files the importer must read") and, as later kinds arrive, workbooks coming back from hiring
 * managers. A file in, its header and a stream of rows of text out, within the limits of
 * shared/domain/import-limits.ts. Mapping headers to fields and reading values is each kind's
 * business (import/), not theirs.
 */

export type { FileFormat, RowsOptions, SourceRow, TableSource } from './types';
export type { TextEncoding } from './text-sniff';
export type { Delimiter } from './delimited-parse';
export { FileUnreadableError, FILE_UNREADABLE_KINDS, type FileUnreadableKind, type FileUnreadableDetails } from './errors';
export { FORMULA_ERROR } from './cell-text';

const TEXT_EXTENSIONS = new Set(['.csv', '.txt']);

export interface TableOptions {
  /** A text file's encoding, when known (the user chose it, or an earlier read found it). */
  encoding?: TextEncoding | null;
  /** The worksheet of a workbook to read, by its tab name (a reply's candidates); default: the first. */
  sheet?: string;
}

/**
 * Opens a file: checks it, finds its format, encoding, delimiter and header. Throws
 * FileUnreadableError when it cannot be read at all. Holds no file open afterwards: `rows()`
 * opens the file again and reads it as a stream.
 */
export async function openTable(path: string, options: TableOptions = {}): Promise<TableSource> {
  const extension = extname(path).toLowerCase();
  const name = quoteFileName(path);
  if (!TEXT_EXTENSIONS.has(extension) && extension !== '.xlsx') {
    const hint = extension === '.xls' ? ' Please save it in Excel as "Excel Workbook (.xlsx)" or as "CSV UTF-8".' : '';
    throw unreadable('UnsupportedType', path, `${name} is not a file type Cohort imports. Please use a .csv, .txt or .xlsx file.${hint}`);
  }
  let sizeBytes: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw unreadable('NotFound', path, `${name} is a folder, not a file.`);
    // A pipe, socket or device named .csv: opening it could wait for ever (a FIFO with no writer).
    if (!info.isFile()) throw unreadable('NotRegularFile', path, `${name} is not an ordinary file (it may be a pipe or a device). Choose the export file itself.`);
    sizeBytes = info.size;
  } catch (error) {
    throw fileSystemError(path, error);
  }
  try {
    return extension === '.xlsx' ? await openXlsx(path, sizeBytes, options.sheet) : await openDelimitedText(path, sizeBytes, options.encoding ?? undefined);
  } catch (error) {
    throw fileSystemError(path, error);
  }
}

/** The disk's refusals (missing file, no permission, locked) in words; anything else as it came. */
function fileSystemError(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const name = quoteFileName(path);
  if (code === 'ENOENT' || code === 'ENOTDIR') return unreadable('NotFound', path, `${name} was not found. It may have been moved, renamed or deleted.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
    return unreadable('AccessDenied', path, `Cohort is not allowed to read ${name}. If it is open in another program, close it there and try again.`);
  }
  if (code === 'EISDIR') return unreadable('NotFound', path, `${name} is a folder, not a file.`);
  return error;
}
