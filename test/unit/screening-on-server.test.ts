import { describe, expect, it } from 'vitest';
import type { ApiEvent, ChangedEvent, ProgressEvent } from '../../shared/api/contract';
import type { Client } from '../../shared/api/client';
import { heardEvent } from '../../electron/core/team/change-feed';
import { usePostgresDatabase } from './support/postgres';
import { useTempDir } from './support/temp';
import { twoOfficers } from './support/two-officers';

/**
 * Re-screening on the office server (issue 14): campaign-wide work runs once, on one workstation at
 * a time (an advisory lock per campaign), with its progress seen by all. Server-only: on a file one
 * process screens, and there are no other workstations to hear it. What both engines share:
 * screening-both-engines.test.ts.
 */

const tempDir = useTempDir();
const database = usePostgresDatabase();

/** Every screening progress and applications change a workstation's windows are told of. */
function listen(client: Client) {
  const progress: ProgressEvent[] = [];
  const changes: ChangedEvent[] = [];
  client.subscribe((event: ApiEvent) => {
    if (event.type === 'progress' && event.job === 'screening') progress.push(event);
    if (event.type === 'changed' && event.topics.includes('applications')) changes.push(event);
  });
  return {
    progress,
    changes,
    /** Runs heard: each starts at 0. */
    runs: () => progress.filter((p) => p.done === 0).length,
    /** Resolves once `count` runs were heard to end. */
    async ended(count: number, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (progress.filter((p) => p.done === p.total).length < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

/** What the feed needs to start listening. */
const feedStarts = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('re-screening on the office server', () => {
  it('two workstations asked to re-screen at once: one runs it, the other waits and finds it current; both read the same results and hear the run', async () => {
    const t = await twoOfficers('postgres', tempDir, async () => (await database()).url);
    const { campaignId } = t;
    const marie = listen(t.marie);
    const jan = listen(t.jan);
    await feedStarts();
    // Copied from a laptop where it was screened: nothing owed (the copy keeps the file's counters, whatever the server's triggers counted).
    expect(await t.rows(`SELECT 1 FROM campaigns WHERE id = ${campaignId} AND screening_owed <> screening_done`)).toHaveLength(0);
    // A rule changed behind the workstations' backs (IT's tool): nothing is scheduled, both are asked.
    await t.rows(`UPDATE campaigns SET settings_json = jsonb_set(settings_json::jsonb, '{minimumAge}', '25')::text WHERE id = ${campaignId}`);
    expect(await t.rows(`SELECT 1 FROM campaigns WHERE id = ${campaignId} AND screening_owed <> screening_done`)).toHaveLength(1);

    const [a, b] = await Promise.all([t.marie.call('screening.run', { campaignId }), t.jan.call('screening.run', { campaignId })]);
    // One run changed the results; the other found them current (the results it answers with are the stored ones).
    expect([a.changed > 0, b.changed > 0].sort()).toEqual([false, true]);
    const [ran, waited] = a.changed > 0 ? [a, b] : [b, a];
    expect(waited).toMatchObject({ changed: 0, screened: ran.screened, byVerdict: ran.byVerdict });
    expect(await t.rows(`SELECT 1 FROM campaigns WHERE id = ${campaignId} AND screening_owed <> screening_done`)).toHaveLength(0);

    // Each workstation saw one run: its own, or the other's through the server.
    await Promise.all([marie.ended(1), jan.ended(1)]);
    expect([marie.runs(), jan.runs()]).toEqual([1, 1]);
    const [runner, other] = a.changed > 0 ? [marie, jan] : [jan, marie];
    expect(other.progress.at(-1)).toEqual({ type: 'progress', job: 'screening', jobId: String(campaignId), phase: 'screening', done: ran.screened, total: ran.screened });
    expect(other.progress).toEqual(runner.progress);
    await expect.poll(() => other.changes.some((c) => c.campaignId === campaignId)).toBe(true);
    expect(await t.marie.call('screening.lines', { campaignId })).toEqual(await t.jan.call('screening.lines', { campaignId }));
    await t.close();
  });

  it('an administrator’s rule change: the officers’ pages wait for the one run (wherever it runs) and show the new verdicts; the others hear its progress', async () => {
    const t = await twoOfficers('postgres', tempDir, async () => (await database()).url);
    const { campaignId } = t;
    const admin = await t.admin();
    const jan = listen(t.jan);
    await feedStarts();
    const before = await t.jan.call('screening.list', { campaignId, tab: 'ineligible', limit: 1 });
    await admin.call('campaign.update', { campaignId, settings: { minimumAge: 25 } });
    // At once, while the administrator's workstation screens: Marie's page waits for that run, or
    // takes the campaign's lock first and screens it herself, the administrator's then finding it current.
    const [marieSees, adminSees] = await Promise.all([
      t.marie.call('screening.list', { campaignId, tab: 'ineligible', limit: 1 }),
      admin.call('screening.list', { campaignId, tab: 'ineligible', limit: 1 }),
    ]);
    expect(marieSees.counts.ineligible).toBeGreaterThan(before.counts.ineligible);
    expect(adminSees.counts).toEqual(marieSees.counts);
    await jan.ended(1);
    // Jan's workstation did nothing and heard one run.
    expect(jan.runs()).toBe(1);
    expect((await t.jan.call('screening.list', { campaignId, tab: 'ineligible', limit: 1 })).counts).toEqual(marieSees.counts);
    await t.close();
  });
});

describe('what crosses the change feed', () => {
  it('a re-screening’s progress, validated: another job’s, or one with other fields, is not passed on', () => {
    const progress = { type: 'progress', job: 'screening', jobId: '3', phase: 'screening', done: 10, total: 400 };
    expect(heardEvent(JSON.stringify({ from: 'other', event: progress }), 'self')).toEqual(progress);
    expect(heardEvent(JSON.stringify({ from: 'self', event: progress }), 'self')).toBeNull();
    for (const event of [
      { ...progress, job: 'import' },
      { ...progress, jobId: 'x; DROP' },
      { ...progress, done: -1 },
      { ...progress, type: 'command', command: 'import' },
    ]) {
      expect(heardEvent(JSON.stringify({ from: 'other', event }), 'self')).toBeNull();
    }
    expect(heardEvent(JSON.stringify({ from: 'other', event: { type: 'changed', topics: ['applications'], campaignId: 3 } }), 'self')).toEqual({ type: 'changed', topics: ['applications'], campaignId: 3 });
  });
});
