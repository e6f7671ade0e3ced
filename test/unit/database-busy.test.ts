// Engines: SQLite only — another program holding the file's write lock; on the server, PostgreSQL's row locks (working-together.test.ts).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/connection';
import { toErrorData } from '../../shared/api/errors';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();
const BETTER_SQLITE3 = require.resolve('better-sqlite3');

/**
 * Another program on the same file (the cohort command importing, say): it takes the write lock,
 * says so on stdout, holds it while it writes, then commits and exits.
 */
function otherWriter(path: string, holdMs: number) {
  const script = `
    const Database = require(${JSON.stringify(BETTER_SQLITE3)});
    const db = new Database(${JSON.stringify(path)});
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO audit_log (at, actor, action) VALUES ('x', 'the other program', 'long write')").run();
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const locked = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { locked, exited };
}

describe('two programs writing to one database', () => {
  it('a write waits for the other program’s long write, then succeeds; a backup taken meanwhile succeeds', async () => {
    const app = await openTestApp(tempDir());
    // Longer than the 5 s SQLite waited before (a 150,000-row import holds the lock longer still).
    const other = otherWriter(app.databasePath, 6000);
    await other.locked;
    // A backup reads: WAL lets it copy while the other program writes.
    const backup = await app.core.session.backupNow('manual');
    expect(existsSync(backup.path)).toBe(true);
    // The update and its audit are one IMMEDIATE transaction: it waits for the lock instead of failing.
    const updated = await app.client.tryCall('campaign.update', { campaignId: 1, name: 'Written while another program wrote' });
    expect(updated).toMatchObject({ ok: true });
    const manual = await app.client.tryCall('database.backupNow', {});
    expect(manual).toMatchObject({ ok: true });
    await other.exited;
    const actors = app.core.session.open.sqlite.prepare('SELECT actor FROM audit_log ORDER BY id').pluck().all();
    expect(actors).toContain('the other program');
    expect(actors).toContain('tester');
    await app.core.close();
  }, 60_000);

  it('past the wait, the user is told plainly that another program is writing, never "something went wrong"', async () => {
    const app = await openTestApp(tempDir(), { busyTimeoutMs: 50 });
    const holder = openSqlite(app.databasePath);
    holder.exec('BEGIN IMMEDIATE');
    const result = await app.client.tryCall('campaign.update', { campaignId: 1, name: 'Blocked' });
    expect(result).toMatchObject({ ok: false, error: { code: 'Conflict', kind: 'DatabaseBusy' } });
    expect(result.ok ? '' : result.error.message).toMatch(/Another program is writing to this database/);
    expect(result.ok ? '' : result.error.message).not.toMatch(/Something went wrong/);
    // A backup reads only: it is taken even now.
    expect(existsSync((await app.core.session.backupNow('manual')).path)).toBe(true);
    holder.exec('ROLLBACK');
    holder.close();
    expect(await app.client.tryCall('campaign.update', { campaignId: 1, name: 'Unblocked' })).toMatchObject({ ok: true });
    await app.core.close();
  });

  it('a read-only database and a full disk are named errors an office worker can act on', () => {
    const dir = tempDir();
    const path = join(dir, 'r.sqlite');
    openSqlite(path).close();
    const reader = openSqlite(path, { readonly: true });
    let caught: unknown;
    try {
      reader.exec('CREATE TABLE t (x)');
    } catch (error) {
      caught = error;
    }
    reader.close();
    expect(toErrorData(caught)).toMatchObject({ code: 'Conflict', kind: 'DatabaseReadOnly' });
    expect(toErrorData(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toMatchObject({ code: 'Conflict', kind: 'DiskFull' });
    expect(toErrorData(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))).toMatchObject({ kind: 'DiskFull' });
    expect(toErrorData(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toMatchObject({ kind: 'DatabaseBusy' });
  });
});
