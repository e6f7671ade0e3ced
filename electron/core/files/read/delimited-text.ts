import { decodeFile, DecodeFailure } from './decode-file';
import { FILE_LIMITS } from '../../../../shared/domain/import-limits';
import { TEXT_ENCODING_NAMES } from '../../../../shared/domain/text-encodings';
import { parseRows, QuoteProblem, RowTooLongProblem, scanHeader, SourceFailure, type Dialect, type ParsedRow } from './delimited-parse';
import { quoteFileName, rowLabel, unreadable, type FileUnreadableError } from './errors';
import { checkRowSize, rowTooLong, tooManyRows } from './limits';
import { binaryVerdict, detectBom, detectUtf8OrWindows1252, readStart, type TextEncoding } from './text-sniff';
import { isBlank, toSourceRow, type RowsOptions, type SourceRow, type TableSource } from './types';

/**
 * A delimited text file (.csv, .txt): encoding, delimiter and header found, rows streamed on
 * demand. `chosen` is the encoding the user picked (names came out garbled): it wins over the
 * detection, and a byte-order mark is skipped only when it is that encoding's.
 */
export async function openDelimitedText(path: string, sizeBytes: number, chosen?: TextEncoding): Promise<TableSource> {
  const name = quoteFileName(path);
  const start = await readStart(path);
  const bom = detectBom(start);
  if (start.length <= (bom?.length ?? 0)) throw unreadable('EmptyFile', path, `${name} is empty.`);
  const known = chosen ?? bom?.encoding;
  const bomLength = bom !== null && bom.encoding === (known ?? bom.encoding) ? bom.length : 0;

  if (known !== 'utf-16le' && known !== 'utf-16be') {
    const verdict = binaryVerdict(start.subarray(bomLength));
    if (verdict === 'Zip') {
      throw unreadable('Binary', path, `${name} is not a text file: it looks like an Excel workbook. If it is one, give it the .xlsx extension and import it again.`);
    }
    if (verdict === 'Utf16WithoutBom') {
      throw unreadable('Binary', path, `${name} looks like UTF-16 text without the mark that says so. Please save it again from Excel as "Unicode text" or as "CSV UTF-8".`);
    }
    if (verdict === 'Binary') {
      throw unreadable('Binary', path, `${name} is not a text file (it holds binary data). Please export the applications again as CSV or as an Excel workbook (.xlsx).`);
    }
  }
  const encoding: TextEncoding = known ?? (await detectUtf8OrWindows1252(path));
  const text = (options: RowsOptions = {}): AsyncGenerator<string> => decodeFile(path, encoding, { start: bomLength, ...options });

  // The header scan reads only the text before an invalid byte: the failure may lie rows further
  // on, where reading the rows reports it with its row number.
  let invalid = false;
  async function* validText(): AsyncGenerator<string> {
    try {
      yield* text();
    } catch (error) {
      if (!(error instanceof DecodeFailure)) throw error;
      invalid = true;
      const before = textBeforeInvalid(error, encoding);
      if (before) yield before;
    }
  }
  const scan = await scanHeader(validText());
  if (invalid && !scan.firstLineEnded) throw mixedEncoding(path, encoding, 1);
  if (!scan.anyContent && !invalid) throw unreadable('EmptyFile', path, `${name} is empty.`);
  if (!scan.firstLineHasContent) throw noHeader(path);
  const { dialect } = scan;

  let headers: string[] | null = null;
  const headerRows = readRows(path, encoding, dialect, text());
  try {
    for await (const row of headerRows) {
      headers = row.fields;
      break;
    }
  } finally {
    await headerRows.return(undefined);
  }
  if (headers === null || isBlank(headers)) throw noHeader(path);
  checkRowSize(path, 1, headers);
  const names = headers;

  let used = false;
  return {
    format: 'csv',
    encoding,
    delimiter: dialect.delimiter,
    headers,
    sizeBytes,
    rows(options: RowsOptions = {}): AsyncIterable<SourceRow> {
      if (used) throw new Error('TableSource.rows() can be iterated once');
      used = true;
      return records(path, names, readRows(path, encoding, dialect, text(options)), options.signal);
    },
  };
}

async function* records(path: string, headers: string[], rows: AsyncGenerator<ParsedRow>, signal: AbortSignal | undefined): AsyncGenerator<SourceRow> {
  try {
    for await (const row of rows) {
      signal?.throwIfAborted();
      if (row.rowNumber === 1) continue;
      checkRowSize(path, row.rowNumber, row.fields, headers);
      if (row.rowNumber > FILE_LIMITS.rows + 1) throw tooManyRows(path);
      if (isBlank(row.fields)) continue;
      yield toSourceRow(row.rowNumber, row.fields, headers.length);
    }
  } catch (error) {
    // A stream destroyed by the signal throws its own AbortError; report the signal's reason instead.
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}

/** Parsed rows, with the parser's and the decoder's failures turned into FileUnreadableError. */
async function* readRows(path: string, encoding: TextEncoding, dialect: Dialect, chunks: AsyncGenerator<string>): AsyncGenerator<ParsedRow> {
  try {
    yield* parseRows(chunks, dialect, (cause) => textBeforeInvalid(cause, encoding));
  } catch (error) {
    if (error instanceof QuoteProblem) throw quoteProblem(path, error);
    if (error instanceof RowTooLongProblem) throw rowTooLong(path, error.rowNumber);
    if (error instanceof SourceFailure) {
      if (error.cause instanceof DecodeFailure) throw mixedEncoding(path, encoding, error.rowNumber);
      throw error.cause;
    }
    throw error;
  }
}

/** The text of a chunk up to its first invalid sequence, to count the rows before it. */
function textBeforeInvalid(cause: unknown, encoding: TextEncoding): string | null {
  // Only the fatal TextDecoder encodings fail; the single-byte ones of iconv-lite never do.
  if (!(cause instanceof DecodeFailure) || encoding === 'cp850' || encoding === 'macintosh') return null;
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(cause.bytes);
  const at = text.indexOf('\uFFFD');
  return at < 0 ? text : text.slice(0, at);
}

function noHeader(path: string): FileUnreadableError {
  return unreadable(
    'NoHeader',
    path,
    `The first row of ${quoteFileName(path)} is empty. Cohort needs the column names (Application ID, First Name, …) in the first row.`,
  );
}

function quoteProblem(path: string, problem: QuoteProblem): FileUnreadableError {
  const where = rowLabel(problem.rowNumber);
  return problem.code === 'MissingQuotes'
    ? unreadable(
        'UnbalancedQuotes',
        path,
        `${quoteFileName(path)} cannot be read: a quotation mark opened in ${where} is never closed, so Cohort cannot tell where that row ends. Please check that row in the file, or export it again.`,
        problem.rowNumber,
      )
    : unreadable(
        'MalformedQuotes',
        path,
        `${quoteFileName(path)} cannot be read: a quoted value in ${where} has text after its closing quotation mark, so Cohort cannot tell where that row ends. Please check that row in the file, or export it again.`,
        problem.rowNumber,
      );
}

function mixedEncoding(path: string, encoding: TextEncoding, row: number): FileUnreadableError {
  const label = TEXT_ENCODING_NAMES[encoding];
  return unreadable(
    'MixedEncoding',
    path,
    `${quoteFileName(path)} cannot be read: ${rowLabel(row)} holds characters that are not valid ${label}, the encoding of the rest of the file (perhaps parts saved in different ways). Please save the whole file again as "CSV UTF-8".`,
    row,
  );
}
