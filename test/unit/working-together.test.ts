import { describe, expect, it } from 'vitest';
import { usePostgresDatabase } from './support/postgres';
import { useTempDir } from './support/temp';
import { twoOfficers, type Engine } from './support/two-officers';
import { foldForSearch } from '../../shared/domain/search-text';

/**
 * Several officers on one campaign (issue 14), on both engines: every shared decision carries the
 * version the officer saw and is refused when it changed meanwhile; scores are each officer's own.
 * On SQLite the officers are two callers of one app on this computer; on PostgreSQL two
 * workstations logged in as themselves. What only the server has (the change feed between
 * workstations, its roles, a restart) is in team-mode.test.ts.
 */

const tempDir = useTempDir();
const database = usePostgresDatabase();
const ENGINES: Engine[] = ['sqlite', 'postgres'];

describe.each(ENGINES)('decisions carry the version the officer saw (%s)', (engine) => {
  const open = () => twoOfficers(engine, tempDir, async () => (await database()).url);
  const sort = [{ column: 'applicationId' as const, descending: false }];

  it('two officers deciding the same application from the same version, at once: one is refused with who and when, nothing changed', async () => {
    const t = await open();
    const [ref] = (await t.marie.call('triage.list', { campaignId: t.campaignId, queue: 'OPS', sort, limit: 1 })).rows.map((r) => r.ref);
    const seen = (await t.jan.call('triage.detail', { ref: ref! })).version;
    expect(seen).toBe(0);
    const [a, b] = await Promise.all([
      t.marie.tryCall('triage.decide', { refs: [ref!], stage: 'proposed', seen: [{ ref: ref!, version: seen }] }),
      t.jan.tryCall('triage.decide', { refs: [ref!], stage: 'notRetained', reason: 'other', seen: [{ ref: ref!, version: seen }] }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const [winner, loser, refused] = a.ok ? (['marie', t.jan, b] as const) : (['jan', t.marie, a] as const);
    expect(refused).toMatchObject({ ok: false, error: { code: 'Conflict', kind: 'ChangedMeanwhile', details: { count: 1, by: winner } } });
    if (refused.ok) throw new Error('refused');
    expect(refused.error.message).toMatch(new RegExp(`was changed by ${winner} at 20\\d\\d-.*Nothing was changed`));
    const before = await t.counts();
    // What the refused officer's view shows now: the decision, its version, who and when; decided again on it: accepted.
    const now = await loser.call('triage.detail', { ref: ref! });
    expect(now).toMatchObject({ version: 1, changedBy: winner, state: { stage: winner === 'marie' ? 'proposed' : 'notRetained' } });
    expect(now.history.map((h) => h.actor)).toEqual([winner]);
    expect(await loser.tryCall('triage.decide', { refs: [ref!], stage: 'inReview', seen: [{ ref: ref!, version: 0 }] })).toMatchObject({ ok: false, error: { kind: 'ChangedMeanwhile' } });
    expect(await t.counts()).toEqual(before);
    await loser.call('triage.decide', { refs: [ref!], stage: 'inReview', seen: [{ ref: ref!, version: now.version }] });
    expect(await t.jan.call('triage.detail', { ref: ref! })).toMatchObject({ state: { stage: 'inReview' }, version: 2 });
    await t.close();
  });

  it('a bulk action is refused whole when one application changed, naming it; a note carries the version too', async () => {
    const t = await open();
    const page = await t.jan.call('triage.list', { campaignId: t.campaignId, queue: 'OPS', sort, limit: 3 });
    const refs = page.rows.map((r) => r.ref);
    const seen = page.rows.map((r) => ({ ref: r.ref, version: r.version }));
    await t.marie.call('triage.note', { ref: refs[1]!, text: 'Called her: she prefers September.' });
    const before = await t.counts();
    const refused = await t.jan.tryCall('triage.decide', { refs, assignee: 'jan', seen });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'ChangedMeanwhile', details: { count: 1, applicationId: page.rows[1]!.applicationId, by: 'marie' } } });
    expect(await t.jan.tryCall('triage.note', { ref: refs[1]!, text: 'Late', seen: [{ ref: refs[1]!, version: 0 }] })).toMatchObject({ ok: false, error: { kind: 'ChangedMeanwhile' } });
    expect(await t.counts()).toEqual(before);
    const after = await t.jan.call('triage.list', { campaignId: t.campaignId, queue: 'OPS', sort, limit: 3 });
    expect(after.rows.map((r) => [r.assignee, r.version])).toEqual([
      [null, 0],
      [null, 1],
      [null, 0],
    ]);
    // The command line sends no versions: it decides on the state as it is.
    await t.jan.call('triage.decide', { refs, assignee: 'jan' });
    expect((await t.jan.call('triage.list', { campaignId: t.campaignId, queue: 'OPS', sort, limit: 3 })).rows.map((r) => r.version)).toEqual([1, 2, 1]);
    await t.close();
  });

  it('a verdict override carries the override the officer saw: two at once, one refused with who and when; a bulk one refused whole, naming the overridden one', async () => {
    const t = await open();
    const page = await t.jan.call('screening.list', { campaignId: t.campaignId, tab: 'all', limit: 3 });
    const [a, b, c] = page.rows;
    const seen = (rows: typeof page.rows) => rows.map((r) => ({ ref: r.ref, version: r.override?.id ?? 0 }));
    const justification = 'Checked the diploma with the university';
    const [m, j] = await Promise.all([
      t.marie.tryCall('screening.override', { refs: [a!.ref], verdict: 'eligible', justification, seen: seen([a!]) }),
      t.jan.tryCall('screening.override', { refs: [a!.ref], verdict: 'ineligible', justification, seen: seen([a!]) }),
    ]);
    expect([m.ok, j.ok].sort()).toEqual([false, true]);
    const winner = m.ok ? 'marie' : 'jan';
    expect(m.ok ? j : m).toMatchObject({ ok: false, error: { kind: 'ChangedMeanwhile', details: { count: 1, applicationId: a!.applicationId, by: winner } } });
    const before = await t.counts();
    const bulk = await t.jan.tryCall('screening.override', { refs: [a!.ref, b!.ref, c!.ref], verdict: 'review', justification, seen: seen([a!, b!, c!]) });
    expect(bulk).toMatchObject({ ok: false, error: { kind: 'ChangedMeanwhile', details: { count: 1, applicationId: a!.applicationId } } });
    expect(await t.counts()).toEqual(before);
    // Decided again on what is shown now: accepted.
    const now = await t.jan.call('screening.list', { campaignId: t.campaignId, tab: 'all', limit: 3 });
    expect(now.rows[0]!.override).toMatchObject({ actor: winner });
    expect(await t.jan.call('screening.override', { refs: [a!.ref, b!.ref, c!.ref], verdict: 'review', justification, seen: seen(now.rows) })).toEqual({ overridden: 3 });
    await t.close();
  });

  it('each officer’s score is kept beside the other’s, scored at once; the queue shows their average and how many scored; undo takes back only one’s own', async () => {
    const t = await open();
    const [ref] = (await t.marie.call('triage.list', { campaignId: t.campaignId, queue: 'OPS', sort, limit: 1 })).rows.map((r) => r.ref);
    const [motivation, languages] = await t.marie.call('triage.setRubric', { campaignId: t.campaignId, division: 'OPS', criteria: [{ label: 'Motivation' }, { label: 'Languages' }] });
    await Promise.all([
      t.marie.call('triage.score', { refs: [ref!], criterionId: motivation!.id, score: 4 }).then(() => t.marie.call('triage.score', { refs: [ref!], criterionId: languages!.id, score: 5 })),
      t.jan.call('triage.score', { refs: [ref!], criterionId: motivation!.id, score: 2 }),
    ]);
    const row = async () => (await t.marie.call('triage.list', { campaignId: t.campaignId, queue: 'OPS', sort, limit: 1 })).rows[0]!;
    // Marie 4.5 (her two criteria), Jan 2: the average of the two officers. Scores are not shared decisions: the version stays.
    expect(await row()).toMatchObject({ score: 3.3, scoredBy: 2, version: 0 });
    const detail = await t.jan.call('triage.detail', { ref: ref! });
    expect(detail.officerScores.map((s) => [s.officer, s.score])).toEqual([
      ['jan', 2],
      ['marie', 4.5],
    ]);
    expect(detail.scores.filter((s) => s.criterionId === motivation!.id).map((s) => [s.actor, s.score])).toEqual([
      ['jan', 2],
      ['marie', 4],
    ]);
    // Marie undoes her last score (Languages): Jan's later score does not stand in the way, and stays.
    await t.marie.call('triage.undo', { campaignId: t.campaignId });
    expect(await row()).toMatchObject({ score: 3, scoredBy: 2 });
    await t.jan.call('triage.score', { refs: [ref!], criterionId: motivation!.id, score: null });
    expect(await row()).toMatchObject({ score: 4, scoredBy: 1 });
    await t.close();
  });

  it('searches the same on either engine: a name typed without accents, in any case, by prefix; an Application ID; plain words, never syntax', async () => {
    const t = await open();
    const all = await t.marie.call('triage.list', { campaignId: t.campaignId, queue: 'all', sort, limit: 1000 });
    const accented = all.rows.find((r) => foldForSearch(r.lastName) !== r.lastName.toLowerCase() && foldForSearch(r.lastName).length >= 4)!;
    const typed = foldForSearch(accented.lastName).slice(0, 4).toUpperCase();
    const found = await t.jan.call('triage.list', { campaignId: t.campaignId, queue: 'all', filter: { search: typed }, limit: 1000 });
    expect(found.rows.map((r) => r.ref)).toContain(accented.ref);
    expect(found.total).toBe(found.rows.length);
    expect(found.searchTerms).toEqual([typed.toLowerCase()]);
    expect((await t.jan.call('triage.list', { campaignId: t.campaignId, queue: 'all', filter: { search: accented.applicationId } })).rows.map((r) => r.ref)).toEqual([accented.ref]);
    expect(await t.jan.tryCall('triage.list', { campaignId: t.campaignId, queue: 'all', filter: { search: 'a" OR NEAR( & | ! :*' } })).toMatchObject({ ok: true });
    // A page of a search, and its total.
    const second = await t.jan.call('triage.list', { campaignId: t.campaignId, queue: 'all', filter: { search: 'nato' }, sort, offset: 5, limit: 5 });
    const whole = await t.jan.call('triage.list', { campaignId: t.campaignId, queue: 'all', filter: { search: 'nato' }, sort, limit: 10 });
    expect(second.rows.map((r) => r.ref)).toEqual(whole.rows.slice(5).map((r) => r.ref));
    expect(second.total).toBe(whole.total);
    await t.close();
  });
});
