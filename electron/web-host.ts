import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Transport } from '../shared/api/client';
import { ValidationError, type ApiResult } from '../shared/api/errors';
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
  token?: string;
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

function refuse(res: ServerResponse, status: number, message: string, kind: string): void {
  sendJson(res, status, { ok: false, error: new ValidationError(message, [], kind).toData() });
}

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolvePromise(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
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
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = resolve(options.staticDirectory);
  let port = options.port ?? 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  let uploads: string | null = null;
  const uploadRoot = () => (uploads ??= mkdtempSync(join(tmpdir(), 'cohort-uploads-')));

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
      const text = await readBody(req);
      if (text === null) return refuse(res, 413, 'The request is too large.', 'TooLarge');
      const request = parseInvokeBody(text);
      if (!request) return refuse(res, 400, 'The request must be JSON of the form {"method": "...", "input": {...}}.', 'BadRequest');
      return sendJson(res, 200, await options.transport.invoke(request.method, request.input));
    }

    if (url.pathname === '/api/upload') {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST to upload a file.', 'BadMethod');
      const auth = req.headers.authorization ?? '';
      if (!tokensMatch(auth.startsWith('Bearer ') ? auth.slice(7) : null, token)) {
        return refuse(res, 401, 'The request has no valid access token.', 'BadToken');
      }
      const name = basename(url.searchParams.get('name') ?? '').replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').slice(0, 200);
      if (!name || name === '.' || name === '..') return refuse(res, 400, 'The upload needs a file name.', 'BadRequest');
      if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) return refuse(res, 413, 'The file is too large to upload.', 'TooLarge');
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
