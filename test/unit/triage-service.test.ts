import { describe, expect, it } from 'vitest';
import type { Client } from '../../shared/api/client';
import { nameKeyOf } from '../../shared/domain/parse-application';
import { openTestApp, tableCounts, useTempDir, type TestApp } from './support/temp';

const tempDir = useTempDir();

/** A demo campaign of 600 applications, screened; returns the app and OPS's first eligible applications by id. */
async function demoApp(dir = tempDir()): Promise<TestApp> {
  const app = await openTestApp(dir);
  await app.client.call('demo.load', { count: 600, seed: 7 });
  await app.client.call('screening.run', { campaignId: 1 });
  return app;
}

async function opsRefs(client: Client, n: number): Promise<number[]> {
  const page = await client.call('triage.list', { campaignId: 1, queue: 'OPS', sort: [{ column: 'applicationId', descending: false }], limit: n });
  return page.rows.map((r) => r.ref);
}

async function audit(app: TestApp, action: string): Promise<{ subject: string; details: Record<string, unknown> }[]> {
  return (await app.rows<{ subject: string; details_json: string }>('SELECT subject, details_json FROM audit_log WHERE action = ? ORDER BY id', [action])).map((r) => ({
    subject: r.subject,
    details: JSON.parse(r.details_json) as Record<string, unknown>,
  }));
}

describe('triage queues', () => {
  it('hold exactly the eligible applications, per division and stage, with an Unassigned queue', async () => {
    const app = await demoApp();
    const { client } = app;
    const screening = await client.call('screening.list', { campaignId: 1, tab: 'eligible', limit: 1 });
    const sidebar = await client.call('triage.sidebar', { campaignId: 1 });
    expect(sidebar.queues.map((q) => q.queue)).toEqual(['DI', 'DPP', 'ESCD', 'EM', 'OPS', 'PASP', 'PDD', 'JISD', 'unassigned']);
    expect(sidebar.queues.reduce((n, q) => n + q.total, 0)).toBe(screening.counts.eligible);
    expect(sidebar.queues.every((q) => q.byStage.new === q.total)).toBe(true);
    expect(sidebar.officer).toBe('tester');

    const ops = await client.call('triage.list', { campaignId: 1, queue: 'OPS', limit: 1000 });
    expect(ops.total).toBe(sidebar.queues.find((q) => q.queue === 'OPS')?.total);
    expect(ops.rows.every((r) => r.divisionCode === 'OPS' && r.stage === 'new')).toBe(true);
    // Paging: two pages of 10 are the first 20 in order.
    const sort = [{ column: 'name' as const, descending: false }];
    const first = await client.call('triage.list', { campaignId: 1, queue: 'OPS', sort, limit: 10 });
    const second = await client.call('triage.list', { campaignId: 1, queue: 'OPS', sort, offset: 10, limit: 10 });
    const twenty = await client.call('triage.list', { campaignId: 1, queue: 'OPS', sort, limit: 20 });
    expect([...first.rows, ...second.rows].map((r) => r.ref)).toEqual(twenty.rows.map((r) => r.ref));
    // By their letters, accents and case aside ("Ābolinš" with the A's).
    const names = twenty.rows.map((r) => nameKeyOf(r.lastName, r.firstName) ?? '');
    expect(names.filter((n) => n !== '')).toEqual([...names.filter((n) => n !== '')].sort());
    await app.core.close();
  });

  it('filter in the database: funding, English level, submission dates, stages', async () => {
    const app = await demoApp();
    const { client } = app;
    const all = await client.call('triage.list', { campaignId: 1, queue: 'all', limit: 1000 });
    const grant = await client.call('triage.list', { campaignId: 1, queue: 'all', filter: { funding: ['grant'] }, limit: 1000 });
    expect(grant.total).toBeGreaterThan(0);
    expect(grant.total).toBeLessThan(all.total!);
    // A later page can skip the count: same rows, no total.
    const again = await client.call('triage.list', { campaignId: 1, queue: 'all', filter: { funding: ['grant'] }, limit: 1000, withTotal: false });
    expect(again.total).toBeNull();
    expect(again.rows).toEqual(grant.rows);
    const c2 = await client.call('triage.list', { campaignId: 1, queue: 'all', filter: { englishAtLeast: 'C2' }, limit: 1000 });
    expect(c2.rows.every((r) => ['C2', 'native', 'Native', 'Mother tongue', 'Langue maternelle'].some((l) => r.englishLevel.trim().toLowerCase() === l.toLowerCase()))).toBe(true);
    const dates = all.rows.flatMap((r) => (r.submittedAt ? [r.submittedAt] : [])).sort();
    const middle = dates[Math.floor(dates.length / 2)]!.slice(0, 10);
    const from = await client.call('triage.list', { campaignId: 1, queue: 'all', filter: { submittedFrom: middle }, limit: 1000 });
    const to = await client.call('triage.list', { campaignId: 1, queue: 'all', filter: { submittedTo: middle }, limit: 1000 });
    // The day is counted on both sides (from and to are inclusive), so the two overlap by that day.
    expect(from.total! + to.total!).toBeGreaterThanOrEqual(all.total!);
    expect(from.total).toBeLessThan(all.total!);
    await app.core.close();
  });
});

