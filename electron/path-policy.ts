import { isAbsolute, relative, resolve } from 'node:path';
import { ValidationError, type ApiResult } from '../shared/api/errors';

/**
 * Which files a page may name. The services read and write files by path, and a path in a request
 * is only as trustworthy as the page that sent it: a page that went wrong (a script injected into
 * the renderer, say) must not be able to open or read any file the user can. So each transport
 * admits only the paths the user gave it through something the page cannot forge:
 * - in Electron, the native dialogs of this session (they run in the main process) and files the
 *   user chose or dropped (their paths come from Electron's webUtils in the preload, from real File
 *   objects only): `PathGrants`;
 * - in the web host, its own upload folder (for imports) and the data folder (for databases), and
 *   no path at all for files going out (the browser downloads them): `FolderPolicy`.
 * The CLI is the user at a shell, whose paths need no such check.
 */

/** The requests that name a file to read or open (`input.path`), and what the file is for. */
export const PATH_INPUTS = {
  'database.open': 'database',
  'import.inspect': 'import',
  'shortlists.replyPreview': 'import',
} as const satisfies Record<string, PathPurpose>;

/** The requests that write a file (`input.target`, shared/api/files.ts): only where a Save dialog of this session said. */
export const EXPORT_METHODS: readonly string[] = ['import.rejectionsCsv', 'shortlists.export', 'selection.invitations', 'notices.prepare'];

export type PathPurpose = 'database' | 'import' | 'export';

/** The path a request names and what for, or null for a request that names none. */
export function pathOfRequest(method: string, input: unknown): { path: string; purpose: PathPurpose } | null {
  const fields = typeof input === 'object' && input !== null ? (input as { path?: unknown; target?: unknown }) : {};
  if (EXPORT_METHODS.includes(method)) {
    const target = typeof fields.target === 'object' && fields.target !== null ? (fields.target as { kind?: unknown; path?: unknown }) : {};
    // A download names no path; a malformed target is the dispatcher's to refuse.
    return (target.kind === 'path' || target.kind === 'folder') && typeof target.path === 'string' ? { path: target.path, purpose: 'export' } : null;
  }
  if (!Object.hasOwn(PATH_INPUTS, method)) return null;
  const purpose = PATH_INPUTS[method as keyof typeof PATH_INPUTS];
  // A missing or malformed path is the dispatcher's to refuse, with the contract's message.
  return typeof fields.path === 'string' ? { path: fields.path, purpose } : null;
}

/** The answer when a page names a file the user did not give it. */
export function pathRefused(purpose: PathPurpose): ApiResult {
  const message =
    purpose === 'database'
      ? 'Cohort opens only a database you choose in its own Open or New dialog.'
      : purpose === 'export'
        ? 'Cohort saves a file only where you choose in its own Save dialog.'
        : 'Cohort imports only a file you choose in its own dialog or drop on its window.';
  return { ok: false, error: new ValidationError(message, [], 'PathNotChosen').toData() };
}

/** Paths compare as the file system would find them: absolute, normalised. */
function key(path: string): string {
  const full = resolve(path);
  // Windows and macOS file systems ignore case by default.
  return process.platform === 'win32' || process.platform === 'darwin' ? full.toLowerCase() : full;
}

/**
 * Electron: the files the user gave this session, per purpose. A file chosen for import does not
 * become a database the page may open, nor the other way round.
 */
export class PathGrants {
  private readonly granted = new Map<PathPurpose, Set<string>>();

  grant(path: string, purpose: PathPurpose): void {
    if (!isAbsolute(path)) return;
    let set = this.granted.get(purpose);
    if (!set) this.granted.set(purpose, (set = new Set()));
    set.add(key(path));
  }

  allows(path: string, purpose: PathPurpose): boolean {
    return isAbsolute(path) && (this.granted.get(purpose)?.has(key(path)) ?? false);
  }
}

/** Whether `path` is `folder` itself or inside it (after resolving "..", so it cannot climb out). */
export function isInside(folder: string, path: string): boolean {
  if (!isAbsolute(path)) return false;
  const rel = relative(key(folder), key(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The web host: databases inside given folders, imports inside its upload folder, exports nowhere (downloads). */
export class FolderPolicy {
  constructor(private readonly folders: { [P in PathPurpose]: () => string[] }) {}

  allows(path: string, purpose: PathPurpose): boolean {
    return this.folders[purpose]().some((folder) => isInside(folder, path));
  }
}

/** What a transport asks before relaying a request: is the file it names one the user gave it? */
export interface PathPolicy {
  allows(path: string, purpose: PathPurpose): boolean;
}

/** Null when the request may go on; the refusal to send back otherwise. */
export function checkRequestPath(policy: PathPolicy, method: string, input: unknown): ApiResult | null {
  const named = pathOfRequest(method, input);
  if (!named || policy.allows(named.path, named.purpose)) return null;
  return pathRefused(named.purpose);
}
