// Engines: SQLite only — a file's own backups (on the office server, backups are IT's: pg_dump, see README Team mode).
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/connection';
import { backupsToPrune, isOpenBackupDue, OPEN_BACKUPS_KEPT, PERIODIC_DAYS_KEPT } from '../../db/backup-retention';
import { runMigrations } from '../../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { runCli } from '../../electron/cli';
import { inProcessTransport, openCore } from '../../electron/core/runtime';
import { createClient } from '../../shared/api/client';
import type { BackupInfo, BackupReason } from '../../shared/api/contract';
import { toErrorData } from '../../shared/api/errors';
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

describe('a backup folder that cannot be written never stops the work', () => {
  /** Tests run as root, whom chmod does not stop: a folder whose parent is a FILE can be neither created nor written. */
  function unwritableBackupFolder(dir: string): string {
    writeFileSync(join(dir, 'not-a-folder'), 'a file where the backup folder’s parent should be');
    return join(dir, 'not-a-folder', 'backups');
  }

  it('opens the database, warns naming the backup folder, and `cohort campaign list` still works', async () => {
    const dir = tempDir();
    await (await openTestApp(dir)).core.close();
    const backupDirectory = unwritableBackupFolder(dir);
    const app = await openTestApp(dir, { backupDirectory });
    expect(await app.client.call('campaign.list', {})).toHaveLength(1);
    const info = await app.client.call('database.info', {});
    expect(info.backupProblem).toMatchObject({ folder: backupDirectory, reason: 'notAFolder' });
    expect(info.backupDirectory).toBe(backupDirectory);
    // A manual backup says plainly that the BACKUP folder is at fault, not the database.
    const manual = await app.client.tryCall('database.backupNow', {});
    expect(manual).toMatchObject({ ok: false, error: { code: 'Conflict', kind: 'BackupFailed', details: { folder: backupDirectory } } });
    expect(manual.ok ? '' : manual.error.message).toContain(`backup folder "${backupDirectory}"`);
    expect(manual.ok ? '' : manual.error.message).not.toContain(app.databasePath);
    await app.core.close();

    let err = '';
    let out = '';
    // The CLI's data folder holds a FILE named "backups" where the backup folder should be.
    const cliData = join(dir, 'cli-data');
    mkdirSync(cliData);
    writeFileSync(join(cliData, 'backups'), '');
    const code = await runCli(['campaign', 'list', '--db', app.databasePath, '--data-dir', cliData], { out: (t) => (out += t), err: (t) => (err += t) });
    expect(code).toBe(0);
    expect(out).toContain('Internship Programme');
    expect(err).toContain('warning');
    expect(err).toContain(`backup folder "${join(cliData, 'backups')}"`);
  });

  it('refuses to upgrade a database it cannot back up first, and leaves the file as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.sqlite');
    const old = openSqlite(path);
    runMigrations(old, { upTo: LATEST_SCHEMA_VERSION - 1 });
    old.close();
    const backupDirectory = unwritableBackupFolder(dir);
    const session = new DatabaseSession({ backupDirectory });
    const refused = await session.openFile(path).then(
      () => null,
      (error: unknown) => toErrorData(error),
    );
    expect(refused).toMatchObject({ code: 'Conflict', kind: 'BackupBeforeMigrationFailed', details: { folder: backupDirectory } });
    expect(refused?.message).toContain(backupDirectory);
    const check = openSqlite(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION - 1);
    check.close();
  });
});

