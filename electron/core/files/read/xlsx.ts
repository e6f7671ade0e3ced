import { createReadStream } from 'node:fs';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { FILE_LIMITS, VALUE_LENGTH_LIMIT } from '../../../../shared/domain/import-limits';
import { cellText } from './cell-text';
import { FileUnreadableError, quoteFileName, unreadable } from './errors';
import { checkRowSize, expandsTooMuch, tooManyCells, tooManyColumns, tooManyRows } from './limits';
import { guardedXml, XmlLimitExceeded, type XmlGuardLimits } from './xml-guard';
import { readStart } from './text-sniff';
import { isBlank, toSourceRow, type RowsOptions, type SourceRow, type TableSource } from './types';

/**
 * An .xlsx workbook: its first worksheet, header in row 1, rows streamed.
 *
 * exceljs parses the XML (workbook, styles, shared strings, worksheet rows), but we open the zip
 * ourselves, with unzipper's random access, instead of handing exceljs the file as one stream:
 * - Excel writes the shared strings after the worksheets. Reading the zip front to back, exceljs
 *   must then inflate every worksheet to a temporary file before the first row, and it leaves those
 *   files behind when reading stops early (a preview, a cancel) or the process is killed: 50 MB a
 *   time for a 50,000-row export. Random access reads the shared strings first and then streams
 *   the first worksheet straight from the zip.
 * - exceljs decodes each chunk of XML on its own, so a character whose UTF-8 bytes straddle two
 *   chunks becomes "��" (exceljs issues #2084, #2316, still open). We decode with a streaming
 *   decoder and give exceljs text.
 * - "First worksheet" is the first tab in workbook.xml, found through its relationship, not the
 *   first sheet file in the zip.
 * This uses exceljs's WorkbookReader part parsers (`_parseWorkbook` and friends), which its type
 * declarations leave out; the tests cover each, so an exceljs upgrade that changes them fails there.
 */
export async function openXlsx(path: string, sizeBytes: number, sheetName?: string): Promise<TableSource> {
  const name = quoteFileName(path);
  const start = await readStart(path, 8);
  if (start.length === 0) throw unreadable('EmptyFile', path, `${name} is empty.`);
  if (start[0] === 0xd0 && start[1] === 0xcf && start[2] === 0x11 && start[3] === 0xe0) {
    // The OLE container: an Excel 97-2003 workbook renamed, or a password-protected one.
    throw notXlsx(path, 'It looks like an older Excel file (.xls) or a password-protected workbook. Please save it in Excel as "Excel Workbook (.xlsx)" without a password.');
  }
  if (!(start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04)) throw notXlsx(path);

  let header: SheetRow | null = null;
  const sheet = sheetRows(path, sizeBytes, {}, sheetName);
  const which = sheetName === undefined ? 'The first worksheet' : `The worksheet "${sheetName}"`;
  try {
    for await (const row of sheet) {
      header = row;
      break;
    }
  } finally {
    await sheet.return(undefined);
  }
  if (header === null) throw unreadable('EmptyFile', path, `${which} of ${name} is empty.`);
  if (header.rowNumber !== 1 || isBlank(header.cells)) {
    throw unreadable('NoHeader', path, `The first row of ${which.charAt(0).toLowerCase()}${which.slice(1)} of ${name} is empty. Cohort needs the column names (Application ID, First Name, …) in the first row.`);
  }
  // Formatted but empty cells after the last name are not columns.
  const cells = header.cells;
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? '').trim() === '') width--;
  const headers = cells.slice(0, width);
  checkRowSize(path, 1, headers);

  let used = false;
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    headers,
    sizeBytes,
    rows(options: RowsOptions = {}): AsyncIterable<SourceRow> {
      if (used) throw new Error('TableSource.rows() can be iterated once');
      used = true;
      return records(path, headers, sheetRows(path, sizeBytes, options, sheetName));
    },
  };
}

async function* records(path: string, headers: string[], rows: AsyncGenerator<SheetRow>): AsyncGenerator<SourceRow> {
  let count = 0;
  for await (const row of rows) {
    if (row.rowNumber === 1) continue;
    checkRowSize(path, row.rowNumber, row.cells, headers);
    if (++count > FILE_LIMITS.rows) throw tooManyRows(path);
    if (isBlank(row.cells)) continue;
    yield toSourceRow(row.rowNumber, row.cells, headers.length);
  }
}

interface SheetRow {
  rowNumber: number;
  cells: string[];
}

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
}

type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader;

/** The WorkbookReader's part parsers and what they fill in (exceljs 4.4, lib/stream/xlsx/workbook-reader.js). */
interface WorkbookParts {
  model?: { sheets?: { name?: string; rId?: string }[] };
  workbookRels?: Relationship[];
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: WorksheetReader }>;
}

