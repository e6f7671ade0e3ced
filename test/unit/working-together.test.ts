import { describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../shared/api/client';
import { inProcessTransport } from '../../electron/core/runtime';
import { openTestApp, tableCounts, useTempDir, type TestApp } from './support/temp';

/**
 * Several officers on one campaign (issue 14), on this computer's SQLite: every shared decision
 * carries the version the officer saw and is refused when it changed meanwhile; scores are each
 * officer's own. test/unit/team-mode.test.ts runs the same on the office server (PostgreSQL).
 */

const tempDir = useTempDir();

async function twoOfficers(): Promise<{ app: TestApp; marie: Client; jan: Client; refs: number[] }> {
  const app = await openTestApp(tempDir());
  await app.client.call('demo.load', { count: 400, seed: 11 });
  await app.client.call('screening.run', { campaignId: 1 });
  const marie = createClient(inProcessTransport(app.core, { userName: 'marie' }));
  const jan = createClient(inProcessTransport(app.core, { userName: 'jan' }));
  const page = await marie.call('triage.list', { campaignId: 1, queue: 'OPS', sort: [{ column: 'applicationId', descending: false }], limit: 3 });
  return { app, marie, jan, refs: page.rows.map((r) => r.ref) };
}

describe('decisions carry the version the officer saw', () => {
  it('two officers deciding the same application from the same version: the second is refused with who and when, nothing changed', async () => {
    const { app, marie, jan, refs } = await twoOfficers();
    const ref = refs[0]!;
    const seen = (await jan.call('triage.detail', { ref })).version;
    expect(seen).toBe(0);
    await marie.call('triage.decide', { refs: [ref], stage: 'proposed', seen: [{ ref, version: seen }] });
    const before = await tableCounts(app.core);
    const refused = await jan.tryCall('triage.decide', { refs: [ref], stage: 'notRetained', reason: 'other', seen: [{ ref, version: seen }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'Conflict', kind: 'ChangedMeanwhile', details: { count: 1, by: 'marie' } } });
    if (refused.ok) throw new Error('refused');
    expect(refused.error.message).toMatch(/was changed by marie at 20\d\d-.*Nothing was changed/);
    expect(await tableCounts(app.core)).toEqual(before);
    // What Jan's view shows now: Marie's decision, its version, who and when.
    const now = await jan.call('triage.detail', { ref });
    expect(now).toMatchObject({ state: { stage: 'proposed' }, version: 1, changedBy: 'marie' });
    // Decided again on what he sees now: accepted.
    await jan.call('triage.decide', { refs: [ref], stage: 'notRetained', reason: 'other', seen: [{ ref, version: now.version }] });
    expect(await jan.call('triage.detail', { ref })).toMatchObject({ state: { stage: 'notRetained' }, version: 2, changedBy: 'jan' });
    await app.core.close();
  });

  it('a bulk action is refused whole when one application changed, naming it', async () => {
    const { app, marie, jan, refs } = await twoOfficers();
    const page = await jan.call('triage.list', { campaignId: 1, queue: 'OPS', sort: [{ column: 'applicationId', descending: false }], limit: 3 });
    const seen = page.rows.map((r) => ({ ref: r.ref, version: r.version }));
    await marie.call('triage.note', { ref: refs[1]!, text: 'Called her: she prefers September.' });
    const before = await tableCounts(app.core);
    const refused = await jan.tryCall('triage.decide', { refs, assignee: 'jan', seen });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'ChangedMeanwhile', details: { count: 1, applicationId: page.rows[1]!.applicationId, by: 'marie' } } });
    expect(await tableCounts(app.core)).toEqual(before);
    const after = await jan.call('triage.list', { campaignId: 1, queue: 'OPS', sort: [{ column: 'applicationId', descending: false }], limit: 3 });
    expect(after.rows.map((r) => r.assignee)).toEqual([null, null, null]);
    expect(after.rows.map((r) => r.version)).toEqual([0, 1, 0]);
    // A note carries the version too; the command line (no versions) decides on the state as it is.
    expect(await jan.tryCall('triage.note', { ref: refs[1]!, text: 'Late', seen: [{ ref: refs[1]!, version: 0 }] })).toMatchObject({ ok: false, error: { kind: 'ChangedMeanwhile' } });
    await jan.call('triage.decide', { refs, assignee: 'jan' });
    expect((await jan.call('triage.list', { campaignId: 1, queue: 'OPS', sort: [{ column: 'applicationId', descending: false }], limit: 3 })).rows.map((r) => r.version)).toEqual([1, 2, 1]);
    await app.core.close();
  });

  it('each officer’s score is kept beside the other’s; the queue shows their average and how many scored; undo takes back only one’s own', async () => {
    const { app, marie, jan, refs } = await twoOfficers();
    const ref = refs[0]!;
    const [motivation, languages] = await marie.call('triage.setRubric', { campaignId: 1, division: 'OPS', criteria: [{ label: 'Motivation' }, { label: 'Languages' }] });
    await marie.call('triage.score', { refs: [ref], criterionId: motivation!.id, score: 4 });
    await marie.call('triage.score', { refs: [ref], criterionId: languages!.id, score: 5 });
    await jan.call('triage.score', { refs: [ref], criterionId: motivation!.id, score: 2 });
    const row = async () => (await marie.call('triage.list', { campaignId: 1, queue: 'OPS', sort: [{ column: 'applicationId', descending: false }], limit: 1 })).rows[0]!;
    // Marie 4.5 (her two criteria), Jan 2: the average of the two officers.
    expect(await row()).toMatchObject({ score: 3.3, scoredBy: 2, version: 0 });
    const detail = await jan.call('triage.detail', { ref });
    expect(detail.officerScores).toEqual([
      { officer: 'jan', score: 2, at: expect.any(String) },
      { officer: 'marie', score: 4.5, at: expect.any(String) },
    ]);
    expect(detail.scores.filter((s) => s.criterionId === motivation!.id).map((s) => [s.actor, s.score])).toEqual([['jan', 2], ['marie', 4]]);
    // Marie undoes her last score (Languages): Jan's later score does not stand in the way, and stays.
    await marie.call('triage.undo', { campaignId: 1 });
    expect(await row()).toMatchObject({ score: 3, scoredBy: 2 });
    await jan.call('triage.score', { refs: [ref], criterionId: motivation!.id, score: null });
    expect(await row()).toMatchObject({ score: 4, scoredBy: 1 });
    await app.core.close();
  });
});