describe('keeping backups per kind', () => {
  const at = (iso: string, reason: BackupReason, n = 0): BackupInfo => ({ file: `db-x-${iso}-${n}-${reason}.sqlite`, path: '', createdAt: iso, reason, sizeBytes: 1 });

  it('keeps every manual, pre-migration and restore backup; the last few on-open ones; one periodic a day for two weeks', () => {
    const now = new Date('2026-06-30T12:00:00Z');
    const list: BackupInfo[] = [at('2025-01-01T00:00:00.000Z', 'manual'), at('2025-01-02T00:00:00.000Z', 'migration'), at('2025-01-03T00:00:00.000Z', 'restore')];
    for (let h = 0; h < 12; h++) list.push(at(new Date(now.getTime() - h * 3_600_000).toISOString(), 'open'));
    for (let d = 0; d < 20; d++) for (const hour of ['08', '16']) list.push(at(`${new Date(now.getTime() - d * 86_400_000).toISOString().slice(0, 10)}T${hour}:00:00.000Z`, 'periodic'));
    const pruned = new Set(backupsToPrune(list, now));
    const kept = list.filter((b) => !pruned.has(b));
    expect(kept.filter((b) => ['manual', 'migration', 'restore'].includes(b.reason))).toHaveLength(3);
    expect(kept.filter((b) => b.reason === 'open')).toHaveLength(OPEN_BACKUPS_KEPT);
    const periodic = kept.filter((b) => b.reason === 'periodic');
    expect(new Set(periodic.map((b) => b.createdAt.slice(0, 10))).size).toBe(periodic.length); // one a day
    expect(periodic.every((b) => now.getTime() - Date.parse(b.createdAt) <= PERIODIC_DAYS_KEPT * 86_400_000)).toBe(true);
    expect(periodic.length).toBeGreaterThanOrEqual(PERIODIC_DAYS_KEPT);
    // An on-open backup at most once an hour.
    expect(isOpenBackupDue(list, now)).toBe(false);
    expect(isOpenBackupDue(list, new Date(now.getTime() + 3_600_001))).toBe(true);
  });

  it('a manual backup survives 20 opens by `cohort campaign list`', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    const manual = await app.client.call('database.backupNow', {});
    await app.core.close();
    const io = { out: () => {}, err: () => {} };
    for (let i = 0; i < 20; i++) expect(await runCli(['campaign', 'list', '--db', app.databasePath, '--data-dir', dir], io)).toBe(0);
    const again = await openTestApp(dir);
    const list = again.core.session.listBackups();
    expect(list.map((b) => b.file)).toContain(manual.file);
    expect(list.filter((b) => b.reason === 'open').length).toBeLessThanOrEqual(OPEN_BACKUPS_KEPT);
    await again.core.close();
  });

  it('the user deletes a backup: only one of this database’s, by its listed name, audited', async () => {
    const app = await openTestApp(tempDir());
    const backup = await app.client.call('database.backupNow', {});
    expect(await app.client.tryCall('database.deleteBackup', { file: '../cohort.sqlite' })).toMatchObject({ ok: false, error: { code: 'Validation' } });
    expect(await app.client.tryCall('database.deleteBackup', { file: 'someone-else-20260101-000000-000-manual.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'NotFound', kind: 'NoSuchBackup' },
    });
    expect(await app.client.call('database.deleteBackup', { file: backup.file })).toEqual({ deleted: backup.file });
    expect(existsSync(backup.path)).toBe(false);
    expect(await app.client.call('database.listBackups', {})).toEqual([]);
    const audit = app.core.session.open.sqlite.prepare("SELECT subject FROM audit_log WHERE action = 'database.deleteBackup'").pluck().all();
    expect(audit).toEqual([backup.file]);
    await app.core.close();
  });
});

describe('backup files', () => {
  it('a restore leaves no -wal or -shm file in the backup folder', async () => {
    const app = await openTestApp(tempDir());
    await app.client.call('demo.load', { count: 50, seed: 1 });
    const backup = await app.client.call('database.backupNow', {});
    const result = await app.client.call('database.restore', { file: backup.file });
    await app.client.call('database.restore', { file: result.safetyBackup!.file });
    expect(readdirSync(app.backupDirectory).filter((f) => !f.endsWith('.sqlite'))).toEqual([]);
    await app.core.close();
  });

  it('a backup taken by an older version (a WAL file) is read without leaving files beside it', async () => {
    const app = await openTestApp(tempDir());
    const backup = await app.client.call('database.backupNow', {});
    // What older versions wrote: a copy still marked WAL.
    const old = openSqlite(backup.path);
    old.close();
    expect(readFileSync(backup.path).subarray(18, 20)).toEqual(Buffer.from([2, 2]));
    await app.client.call('database.restore', { file: backup.file });
    expect(readdirSync(app.backupDirectory).filter((f) => !f.endsWith('.sqlite'))).toEqual([]);
    await app.core.close();
  });

  it.skipIf(process.platform === 'win32')('the database, its -wal and -shm, and backups are readable by the user alone (0600, folders 0700)', async () => {
    const dir = tempDir();
    const dataDirectory = join(dir, 'data');
    const databasePath = join(dataDirectory, 'cohort.sqlite');
    const mode = (path: string) => statSync(path).mode & 0o777;
    const core = await openCore({ databasePath, dataDirectory, backupDirectory: join(dataDirectory, 'backups'), userName: 't', appVersion: 't' });
    const client = createClient(inProcessTransport(core));
    await client.call('campaign.update', { campaignId: 1, name: 'Written' });
    const backup = await client.call('database.backupNow', {});
    expect(mode(databasePath)).toBe(0o600);
    expect(mode(`${databasePath}-wal`)).toBe(0o600);
    expect(mode(`${databasePath}-shm`)).toBe(0o600);
    expect(mode(backup.path)).toBe(0o600);
    expect(mode(dataDirectory)).toBe(0o700);
    expect(mode(join(dataDirectory, 'backups'))).toBe(0o700);
    await core.close();

    // Files and folders made by an older version (0644 / 0755) become private when opened.
    chmodSync(databasePath, 0o644);
    chmodSync(dataDirectory, 0o755);
    chmodSync(join(dataDirectory, 'backups'), 0o755);
    const again = await openCore({ databasePath, dataDirectory, backupDirectory: join(dataDirectory, 'backups'), userName: 't', appVersion: 't' });
    await createClient(inProcessTransport(again)).call('database.backupNow', {});
    expect(mode(databasePath)).toBe(0o600);
    expect(mode(dataDirectory)).toBe(0o700);
    expect(mode(join(dataDirectory, 'backups'))).toBe(0o700);
    await again.close();
  });
});
