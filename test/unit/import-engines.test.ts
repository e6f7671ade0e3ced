import { fstatSync, readdirSync, readlinkSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import type { Client } from '../../shared/api/client';
import { createClient } from '../../shared/api/client';
import { inProcessTransport, openCore } from '../../electron/core/runtime';
import { addOfficer } from '../../db/postgres/server-admin';
import { randomBytes } from 'node:crypto';
import { referencePath } from './support/reference';
import { sampleTable, writeExport } from './support/sample-rows';
import { asLogin, inDatabase, onPostgres } from './support/engine';
import { openTestApp, tableCounts, useTempDir, type TestApp } from './support/temp';
import { StagingArea } from '../../electron/core/files/staging-area';
import { IncomingJobs, type IncomingJob, type Staged } from '../../electron/core/files/incoming-jobs';

/**
 * Importing on either engine (issue 14): the same decisions and the same bookkeeping on a file and
 * on the office server; on the server, what only it has — logins with roles, and a staging that
 * cannot be on the server's connections.
 */

const tempDir = useTempDir();
const TARGET = 'NIP-2026-00004-1';

async function importFile(client: Client, path: string) {
  const inspection = await client.call('import.inspect', { campaignId: 1, path });
  await client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
  return client.call('import.commit', { jobId: inspection.jobId });
}

async function owed(app: TestApp): Promise<number> {
  const [row] = await app.rows<{ owed: number }>('SELECT screening_owed AS owed FROM campaigns WHERE id = 1');
  return Number(row?.owed);
}

/** An officer's login (not an administrator) on the test's server database, and a workstation logged in as it. */
async function officerWorkstation(app: TestApp, dir: string): Promise<{ client: Client; url: string; close(): Promise<void> }> {
  const login = `officer_${randomBytes(4).toString('hex')}`;
  const superuser = new pg.Client({ connectionString: inDatabase(inject('postgresUrl'), new URL(app.databasePath).pathname.slice(1)) });
  await superuser.connect();
  try {
    await addOfficer(superuser, login, { admin: false, password: 'o-secret' });
  } finally {
    await superuser.end();
  }
  const url = asLogin(app.databasePath, login, 'o-secret');
  const core = await openCore({ databasePath: url, backupDirectory: `${dir}/officer-backups`, userName: login, appVersion: 'test' });
  return { client: createClient(inProcessTransport(core)), url, close: () => core.close() };
}

/** Files this process holds open that have no name any more and are SQLite's (its temporary files): with their permissions. */
function namelessSqliteFiles(): Map<string, number> {
  const files = new Map<string, number>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.includes('etilqs_') && target.endsWith('(deleted)')) files.set(target, fstatSync(Number(fd)).mode & 0o777);
    } catch {
      // closed meanwhile (readdir's own descriptor)
    }
  }
  return files;
}

describe('importing on either engine', () => {
  it('counts the screening owed in the import’s own transaction: one per application added or changed, none for an unchanged one', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    const before = await owed(app);
    const first = await importFile(app.client, referencePath('sample-export.csv'));
    expect(await owed(app)).toBe(before + first.counts.added);
    await importFile(app.client, referencePath('sample-export.csv'));
    expect(await owed(app)).toBe(before + first.counts.added);
    const { header, rows } = sampleTable();
    const column = header.indexOf('Nationality');
    const changed = rows.map((r) => (r[0] === TARGET ? r.map((v, i) => (i === column ? 'France' : v)) : r));
    const third = await importFile(app.client, writeExport(dir, 'changed.csv', header, changed));
    expect(third.counts).toMatchObject({ updated: 1, added: 0 });
    expect(await owed(app)).toBe(before + first.counts.added + 1);
    // And the screening that follows caught up with all of it.
    const [campaign] = await app.rows<{ owed: number; done: number }>('SELECT screening_owed AS owed, screening_done AS done FROM campaigns WHERE id = 1');
    expect(Number(campaign?.done)).toBe(Number(campaign?.owed));
    await app.core.close();
  });

  it('adds demo data in one go, counted as owed, screened and searchable', async () => {
    const app = await openTestApp(tempDir());
    const before = await owed(app);
    const loaded = await app.client.call('demo.load', { count: 300, seed: 4 });
    expect(loaded.inserted).toBe(300);
    expect(await owed(app)).toBe(before + 300);
    const [someone] = await app.rows<{ id: number; last_name: string }>(
      "SELECT a.id, a.last_name FROM applications a JOIN screening_results r ON r.application_ref = a.id WHERE r.verdict = 'eligible' ORDER BY a.id LIMIT 1",
    );
    const found = await app.client.call('triage.list', { campaignId: 1, queue: 'all', filter: { search: someone!.last_name }, limit: 200 });
    expect(found.rows.map((r) => r.ref)).toContain(someone!.id);
    await app.core.close();
  });
});

