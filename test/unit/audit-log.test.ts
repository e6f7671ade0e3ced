import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/api/contract';
import { openTestApp, useTempDir } from './support/temp';

/**
 * The audit log's page (audit.list) on either engine: its filters, its order, its lists of
 * officers and actions, the details as recorded. Entries come from real requests (a campaign's
 * settings changed, a campaign created) and from plain SQL for the ones a test cannot cause
 * cheaply (other officers, other days, a backup of no campaign).
 */

const tempDir = useTempDir();

const ENTRY = 'INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json) VALUES (?, ?, ?, ?, ?, ?)';

describe('the audit log', () => {
  it('filters by campaign, officer, action or its family, application and days; newest first, a page at a time', async () => {
    const app = await openTestApp(tempDir());
    const { client } = app;
    try {
      await client.call('campaign.update', { campaignId: 1, settings: { applicationLimit: 3 } });
      const other = await client.call('campaign.create', { name: 'Internship Programme 2027' });
      await app.run(ENTRY, [1, '2024-03-02T09:00:00.000Z', 'Marie', 'screening.override', 'NIP-2024-00001-1', JSON.stringify({ verdict: 'eligible' })]);
      await app.run(ENTRY, [1, '2024-03-03T23:59:59.000Z', 'jan', 'privacy.erase', null, JSON.stringify({ reason: 'Request of 3 March' })]);
      await app.run(ENTRY, [other.id, '2024-03-04T08:00:00.000Z', 'jan', 'privacy.purge', null, null]);
      await app.run(ENTRY, [1, '2024-03-04T08:00:00.000Z', 'jan', 'privacyNotes', null, null]);
      await app.run(ENTRY, [null, '2024-03-05T10:00:00.000Z', 'Marie', 'database.backup', 'cohort-backup.sqlite', null]);

      const all = await client.call('audit.list', {});
      expect(all.total).toBe(7);
      // Newest first (today's requests, then the entries of March 2024); the same moment by the order written.
      expect(all.rows.map((r) => r.action)).toEqual(['campaign.create', 'campaign.update', 'database.backup', 'privacyNotes', 'privacy.purge', 'privacy.erase', 'screening.override']);
      // Names byte by byte, as stored: capitals first, on both engines.
      expect(all.officers).toEqual(['Marie', 'jan', 'tester']);
      expect(all.actions).toEqual(['campaign.create', 'campaign.update', 'database.backup', 'privacy.erase', 'privacy.purge', 'privacyNotes', 'screening.override']);
      expect(all.rows.find((r) => r.action === 'campaign.update')).toMatchObject({ actor: 'tester', campaignId: 1, subject: null, details: { before: { settings: { applicationLimit: 5 } } } });
      expect(all.rows.find((r) => r.action === 'privacyNotes')?.details).toBeNull();

      const actions = async (filter: MethodInput<'audit.list'>) => (await client.call('audit.list', filter)).rows.map((r) => r.action);
      // One campaign's entries, with those of no campaign.
      expect(await actions({ campaignId: other.id })).toEqual(['campaign.create', 'database.backup', 'privacy.purge']);
      expect(await actions({ officer: 'jan' })).toEqual(['privacyNotes', 'privacy.purge', 'privacy.erase']);
      expect(await actions({ officer: 'JAN' })).toEqual([]);
      // A family: every privacy.* action, not another that starts with the same letters.
      expect(await actions({ action: 'privacy' })).toEqual(['privacy.purge', 'privacy.erase']);
      expect(await actions({ action: 'privacy.erase' })).toEqual(['privacy.erase']);
      expect(await actions({ application: 'NIP-2024-00001-1' })).toEqual(['screening.override']);
      // Days inclusive: the 3rd to its last second, the 4th whole.
      expect(await actions({ from: '2024-03-03', to: '2024-03-04' })).toEqual(['privacyNotes', 'privacy.purge', 'privacy.erase']);
      expect(await actions({ campaignId: 1, officer: 'jan', action: 'privacy', from: '2024-03-04' })).toEqual([]);

      const page = await client.call('audit.list', { limit: 2, offset: 1 });
      expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(1, 3).map((r) => r.id));
      expect(page.total).toBe(7);
    } finally {
      await app.core.close();
    }
  });
});
