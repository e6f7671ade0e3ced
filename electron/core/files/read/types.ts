import type { Delimiter } from './delimited-parse';
import type { TextEncoding } from './text-sniff';

export type FileFormat = 'csv' | 'xlsx';

export interface SourceRow {
  /** Spreadsheet row number: the header is row 1, the first record row 2 (a quoted multi-line field is still one row). */
  rowNumber: number;
  /** One string per header column (missing trailing values = ''), trimmed of nothing: values as written. */
  values: string[];
  /**
   * Set when the row has more values than the header has columns (the extra values are dropped
   * from `values`). Extra values that are all blank (a trailing delimiter, styled empty cells) are
   * not counted: nothing is lost by dropping them.
   */
  extraValues?: number;
}

export interface RowsOptions {
  signal?: AbortSignal;
  /**
   * Called as the file is read, with the bytes read so far (of `sizeBytes`, reaching it at the
   * end): for progress. For .xlsx, the share of the worksheet read, scaled to the file's size.
   */
  onBytes?: (bytesRead: number) => void;
}

export interface TableSource {
  format: FileFormat;
  /** null for xlsx */
  encoding: TextEncoding | null;
  /** null for xlsx */
  delimiter: Delimiter | null;
  headers: string[];
  sizeBytes: number;
  /**
   * Streams the rows after the header, in order, with bounded memory. Can be iterated once.
   * Blank rows (every value empty or whitespace) are not yielded; row numbers still count them.
   * Throws FileUnreadableError when the file turns out unreadable further on (an unclosed quote,
   * mixed encodings, a damaged workbook), and the signal's reason when aborted.
   */
  rows(options?: RowsOptions): AsyncIterable<SourceRow>;
}

const BLANK = /^\s*$/;

export function isBlank(values: readonly string[]): boolean {
  return values.every((v) => v.length === 0 || BLANK.test(v));
}

/** Fits a row's values to the header's width, counting extra non-blank values. */
export function toSourceRow(rowNumber: number, values: string[], width: number): SourceRow {
  if (values.length === width) return { rowNumber, values };
  if (values.length < width) {
    const padded = values.slice();
    while (padded.length < width) padded.push('');
    return { rowNumber, values: padded };
  }
  const extra = values.slice(width);
  const row: SourceRow = { rowNumber, values: values.slice(0, width) };
  if (!isBlank(extra)) row.extraValues = extra.length;
  return row;
}
