import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/connection';
import { DatabaseSession } from '../../electron/core/session';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('backups', () => {
  it('backs up an existing database when it is opened', async () => {
    const dir = tempDir();
    const first = await openTestApp(dir);
    expect(first.core.session.listBackups()).toEqual([]); // a brand-new database has nothing to save
    await first.core.close();
    const again = await openTestApp(dir);
    expect(again.core.session.listBackups().map((b) => b.reason)).toEqual(['open']);
    await again.core.close();
  });

  it('keeps every manual backup, newest first', async () => {
    const app = await openTestApp(tempDir());
    for (let i = 0; i < 13; i++) await app.client.call('database.backupNow', {});
    const list = await app.client.call('database.listBackups', {});
    expect(list).toHaveLength(13);
    expect([...list].sort((a, b) => b.file.localeCompare(a.file))).toEqual(list);
    await app.core.close();
  });

  it('backs up periodically only when something changed', async () => {
    const app = await openTestApp(tempDir(), { periodicBackupMs: 50 });
    await new Promise((r) => setTimeout(r, 200));
    expect(app.core.session.listBackups()).toHaveLength(0);
    await app.client.call('campaign.update', { campaignId: 1, name: 'Changed' });
    await new Promise((r) => setTimeout(r, 200));
    expect(app.core.session.listBackups().map((b) => b.reason)).toContain('periodic');
    await app.core.close();
  });

  it('restores a backup into a database that passes integrity_check, and can undo the restore', async () => {
    const app = await openTestApp(tempDir());
    await app.client.call('demo.load', { count: 300, seed: 3 });
    const backup = await app.client.call('database.backupNow', {});
    await app.client.call('campaign.update', { campaignId: 1, name: 'Renamed after the backup' });
    await app.client.call('campaign.create', { name: 'Second campaign' });

    const result = await app.client.call('database.restore', { file: backup.file });
    expect(result.integrity).toBe('ok');
    const campaigns = await app.client.call('campaign.list', {});
    expect(campaigns.map((c) => [c.name, c.applicationCount])).toEqual([['Internship Programme 2026', 300]]);
    const check = openSqlite(app.databasePath, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    // The state before the restore was saved first: restoring it brings the rename back.
    expect(result.safetyBackup).not.toBeNull();
    await app.client.call('database.restore', { file: result.safetyBackup!.file });
    expect((await app.client.call('campaign.list', {})).map((c) => c.name)).toEqual(['Renamed after the backup', 'Second campaign']);
    await app.core.close();
  });

  it('refuses to restore a file that is not one of this database’s backups', async () => {
    const app = await openTestApp(tempDir());
    const result = await app.client.tryCall('database.restore', { file: '../../etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    await app.core.close();
  });

  it('takes a consistent online backup while another connection writes in WAL mode', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    await app.client.call('demo.load', { count: 500, seed: 1 });
    const writer = openSqlite(app.databasePath);
    writer.prepare("INSERT INTO audit_log (at, actor, action) VALUES ('x', 'other window', 'write')").run();
    const info = await app.client.call('database.backupNow', {});
    writer.close();
    expect(existsSync(info.path)).toBe(true);
    const copy = openSqlite(info.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM applications').get()).toEqual({ n: 500 });
    copy.close();
    await app.core.close();
  });
});

describe('opening and creating databases', () => {
  it('File > New refuses to overwrite an existing file; File > Open switches databases', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    const refused = await app.client.tryCall('database.open', { path: app.databasePath, create: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'Conflict', kind: 'FileExists' } });
    const other = `${dir}/other.sqlite`;
    const created = await app.client.call('database.open', { path: other, create: true });
    expect(created.path).toBe(other);
    expect((await app.client.call('campaign.list', {})).map((c) => c.name)).toEqual(['Internship Programme 2026']);
    const missing = await app.client.tryCall('database.open', { path: `${dir}/nope.sqlite` });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    const relative = await app.client.tryCall('database.open', { path: 'relative.sqlite' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'Validation' } });
    await app.core.close();
  });

  it('a session without an open database says so', () => {
    const session = new DatabaseSession({ backupDirectory: tempDir() });
    expect(() => session.open).toThrow(/No database/);
  });
});
