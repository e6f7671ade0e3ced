import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { CustomScheme } from 'electron';

/**
 * The window loads the renderer from `app://cohort/…`, a privileged custom scheme served from
 * dist/renderer, rather than from `file://`: a file page would share one origin with every file on
 * the disk, while `app://cohort` is an origin of its own that the IPC sender check can pin.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'cohort';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `standard` gives the scheme real origins and relative URL resolution; `secure` makes it a secure
 * context (module scripts, crypto.subtle). No `bypassCSP`, no `corsEnabled`, no service workers:
 * the page needs nothing more.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/**
 * The origin of a URL as `scheme://host[:port]`. WHATWG URL reports `'null'` as the origin of
 * any non-special scheme such as `app:` (Node's parser does not know we registered it as
 * standard), so we build it ourselves. URLs carrying credentials have no trusted origin at all.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * Maps a request for `app://cohort/<path>` to a file under `rootDirectory`, or null when the
 * request must be refused: another host, an undecodable path, a NUL byte, a backslash (a Windows
 * separator smuggled into a segment) or any path that would leave the root once resolved.
 */
export function resolveAppAsset(requestUrl: string, rootDirectory: string): string | null {
  if (originOf(requestUrl) !== APP_ORIGIN) return null;
  const { pathname } = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return null;
  const root = resolve(rootDirectory);
  const file = segments.length === 0 ? join(root, 'index.html') : resolve(root, ...segments);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Module scripts are refused by Chromium unless served with a JavaScript MIME type. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
