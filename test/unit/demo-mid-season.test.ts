import { describe, expect, it } from 'vitest';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('demo data in mid-season', () => {
  it('is screened, triaged in part, with a shortlist per division (one a draft, one answered) and a person selected twice', async () => {
    const app = await openTestApp(tempDir());
    const { client } = app;
    await client.call('demo.load', { count: 1500, seed: 4, midSeason: true });
    const sidebar = await client.call('triage.sidebar', { campaignId: 1 });
    const total = (stage: 'proposed' | 'notRetained' | 'inReview') => sidebar.queues.reduce((n, q) => n + q.byStage[stage], 0);
    expect(total('notRetained')).toBeGreaterThan(0);
    expect(total('inReview')).toBeGreaterThan(0);

    const lists = await client.call('shortlists.list', { campaignId: 1 });
    expect(lists.map((l) => l.division).sort()).toEqual(['DI', 'DPP', 'EM', 'ESCD', 'JISD', 'OPS', 'PASP', 'PDD']);
    expect(lists.find((l) => l.division === 'EM')?.state).toBe('draft');
    expect(lists.find((l) => l.division === 'DI')).toMatchObject({ state: 'replied', lastReply: { applied: 8 } });
    expect(lists.filter((l) => l.state === 'sent')).toHaveLength(6);

    const conflicts = await client.call('selection.conflicts', { campaignId: 1 });
    expect(conflicts).toHaveLength(1);
    expect(new Set(conflicts[0]?.applications.map((a) => a.division)).size).toBe(2);
    const notices = await client.call('notices.status', { campaignId: 1 });
    expect(notices.byOutcome.ineligible.owed).toBeGreaterThan(0);
  });
});
