import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { openTestApp, tableCounts, useTempDir, type TestApp } from './support/temp';

const tempDir = useTempDir();

/**
 * A campaign where DI and PDD each sent a shortlist of three (all Shortlisted), and where the
 * first DI and first PDD candidates are the same person.
 */
async function shortlisted(): Promise<{ app: TestApp; di: number[]; pdd: number[] }> {
  const app = await openTestApp(tempDir());
  const { client } = app;
  await client.call('demo.load', { count: 800, seed: 13 });
  await client.call('screening.run', { campaignId: 1 });
  const refsOf = async (queue: 'DI' | 'PDD') => (await client.call('triage.list', { campaignId: 1, queue, sort: [{ column: 'applicationId', descending: false }], limit: 3 })).rows.map((r) => r.ref);
  const di = await refsOf('DI');
  const pdd = await refsOf('PDD');
  await client.call('triage.decide', { refs: [...di, ...pdd], stage: 'proposed' });
  await app.run("UPDATE screening_results SET person_key = 'one person' WHERE application_ref IN (?, ?)", [di[0] ?? 0, pdd[0] ?? 0]);
  for (const division of ['DI', 'PDD'] as const) {
    const { id } = await client.call('shortlists.create', { campaignId: 1, division });
    await client.call('shortlists.export', { id, replyBy: '2027-01-29', target: { kind: 'download' } });
  }
  return { app, di, pdd };
}

async function stageOf(app: TestApp, ref: number): Promise<string> {
  return (await app.client.call('triage.detail', { ref })).state.stage;
}

