import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FileNotSavedError } from '../../../shared/api/errors';
import type { FileOutput, FileTarget } from '../../../shared/api/files';

export interface OutgoingFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** A CSV made by export/csv.ts (its byte order mark included, so Excel reads accents right). */
export function csvFile(fileName: string, csv: string): OutgoingFile {
  return { fileName, mediaType: 'text/csv;charset=utf-8', bytes: new TextEncoder().encode(csv) };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook written by exceljs. */
export function xlsxFile(fileName: string, bytes: Uint8Array): OutgoingFile {
  return { fileName, mediaType: XLSX_TYPE, bytes };
}

/**
 * Delivers a file the way the target asks: written where the user chose (whole or not at all: a
 * temporary file beside it, renamed over it; readable by the user alone, as it holds personal
 * data), or handed back for the browser to download.
 */
export function writeOutput(target: FileTarget, file: OutgoingFile): FileOutput {
  if (target.kind === 'download') {
    return { kind: 'download', fileName: file.fileName, mediaType: file.mediaType, base64: Buffer.from(file.bytes).toString('base64') };
  }
  const temporary = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.partial`);
  try {
    writeFileSync(temporary, file.bytes, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, target.path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'noFolder' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EBUSY' ? 'notAllowed' : code === 'ENOSPC' ? 'diskFull' : 'other';
    throw new FileNotSavedError(target.path, reason);
  }
  return { kind: 'saved', path: target.path, fileName: basename(target.path), bytes: file.bytes.byteLength };
}
