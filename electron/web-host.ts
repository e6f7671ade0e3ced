import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import type { Transport } from '../shared/api/client';
import { ValidationError, type ApiResult } from '../shared/api/errors';
import { checkRequestPath, FolderPolicy, isInside } from './path-policy';
import { contentSecurityPolicy } from './security';

/**
 * The same API over HTTP on 127.0.0.1, for demos, development and browser tests. It is never bound
 * to another interface; every API request must carry this launch's random token, and the Host
 * header must name the loopback address (so a web page elsewhere cannot reach it by DNS rebinding).
 */

export interface WebHostOptions {
  transport: Transport;
  /** The built renderer (dist/renderer). */
  staticDirectory: string;
  port?: number;
  /** At least MIN_TOKEN_LENGTH characters; a random one when not given. */
  token?: string;
  /** The folders whose databases the page may open (the data folder, the open database's folder). */
  databaseFolders?: string[];
  /** Where uploads go (a folder per host is made in it); the system's temporary folder by default. */
  uploadParent?: string;
  /** How long an API request's body may take to arrive (BODY_TIMEOUT_MS); shorter in tests. */
  bodyTimeoutMs?: number;
}

/** A token a page could guess in a few tries is no token: refuse shorter ones. */
export const MIN_TOKEN_LENGTH = 32;

/** Thrown for a token too short to protect anything. */
export class WeakTokenError extends Error {
  constructor() {
    super(`The access token must be at least ${MIN_TOKEN_LENGTH} characters long (leave --token out to get a random one).`);
    this.name = 'WeakTokenError';
  }
}

export interface WebHost {
  url: string;
  /** The address to open: the token travels in the fragment, which browsers never send to servers. */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
/**
 * API bodies are small JSON objects a few levels deep; a body nested deeper is not one of ours, and
 * parsing or cloning it to the worker would only burn the stack.
 */
const MAX_JSON_DEPTH = 64;
/** A request whose headers take longer than this is dropped (a "slow loris" holds sockets open). */
const HEADERS_TIMEOUT_MS = 10_000;
/** An API request's body must arrive within this; an upload is given longer (`requestTimeout`). */
const BODY_TIMEOUT_MS = 15_000;
/** The longest any request may take to arrive, uploads included (2 GB on loopback takes seconds). */
const REQUEST_TIMEOUT_MS = 10 * 60_000;
/** Upload folders are named after the host's process, so a later host can tell leftovers of a dead one. */
const UPLOAD_FOLDER_PREFIX = 'cohort-uploads-';

/** Requests that start a job reading an uploaded file, and the requests that end it (its upload then goes). */
const JOB_ENDS: Readonly<Record<string, readonly string[]>> = {
  'import.inspect': ['import.commit', 'import.cancel'],
  'shortlists.replyPreview': ['shortlists.replyCommit', 'shortlists.replyCancel'],
};
/** A browser cannot give a file's path: the export is uploaded to a private folder instead. */
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy());
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

function sendJson(res: ServerResponse, status: number, body: ApiResult): void {
  securityHeaders(res);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Answers with a Validation error; `close` ends the connection after it (the body was not all read). */
function refuse(res: ServerResponse, status: number, message: string, kind: string, options: { close?: boolean } = {}): void {
  if (options.close) res.setHeader('Connection', 'close');
  sendJson(res, status, { ok: false, error: new ValidationError(message, [], kind).toData() });
}

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

type BodyProblem = 'TooLarge' | 'TooSlow';

/**
 * Reads an API request's body, up to MAX_BODY_BYTES and BODY_TIMEOUT_MS. Past either it stops
 * keeping the bytes and says why, so the caller answers 413 or 408 instead of resetting the
 * connection (the rest of an oversized body is read and dropped until the answer is sent).
 */
function readBody(req: IncomingMessage, timeoutMs: number): Promise<string | BodyProblem> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      resolvePromise('TooLarge');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (value: string | BodyProblem) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise(value);
    };
    const timer = setTimeout(() => settle('TooSlow'), timeoutMs);
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        settle('TooLarge');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => settle(Buffer.concat(chunks).toString('utf8')));
    req.on('error', (error) => {
      clearTimeout(timer);
      if (!settled) reject(error);
    });
  });
}

/** Whether JSON text nests arrays and objects deeper than `max` (strings are skipped, escapes too). */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Uploads are exports full of personal data. A host removes its own when it stops, but a crash or
 * a kill leaves them: at start, remove the upload folders of hosts that are no longer running.
 */