describe('selection after the hiring managers’ answers', () => {
  it('a move carries the version the officer saw: refused, with who and when, after another officer moved the candidate', async () => {
    const { app, di } = await shortlisted();
    const ref = di[1] ?? 0;
    const seen = (await app.client.call('shortlists.list', { campaignId: 1 }))[0]!;
    const detail = await app.client.call('shortlists.get', { id: seen.id });
    const candidate = detail.entries.find((e) => e.ref === ref)!;
    await app.core.session.open.stores.selection.move({ refs: [ref], move: 'interview', interview: { date: '2027-02-11', time: null, mode: null, interviewer: null, place: null } }, 'Jan');
    const before = await tableCounts(app.core);
    const refused = await app.client.tryCall('selection.move', { refs: [ref], move: 'notSelect', seen: [{ ref, version: candidate.version }] });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'ChangedMeanwhile', details: { by: 'Jan', count: 1 } } });
    expect(await tableCounts(app.core)).toEqual(before);
    const now = (await app.client.call('shortlists.get', { id: seen.id })).entries.find((e) => e.ref === ref)!;
    expect(now.version).toBe(candidate.version + 1);
    await app.client.call('selection.move', { refs: [ref], move: 'notSelect', seen: [{ ref, version: now.version }] });
    expect(await stageOf(app, ref)).toBe('notSelected');
    await app.core.close();
  });

  it('drafts interview invitations, one per candidate in their language, refusing candidates with no interview recorded', async () => {
    const { app, di } = await shortlisted();
    const { client } = app;
    const [english, french, none] = di as [number, number, number];
    await app.run("UPDATE applications SET english_level_parsed = 'C1', french_level_parsed = 'B1', email = 'en@example.org' WHERE id = ?", [english]);
    await app.run("UPDATE applications SET english_level_parsed = 'B2', french_level_parsed = 'native', email = 'fr@example.org' WHERE id = ?", [french]);
    await client.call('selection.move', { refs: [english, french], move: 'interview', interview: { date: '2027-02-10', time: '14:30', mode: 'video', place: 'https://meet.example.int/di' } });
    await expect(client.call('selection.invitations', { refs: [english, none], target: { kind: 'download' } })).rejects.toMatchObject({ data: { kind: 'NoInterview' } });

    const folder = tempDir();
    const result = await client.call('selection.invitations', { refs: [english, french], contact: 'internships@example.int', target: { kind: 'folder', path: folder } });
    expect(result.drafted).toBe(2);
    if (result.file.kind !== 'savedFolder') throw new Error('expected a folder');
    const mails = await Promise.all(result.file.files.map(async (name) => PostalMime.parse(readFileSync(join(folder, name)))));
    const byAddress = Object.fromEntries(mails.map((m) => [m.to?.[0]?.address, m]));
    expect(byAddress['en@example.org']?.subject).toBe('NATO Internship Programme: invitation to an interview');
    expect(byAddress['en@example.org']?.text).toContain('at 14:30');
    expect(byAddress['fr@example.org']?.subject).toBe('Programme de stages de l’OTAN : invitation à un entretien');
    expect(byAddress['fr@example.org']?.text).toContain('https://meet.example.int/di');
    expect(byAddress['fr@example.org']?.headers.find((h: { key: string; value: string }) => h.key === 'content-language')?.value).toBe('fr');
  });

  it('records an interview, selects for a session, and refuses a move from the wrong stage with nothing changed', async () => {
    const { app, di } = await shortlisted();
    const { client } = app;
    await client.call('selection.move', { refs: [di[1] ?? 0], move: 'interview', interview: { date: '2027-02-10', time: '10:30', mode: 'video', interviewer: 'H. Berg', place: 'Teams' } });
    expect(await stageOf(app, di[1] ?? 0)).toBe('interview');
    await client.call('selection.move', { refs: [di[1] ?? 0], move: 'select', session: 'september', startDate: '2027-09-01', outcome: 'Excellent' });
    const details = await app.rows('SELECT interview_date, interview_mode, session, start_date, interview_outcome FROM selection_details WHERE application_ref = ?', [di[1] ?? 0]);
    expect(details[0]).toEqual({ interview_date: '2027-02-10', interview_mode: 'video', session: 'september', start_date: '2027-09-01', interview_outcome: 'Excellent' });

    const before = await tableCounts(app.core);
    await expect(client.call('selection.move', { refs: [di[2] ?? 0], move: 'acceptOffer' })).rejects.toMatchObject({ data: { kind: 'MoveNotAllowed' } });
    await expect(client.call('selection.move', { refs: [di[2] ?? 0], move: 'select' })).rejects.toMatchObject({ data: { kind: 'SessionMissing' } });
    expect(await tableCounts(app.core)).toEqual(before);
  });

  it('flags a person selected by two divisions; no offer until the office says which division makes it', async () => {
    const { app, di, pdd } = await shortlisted();
    const { client } = app;
    await client.call('selection.move', { refs: [di[0] ?? 0], move: 'select', session: 'march' });
    await client.call('selection.move', { refs: [pdd[0] ?? 0], move: 'select', session: 'march' });
    const conflicts = await client.call('selection.conflicts', { campaignId: 1 });
    expect(conflicts.map((c) => c.applications.map((a) => a.division))).toEqual([['DI', 'PDD']]);
    await expect(client.call('selection.move', { refs: [di[0] ?? 0], move: 'makeOffer' })).rejects.toMatchObject({ data: { kind: 'SelectionConflict' } });

    await client.call('selection.resolveConflict', { keep: di[0] ?? 0 });
    expect(await stageOf(app, pdd[0] ?? 0)).toBe('reserve');
    expect(await client.call('selection.conflicts', { campaignId: 1 })).toEqual([]);
    await client.call('selection.move', { refs: [di[0] ?? 0], move: 'makeOffer' });
    expect(await stageOf(app, di[0] ?? 0)).toBe('offerMade');
  });

  it('an accepted offer withdraws the person’s other applications; a decline lets a reserve be promoted', async () => {
    const { app, di, pdd } = await shortlisted();
    const { client } = app;
    await client.call('selection.move', { refs: [di[0] ?? 0], move: 'select', session: 'march' });
    await client.call('selection.move', { refs: [di[0] ?? 0], move: 'makeOffer' });
    const accepted = await client.call('selection.move', { refs: [di[0] ?? 0], move: 'acceptOffer' });
    expect(accepted.withdrawnElsewhere).toEqual([pdd[0]]);
    expect(await stageOf(app, pdd[0] ?? 0)).toBe('withdrawn');
    const [reason] = await app.rows<{ withdrawn_reason: string }>('SELECT withdrawn_reason FROM selection_details WHERE application_ref = ?', [pdd[0] ?? 0]);
    expect(reason?.withdrawn_reason).toBe('Accepted an offer from DI');

    await client.call('selection.move', { refs: [di[1] ?? 0], move: 'select', session: 'march' });
    await client.call('selection.move', { refs: [di[2] ?? 0], move: 'reserve' });
    await client.call('selection.move', { refs: [di[1] ?? 0], move: 'makeOffer' });
    await client.call('selection.move', { refs: [di[1] ?? 0], move: 'declineOffer' });
    await client.call('selection.move', { refs: [di[2] ?? 0], move: 'select', session: 'march' });
    expect(await stageOf(app, di[2] ?? 0)).toBe('selected');
  });

  it('every move is an undoable action in the application’s history, its details put back too', async () => {
    const { app, di } = await shortlisted();
    const { client } = app;
    const ref = di[1] ?? 0;
    await client.call('selection.move', { refs: [ref], move: 'interview', interview: { date: '2027-02-10', time: null, mode: 'phone', interviewer: null, place: null } });
    await client.call('selection.move', { refs: [ref], move: 'select', session: 'march', startDate: '2027-03-01' });
    const history = (await client.call('triage.detail', { ref })).history;
    expect(history.slice(0, 3).map((h) => [h.kind, h.before.stage, h.after.stage])).toEqual([
      ['selection', 'interview', 'selected'],
      ['selection', 'shortlisted', 'interview'],
      ['selection', 'proposed', 'shortlisted'],
    ]);
    const undone = await client.call('triage.undo', { campaignId: 1 });
    expect(undone).toMatchObject({ kind: 'selection', refs: [ref] });
    expect(await stageOf(app, ref)).toBe('interview');
    const details = async () => (await app.rows('SELECT interview_mode, session, start_date FROM selection_details WHERE application_ref = ?', [ref]))[0];
    expect(await details()).toEqual({ interview_mode: 'phone', session: null, start_date: null });
    await client.call('triage.undo', { campaignId: 1 });
    expect(await stageOf(app, ref)).toBe('shortlisted');
    expect(await details()).toEqual({ interview_mode: null, session: null, start_date: null });
  });

  it('counts places per division and session against selections, offers and acceptances', async () => {
    const { app, di } = await shortlisted();
    const { client } = app;
    await client.call('selection.setPlaces', { campaignId: 1, division: 'DI', session: 'march', places: 2 });
    await client.call('selection.move', { refs: [di[0] ?? 0, di[1] ?? 0], move: 'select', session: 'march' });
    await client.call('selection.move', { refs: [di[1] ?? 0], move: 'makeOffer' });
    await client.call('selection.move', { refs: [di[2] ?? 0], move: 'reserve' });
    const places = (await client.call('selection.places', { campaignId: 1 })).find((p) => p.division === 'DI');
    expect(places).toEqual({ division: 'DI', sessions: { march: { places: 2, selected: 1, offersOut: 1, accepted: 0 }, september: { places: 0, selected: 0, offersOut: 0, accepted: 0 } }, reserve: 1 });
  });
});
