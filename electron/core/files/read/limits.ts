import { FILE_LIMITS, VALUE_LENGTH_LIMIT } from '../../../../shared/domain/import-limits';
import { columnLetter } from './column-letter';
import { quoteFileName, rowLabel, unreadable, type FileUnreadableError } from './errors';

/**
 * The readers' refusals of files bigger than any export (limits in shared/domain/import-limits.ts),
 * in plain words: which row, which column, what to do. Each is a FileUnreadableError, so nothing of
 * the file is stored.
 */

const CHECK_THE_FILE = 'Nothing was stored. Check that this is the export of the e-recruitment system, or download it again.';

/** `count` when known (a CSV row), else only "more than the limit" (a worksheet row seen in its XML). */
export function tooManyColumns(path: string, count: number | null, row?: number): FileUnreadableError {
  const how = count === null ? `more than ${FILE_LIMITS.columns.toLocaleString('en-GB')} columns` : `${count.toLocaleString('en-GB')} columns`;
  const where = row === undefined ? '' : ` in ${rowLabel(row)}`;
  return unreadable(
    'TooManyColumns',
    path,
    `${quoteFileName(path)} has ${how}${where}; Cohort reads at most ${FILE_LIMITS.columns.toLocaleString('en-GB')} (an export has about 30). ${CHECK_THE_FILE}`,
    row,
    undefined,
    count === null ? { limit: FILE_LIMITS.columns } : { count, limit: FILE_LIMITS.columns },
  );
}

export function tooManyRows(path: string): FileUnreadableError {
  return unreadable(
    'TooManyRows',
    path,
    `${quoteFileName(path)} has more than ${FILE_LIMITS.rows.toLocaleString('en-GB')} rows, far more than an export holds. ${CHECK_THE_FILE}`,
    undefined,
    undefined,
    { limit: FILE_LIMITS.rows },
  );
}

export function tooManyCells(path: string, limit: number): FileUnreadableError {
  return unreadable(
    'TooManyCells',
    path,
    `${quoteFileName(path)} holds more than ${limit.toLocaleString('en-GB')} values, far more than an export holds. ${CHECK_THE_FILE}`,
    undefined,
    undefined,
    { limit },
  );
}

/** A value longer than its limit; `column` is the header as written when known, else the column's letters. */
export function valueTooLong(path: string, row: number, column: string, limit: number): FileUnreadableError {
  return unreadable(
    'ValueTooLong',
    path,
    `${quoteFileName(path)} cannot be imported: in ${rowLabel(row)}, column “${column}” holds more than ${limit.toLocaleString('en-GB')} characters, more than this field ever holds. ${CHECK_THE_FILE}`,
    row,
    undefined,
    { column, limit },
  );
}

export function rowTooLong(path: string, row: number): FileUnreadableError {
  return unreadable(
    'RowTooLong',
    path,
    `${quoteFileName(path)} cannot be imported: ${rowLabel(row)} is longer than ${FILE_LIMITS.rowCharacters.toLocaleString('en-GB')} characters, far more than an application holds (perhaps a quotation mark is never closed). ${CHECK_THE_FILE}`,
    row,
    undefined,
    { limit: FILE_LIMITS.rowCharacters },
  );
}

export function expandsTooMuch(path: string, part: string): FileUnreadableError {
  return unreadable(
    'ExpandsTooMuch',
    path,
    `${quoteFileName(path)} cannot be imported: once unpacked, its part “${part}” is far bigger than an export (the workbook may be damaged, or built to harm). ${CHECK_THE_FILE}`,
    undefined,
    undefined,
    { part },
  );
}

/**
 * Checks a row as read: no more columns than the limit, no value longer than any field can be.
 * `headers` name the columns in the message (the header row itself passes none: letters then).
 */
export function checkRowSize(path: string, row: number, values: readonly string[], headers?: readonly string[]): void {
  if (values.length > FILE_LIMITS.columns) throw tooManyColumns(path, values.length, row);
  for (let i = 0; i < values.length; i++) {
    if ((values[i] as string).length > VALUE_LENGTH_LIMIT) {
      const header = headers?.[i]?.trim();
      throw valueTooLong(path, row, header || columnLetter(i), VALUE_LENGTH_LIMIT);
    }
  }
}