export function removeDeadHostsUploads(parent: string): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = new RegExp(`^${UPLOAD_FOLDER_PREFIX}(\\d+)-`).exec(name);
    if (!match || processIsAlive(Number(match[1]))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Parses `{ method, input }`; anything else is a Validation error before any service runs. */
export function parseInvokeBody(text: string): { method: string; input: unknown } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { method, input } = value as { method?: unknown; input?: unknown };
  if (typeof method !== 'string') return null;
  return { method, input };
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  if (options.token !== undefined && options.token.length < MIN_TOKEN_LENGTH) throw new WeakTokenError();
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = resolve(options.staticDirectory);
  let port = options.port ?? 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const uploadParent = options.uploadParent ?? tmpdir();
  removeDeadHostsUploads(uploadParent);
  let uploads: string | null = null;
  const uploadRoot = () => (uploads ??= mkdtempSync(join(uploadParent, `${UPLOAD_FOLDER_PREFIX}${process.pid}-`)));
  // The page may open databases in the given folders, import only what it uploaded here, and
  // write no file anywhere: what it exports comes back to download.
  const paths = new FolderPolicy({
    database: () => options.databaseFolders ?? [],
    import: () => (uploads ? [uploads] : []),
    export: () => [],
  });
  /** Which upload folder each import job reads, so the folder goes once no job needs it. */
  const uploadOfJob = new Map<string, string>();

  function forgetJob(jobId: unknown): void {
    if (typeof jobId !== 'string') return;
    const folder = uploadOfJob.get(jobId);
    uploadOfJob.delete(jobId);
    if (folder && ![...uploadOfJob.values()].includes(folder)) rmSync(folder, { recursive: true, force: true });
  }

  /** Relays a request, keeping the upload folders in step with the import jobs that read them. */
  async function relay(method: string, input: unknown): Promise<ApiResult> {
    const refused = checkRequestPath(paths, method, input);
    if (refused) return refused;
    const result = await options.transport.invoke(method, input);
    const fields = typeof input === 'object' && input !== null ? (input as { path?: unknown; jobId?: unknown }) : {};
    if (Object.hasOwn(JOB_ENDS, method) && result.ok && typeof fields.path === 'string' && uploads && isInside(uploads, fields.path)) {
      uploadOfJob.set((result.value as { jobId: string }).jobId, dirname(fields.path));
    }
    // A job that ended (stored, cancelled, or failed for good) no longer needs its file.
    if (Object.values(JOB_ENDS).some((ends) => ends.includes(method))) forgetJob(fields.jobId);
    return result;
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'The request could not be handled.', 'Internal');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      return refuse(res, 421, 'This address is not served here.', 'BadHost');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST for API requests.', 'BadMethod');
      const auth = req.headers.authorization ?? '';
      if (!tokensMatch(auth.startsWith('Bearer ') ? auth.slice(7) : null, token)) {
        return refuse(res, 401, 'The request has no valid access token. Open Cohort from the address the web host printed.', 'BadToken');
      }
      const text = await readBody(req, options.bodyTimeoutMs ?? BODY_TIMEOUT_MS);
      if (text === 'TooLarge') return refuse(res, 413, 'The request is too large.', 'TooLarge', { close: true });
      if (text === 'TooSlow') return refuse(res, 408, 'The request took too long to arrive.', 'TooSlow', { close: true });
      if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) return refuse(res, 400, 'The request is nested too deeply to be one of Cohort\'s.', 'BadRequest');
      const request = parseInvokeBody(text);
      if (!request) return refuse(res, 400, 'The request must be JSON of the form {"method": "...", "input": {...}}.', 'BadRequest');
      return sendJson(res, 200, await relay(request.method, request.input));
    }

    if (url.pathname === '/api/upload') {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST to upload a file.', 'BadMethod');
      const auth = req.headers.authorization ?? '';
      if (!tokensMatch(auth.startsWith('Bearer ') ? auth.slice(7) : null, token)) {
        return refuse(res, 401, 'The request has no valid access token.', 'BadToken');
      }
      const name = basename(url.searchParams.get('name') ?? '').replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').slice(0, 200);
      if (!name || name === '.' || name === '..') return refuse(res, 400, 'The upload needs a file name.', 'BadRequest');
      if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) {
        req.resume();
        return refuse(res, 413, 'The file is too large to upload.', 'TooLarge', { close: true });
      }
      // Each upload in its own folder, so the services see the file under its real name.
      const folder = mkdtempSync(join(uploadRoot(), 'u-'));
      const target = join(folder, name);
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_UPLOAD_BYTES) req.destroy(new Error('too large'));
      });
      try {
        await pipeline(req, createWriteStream(target, { mode: 0o600 }));
      } catch {
        rmSync(folder, { recursive: true, force: true });
        return refuse(res, 400, 'The upload did not complete.', 'UploadFailed');
      }
      return sendJson(res, 200, { ok: true, value: { path: target } });
    }

    if (url.pathname === '/api/events') {
      if (!tokensMatch(url.searchParams.get('token'), token)) {
        return refuse(res, 401, 'The request has no valid access token.', 'BadToken');
      }
      securityHeaders(res);
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      const unsubscribe = options.transport.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Not allowed.', 'BadMethod');
    // Static files: resolved inside the renderer folder only; everything else is the app itself.
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    let file = join(root, relative);
    if (!file.startsWith(root + sep) && file !== root) return refuse(res, 404, 'Not found.', 'NotFound');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) return refuse(res, 503, 'The app has not been built: run "npm run build" first.', 'NotBuilt');
    securityHeaders(res);
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => {
          // Uploaded exports hold personal data: they do not outlive the web host.
          if (uploads) rmSync(uploads, { recursive: true, force: true });
          resolvePromise();
        });
      }),
  };
}
