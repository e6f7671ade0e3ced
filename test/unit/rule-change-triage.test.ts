import { describe, expect, it } from 'vitest';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('a rule change and the triage queues', () => {
  it('the preview says how many triaged applications would leave each queue at each stage; saving does exactly that, and they come back at their stage', async () => {
    const app = await openTestApp(tempDir());
    const { client } = app;
    try {
      await client.call('demo.load', { count: 800, seed: 11 });
      await client.call('screening.run', { campaignId: 1 });
      const proposed = (await client.call('triage.list', { campaignId: 1, queue: 'all', sort: [{ column: 'applicationId', descending: false }], limit: 40 })).rows;
      await client.call('triage.decide', { refs: proposed.map((r) => r.ref), stage: 'proposed' });
      const before = await client.call('triage.sidebar', { campaignId: 1 });
      const proposedBefore = before.queues.reduce((n, q) => n + q.byStage.proposed, 0);
      expect(proposedBefore).toBe(40);

      const { settings } = await client.call('campaign.get', { campaignId: 1 });
      const stricter = { ...settings, requiredLanguageLevel: 'C2' as const };
      const impact = await client.call('screening.previewSettings', { campaignId: 1, settings: stricter });
      const leaving = impact.leavingQueues.reduce((n, l) => n + l.count, 0);
      expect(leaving).toBeGreaterThan(0);
      expect(impact.leavingQueues.every((l) => l.stage === 'proposed')).toBe(true);

      await client.call('campaign.update', { campaignId: 1, settings: stricter });
      await client.call('screening.run', { campaignId: 1 });
      const after = await client.call('triage.sidebar', { campaignId: 1 });
      for (const queue of before.queues) {
        const expected = impact.leavingQueues.filter((l) => (l.division ?? 'unassigned') === queue.queue).reduce((n, l) => n + l.count, 0);
        const now = after.queues.find((q) => q.queue === queue.queue)!;
        expect(queue.byStage.proposed - now.byStage.proposed, queue.queue).toBe(expected);
      }

      // Back to the old rules: every one of them is in its queue again, still proposed.
      await client.call('campaign.update', { campaignId: 1, settings });
      await client.call('screening.run', { campaignId: 1 });
      const back = await client.call('triage.sidebar', { campaignId: 1 });
      expect(back.queues.reduce((n, q) => n + q.byStage.proposed, 0)).toBe(40);
    } finally {
      await app.core.close();
    }
  });

  it('a search in Screening that matches nothing keeps the campaign’s tab counts', async () => {
    const app = await openTestApp(tempDir());
    try {
      await app.client.call('demo.load', { count: 200, seed: 3 });
      const all = await app.client.call('screening.list', { campaignId: 1, tab: 'all', limit: 10 });
      const none = await app.client.call('screening.list', { campaignId: 1, tab: 'all', search: 'zzz-nobody-zzz', limit: 10 });
      expect(none.rows).toEqual([]);
      expect(none.total).toBe(0);
      expect(none.counts).toEqual(all.counts);
      expect(all.counts.all).toBe(200);
    } finally {
      await app.core.close();
    }
  });
});
