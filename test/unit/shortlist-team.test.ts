// Engines: its own — two officers on one campaign: two callers of one file, or two workstations on a server (twoOfficers runs both)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerWorkbook } from './support/manager-reply';
import { usePostgresDatabase } from './support/postgres';
import { useTempDir } from './support/temp';
import { twoOfficers, type Engine, type TwoOfficers } from './support/two-officers';

/**
 * Shortlists and selection with several officers on one campaign (issue 14), on both engines: what
 * a list is built from is taken by one of them, codes and reserve ranks never collide, and sending
 * a list or resolving a conflict carries the versions the officer saw.
 */

const tempDir = useTempDir();
const database = usePostgresDatabase();
const ENGINES: Engine[] = ['sqlite', 'postgres'];
const sort = [{ column: 'applicationId' as const, descending: false }];

/** The first `n` applications of a division's queue, proposed by Marie. */
async function proposed(t: TwoOfficers, queue: 'DI' | 'OPS', n: number): Promise<number[]> {
  const refs = (await t.marie.call('triage.list', { campaignId: t.campaignId, queue, sort, limit: n })).rows.map((r) => r.ref);
  await t.marie.call('triage.decide', { refs, stage: 'proposed' });
  return refs;
}

describe.each(ENGINES)('shortlists and selection, two officers at once (%s)', (engine) => {
  const open = () => twoOfficers(engine, tempDir, async () => (await database()).url);

  it('two lists of one division made at once: each proposed application is on one of them only, with one code', async () => {
    const t = await open();
    const refs = await proposed(t, 'OPS', 6);
    const [a, b] = await Promise.all([
      t.marie.tryCall('shortlists.create', { campaignId: t.campaignId, division: 'OPS' }),
      t.jan.tryCall('shortlists.create', { campaignId: t.campaignId, division: 'OPS' }),
    ]);
    // The second finds nothing left: refused in words, nothing made.
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(a.ok ? b : a).toMatchObject({ ok: false, error: { kind: 'NothingProposed' } });
    const lists = await t.jan.call('shortlists.list', { campaignId: t.campaignId });
    expect(lists.map((l) => l.candidates)).toEqual([refs.length]);
    const codes = await t.rows<{ code: string }>('SELECT code FROM candidate_codes');
    expect(new Set(codes.map((c) => c.code)).size).toBe(refs.length);
    await t.close();
  });

  it('sending a list carries the versions the officer saw: refused whole with who and when, no workbook left behind', async () => {
    const t = await open();
    const refs = await proposed(t, 'DI', 3);
    const { id } = await t.marie.call('shortlists.create', { campaignId: t.campaignId, division: 'DI' });
    const seenList = await t.marie.call('shortlists.get', { id });
    // Jan takes a candidate back to review while Marie's send dialog is open.
    await t.jan.call('triage.decide', { refs: [refs[1]!], stage: 'inReview' });
    const before = await t.counts();
    const path = join(tempDir(), 'DI.xlsx');
    const seen = seenList.entries.map((e) => ({ ref: e.ref, version: e.version }));
    const refused = await t.marie.tryCall('shortlists.export', { id, replyBy: '2027-01-29', target: { kind: 'path', path }, seen });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'ChangedMeanwhile', details: { count: 1, by: 'jan' } } });
    expect(existsSync(path)).toBe(false);
    expect(await t.counts()).toEqual(before);
    // On the list as it is now: sent, the candidate still proposed moved, the one in review left as it is.
    const now = await t.marie.call('shortlists.get', { id });
    await t.marie.call('shortlists.export', { id, replyBy: '2027-01-29', target: { kind: 'path', path }, seen: now.entries.map((e) => ({ ref: e.ref, version: e.version })) });
    const sent = await t.jan.call('shortlists.get', { id });
    expect(sent.entries.map((e) => [e.ref, e.stage])).toEqual(now.entries.map((e) => [e.ref, e.ref === refs[1] ? 'inReview' : 'shortlisted']));
    await t.close();
  });

  it('a reply previewed, then a candidate it moves decided on by another officer: its commit is refused with who and when, nothing applied', async () => {
    const t = await open();
    await proposed(t, 'DI', 3);
    const { id } = await t.marie.call('shortlists.create', { campaignId: t.campaignId, division: 'DI' });
    const dir = tempDir();
    const path = join(dir, 'DI.xlsx');
    await t.marie.call('shortlists.export', { id, replyBy: '2027-01-29', target: { kind: 'path', path } });
    const [a, b] = (await t.marie.call('shortlists.get', { id })).entries;
    const reply = await answerWorkbook(path, join(dir, 'reply.xlsx'), { [a!.candidateCode]: { decision: 'Interview', date: new Date(Date.UTC(2027, 1, 3)) }, [b!.candidateCode]: { decision: 'Reserve' } });
    const preview = await t.marie.call('shortlists.replyPreview', { path: reply });
    expect(preview.changes.map((c) => c.to)).toEqual(['interview', 'reserve']);
    // Jan withdraws one of them meanwhile (the applicant wrote to the office).
    await t.jan.call('selection.move', { refs: [b!.ref], move: 'withdraw', reason: 'Took another internship' });
    const before = await t.counts();
    const refused = await t.marie.tryCall('shortlists.replyCommit', { jobId: preview.jobId });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'ChangedMeanwhile', details: { count: 1, applicationId: b!.applicationId, by: 'jan' } } });
    expect(await t.counts()).toEqual(before);
    await t.close();
  });

  it('reserves put at once in one division get one rank each; resolving a conflict carries the versions seen', async () => {
    const t = await open();
    const refs = await proposed(t, 'DI', 4);
    const { id } = await t.marie.call('shortlists.create', { campaignId: t.campaignId, division: 'DI' });
    await t.marie.call('shortlists.export', { id, replyBy: '2027-01-29', target: { kind: 'download' } });
    await Promise.all([t.marie.call('selection.move', { refs: [refs[0]!], move: 'reserve' }), t.jan.call('selection.move', { refs: [refs[1]!], move: 'reserve' })]);
    const ranks = await t.rows<{ reserve_rank: number }>(`SELECT reserve_rank FROM selection_details WHERE application_ref IN (${refs[0]!}, ${refs[1]!}) ORDER BY reserve_rank`);
    expect(ranks.map((r) => r.reserve_rank)).toEqual([1, 2]);

    // One person selected by DI and (through another application) by OPS: a conflict to resolve.
    const [ops] = await proposed(t, 'OPS', 1);
    const { id: opsList } = await t.jan.call('shortlists.create', { campaignId: t.campaignId, division: 'OPS' });
    await t.jan.call('shortlists.export', { id: opsList, replyBy: '2027-01-29', target: { kind: 'download' } });
    // As screening's identity groups would make them one person (RETURNING: a statement both engines' rows() read).
    await t.rows(`UPDATE screening_results SET person_key = 'one person' WHERE application_ref IN (${refs[2]!}, ${ops!}) RETURNING application_ref`);
    await t.marie.call('selection.move', { refs: [refs[2]!], move: 'select', session: 'march' });
    await t.jan.call('selection.move', { refs: [ops!], move: 'select', session: 'march' });
    const [conflict] = await t.marie.call('selection.conflicts', { campaignId: t.campaignId });
    expect(conflict?.applications.map((a) => a.ref).sort()).toEqual([refs[2]!, ops!].sort());
    const seen = conflict!.applications.map((a) => ({ ref: a.ref, version: a.version }));
    await t.jan.call('triage.note', { ref: ops!, text: 'Asked her which division she prefers.' });
    const refused = await t.marie.tryCall('selection.resolveConflict', { keep: refs[2]!, seen });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'ChangedMeanwhile', details: { by: 'jan' } } });
    const again = (await t.marie.call('selection.conflicts', { campaignId: t.campaignId }))[0]!;
    await t.marie.call('selection.resolveConflict', { keep: refs[2]!, seen: again.applications.map((a) => ({ ref: a.ref, version: a.version })) });
    expect((await t.jan.call('triage.detail', { ref: ops! })).state.stage).toBe('reserve');
    await t.close();
  });
});
