import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorkerHost, type WorkerHost } from '../../electron/core/worker-host';
import { jsonNestsDeeperThan, startWebHost, WeakTokenError, type WebHost, type WebHostOptions } from '../../electron/web-host';
import { useTempDir } from './support/temp';

/** The web host against a real worker on a real database, as `npm run web` starts them. */
const tempDir = useTempDir();
const WORKER = join(__dirname, '../../dist/node/worker.cjs');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

interface Started {
  dir: string;
  dataDir: string;
  uploadParent: string;
  worker: WorkerHost;
  web: WebHost;
  call(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; kind?: string } }>;
  upload(name: string, content: string): Promise<string>;
}

async function start(options: Partial<WebHostOptions> = {}): Promise<Started> {
  const dir = tempDir();
  const dataDir = join(dir, 'data');
  const uploadParent = join(dir, 'tmp');
  mkdirSync(uploadParent, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  const worker = startWorkerHost({ workerScript: WORKER, databasePath: join(dataDir, 'cohort.sqlite'), backupDirectory: join(dataDir, 'backups'), userName: 't', appVersion: 't' });
  closers.push(() => worker.close());
  await worker.ready;
  const web = await startWebHost({ transport: worker, staticDirectory: join(dir, 'no-renderer'), databaseFolders: [dataDir], uploadParent, ...options });
  closers.push(() => web.close());
  const auth = { Authorization: `Bearer ${web.token}` };
  return {
    dir,
    dataDir,
    uploadParent,
    worker,
    web,
    call: async (method, input) =>
      (await fetch(`${web.url}api/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth }, body: JSON.stringify({ method, input }) })).json() as never,
    upload: async (name, content) => {
      const res = await fetch(`${web.url}api/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers: auth, body: content });
      return ((await res.json()) as { value: { path: string } }).value.path;
    },
  };
}

/** A raw HTTP exchange, so a reset connection shows as an error instead of being retried. */
function rawPost(web: WebHost, path: string, body: { chunks: Buffer[]; contentLength?: number; endAfter?: boolean }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json' };
    if (body.contentLength !== undefined) headers['Content-Length'] = body.contentLength;
    const req = request({ host: '127.0.0.1', port: web.port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    for (const chunk of body.chunks) req.write(chunk);
    if (body.endAfter !== false) req.end();
  });
}

describe('the web host answers what it refuses', () => {
  it('answers 413 to a body over 1 MB instead of resetting the connection', async () => {
    const { web } = await start();
    const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
    const declared = await rawPost(web, '/api/invoke', { chunks: [big], contentLength: big.length });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text)).toMatchObject({ ok: false, error: { kind: 'TooLarge' } });
    // Without a length given up front (chunked), the answer is the same.
    const chunked = await rawPost(web, '/api/invoke', { chunks: [big] });
    expect(chunked.status).toBe(413);
  });

  it('refuses a deeply nested body at once instead of leaving it pending', async () => {
    const { web } = await start();
    const nested = `{"method":"campaign.list","input":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const answer = await rawPost(web, '/api/invoke', { chunks: [Buffer.from(nested)] });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { kind: 'BadRequest' } });
    expect(jsonNestsDeeperThan('{"a":"[[[[[[[[[["}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[[[1]]]}', 3)).toBe(true);
  });

  it('answers 408 to a body that never finishes arriving', async () => {
    const { web } = await start({ bodyTimeoutMs: 300 });
    const answer = await rawPost(web, '/api/invoke', { chunks: [Buffer.from('{"method":')], contentLength: 1000, endAfter: false });
    expect(answer.status).toBe(408);
  });

  it('refuses an access token shorter than 32 characters', async () => {
    const dir = tempDir();
    const noTransport = { invoke: () => Promise.reject(new Error('unused')), subscribe: () => () => {} };
    await expect(startWebHost({ transport: noTransport, staticDirectory: dir, token: 'x' })).rejects.toBeInstanceOf(WeakTokenError);
    await expect(startWebHost({ transport: noTransport, staticDirectory: dir, token: 'a'.repeat(31) })).rejects.toBeInstanceOf(WeakTokenError);
    const web = await startWebHost({ transport: noTransport, staticDirectory: dir, token: 'a'.repeat(32) });
    await web.close();
  });
});

describe('the files a page may name in the web host', () => {
  it('opens databases in the data folder only', async () => {
    const { call, dataDir, dir } = await start();
    const outside = join(dir, 'elsewhere.sqlite');
    expect(await call('database.open', { path: outside, create: true })).toMatchObject({ ok: false, error: { kind: 'PathNotChosen' } });
    expect(existsSync(outside)).toBe(false);
    expect(await call('database.open', { path: join(dataDir, '..', 'climbed.sqlite'), create: true })).toMatchObject({ error: { kind: 'PathNotChosen' } });
    expect(await call('database.open', { path: join(dataDir, 'second.sqlite'), create: true })).toMatchObject({ ok: true });
  });

  it('imports only what was uploaded to it, and removes the upload once the import ends', async () => {
    const { call, upload, dir } = await start();
    const campaign = (await call('campaign.list', {})).value as { id: number }[];
    const campaignId = campaign[0]!.id;
    const mine = join(dir, 'export.csv');
    writeFileSync(mine, 'Application ID,First Name\nA1,Anne\n');
    expect(await call('import.inspect', { campaignId, path: mine })).toMatchObject({ ok: false, error: { kind: 'PathNotChosen' } });

    const uploaded = await upload('export.csv', 'Application ID,First Name\nA1,Anne\n');
    const inspected = await call('import.inspect', { campaignId, path: uploaded });
    expect(inspected).toMatchObject({ ok: true });
    // Picking another encoding inspects the same upload again before the first job is dropped.
    const again = await call('import.inspect', { campaignId, path: uploaded, encoding: 'windows-1252' });
    expect(await call('import.cancel', { jobId: (inspected.value as { jobId: string }).jobId })).toMatchObject({ ok: true });
    expect(existsSync(uploaded)).toBe(true);
    expect(await call('import.cancel', { jobId: (again.value as { jobId: string }).jobId })).toMatchObject({ ok: true });
    expect(existsSync(dirname(uploaded))).toBe(false);
  });

  it('removes the uploads a crashed host left behind, and keeps a running host’s', async () => {
    const dir = tempDir();
    const uploadParent = join(dir, 'tmp');
    // No process has this number (Linux gives at most 4,194,304).
    const dead = join(uploadParent, 'cohort-uploads-99999999-abc');
    const alive = join(uploadParent, `cohort-uploads-${process.pid}-def`);
    for (const folder of [dead, alive]) {
      mkdirSync(join(folder, 'u-1'), { recursive: true });
      writeFileSync(join(folder, 'u-1', 'export.csv'), 'personal data');
    }
    const noTransport = { invoke: () => Promise.reject(new Error('unused')), subscribe: () => () => {} };
    const web = await startWebHost({ transport: noTransport, staticDirectory: dir, uploadParent });
    await web.close();
    expect(readdirSync(uploadParent)).toEqual([`cohort-uploads-${process.pid}-def`]);
  });
});
