import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { expectCountsAsFromScratch } from './support/notice-counts';
import { openTestApp, tableCounts, useTempDir, type TestApp } from './support/temp';
import { downloadedText } from './support/file-output';

const tempDir = useTempDir();

async function screenedApp(): Promise<TestApp> {
  const app = await openTestApp(tempDir());
  await app.client.call('demo.load', { count: 600, seed: 21 });
  await app.client.call('screening.run', { campaignId: 1 });
  return app;
}

/** Each person (screening's identity key) with their applications' effective verdicts, read straight from the tables. */
async function persons(app: TestApp): Promise<Map<string, { applicationId: string; verdict: string; email: string }[]>> {
  const rows = await app.rows<{ personKey: string; applicationId: string; verdict: string; email: string }>(
    `SELECT r.person_key AS "personKey", a.application_id AS "applicationId", coalesce(o.verdict, r.verdict) AS verdict, a.email
     FROM applications a JOIN screening_results r ON r.application_ref = a.id
     LEFT JOIN screening_overrides o ON o.application_ref = a.id AND o.state = 'active'`,
  );
  const map = new Map<string, { applicationId: string; verdict: string; email: string }[]>();
  for (const r of rows) map.set(r.personKey, [...(map.get(r.personKey) ?? []), r]);
  return map;
}