describe('triage decisions', () => {
  it('move applications between stages, each audited, shown in history; bulk actions undo as one', async () => {
    const app = await demoApp();
    const { client } = app;
    const [a, b, c] = await opsRefs(client, 3);
    await client.call('triage.decide', { refs: [a!], stage: 'proposed' });
    await client.call('triage.decide', { refs: [b!], stage: 'notRetained', reason: 'languages' });
    let sidebar = await client.call('triage.sidebar', { campaignId: 1 });
    const ops = () => sidebar.queues.find((q) => q.queue === 'OPS')!;
    expect(ops().byStage).toMatchObject({ proposed: 1, notRetained: 1 });
    const detailB = await client.call('triage.detail', { ref: b! });
    expect(detailB.state).toMatchObject({ stage: 'notRetained', reason: 'languages' });
    expect(detailB.history[0]).toMatchObject({ kind: 'stage', actor: 'tester', before: { stage: 'new' }, after: { stage: 'notRetained', reason: 'languages' }, undone: null });
    expect(await audit(app, 'triage.stage')).toHaveLength(2);

    // A bulk action over three, then undo: all three back to what each was before.
    await client.call('triage.decide', { refs: [a!, b!, c!], stage: 'inReview' });
    sidebar = await client.call('triage.sidebar', { campaignId: 1 });
    expect(ops().byStage).toMatchObject({ inReview: 3, proposed: 0, notRetained: 0 });
    const undone = await client.call('triage.undo', { campaignId: 1 });
    expect(undone).toMatchObject({ kind: 'stage', restored: 3 });
    sidebar = await client.call('triage.sidebar', { campaignId: 1 });
    expect(ops().byStage).toMatchObject({ inReview: 0, proposed: 1, notRetained: 1 });
    expect((await client.call('triage.detail', { ref: b! })).state.reason).toBe('languages');
    // Undo again, and again: one action each, in reverse order.
    await client.call('triage.undo', { campaignId: 1 });
    await client.call('triage.undo', { campaignId: 1 });
    sidebar = await client.call('triage.sidebar', { campaignId: 1 });
    expect(ops().byStage.new).toBe(ops().total);
    expect(await client.tryCall('triage.undo', { campaignId: 1 })).toMatchObject({ ok: false, error: { code: 'NotFound', kind: 'NothingToUndo' } });
    expect(await audit(app, 'triage.undo')).toHaveLength(5);
    await app.core.close();
  });

  it('refuses to undo over someone else’s later decision, changing nothing', async () => {
    const app = await demoApp();
    const { client } = app;
    const [a] = await opsRefs(client, 1);
    await client.call('triage.decide', { refs: [a!], stage: 'proposed' });
    await app.core.session.open.stores.triage.decide({ refs: [a!], stage: 'notRetained', reason: 'other' }, 'Bob');
    const before = await tableCounts(app.core);
    expect(await client.tryCall('triage.undo', { campaignId: 1 })).toMatchObject({ ok: false, error: { code: 'Conflict', kind: 'ChangedSince' } });
    expect(await tableCounts(app.core)).toEqual(before);
    expect((await client.call('triage.detail', { ref: a! })).state.stage).toBe('notRetained');
    await app.core.close();
  });

  it('refuses applications that are not eligible, and empty changes, writing nothing', async () => {
    const app = await demoApp();
    const { client } = app;
    const ineligible = (await client.call('screening.list', { campaignId: 1, tab: 'ineligible', limit: 1 })).rows[0]!;
    const before = await tableCounts(app.core);
    expect(await client.tryCall('triage.decide', { refs: [ineligible.ref], stage: 'proposed' })).toMatchObject({ ok: false, error: { code: 'Validation', kind: 'NotEligible' } });
    expect(await client.tryCall('triage.decide', { refs: [ineligible.ref] })).toMatchObject({ ok: false, error: { code: 'Validation' } });
    expect(await client.tryCall('triage.decide', { refs: [999_999], stage: 'proposed' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await tableCounts(app.core)).toEqual(before);
    await app.core.close();
  });

  it('scores on the division’s rubric (average shown and sortable), or overall without one; undo restores scores', async () => {
    const app = await demoApp();
    const { client } = app;
    const [a, b] = await opsRefs(client, 2);
    const rubric = await client.call('triage.setRubric', { campaignId: 1, division: 'OPS', criteria: [{ label: 'Relevance of studies' }, { label: 'Languages' }] });
    expect(rubric.map((c) => c.label)).toEqual(['Relevance of studies', 'Languages']);
    expect(await audit(app, 'triage.setRubric')).toEqual([{ subject: 'OPS', details: { before: [], after: ['Relevance of studies', 'Languages'] } }]);
    await client.call('triage.score', { refs: [a!], criterionId: rubric[0]!.id, score: 4, comment: 'International law' });
    await client.call('triage.score', { refs: [a!], criterionId: rubric[1]!.id, score: 3 });
    await client.call('triage.score', { refs: [b!], criterionId: rubric[0]!.id, score: 5 });
    const detail = await client.call('triage.detail', { ref: a! });
    expect(detail.state.score).toBe(3.5);
    expect(detail.scores).toEqual([
      expect.objectContaining({ criterionId: rubric[0]!.id, score: 4, comment: 'International law', actor: 'tester' }),
      expect.objectContaining({ criterionId: rubric[1]!.id, score: 3, comment: null }),
    ]);
    const byScore = await client.call('triage.list', { campaignId: 1, queue: 'OPS', sort: [{ column: 'score', descending: true }], limit: 3 });
    expect(byScore.rows.map((r) => [r.ref, r.score])).toEqual([
      [b!, 5],
      [a!, 3.5],
      [expect.any(Number), null],
    ]);
    await client.call('triage.undo', { campaignId: 1 });
    expect((await client.call('triage.detail', { ref: b! })).state.score).toBeNull();
    // A criterion of another division is refused; a division without a rubric takes an overall score.
    const pdd = (await client.call('triage.list', { campaignId: 1, queue: 'PDD', limit: 1 })).rows[0]!;
    expect(await client.tryCall('triage.score', { refs: [pdd.ref], criterionId: rubric[0]!.id, score: 2 })).toMatchObject({ ok: false, error: { kind: 'OtherDivision' } });
    await client.call('triage.score', { refs: [pdd.ref], criterionId: 0, score: 2 });
    expect((await client.call('triage.detail', { ref: pdd.ref })).state.score).toBe(2);
    expect(await audit(app, 'triage.score')).toHaveLength(4);
    await app.core.close();
  });

  it('keeps notes, decisions and scores across a restart', async () => {
    const dir = tempDir();
    let app = await demoApp(dir);
    const [a] = await opsRefs(app.client, 1);
    await app.client.call('triage.note', { ref: a!, text: 'Strong in cyber defence; call first.' });
    await app.client.call('triage.decide', { refs: [a!], assignee: 'Anne Martin' });
    await app.client.call('triage.decide', { refs: [a!], stage: 'proposed' });
    await app.core.close();
    app = await openTestApp(dir);
    const detail = await app.client.call('triage.detail', { ref: a! });
    expect(detail.notes).toEqual([expect.objectContaining({ text: 'Strong in cyber defence; call first.', actor: 'tester' })]);
    expect(detail.state).toMatchObject({ stage: 'proposed', assignee: 'Anne Martin' });
    expect(detail.history.map((h) => h.kind)).toEqual(['stage', 'assign', 'note']);
    const mine = await app.client.call('triage.list', { campaignId: 1, queue: 'all', filter: { assignee: 'Anne Martin' } });
    expect(mine.rows.map((r) => r.ref)).toEqual([a]);
    // Undo of a note hides it; the history keeps it.
    await app.client.call('triage.undo', { campaignId: 1 }); // the stage
    await app.client.call('triage.undo', { campaignId: 1 }); // the assignment
    await app.client.call('triage.undo', { campaignId: 1 }); // the note
    const after = await app.client.call('triage.detail', { ref: a! });
    expect(after.notes).toEqual([]);
    expect(after.history.every((h) => h.undone !== null)).toBe(true);
    await app.core.close();
  });
});

describe('the Unassigned queue', () => {
  it('holds applications without a readable division until an officer gives one (undoable)', async () => {
    const app = await demoApp();
    const { client } = app;
    const [a] = await opsRefs(client, 1);
    await client.call('application.correct', { ref: a!, field: 'division', value: 'Somewhere else', reason: 'Test: unreadable division' });
    const unassigned = await client.call('triage.list', { campaignId: 1, queue: 'unassigned', limit: 1000 });
    expect(unassigned.rows.map((r) => r.ref)).toContain(a);
    await client.call('triage.decide', { refs: [a!], division: 'PDD' });
    const pdd = await client.call('triage.list', { campaignId: 1, queue: 'PDD', limit: 1000 });
    expect(pdd.rows.find((r) => r.ref === a)).toMatchObject({ divisionCode: 'PDD', division: 'PDD' });
    await client.call('triage.undo', { campaignId: 1 });
    expect((await client.call('triage.list', { campaignId: 1, queue: 'unassigned', limit: 1000 })).rows.map((r) => r.ref)).toContain(a);
    await app.core.close();
  });
});

describe('search', () => {
  it('finds a name typed without accents, in any case, by prefix, and says which words to highlight', async () => {
    const app = await demoApp();
    const { client } = app;
    const [a] = await opsRefs(client, 1);
    await client.call('application.correct', { ref: a!, field: 'lastName', value: 'Ølstrøm-Müller', reason: 'Test: accented name' });
    const found = await client.call('triage.list', { campaignId: 1, queue: 'all', filter: { search: 'MULL' } });
    expect(found.rows.map((r) => r.ref)).toContain(a);
    expect(found.rows.every((r) => /m[uü]ll/i.test(`${r.firstName} ${r.lastName} ${r.university} ${r.fieldOfStudy}`) || r.ref !== a)).toBe(true);
    expect(found.searchTerms).toEqual(['mull']);
    // Operators typed by a user are plain words, not FTS syntax.
    expect(await client.tryCall('triage.list', { campaignId: 1, queue: 'all', filter: { search: 'a" OR NEAR(' } })).toMatchObject({ ok: true });
    // The reference officers are given finds its application, whole or in part.
    const reference = found.rows.find((r) => r.ref === a)!.applicationId;
    expect((await client.call('triage.list', { campaignId: 1, queue: 'all', filter: { search: reference } })).rows.map((r) => r.ref)).toEqual([a]);
    // Motivation text is searched too.
    const motivation = await client.call('triage.list', { campaignId: 1, queue: 'all', filter: { search: 'NATO' }, limit: 1 });
    expect(motivation.total).toBeGreaterThan(0);
    await app.core.close();
  });
});

describe('saved views and the officer name', () => {
  it('keeps views per officer (on a file, by the name typed), replacing one saved under the same name', async () => {
    const app = await demoApp();
    const { client } = app;
    await client.call('triage.saveView', { campaignId: 1, name: 'OPS grants', queue: 'OPS', filter: { funding: ['grant'] }, sort: [], columns: ['name', 'score'] });
    await client.call('triage.saveView', { campaignId: 1, name: 'OPS grants', queue: 'OPS', filter: { funding: ['grant'], stages: ['new'] }, sort: [], columns: ['name'] });
    let views = await client.call('triage.views', { campaignId: 1 });
    expect(views).toEqual([expect.objectContaining({ name: 'OPS grants', filter: { funding: ['grant'], stages: ['new'] }, columns: ['name'] })]);
    // Another officer sees none of them: on a file, the name typed; on the server, another login (its own rows only: team-mode.test.ts).
    if (app.engine === 'sqlite') {
      await client.call('app.setOfficerName', { name: 'Anne Martin' });
      expect((await client.call('app.info', {})).officer).toBe('Anne Martin');
      expect(await client.call('triage.views', { campaignId: 1 })).toEqual([]);
      const [a] = await opsRefs(client, 1);
      await client.call('triage.decide', { refs: [a!], stage: 'proposed' });
      expect((await client.call('triage.detail', { ref: a! })).history[0]?.actor).toBe('Anne Martin');
      await client.call('app.setOfficerName', { name: 'tester' });
    }
    views = await client.call('triage.views', { campaignId: 1 });
    expect(await client.call('triage.deleteView', { id: views[0]!.id })).toEqual({ deleted: true });
    expect(await client.call('triage.views', { campaignId: 1 })).toEqual([]);
    await app.core.close();
  });
});
