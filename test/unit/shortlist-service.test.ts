import { describe, expect, it } from 'vitest';
import { readCandidateCode } from '../../shared/domain/candidate-codes';
import { openTestApp, tableCounts, useTempDir, type TestApp } from './support/temp';

const tempDir = useTempDir();

/** A screened demo campaign with the first `n` eligible applications of DI and of PDD proposed (best scores on the later ones). */
async function proposedApp(n = 6): Promise<{ app: TestApp; di: number[]; pdd: number[] }> {
  const app = await openTestApp(tempDir());
  const { client } = app;
  await client.call('demo.load', { count: 800, seed: 11 });
  await client.call('screening.run', { campaignId: 1 });
  const refsOf = async (queue: 'DI' | 'PDD') =>
    (await client.call('triage.list', { campaignId: 1, queue, sort: [{ column: 'applicationId', descending: false }], limit: n })).rows.map((r) => r.ref);
  const di = await refsOf('DI');
  const pdd = await refsOf('PDD');
  await client.call('triage.decide', { refs: [...di, ...pdd], stage: 'proposed' });
  // Scores decide the first order: the last DI application scores best.
  await client.call('triage.score', { refs: di.slice(-2), criterionId: 0, score: 5 });
  return { app, di, pdd };
}

describe('shortlists being built', () => {
  it('start from the division’s proposed applications, best score first, each with a code that checks', async () => {
    const { app, di } = await proposedApp();
    const summary = await app.client.call('shortlists.create', { campaignId: 1, division: 'DI' });
    expect(summary).toMatchObject({ division: 'DI', position: null, state: 'draft', candidates: di.length, createdBy: 'tester', lastExport: null, lastReply: null });
    const detail = await app.client.call('shortlists.get', { id: summary.id });
    expect(detail.entries.map((e) => e.ref)).toEqual([...di.slice(-2), ...di.slice(0, -2)]);
    expect(detail.entries.map((e) => e.rank)).toEqual(di.map((_r, i) => i + 1));
    expect(detail.entries.every((e) => e.stage === 'proposed' && readCandidateCode(e.candidateCode) === e.candidateCode && e.candidateCode.startsWith('DI-'))).toBe(true);
    expect(new Set(detail.entries.map((e) => e.candidateCode)).size).toBe(di.length);
    expect(detail.proposedNotOnList).toBe(0);
    // Nothing is left to make a second list from: an application stands on one open list.
    await expect(app.client.call('shortlists.create', { campaignId: 1, division: 'DI' })).rejects.toMatchObject({ data: { kind: 'NothingProposed' } });
    expect((await app.client.call('shortlists.list', { campaignId: 1 })).map((s) => s.id)).toEqual([summary.id]);
  });

  it('are ordered, annotated, and changed by the office while a draft, each change audited', async () => {
    const { app, di } = await proposedApp(4);
    const { client } = app;
    const { id } = await client.call('shortlists.create', { campaignId: 1, division: 'DI' });
    const order = (await client.call('shortlists.get', { id })).entries.map((e) => e.ref).reverse();
    const arranged = await client.call('shortlists.arrange', { id, refs: order });
    expect(arranged.entries.map((e) => e.ref)).toEqual(order);
    const noted = await client.call('shortlists.setNote', { id, ref: order[0] ?? 0, note: 'Strong on cyber policy' });
    expect(noted.entries[0]?.note).toBe('Strong on cyber policy');

    const removed = await client.call('shortlists.remove', { id, refs: [order[1] ?? 0] });
    expect(removed.entries.map((e) => e.ref)).toEqual([order[0], order[2], order[3]]);
    expect(removed.entries.map((e) => e.rank)).toEqual([1, 2, 3]);
    expect(removed.proposedNotOnList).toBe(1);
    const codeBefore = (await client.call('shortlists.get', { id })).entries;
    const added = await client.call('shortlists.add', { id, refs: [order[1] ?? 0] });
    expect(added.entries.at(-1)?.ref).toBe(order[1]);
    // A code once given stays with the application.
    expect(added.entries.map((e) => e.candidateCode).sort()).toEqual([...codeBefore.map((e) => e.candidateCode), (await client.call('shortlists.get', { id })).entries.at(-1)?.candidateCode].sort());

    // An order from a stale view is refused whole.
    const before = await tableCounts(app.core);
    await expect(client.call('shortlists.arrange', { id, refs: order.slice(1) })).rejects.toMatchObject({ data: { kind: 'ShortlistChanged' } });
    await expect(client.call('shortlists.add', { id, refs: di.slice(0, 1) })).rejects.toMatchObject({ data: { kind: 'NotProposed' } });
    expect(await tableCounts(app.core)).toEqual(before);
    const actions = app.core.session.open.sqlite.prepare<[], { action: string }>("SELECT action FROM audit_log WHERE action LIKE 'shortlist.%' ORDER BY id").all();
    expect(actions.map((a) => a.action)).toEqual(['shortlist.create', 'shortlist.arrange', 'shortlist.note', 'shortlist.remove', 'shortlist.add']);
  });

  it('show where else the same person stands', async () => {
    const { app, di, pdd } = await proposedApp(3);
    const { sqlite } = app.core.session.open;
    // Make a DI applicant and a PDD applicant the same person, as screening's identity groups would.
    sqlite.prepare('UPDATE screening_results SET person_key = ? WHERE application_ref IN (?, ?)').run('same-person', di[0] ?? 0, pdd[0] ?? 0);
    const a = await app.client.call('shortlists.create', { campaignId: 1, division: 'DI' });
    const b = await app.client.call('shortlists.create', { campaignId: 1, division: 'PDD' });
    const onDi = (await app.client.call('shortlists.get', { id: a.id })).entries.find((e) => e.ref === di[0]);
    expect(onDi?.elsewhere).toEqual([{ shortlistId: b.id, division: 'PDD', applicationId: expect.any(String), stage: 'proposed' }]);
    const onPdd = (await app.client.call('shortlists.get', { id: b.id })).entries.find((e) => e.ref === pdd[0]);
    expect(onPdd?.elsewhere).toEqual([{ shortlistId: a.id, division: 'DI', applicationId: onDi?.applicationId, stage: 'proposed' }]);
  });
});