describe('outcome notices', () => {
  it('preview a template being edited for a real person owed it, and say what is wrong before anything is saved', async () => {
    const app = await screenedApp();
    // Where people stand is derived data the store may bring up to date on any read; the office's own rows stay.
    const officeRows = async () => Object.fromEntries(Object.entries(await tableCounts(app.core)).filter(([table]) => !table.startsWith('notice_standing')));
    const before = await officeRows();
    const preview = await app.client.call('notices.preview', {
      campaignId: 1,
      outcome: 'ineligible',
      language: 'fr',
      subject: 'Votre candidature, {firstName}',
      body: 'Bonjour {firstName} {lastName},\n{applications}',
    });
    expect(preview.problems).toEqual({ subject: [], body: [] });
    expect(preview.person).not.toBeNull();
    const [first, ...rest] = preview.person?.name.split(' ') ?? [];
    expect(preview.subject).toBe(`Votre candidature, ${first}`);
    expect(preview.body.startsWith(`Bonjour ${first} ${rest.join(' ')},`)).toBe(true);
    for (const id of preview.person?.applicationIds ?? []) expect(preview.body).toContain(id);
    // The subject previewed is the subject the notice will carry: one line, as prepared.
    const spaced = await app.client.call('notices.preview', { campaignId: 1, outcome: 'ineligible', language: 'fr', subject: '  Votre   candidature,\n{firstName} ', body: 'x' });
    expect(spaced.subject).toBe(`Votre candidature, ${first}`);

    const wrong = await app.client.call('notices.preview', { campaignId: 1, outcome: 'ineligible', language: 'en', subject: 'Hello {fristName}', body: 'Your {session}' });
    expect(wrong.problems.subject.map((p) => p.suggestion)).toEqual(['firstName']);
    expect(wrong.problems.body.map((p) => p.written)).toEqual(['{session}']);
    // Nobody is selected in a screened campaign: the placeholders stay as written.
    const nobody = await app.client.call('notices.preview', { campaignId: 1, outcome: 'selected', language: 'en', subject: 'Welcome {firstName}', body: 'x' });
    expect(nobody).toMatchObject({ subject: 'Welcome {firstName}', person: null });
    expect(await officeRows()).toEqual(before);
  });

  it('are owed to every person all of whose applications are ineligible, and to nobody still undecided', async () => {
    const app = await screenedApp();
    const all = [...(await persons(app)).values()];
    const expected = all.filter((apps) => apps.every((a) => a.verdict === 'ineligible')).length;
    const status = await app.client.call('notices.status', { campaignId: 1 });
    expect(expected).toBeGreaterThan(10);
    expect(status.byOutcome.ineligible.owed).toBe(expected);
    // Everyone else has an application under review or eligible and not yet triaged: undecided.
    expect(Object.values(status.byOutcome).reduce((n, c) => n + c.owed, 0)).toBe(expected);
    expect(status.people).toBe(all.length);
    expect(status.oldestOwedSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(status.overdue).toBe(0);

    // Owed since long ago (working days themselves are tested in working-days.test.ts).
    await app.run("UPDATE screening_results SET screened_at = '2020-01-06T10:00:00.000Z'");
    const aged = await app.client.call('notices.status', { campaignId: 1 });
    expect(aged).toMatchObject({ oldestOwedSince: '2020-01-06', overdue: expected });
    expect(aged.oldestOwedWorkingDays).toBeGreaterThan(1000);
  });

  it('are prepared as one draft per person, in their language, naming all their applications; sent, bounced, never prepared twice', async () => {
    const app = await screenedApp();
    const { client } = app;
    const owed = [...(await persons(app)).values()].filter((apps) => apps.every((a) => a.verdict === 'ineligible'));
    const folder = tempDir();
    const batch = await client.call('notices.prepare', { campaignId: 1, outcome: 'ineligible', format: 'eml', office: 'internships@example.int', target: { kind: 'folder', path: folder } });
    expect(batch.prepared).toBe(owed.length);
    if (batch.file.kind !== 'savedFolder') throw new Error('expected a folder');
    const withAddress = owed.filter((apps) => apps.some((a) => a.email.trim() !== ''));
    expect(batch.file.files).toHaveLength(batch.prepared - batch.withoutAddress.length);
    expect(batch.withoutAddress.length).toBe(owed.length - withAddress.length);

    const mails = await Promise.all(batch.file.files.map(async (name) => ({ raw: readFileSync(join(folder, name), 'utf8'), mail: await PostalMime.parse(readFileSync(join(folder, name))) })));
    for (const { raw, mail } of mails) {
      expect(raw).toMatch(/^X-Unsent: 1\r$/m);
      const language = /^Content-Language: (en|fr)\r$/m.exec(raw)?.[1];
      expect(mail.subject).toBe(language === 'fr' ? 'Votre candidature au Programme de stages de l’OTAN' : 'Your application to the NATO Internship Programme');
      const address = mail.to?.[0]?.address?.toLowerCase();
      const person = owed.find((apps) => apps.some((a) => a.email.trim().toLowerCase() === address));
      expect(person, mail.to?.[0]?.address).toBeDefined();
      for (const a of person ?? []) expect(mail.text).toContain(a.applicationId);
      expect(mail.text).not.toMatch(/\{\w+\}/);
    }

    // Not twice: what was prepared stands, as a batch waiting to be marked sent (whenever the office comes back to it).
    await expect(client.call('notices.prepare', { campaignId: 1, outcome: 'ineligible', format: 'eml', target: { kind: 'download' } })).rejects.toMatchObject({ data: { kind: 'NothingOwed' } });
    expect((await client.call('notices.status', { campaignId: 1 })).openBatches).toEqual([
      { batchId: batch.batchId, outcome: 'ineligible', format: 'eml', at: expect.any(String), actor: 'tester', prepared: batch.prepared },
    ]);

    const firstMail = mails[0]?.mail;
    const kept = owed.find((apps) => apps.some((a) => a.email.trim().toLowerCase() === firstMail?.to?.[0]?.address?.toLowerCase()))?.[0]?.applicationId ?? '';
    const sent = await client.call('notices.markSent', { batchId: batch.batchId, except: [kept] });
    expect(sent.sent).toBe(batch.prepared - 1);
    const bounced = await client.call('notices.markBounced', { campaignId: 1, applicationIds: [owed.find((apps) => apps[0]?.applicationId !== kept)?.[0]?.applicationId ?? '', 'NIP-NONE'] });
    expect(bounced).toEqual({ bounced: 1, notFound: ['NIP-NONE'] });
    const status = await client.call('notices.status', { campaignId: 1 });
    expect(status.byOutcome.ineligible).toEqual({ owed: 0, prepared: 1, sent: batch.prepared - 2, bounced: 1, superseded: 0 });
    // The one left out is still waiting in its batch.
    expect(status.openBatches.map((b) => [b.batchId, b.prepared])).toEqual([[batch.batchId, 1]]);
    // Each person's notices are in the history of every one of their applications.
    const refOf = async (applicationId: string) => (await app.rows<{ id: number }>('SELECT id FROM applications WHERE application_id = ?', [applicationId]))[0]?.id ?? 0;
    const bouncedPerson = owed.find((apps) => apps[0]?.applicationId !== kept) ?? [];
    for (const a of bouncedPerson) {
      expect((await client.call('triage.detail', { ref: await refOf(a.applicationId) })).notices).toMatchObject([{ outcome: 'ineligible', state: 'bounced', sentAt: expect.any(String), bouncedAt: expect.any(String) }]);
    }
    expect((await client.call('triage.detail', { ref: await refOf(kept) })).notices).toMatchObject([{ outcome: 'ineligible', state: 'prepared', sentAt: null }]);
    const bouncedId = owed.find((apps) => apps[0]?.applicationId !== kept)?.[0]?.applicationId ?? '';
    expect(await client.call('notices.markResent', { campaignId: 1, applicationIds: [bouncedId] })).toEqual({ resent: 1, notFound: [] });
    expect((await client.call('notices.status', { campaignId: 1 })).byOutcome.ineligible).toMatchObject({ sent: batch.prepared - 1, bounced: 0 });
  });

  it('a batch is marked sent once (again: refused, naming who); a verdict changed after a notice went out supersedes it', async () => {
    const app = await screenedApp();
    const { client } = app;
    const batch = await client.call('notices.prepare', { campaignId: 1, outcome: 'ineligible', format: 'csv', target: { kind: 'download' } });
    const csv = downloadedText(batch.file).text;
    expect(csv.split('\r\n')[0]).toBe('\uFEFF"Email","Language","First name","Last name","Subject","Text"');
    await client.call('notices.markSent', { batchId: batch.batchId });
    // Marked sent again (another officer, another window): refused, saying who did it and when; nothing changed.
    const before = await tableCounts(app.core);
    expect(await client.tryCall('notices.markSent', { batchId: batch.batchId })).toMatchObject({ ok: false, error: { kind: 'BatchAlreadySent', details: { batchId: batch.batchId, by: 'tester' } } });
    expect(await tableCounts(app.core)).toEqual(before);
    // A workstation whose files for this batch failed after another marked it sent forgets only what was never sent.
    const sentBefore = (await client.call('notices.status', { campaignId: 1 })).byOutcome.ineligible.sent;
    await app.core.session.open.stores.notices.forgetBatch(batch.batchId);
    expect((await client.call('notices.status', { campaignId: 1 })).byOutcome.ineligible.sent).toBe(sentBefore);
    expect(sentBefore).toBeGreaterThan(0);
    expect(csv.split('\r\n').length).toBeGreaterThan(batch.prepared - batch.withoutAddress.length);
    const someone = [...(await persons(app)).values()].find((apps) => apps.every((a) => a.verdict === 'ineligible') && apps.some((a) => a.email.trim() !== ''));
    const ref = (await app.rows<{ id: number }>('SELECT id FROM applications WHERE application_id = ?', [someone?.[0]?.applicationId ?? '']))[0]?.id ?? 0;
    await client.call('screening.override', { refs: [ref], verdict: 'eligible', justification: 'The degree was recognised after all.' });
    const status = await client.call('notices.status', { campaignId: 1 });
    expect(status.byOutcome.ineligible.superseded).toBe(1);
    expect(status.byOutcome.ineligible.sent).toBe(batch.prepared - 1);
    // The person's history says so too, on the application whose verdict changed.
    expect((await client.call('triage.detail', { ref })).notices).toMatchObject([{ outcome: 'ineligible', state: 'superseded', sentAt: expect.any(String) }]);
  });

  it('keep their counts up to date person by person through selection, offers withdrawn, duplicates confirmed, undo and deletion', async () => {
    const app = await openTestApp(tempDir());
    const { client } = app;
    await client.call('demo.load', { count: 600, seed: 5, midSeason: true });
    await expectCountsAsFromScratch(app);
    const before = await client.call('notices.status', { campaignId: 1 });

    // A shortlisted candidate selected, offered a place, the offer withdrawn.
    const ref = (await app.rows<{ ref: number }>("SELECT application_ref AS ref FROM triage_states WHERE stage = 'shortlisted' ORDER BY application_ref LIMIT 1"))[0]?.ref ?? 0;
    await client.call('selection.move', { refs: [ref], move: 'select', session: 'september', startDate: '2027-09-01' });
    await expectCountsAsFromScratch(app);
    await client.call('selection.move', { refs: [ref], move: 'makeOffer' });
    await expectCountsAsFromScratch(app);
    await client.call('selection.move', { refs: [ref], move: 'withdrawOffer', reason: 'The division closed the post' });
    await expectCountsAsFromScratch(app);
    expect((await client.call('notices.status', { campaignId: 1 })).byOutcome.offerWithdrawn.owed).toBe(before.byOutcome.offerWithdrawn.owed + 1);
    await client.call('triage.undo', { campaignId: 1 });
    await expectCountsAsFromScratch(app);

    // Two applications confirmed as one person: two people become one.
    const pair = (await client.call('screening.duplicates', { campaignId: 1 })).open[0];
    if (!pair) throw new Error('The demo campaign has possible duplicates to confirm');
    await client.call('screening.decideDuplicate', { a: pair.a.ref, b: pair.b.ref, decision: 'confirmed' });
    await app.core.settled();
    await expectCountsAsFromScratch(app);
    expect((await client.call('notices.status', { campaignId: 1 })).people).toBe(before.people - 1);

    // An application deleted (a re-import without it is the same write) leaves its person's count.
    await app.run('DELETE FROM applications WHERE id = ?', [ref]);
    await expectCountsAsFromScratch(app);
  });

  it('refuse a template with a misspelled placeholder before anything is saved, and keep the office’s own text', async () => {
    const app = await screenedApp();
    const { client } = app;
    const before = await tableCounts(app.core);
    await expect(client.call('notices.setTemplate', { campaignId: 1, outcome: 'notRetained', language: 'fr', subject: 'Votre candidature', body: 'Bonjour {prenom},' })).rejects.toMatchObject({
      data: { kind: 'TemplateInvalid' },
    });
    expect(await tableCounts(app.core)).toEqual(before);
    const saved = await client.call('notices.setTemplate', { campaignId: 1, outcome: 'notRetained', language: 'fr', subject: 'Votre candidature', body: 'Bonjour {firstName},\n{applications}' });
    expect(saved.notRetained.fr).toEqual({ subject: 'Votre candidature', body: 'Bonjour {firstName},\n{applications}', edited: true });
    expect(saved.notRetained.en.edited).toBe(false);
  });
});
