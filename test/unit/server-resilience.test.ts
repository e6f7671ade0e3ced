// Engines: its own — the office server's connections, on the run's PostgreSQL server (once, in the sqlite project).
import { createServer, connect, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePostgresDatabase } from './support/postgres';
import { listenForChanges } from '../../electron/core/team/change-feed';
import { serverCampaignWork } from '../../electron/core/team/campaign-work';
import { openServerPool, poolConfig } from '../../db/postgres/pool';
import { parseServerUrl } from '../../db/postgres/server-url';
import { storageError } from '../../shared/api/errors';

/**
 * The office server's connections when the network misbehaves (issue 14: losing the server shows a
 * banner and retries): a connection that dies without a word, a workstation whose connections are
 * all in use, a row another workstation keeps locked. On a real PostgreSQL (the run's own server).
 */

const database = usePostgresDatabase();
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A TCP relay to the server that can go silent, as a dropped VPN does: bytes stop, nothing is closed. */
async function relay(target: { host: string; port: number }): Promise<{ port: number; silence(): void; restore(): void }> {
  let silent = false;
  const pairs: [Socket, Socket][] = [];
  const server: Server = createServer((inbound) => {
    const outbound = connect(target.port, target.host);
    pairs.push([inbound, outbound]);
    inbound.on('data', (chunk) => !silent && outbound.write(chunk));
    outbound.on('data', (chunk) => !silent && inbound.write(chunk));
    inbound.on('error', () => outbound.destroy());
    outbound.on('error', () => inbound.destroy());
    inbound.on('close', () => outbound.destroy());
    outbound.on('close', () => inbound.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) pair.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  );
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return {
    port: address.port,
    silence: () => {
      silent = true;
    },
    restore: () => {
      // The silent connections stay dead (their bytes were lost); new ones pass again.
      for (const pair of pairs.splice(0)) pair.forEach((s) => s.destroy());
      silent = false;
    },
  };
}

describe('the office server’s connections', () => {
  it('a change feed whose connection goes silent notices within seconds, says the server is lost, and is back once it answers again', async () => {
    const { url } = await database();
    const address = parseServerUrl(url);
    const gate = await relay(address);
    const states: boolean[] = [];
    const feed = listenForChanges(poolConfig({ ...address, host: '127.0.0.1', port: gate.port }, { max: 1 }), 'this-workstation', {
      changed: () => undefined,
      connection: (connected) => states.push(connected),
    }, { retryMs: 100, heartbeatMs: 200, answerMs: 400 });
    closers.push(() => feed.close());
    // Let it listen, then the network goes quiet: no error, no close, only silence.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(states).toEqual([]);
    gate.silence();
    await vi.waitFor(() => expect(states).toEqual([false]), { timeout: 5_000, interval: 50 });
    gate.restore();
    await vi.waitFor(() => expect(states).toEqual([false, true]), { timeout: 10_000, interval: 50 });
  });

  it('a workstation whose connections are all in use says it is busy (not that the server is lost); nothing was sent', async () => {
    const { url } = await database();
    const { pool } = openServerPool(url, { max: 1 });
    closers.push(() => pool.end());
    const held = await pool.connect();
    try {
      const error = await pool.query('SELECT 1').then(() => null, (e: unknown) => e);
      expect(storageError(error)).toMatchObject({ code: 'Conflict', kind: 'ServerBusy' });
    } finally {
      held.release();
    }
    expect((await pool.query<{ n: number }>('SELECT 1 AS n')).rows[0]?.n).toBe(1);
  });

  it('two changes that lock the same rows in opposite orders: the one the server stops is told in words, nothing of it saved', async () => {
    const { url } = await database();
    const [a, b] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await a.connect();
    await b.connect();
    closers.push(() => a.end(), () => b.end());
    await a.query("CREATE TABLE decisions (id integer PRIMARY KEY, stage text); INSERT INTO decisions VALUES (1, 'new'), (2, 'new')");
    await a.query('BEGIN');
    await b.query('BEGIN');
    await a.query("UPDATE decisions SET stage = 'a' WHERE id = 1");
    await b.query("UPDATE decisions SET stage = 'b' WHERE id = 2");
    const results = await Promise.allSettled([a.query("UPDATE decisions SET stage = 'a' WHERE id = 2"), b.query("UPDATE decisions SET stage = 'b' WHERE id = 1")]);
    const stopped = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(storageError(stopped?.reason)).toMatchObject({ code: 'Conflict', kind: 'ChangesCrossed' });
    await a.query('ROLLBACK');
    await b.query('ROLLBACK');
  });

  it('a row another workstation keeps locked is waited for a bounded time, then refused in words; campaign-wide work is not bounded', async () => {
    const { url } = await database();
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    closers.push(() => other.end());
    await other.query('CREATE TABLE decisions (id integer PRIMARY KEY, stage text)');
    await other.query("INSERT INTO decisions VALUES (1, 'new')");
    await other.query('BEGIN');
    await other.query('SELECT * FROM decisions WHERE id = 1 FOR UPDATE');
    const { pool } = openServerPool(url, { lockWaitMs: 300 });
    closers.push(() => pool.end());
    const error = await pool.query("UPDATE decisions SET stage = 'proposed' WHERE id = 1").then(() => null, (e: unknown) => e);
    expect(storageError(error)).toMatchObject({ code: 'Conflict', kind: 'LockWaitTimeout' });
    await other.query('ROLLBACK');
    await pool.query("UPDATE decisions SET stage = 'proposed' WHERE id = 1");
    expect((await other.query<{ stage: string }>('SELECT stage FROM decisions')).rows).toEqual([{ stage: 'proposed' }]);

    // Another workstation re-screening campaign 7 for longer than a row lock is waited for: this one waits it out, then runs.
    await other.query("SELECT pg_advisory_lock(hashtext('cohort screening'), 7)");
    const released = new Promise((resolve) => setTimeout(resolve, 900)).then(() => other.query("SELECT pg_advisory_unlock(hashtext('cohort screening'), 7)"));
    const ran = await serverCampaignWork(pool).once('screening', 7, async (ranElsewhere) => ranElsewhere);
    await released;
    expect(ran).toBe(true);
    // The connection went back to the pool with the bounded wait again.
    const settings = await Promise.all([1, 2, 3].map(() => pool.query<{ lock_timeout: string }>('SHOW lock_timeout')));
    expect(settings.map((r) => r.rows[0]?.lock_timeout)).toEqual(['300ms', '300ms', '300ms']);
  });
});
