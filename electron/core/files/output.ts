import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { basename, dirname, join } from 'node:path';
import { FileNotSavedError } from '../../../shared/api/errors';
import { FolderWriter } from './folder-writer';
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
  if (target.kind === 'folder') {
    // One file into a folder the user chose: beside what is there, never over it.
    const name = freeName(basename(file.fileName), namesIn(target.path));
    writeWhole(join(target.path, name), file.bytes);
    return { kind: 'savedFolder', path: target.path, files: [name], bytes: file.bytes.byteLength };
  }
  if (target.kind === 'download') {
    return { kind: 'download', fileName: file.fileName, mediaType: file.mediaType, base64: Buffer.from(file.bytes).toString('base64') };
  }
  writeWhole(target.path, file.bytes);
  return { kind: 'saved', path: target.path, fileName: basename(target.path), bytes: file.bytes.byteLength };
}

/** The name a file is written under until it is whole: hidden, beside it, this process's own. */
function temporaryOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
}

function notSaved(path: string, error: unknown): FileNotSavedError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'noFolder' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EBUSY' ? 'notAllowed' : code === 'ENOSPC' ? 'diskFull' : 'other';
  return new FileNotSavedError(path, reason);
}

/** Whole or not at all: a temporary file beside it, renamed over it; readable by the user alone. */
function writeWhole(path: string, bytes: Uint8Array): void {
  const temporary = temporaryOf(path);
  try {
    writeFileSync(temporary, bytes, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Tidying up must not hide why the file was not saved.
    }
    throw notSaved(path, error);
  }
}

/**
 * "name.eml", else "name (2).eml", "name (3).eml"…: a file already in the folder (`taken`, its
 * names in lower case, as Windows and macOS compare them) is never overwritten.
 */
function freeName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem} (${n})${extension}`;
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

/** Characters no file name may hold on Windows, macOS or Linux, and control characters. */
// Built from code points: a literal control character in a regular expression reads as a mistake.
const UNSAFE_IN_NAME = new RegExp(`[\\\\/:*?"<>|${String.fromCharCode(0)}-${String.fromCharCode(0x1f)}${String.fromCharCode(0x7f)}]+`, 'g');
const NAME_MAX = 120;

/**
 * A file name made from people's names ("Anna \"Ania\" Nowak - ineligible.eml") that every file
 * system accepts: forbidden characters replaced, no trailing dot or space, at most 120 characters
 * (the extension kept).
 */
export function safeFileName(name: string, fallback = 'file'): string {
  const base = basename(name.replace(/\\/g, '/'));
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 6 ? base.slice(dot).replace(UNSAFE_IN_NAME, '') : '';
  const stem = (dot > 0 && extension ? base.slice(0, dot) : base).replace(UNSAFE_IN_NAME, ' ').replace(/\s+/g, ' ').trim();
  const cut = stem.slice(0, NAME_MAX - extension.length).replace(/[.\s]+$/, '');
  return `${cut || fallback}${extension}`;
}

/** What a folder holds now, by name in lower case; a folder that is not there holds nothing (writing says so). */
function namesIn(folder: string): Set<string> {
  try {
    return new Set(readdirSync(folder).map((name) => name.toLowerCase()));
  } catch {
    return new Set();
  }
}

/**
 * Delivers a batch of files (e-mail drafts, one per person) as they are made: each written whole
 * into the folder the user chose, beside what is there (so 20,000 drafts are never all in memory);
 * or, for the browser, one .zip named `bundleName` to download. A batch that cannot be written
 * stops at the first file that fails, saying which.
 */
export async function writeOutputs(target: FileTarget, files: Iterable<OutgoingFile> | AsyncIterable<OutgoingFile>, bundleName: string): Promise<FileOutput> {
  if (target.kind === 'download') {
    const taken = new Set<string>();
    const entries: Record<string, Uint8Array> = {};
    for await (const file of files) entries[freeName(basename(file.fileName), taken)] = file.bytes;
    const zip = zipSync(entries, { level: 6 });
    const name = bundleName.endsWith('.zip') ? bundleName : `${bundleName}.zip`;
    return { kind: 'download', fileName: name, mediaType: 'application/zip', base64: Buffer.from(zip).toString('base64') };
  }
  if (target.kind === 'path') {
    const all: OutgoingFile[] = [];
    for await (const file of files) all.push(file);
    if (all.length === 1 && all[0]) return writeOutput(target, all[0]);
    throw new FileNotSavedError(target.path, 'other');
  }
  const taken = namesIn(target.path);
  const names: string[] = [];
  let bytes = 0;
  // The files go to the disk on a thread of their own while the next are made.
  const writer = new FolderWriter();
  try {
    for await (const file of files) {
      if (writer.failure) break;
      const name = freeName(safeFileName(file.fileName), taken);
      names.push(name);
      const path = join(target.path, name);
      await writer.add(path, temporaryOf(path), file.bytes);
      bytes += file.bytes.byteLength;
    }
    const failure = await writer.finish();
    if (failure) throw notSaved(failure.path || target.path, { code: failure.code });
  } catch (error) {
    // A batch is whole or not there: what it wrote before the failure goes too.
    await writer.finish();
    for (const path of writer.written) rmSync(path, { force: true });
    throw error;
  } finally {
    await writer.close();
  }
  return { kind: 'savedFolder', path: target.path, files: names, bytes };
}
