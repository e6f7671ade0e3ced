import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createClient } from '../../shared/api/client';
import { DEFAULT_CAMPAIGN_SETTINGS } from '../../shared/domain/settings';
import { inProcessTransport, openCore } from '../../electron/core/runtime';
import { addOfficer } from '../../db/postgres/server-admin';
import { asLogin, onPostgres } from './support/engine';
import { openTestApp, tableCounts, useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('campaigns', () => {
  it('a new database holds "Internship Programme 2026" with the rules document’s defaults', async () => {
    const app = await openTestApp(tempDir());
    const [only, ...others] = await app.client.call('campaign.list', {});
    expect(others).toEqual([]);
    expect(only).toMatchObject({ name: 'Internship Programme 2026', applicationCount: 0 });
    const campaign = await app.client.call('campaign.get', { campaignId: only!.id });
    expect(campaign.settings).toEqual({
      natoFundedDeadline: '2025-05-20T23:59:59',
      deadlineTimeZone: 'Europe/Brussels',
      eligibilityJudgedOn: 'applicationDate',
      minimumAge: 21,
      applicationLimit: 5,
      requiredLanguageLevel: 'C1',
    });
    // A new file opens on the first-run screen; the office server straight on the shell (its campaigns are copied there by an administrator).
    expect((await app.client.call('app.info', {})).isEmpty).toBe(app.engine === 'sqlite');
    await app.core.close();
  });

  it('edits settings, keeps the others, and records the change in the audit log', async () => {
    const app = await openTestApp(tempDir());
    const updated = await app.client.call('campaign.update', { campaignId: 1, settings: { applicationLimit: 3 } });
    expect(updated.settings).toEqual({ ...DEFAULT_CAMPAIGN_SETTINGS, applicationLimit: 3 });
    const audit = await app.rows<{ actor: string; details_json: string }>("SELECT actor, action, details_json FROM audit_log WHERE action = 'campaign.update'");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('tester');
    expect(JSON.parse(audit[0]!.details_json)).toMatchObject({ before: { settings: { applicationLimit: 5 } }, after: { settings: { applicationLimit: 3 } } });
    await app.core.close();
  });

  it('refuses bad settings with the field named, and writes nothing', async () => {
    const app = await openTestApp(tempDir());
    const before = await tableCounts(app.core);
    const result = await app.client.tryCall('campaign.update', { campaignId: 1, settings: { minimumAge: -4, natoFundedDeadline: '20 May' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('Validation');
      const paths = (result.error.details as { issues: { path: string[] }[] }).issues.map((i) => i.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['settings.minimumAge', 'settings.natoFundedDeadline']));
    }
    expect(await tableCounts(app.core)).toEqual(before);
    expect((await app.client.call('campaign.get', { campaignId: 1 })).settings.minimumAge).toBe(21);
    await app.core.close();
  });

  it('creates a second campaign and reports a missing one as NotFound', async () => {
    const app = await openTestApp(tempDir());
    const created = await app.client.call('campaign.create', { name: 'Internship Programme 2027', settings: { applicationLimit: 3 } });
    expect(created.settings.applicationLimit).toBe(3);
    expect((await app.client.call('campaign.list', {})).map((c) => c.name)).toEqual(['Internship Programme 2026', 'Internship Programme 2027']);
    expect(await app.client.tryCall('campaign.get', { campaignId: 999 })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    await app.core.close();
  });

  it.runIf(onPostgres)('on the office server, an officer reads the campaigns but may not create one or change its settings: the server refuses (server only: a file has no logins)', async () => {
    const app = await openTestApp(tempDir());
    await app.client.call('campaign.update', { campaignId: 1, name: 'Internship Programme 2026 (office)' });
    // An officer's login, as `cohort server add-officer` makes it (roles are the server's, not one database's).
    const superuser = new pg.Client({ connectionString: inject('postgresUrl') });
    await superuser.connect();
    try {
      await addOfficer(superuser, 'campaigns_officer', { admin: false, password: 'c-secret' });
    } finally {
      await superuser.end();
    }
    const core = await openCore({ databasePath: asLogin(app.databasePath, 'campaigns_officer', 'c-secret'), backupDirectory: join(app.dir, 'officer-backups'), userName: 'officer-os', appVersion: 'test' });
    try {
      const officer = createClient(inProcessTransport(core));
      expect((await officer.call('campaign.list', {})).map((c) => c.name)).toEqual(['Internship Programme 2026 (office)']);
      expect((await officer.call('campaign.get', { campaignId: 1 })).settings).toEqual(DEFAULT_CAMPAIGN_SETTINGS);
      const before = await tableCounts(app.core);
      const refused = { ok: false, error: { code: 'Conflict', kind: 'NotAllowed', message: expect.stringContaining('only office administrators may') } };
      expect(await officer.tryCall('campaign.update', { campaignId: 1, settings: { applicationLimit: 3 } })).toMatchObject(refused);
      expect(await officer.tryCall('campaign.update', { campaignId: 1, name: 'Renamed' })).toMatchObject(refused);
      expect(await officer.tryCall('campaign.create', { name: 'Internship Programme 2027' })).toMatchObject(refused);
      expect(await tableCounts(app.core)).toEqual(before);
      expect(await app.client.call('campaign.get', { campaignId: 1 })).toMatchObject({ name: 'Internship Programme 2026 (office)', settings: DEFAULT_CAMPAIGN_SETTINGS });
    } finally {
      await core.close();
      await app.core.close();
    }
  });
});