describe.runIf(onPostgres)('importing on the office server', () => {
  it('refuses an officer’s import before reading the file, and the server refuses the officer’s raw INSERT too; the officer may still correct a value (on the server only: a file has no logins)', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    await importFile(app.client, referencePath('sample-export.csv'));
    const before = await tableCounts(app.core);
    const officer = await officerWorkstation(app, dir);
    try {
      expect(await officer.client.tryCall('import.inspect', { campaignId: 1, path: referencePath('sample-export.csv') })).toMatchObject({
        ok: false,
        error: { code: 'Conflict', kind: 'NotAllowed' },
      });
      const raw = new pg.Client({ connectionString: officer.url });
      await raw.connect();
      try {
        await expect(
          raw.query("INSERT INTO imports (campaign_id, file_name, file_size, sha256, format, mapping_json, total_rows, added, updated, unchanged, skipped_drafts, rejected, actor, started_at, finished_at) VALUES (1, 'x', 0, 'x', 'csv', '{}', 0, 0, 0, 0, 0, 0, 'x', 'x', 'x')"),
        ).rejects.toMatchObject({ code: '42501' });
        await expect(raw.query("UPDATE applications SET application_id = 'X' WHERE application_id = $1", [TARGET])).rejects.toMatchObject({ code: '42501' });
      } finally {
        await raw.end();
      }
      expect(await tableCounts(app.core)).toEqual(before);

      // A correction is an officer's work: it writes only the columns officers may change.
      const [target] = await app.rows<{ id: number }>('SELECT id FROM applications WHERE application_id = ?', [TARGET]);
      expect(await officer.client.call('application.correct', { ref: target!.id, field: 'nationality', value: 'Belgium', reason: 'Passport seen' })).toEqual({ changed: true });
      expect(await app.rows('SELECT nationality, nationality_code FROM applications WHERE id = ?', [target!.id])).toEqual([{ nationality: 'Belgium', nationality_code: 'BE' }]);
    } finally {
      await officer.close();
      await app.core.close();
    }
  });

  it.runIf(process.platform === 'linux')(
    'stages in a scratch database on this computer, nameless on disk and readable by this user alone, gone when let go (on the server only: a file stages in its own TEMP tables; Linux only: read from /proc)',
    async () => {
      const app = await openTestApp(tempDir());
      const before = namelessSqliteFiles();
      const { sqlite, release } = await app.core.session.open.stores.imports.staging();
      const area = StagingArea.open<string[]>(sqlite);
      // Past its page cache (64 MB in use; made small here), the scratch spills to disk: that file is what is checked.
      sqlite.pragma('temp.cache_size = 10');
      for (let i = 0; i < 2_000; i++) area.add(['x'.repeat(2_000), String(i)]);
      await area.finish();
      const staging = [...namelessSqliteFiles()].filter(([file]) => !before.has(file));
      expect(staging.length).toBeGreaterThan(0);
      for (const [, mode] of staging) expect(mode.toString(8)).toBe('600');
      expect([...area.batches()].flat()).toHaveLength(2_000);
      release();
      expect(sqlite.open).toBe(false);
      expect([...namelessSqliteFiles().keys()].filter((file) => !before.has(file))).toEqual([]);
      await app.core.close();
    },
  );
});

describe('an import job', () => {
  it('lets go of what it holds (a scratch database on the server) when committed, cancelled, or left behind by a database switched from', () => {
    const released: string[] = [];
    const jobs = new IncomingJobs<IncomingJob<Staged>>(() => new Error('not found'));
    const connection = new BetterSqlite3(':memory:');
    const job = (name: string, owner: object) =>
      jobs.add({ campaignId: 1, path: name, fileName: name, sizeBytes: 0, sqlite: connection, owner, release: () => released.push(name), startedAt: new Date().toISOString() });
    const server = {};
    const committed = job('committed', server);
    jobs.remove(committed, { committed: true });
    const cancelled = job('cancelled', server);
    jobs.remove(cancelled);
    job('left', server);
    // The session switched to another database: a job of the new one ends the old one's.
    const other = {};
    const next = job('next', other);
    expect(released).toEqual(['committed', 'cancelled', 'left']);
    expect(() => jobs.get(next.id, server)).toThrow('not found');
    expect(jobs.get(next.id, other)).toBe(next);
    connection.close();
  });
});
