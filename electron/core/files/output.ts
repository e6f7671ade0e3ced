import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
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
  if (target.kind === 'folder') return writeOutputs(target, [file], file.fileName);
  if (target.kind === 'download') {
    return { kind: 'download', fileName: file.fileName, mediaType: file.mediaType, base64: Buffer.from(file.bytes).toString('base64') };
  }
  writeWhole(target.path, file.bytes);
  return { kind: 'saved', path: target.path, fileName: basename(target.path), bytes: file.bytes.byteLength };
}

/** Whole or not at all: a temporary file beside it, renamed over it; readable by the user alone. */
function writeWhole(path: string, bytes: Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    writeFileSync(temporary, bytes, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'noFolder' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EBUSY' ? 'notAllowed' : code === 'ENOSPC' ? 'diskFull' : 'other';
    throw new FileNotSavedError(path, reason);
  }
}

/** "name.eml", else "name (2).eml", "name (3).eml"…: a file already in the folder is never overwritten. */
function freeName(folder: string, name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem} (${n})${extension}`;
    if (!taken.has(candidate.toLowerCase()) && !existsSync(join(folder, candidate))) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

/**
 * Delivers a batch of files (e-mail drafts, one per person): each written whole into the folder the
 * user chose, beside what is there; or, for the browser, one .zip named `bundleName` to download.
 * A batch that cannot be written stops at the first file that fails, saying which.
 */
export function writeOutputs(target: FileTarget, files: readonly OutgoingFile[], bundleName: string): FileOutput {
  if (target.kind === 'download') {
    const taken = new Set<string>();
    const entries: Record<string, Uint8Array> = {};
    for (const file of files) entries[freeName('', basename(file.fileName), taken)] = file.bytes;
    const zip = zipSync(entries, { level: 6 });
    const name = bundleName.endsWith('.zip') ? bundleName : `${bundleName}.zip`;
    return { kind: 'download', fileName: name, mediaType: 'application/zip', base64: Buffer.from(zip).toString('base64') };
  }
  if (target.kind === 'path') {
    if (files.length === 1 && files[0]) return writeOutput(target, files[0]);
    throw new FileNotSavedError(target.path, 'other');
  }
  const taken = new Set<string>();
  const written: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const name = freeName(target.path, basename(file.fileName), taken);
    writeWhole(join(target.path, name), file.bytes);
    written.push(name);
    bytes += file.bytes.byteLength;
  }
  return { kind: 'savedFolder', path: target.path, files: written, bytes };
}