const READER_OPTIONS = { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' } as const;

/** A zip entry's bytes as UTF-8 text, characters kept whole across chunks. */
async function* utf8Text(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

/**
 * Waits that end when the file fails or the signal aborts, whatever exceljs is doing: its pipes
 * do not pass a source's error or destruction on, and a wait on them could last for ever. One
 * pending rejection slot, not Promise.race against a long-lived promise (which keeps every
 * settled step, and the rows it carried, reachable: memory growing with the file).
 */
function failureGuard() {
  let failed = false;
  let reason: unknown;
  let rejectWaiting: ((reason: unknown) => void) | null = null;
  return {
    fail(error: unknown): void {
      if (failed) return;
      failed = true;
      reason = error;
      rejectWaiting?.(error);
    },
    wait<T>(step: Promise<T>): Promise<T> {
      if (failed) {
        step.catch(() => {});
        return Promise.reject(reason);
      }
      return new Promise<T>((resolve, reject) => {
        rejectWaiting = reject;
        step.then(
          (value) => {
            rejectWaiting = null;
            resolve(value);
          },
          (error: unknown) => {
            rejectWaiting = null;
            reject(error);
          },
        );
      });
    },
  };
}

/** How much a part may unpack to, and what its XML may hold, by what the part is. */
function partLimits(kind: 'worksheet' | 'sharedStrings' | 'other'): { bytes: number; xml: XmlGuardLimits } {
  // A value's raw XML is at most a few characters per character ("&amp;", "&#128512;"): ten is ample.
  const maxRun = VALUE_LENGTH_LIMIT * 10;
  if (kind === 'worksheet') {
    return {
      bytes: FILE_LIMITS.worksheetBytes,
      xml: { maxRun, counted: { element: 'c', max: FILE_LIMITS.cells }, perParent: { element: 'c', within: 'row', max: FILE_LIMITS.columns } },
    };
  }
  if (kind === 'sharedStrings') return { bytes: FILE_LIMITS.sharedStringsBytes, xml: { maxRun, counted: { element: 'si', max: FILE_LIMITS.sharedStrings } } };
  return { bytes: FILE_LIMITS.otherPartBytes, xml: { maxRun } };
}

/** Unpacking far beyond the packed size (a zip bomb) or beyond the part's bound. */
function expandsTooFar(unpacked: number, packed: number, bound: number): boolean {
  return unpacked > bound || (unpacked > FILE_LIMITS.ratioJudgedFrom && unpacked > FILE_LIMITS.compressionRatio * Math.max(1, packed));
}

/**
 * A part's text, refused as soon as it unpacks too far: first by the sizes the zip declares (at
 * once), then by the bytes really unpacked (declared sizes can lie), then by what its XML holds.
 */
function partText(path: string, file: unzipper.File, kind: 'worksheet' | 'sharedStrings' | 'other'): AsyncGenerator<string> {
  const { bytes: bound, xml } = partLimits(kind);
  const part = file.path.replace(/^\//, '');
  if (expandsTooFar(file.uncompressedSize, file.compressedSize, bound)) throw expandsTooMuch(path, part);
  const stream = file.stream() as AsyncIterable<Buffer>;
  async function* unpacked(): AsyncGenerator<Buffer> {
    let total = 0;
    for await (const chunk of stream) {
      total += chunk.length;
      if (expandsTooFar(total, file.compressedSize, bound)) throw expandsTooMuch(path, part);
      yield chunk;
    }
  }
  return (async function* guarded(): AsyncGenerator<string> {
    try {
      yield* guardedXml(utf8Text(unpacked()), xml);
    } catch (error) {
      if (!(error instanceof XmlLimitExceeded)) throw error;
      if (error.limit === 'run') throw expandsTooMuch(path, part);
      if (error.limit === 'perParent') throw tooManyColumns(path, null);
      throw tooManyCells(path, kind === 'sharedStrings' ? FILE_LIMITS.sharedStrings : FILE_LIMITS.cells);
    }
  })();
}

function entryPath(target: string): string {
  // Targets are relative to xl/ ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/sheet1.xml").
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

/** The rows of the worksheet named `sheetName` (in any case), else of the first worksheet, as text. */
async function* sheetRows(path: string, sizeBytes: number, options: RowsOptions, sheetName?: string): AsyncGenerator<SheetRow> {
  const { signal, onBytes } = options;
  signal?.throwIfAborted();
  const guard = failureGuard();
  const onAbort = () => guard.fail(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });

  const streams = new Set<Readable>();
  // Set while the worksheet's entry is being opened: its file stream counts the bytes for progress.
  let countBytes: ((n: number) => void) | null = null;
  const source = {
    size: () => Promise.resolve(sizeBytes),
    stream: (offset: number, length?: number): Readable => {
      const stream = createReadStream(path, { start: offset, end: length ? offset + length : undefined });
      streams.add(stream);
      stream.on('error', (error) => guard.fail(error));
      stream.on('close', () => streams.delete(stream));
      const count = countBytes;
      if (count) stream.on('data', (chunk: Buffer | string) => count(chunk.length));
      return stream;
    },
  };

  try {
    let directory: unzipper.CentralDirectory;
    try {
      directory = await guard.wait(unzipper.Open.custom(source));
    } catch (error) {
      if (signal?.aborted) throw error;
      throw notXlsx(path, '', error);
    }
    const files = new Map(directory.files.map((file) => [file.path.replace(/^\//, ''), file]));
    const entry = (partPath: string) => files.get(partPath);
    const textOf = (file: unzipper.File, kind: 'sharedStrings' | 'other' = 'other'): Readable => Readable.from(partText(path, file, kind));

    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, READER_OPTIONS);
    const parts = reader as unknown as WorkbookParts;
    const workbookFile = entry('xl/workbook.xml');
    const relsFile = entry('xl/_rels/workbook.xml.rels');
    if (!workbookFile || !relsFile) throw notXlsx(path, 'It is a zip archive without an Excel worksheet in it.');
    await guard.wait(parts._parseWorkbook(textOf(workbookFile)));
    await guard.wait(parts._parseRels(textOf(relsFile)));
    const rels = parts.workbookRels ?? [];
    const relOfType = (type: string) => rels.find((r) => r.Type.endsWith(`/${type}`));

    // The first tab that is a worksheet (a chart sheet can come first), or the one named. Tabs
    // are found by name, not position: a user may reorder them or add one.
    const wanted = sheetName?.trim().toLocaleLowerCase('en');
    let sheetPath: string | undefined;
    for (const sheet of parts.model?.sheets ?? []) {
      if (wanted !== undefined && sheet.name?.trim().toLocaleLowerCase('en') !== wanted) continue;
      const rel = rels.find((r) => r.Id === sheet.rId);
      if (rel?.Type.endsWith('/worksheet')) {
        sheetPath = entryPath(rel.Target);
        break;
      }
    }
    const sheetFile = sheetPath === undefined ? undefined : entry(sheetPath);
    if (!sheetFile) {
      if (sheetName !== undefined) throw unreadable('NoSuchSheet', path, `${quoteFileName(path)} has no worksheet named "${sheetName}". It may not be the workbook Cohort sent, or the tab was renamed.`, undefined, undefined, { sheet: sheetName });
      throw notXlsx(path, 'It has no worksheet.');
    }

    const stylesFile = entry(entryPath(relOfType('styles')?.Target ?? 'styles.xml'));
    if (stylesFile) await guard.wait(parts._parseStyles(textOf(stylesFile)));
    const stringsFile = entry(entryPath(relOfType('sharedStrings')?.Target ?? 'sharedStrings.xml'));
    if (stringsFile) {
      const strings = parts._parseSharedStrings(textOf(stringsFile, 'sharedStrings'));
      while (!(await guard.wait(strings.next())).done);
    }
    const date1904 = parts.properties?.model?.date1904 === true;

    // Progress: the worksheet is nearly all of the file, so its share read stands for the file's.
    let sheetBytes = 0;
    const compressed = Math.max(1, sheetFile.compressedSize);
    if (onBytes) countBytes = (n) => onBytes(Math.min(sizeBytes, Math.round(((sheetBytes += n) / compressed) * sizeBytes)));
    const sheetText = partText(path, sheetFile, 'worksheet');
    countBytes = null;

    const emitted = parts._parseWorksheet(sheetText, '1').next();
    if (emitted.done) throw new Error('exceljs emitted no worksheet reader');
    const rows = emitted.value.value[Symbol.asyncIterator]();
    for (;;) {
      const row = await guard.wait(rows.next());
      if (row.done) break;
      const cells: string[] = [];
      row.value.eachCell({ includeEmpty: false }, (cell, column) => {
        if (column > FILE_LIMITS.columns) throw tooManyColumns(path, column, row.value.number);
        cells[column - 1] = cellText(valueOf(cell), cell.numFmt, date1904);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      signal?.throwIfAborted();
      yield { rowNumber: row.value.number, cells };
    }
    onBytes?.(sizeBytes);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof FileUnreadableError) throw error;
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw error; // the disk, not the content
    throw notXlsx(path, 'It may be damaged.', error);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const stream of streams) stream.destroy();
  }
}

function valueOf(cell: ExcelJS.Cell): ExcelJS.CellValue {
  if (cell.type !== ExcelJS.ValueType.Formula) return cell.value;
  // A formula cell's `value` drops a falsy cached result (0, FALSE, the NaN of an error): the model keeps it.
  const result: unknown = cell.model.result;
  return { formula: cell.model.formula ?? '', result: result as ExcelJS.CellFormulaValue['result'] };
}

function notXlsx(path: string, why = '', cause?: unknown): FileUnreadableError {
  return unreadable('NotXlsx', path, `${quoteFileName(path)} is not an Excel workbook Cohort can read. ${why}`.trim(), undefined, cause);
}
