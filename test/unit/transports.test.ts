import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/api/client';
import { startWorkerHost, type WorkerHost } from '../../electron/core/worker-host';
import { inProcessTransport } from '../../electron/core/runtime';
import { startWebHost, type WebHost } from '../../electron/web-host';
import { openSqlite } from '../../db/connection';
import { openTestApp, tableCounts, useTempDir } from './support/temp';

const tempDir = useTempDir();
const WORKER = join(__dirname, '../../dist/node/worker.cjs');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** Requests that must be refused before any service runs. */
const MALFORMED: [string, unknown][] = [
  ['no.such.method', {}],
  ['campaign.update', { campaignId: 'one', name: 'x' }],
  ['campaign.update', { campaignId: 1, settings: { minimumAge: 'twenty' } }],
  ['campaign.create', { name: '' }],
  ['campaign.create', { name: 'ok', unexpected: true }],
  ['demo.load', { count: -5 }],
  ['demo.load', { count: 1e9 }],
  ['campaign.get', null],
  ['campaign.get', 'a string'],
];

/** Rows of a database file another process has open (the worker's). */
function countRows(databasePath: string): () => Promise<Record<string, number>> {
  return async () => {
    const db = openSqlite(databasePath, { readonly: true });
    const result = Object.fromEntries(
      ['campaigns', 'applications', 'audit_log'].map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
    );
    db.close();
    return result;
  };
}

async function expectAllRefused(transport: Transport, counts: () => Promise<Record<string, number>>): Promise<void> {
  const before = await counts();
  for (const [method, input] of MALFORMED) {
    const result = await transport.invoke(method, input);
    expect(result, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'Validation' } });
  }
  expect(await counts()).toEqual(before);
  expect((await transport.invoke('campaign.get', { campaignId: 1 })).ok).toBe(true);
}

describe('every transport refuses malformed requests with a Validation error and writes nothing', () => {
  it('in-process', async () => {
    const app = await openTestApp(tempDir());
    closers.push(() => app.core.close());
    await expectAllRefused(inProcessTransport(app.core), () => tableCounts(app.core));
  });

  it('the database worker', async () => {
    const dir = tempDir();
    const host = startWorkerHost({ workerScript: WORKER, databasePath: join(dir, 'c.sqlite'), backupDirectory: join(dir, 'b'), userName: 't', appVersion: 't' });
    closers.push(() => host.close());
    await host.ready;
    await expectAllRefused(host, countRows(join(dir, 'c.sqlite')));
  });

  describe('the web host', () => {
    let host: WorkerHost;
    let web: WebHost;
    let databasePath: string;

    async function start(): Promise<void> {
      const dir = tempDir();
      databasePath = join(dir, 'c.sqlite');
      host = startWorkerHost({ workerScript: WORKER, databasePath, backupDirectory: join(dir, 'b'), userName: 't', appVersion: 't' });
      await host.ready;
      web = await startWebHost({ transport: host, staticDirectory: join(dir, 'no-renderer') });
      closers.push(() => host.close(), () => web.close());
    }

    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${web.url}api/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

    it('binds to 127.0.0.1 only', async () => {
      await start();
      expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(web.launchUrl).toBe(`${web.url}#token=${web.token}`);
    });

    it('refuses a request without the token, or with a wrong one', async () => {
      await start();
      const before = await countRows(databasePath)();
      const body = JSON.stringify({ method: 'campaign.create', input: { name: 'Sneaky' } });
      const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong' }, { Authorization: web.token }];
      for (const headers of attempts) {
        const res = await post(body, headers);
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ ok: false, error: { code: 'Validation', kind: 'BadToken' } });
      }
      const events = await fetch(`${web.url}api/events`);
      expect(events.status).toBe(401);
      expect(await countRows(databasePath)()).toEqual(before);
    });

    it('refuses malformed JSON and malformed requests', async () => {
      await start();
      const auth = { Authorization: `Bearer ${web.token}` };
      for (const body of ['not json', '[]', '{"input":{}}', '{"method": 3}']) {
        const res = await post(body, auth);
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ ok: false, error: { code: 'Validation' } });
      }
      const transport: Transport = {
        invoke: async (method, input) => (await post(JSON.stringify({ method, input }), auth)).json(),
        subscribe: () => () => {},
      };
      await expectAllRefused(transport, countRows(databasePath));
    });

    it('refuses another Host header (DNS rebinding)', async () => {
      await start();
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: web.port, path: '/', headers: { Host: `evil.example:${web.port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(421);
    });

    it('streams events to a client that has the token', async () => {
      await start();
      const res = await fetch(`${web.url}api/events?token=${web.token}`);
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body!.getReader();
      await post(JSON.stringify({ method: 'campaign.create', input: { name: 'Evented' } }), { Authorization: `Bearer ${web.token}` });
      let text = '';
      while (!text.includes('"changed"')) text += new TextDecoder().decode((await reader.read()).value);
      expect(text).toContain('"topics":["campaigns"]');
      await reader.cancel();
    });
  });
});
