// Engines: its own — it opens the office server as the shell does and compares with a file.
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../shared/api/client';
import { inProcessTransport, openCore } from '../../electron/core/runtime';
import { addOfficer, initServer } from '../../db/postgres/server-admin';
import { PG_LATEST_SCHEMA_VERSION } from '../../db/postgres/migrations';
import { usePostgresDatabase } from './support/postgres';
import { openTestApp, useTempDir } from './support/temp';

/**
 * What the shell and Settings load first, on the office server (team mode): which server, as
 * whom, no backups (IT's), the officer's login as their name (not changed here), a status the
 * lost-server banner reads; and the pages' parts not on the server refuse in words, never as an
 * internal error. The same methods on a file answer as before.
 */

const tempDir = useTempDir();
const database = usePostgresDatabase();

async function officerOnServer(): Promise<{ url: string; address: string }> {
  const { url, name } = await database();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await initServer(admin);
    await addOfficer(admin, 'marie', { admin: false, password: 'm-secret' });
  } finally {
    await admin.end();
  }
  const officer = new URL(url);
  officer.username = 'marie';
  officer.password = 'm-secret';
  return { url: officer.href, address: `${officer.hostname}:${officer.port}/${name}` };
}

describe('the app and database info on the office server', () => {
  it('says which server as whom, lists no backups, signs with the login and refuses another name; parts not on the server refuse in words', async () => {
    const { url, address } = await officerOnServer();
    const core = await openCore({ databasePath: url, backupDirectory: join(tempDir(), 'backups'), userName: 'marie-os', appVersion: 'test' });
    try {
      const client = createClient(inProcessTransport(core));
      const server = { address, login: 'marie' };
      expect(await client.call('app.info', {})).toMatchObject({ engine: 'postgres', server, officer: 'marie', backupDirectory: '', isEmpty: false, schemaVersion: PG_LATEST_SCHEMA_VERSION });
      const info = await client.call('database.info', {});
      expect(info).toMatchObject({ engine: 'postgres', server, backups: [], backupProblem: null, backupDirectory: '', schemaVersion: PG_LATEST_SCHEMA_VERSION });
      expect(info.path).not.toContain('m-secret');
      expect(info.sizeBytes).toBeGreaterThan(0);
      expect(await client.call('database.status', {})).toEqual({ engine: 'postgres', connected: true, server });
      expect(await client.tryCall('app.setOfficerName', { name: 'Marie Dupont' })).toMatchObject({ ok: false, error: { kind: 'OfficerIsLogin', details: { login: 'marie' } } });
      // What has no place on the server refuses in words (the server's backups are IT's).
      expect(await client.tryCall('database.backupNow', {})).toMatchObject({ ok: false, error: { kind: 'ServerBackups' } });
    } finally {
      await core.close();
    }
  });

  it('on a file: the engine, no server, always connected', async () => {
    const app = await openTestApp(tempDir());
    try {
      expect(await app.client.call('app.info', {})).toMatchObject({ engine: 'sqlite', server: null });
      expect(await app.client.call('database.info', {})).toMatchObject({ engine: 'sqlite', server: null });
      expect(await app.client.call('database.status', {})).toEqual({ engine: 'sqlite', connected: true, server: null });
    } finally {
      await app.core.close();
    }
  });
});
