import { describe, expect, it } from 'vitest';
import { screenAndStore } from '../../electron/core/screening/run';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

/** Screening owed (a change its results do not follow yet) on either engine; a process killed mid-import: screening-owed-crash.test.ts. */
describe('screening owed', () => {
  it('the app opened on a database with screening owed screens it on its own', async () => {
    const dir = tempDir();
    const first = await openTestApp(dir);
    await first.client.call('demo.load', { count: 200, seed: 2 });
    // As if the process had died between a change and its screening: results gone, the change counted.
    await first.run('DELETE FROM screening_results');
    await first.run("UPDATE applications SET nationality = 'Belgium' WHERE id = 1");
    expect(await first.core.session.open.stores.screening.campaignsOwing()).toEqual([1]);
    await first.core.close();

    const again = await openTestApp(dir);
    await again.core.settled();
    expect(await again.rows('SELECT application_ref FROM screening_results')).toHaveLength(200);
    expect(await again.core.session.open.stores.screening.campaignsOwing()).toEqual([]);
    await again.core.close();
  });

  it('a change made while a screening was reading keeps the campaign owed: the mark clears only with results that follow it', async () => {
    const app = await openTestApp(tempDir());
    await app.client.call('demo.load', { count: 100, seed: 4 });
    await app.core.settled();
    const { screening, campaigns } = app.core.session.open.stores;
    expect(await screening.campaignsOwing()).toEqual([]);

    const owedWhenRead = await screening.owedCount(1);
    const { settings } = await campaigns.load(1);
    // Another program (another workstation) changes an application after the screening read its inputs…
    await app.run("UPDATE applications SET first_name = 'Changed' WHERE id = 1");
    await screenAndStore(screening, 1, settings, 'tester', { owed: owedWhenRead });
    // …so the campaign is still owed, and the next reader screens it again.
    expect(await screening.campaignsOwing()).toEqual([1]);
    await app.client.call('screening.list', { campaignId: 1, tab: 'all' });
    expect(await screening.campaignsOwing()).toEqual([]);
    await app.core.close();
  });

  it('every change that owes screening records it in its own transaction: settings, corrections, duplicate decisions', async () => {
    const app = await openTestApp(tempDir());
    await app.client.call('demo.load', { count: 100, seed: 6 });
    await app.core.settled();
    const { screening } = app.core.session.open.stores;
    const owedAfter = async (change: () => Promise<unknown>) => {
      const before = await screening.owedCount(1);
      await change();
      // Counted at once, before the screening that follows has run.
      const counted = (await screening.owedCount(1)) > before;
      await app.core.settled();
      return counted && (await screening.campaignsOwing()).length === 0;
    };
    expect(await owedAfter(() => app.client.call('campaign.update', { campaignId: 1, settings: { applicationLimit: 3 } }))).toBe(true);
    const [{ id: ref }] = (await app.rows<{ id: number }>('SELECT id FROM applications ORDER BY id LIMIT 1')) as [{ id: number }];
    expect(await owedAfter(() => app.client.call('application.correct', { ref, field: 'nationality', value: 'Belgium', reason: 'passport seen' }))).toBe(true);
    await app.core.close();
  });
});
