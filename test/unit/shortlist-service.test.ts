import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import PostalMime from 'postal-mime';
import unzipper from 'unzipper';
import { describe, expect, it } from 'vitest';
import { COVER_SHEET } from '../../electron/core/shortlists/workbook/columns';
import { convertWithLibreOffice } from './support/libreoffice';
import { answerWorkbook } from './support/manager-reply';
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
    expect(removed.proposedRefs).toEqual([order[1]]);
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
    const actions = await app.rows<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'shortlist.%' ORDER BY id");
    expect(actions.map((a) => a.action)).toEqual(['shortlist.create', 'shortlist.arrange', 'shortlist.note', 'shortlist.remove', 'shortlist.add']);
  });

  it('show where else the same person stands', async () => {
    const { app, di, pdd } = await proposedApp(3);
    // Make a DI applicant and a PDD applicant the same person, as screening's identity groups would.
    await app.run('UPDATE screening_results SET person_key = ? WHERE application_ref IN (?, ?)', ['same-person', di[0] ?? 0, pdd[0] ?? 0]);
    const a = await app.client.call('shortlists.create', { campaignId: 1, division: 'DI' });
    const b = await app.client.call('shortlists.create', { campaignId: 1, division: 'PDD' });
    const onDi = (await app.client.call('shortlists.get', { id: a.id })).entries.find((e) => e.ref === di[0]);
    expect(onDi?.elsewhere).toEqual([{ shortlistId: b.id, division: 'PDD', applicationId: expect.any(String), stage: 'proposed' }]);
    const onPdd = (await app.client.call('shortlists.get', { id: b.id })).entries.find((e) => e.ref === pdd[0]);
    expect(onPdd?.elsewhere).toEqual([{ shortlistId: a.id, division: 'DI', applicationId: onDi?.applicationId, stage: 'proposed' }]);

    // The same person on a list of another campaign (another season) is not "elsewhere" in this one.
    const { id: other } = await app.client.call('campaign.create', { name: 'Next season' });
    await app.client.call('demo.load', { campaignId: other, count: 800, seed: 11 });
    await app.client.call('screening.run', { campaignId: other });
    const [next] = (await app.client.call('triage.list', { campaignId: other, queue: 'DI', sort: [{ column: 'applicationId', descending: false }], limit: 1 })).rows.map((r) => r.ref);
    await app.client.call('triage.decide', { refs: [next ?? 0], stage: 'proposed' });
    await app.run('UPDATE screening_results SET person_key = ? WHERE application_ref = ?', ['same-person', next ?? 0]);
    const c = await app.client.call('shortlists.create', { campaignId: other, division: 'DI' });
    expect((await app.client.call('shortlists.get', { id: c.id })).entries.find((e) => e.ref === next)?.elsewhere).toEqual([]);
    expect((await app.client.call('shortlists.get', { id: a.id })).entries.find((e) => e.ref === di[0])?.elsewhere).toEqual(onDi?.elsewhere);
  });
});

describe('the round trip with a hiring manager', () => {
  async function sent(): Promise<{ app: TestApp; id: number; path: string; codes: string[]; dir: string }> {
    const { app } = await proposedApp(4);
    const { id } = await app.client.call('shortlists.create', { campaignId: 1, division: 'DI' });
    const dir = tempDir();
    const path = join(dir, 'DI shortlist.xlsx');
    const result = await app.client.call('shortlists.export', { id, replyBy: '2027-01-29', manager: { name: 'Hanna Berg', email: 'h.berg@example.int' }, target: { kind: 'path', path } });
    expect(result.file).toMatchObject({ kind: 'saved', path });
    expect(result.export).toMatchObject({ blind: false, managerName: 'Hanna Berg', replyBy: '2027-01-29', candidates: 4, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') });
    const detail = await app.client.call('shortlists.get', { id });
    expect(detail.state).toBe('sent');
    expect(detail.entries.every((e) => e.stage === 'shortlisted')).toBe(true);
    return { app, id, path, codes: detail.entries.map((e) => e.candidateCode), dir };
  }

  it('is recognised when chosen as an applications export (File > Import… takes both): refused with its own kind, nothing opened', async () => {
    const { app, path, dir } = await sent();
    const reply = await answerWorkbook(path, join(dir, 'reply.xlsx'), {});
    // LibreOffice rewrites the whole file: the reference on the cover sheet still says what it is.
    const resaved = await convertWithLibreOffice(reply, 'xlsx', join(dir, 'resaved'));
    for (const file of [path, reply, resaved]) {
      const before = await tableCounts(app.core);
      await expect(app.client.call('import.inspect', { campaignId: 1, path: file })).rejects.toMatchObject({
        data: { code: 'Validation', kind: 'ShortlistReplyFile', message: expect.stringContaining("is a hiring manager's reply to a shortlist") },
      });
      expect(await tableCounts(app.core)).toEqual(before);
    }
  });

  it('applies a reply in English and French after showing every change, and a second import changes nothing', async () => {
    const { app, id, path, codes, dir } = await sent();
    const [a, b, c, d] = codes as [string, string, string, string];
    const reply = await answerWorkbook(path, join(dir, 'reply.xlsx'), {
      [a]: { decision: 'Interview', date: new Date(Date.UTC(2027, 1, 3)), comment: 'Good profile' },
      [b]: { decision: 'Non retenu(e)' },
      [c]: { decision: 'sélectionnée', comment: 'Yes' },
      [d]: {},
    });
    const preview = await app.client.call('shortlists.replyPreview', { path: reply });
    expect(preview.issues).toEqual([]);
    expect(preview.unchanged).toBe(1);
    expect(preview.changes.map((ch) => [ch.candidateCode, ch.from, ch.to, ch.interviewDate, ch.comment])).toEqual([
      [a, 'shortlisted', 'interview', '2027-02-03', 'Good profile'],
      [b, 'shortlisted', 'notSelected', null, null],
      [c, 'shortlisted', 'selected', null, 'Yes'],
    ]);
    const result = await app.client.call('shortlists.replyCommit', { jobId: preview.jobId });
    expect(result).toMatchObject({ shortlistId: id, applied: 3, unchanged: 1 });
    const detail = await app.client.call('shortlists.get', { id });
    expect(detail.state).toBe('replied');
    expect(Object.fromEntries(detail.entries.map((e) => [e.candidateCode, [e.stage, e.interviewDate, e.managerComment]]))).toEqual({
      [a]: ['interview', '2027-02-03', 'Good profile'],
      [b]: ['notSelected', null, null],
      [c]: ['selected', null, 'Yes'],
      [d]: ['shortlisted', null, null],
    });
    const history = (await app.client.call('triage.detail', { ref: detail.entries[0]?.ref ?? 0 })).history;
    expect(history[0]).toMatchObject({ kind: 'selection', actor: 'tester' });

    const before = await tableCounts(app.core);
    const again = await app.client.call('shortlists.replyPreview', { path: reply });
    expect(again.changes).toEqual([]);
    expect(again.unchanged).toBe(4);
    expect((await app.client.call('shortlists.replyCommit', { jobId: again.jobId })).applied).toBe(0);
    // Only the record that the reply was read again: no stage, detail or action changes.
    expect(await tableCounts(app.core)).toEqual({ ...before, shortlist_replies: (before.shortlist_replies ?? 0) + 1, audit_log: (before.audit_log ?? 0) + 1 });
  });

  it('reads the reply the same after LibreOffice re-saved it', async () => {
    const { app, path, codes, dir } = await sent();
    const reply = await answerWorkbook(path, join(dir, 'reply.xlsx'), { [codes[0] ?? '']: { decision: 'Entretien', date: new Date(Date.UTC(2027, 1, 4)) }, [codes[1] ?? '']: { decision: 'Reserve', comment: 'second choice' } });
    const outDir = join(dir, 'resaved');
    mkdirSync(outDir);
    const resaved = await convertWithLibreOffice(reply, 'xlsx', outDir);
    const preview = await app.client.call('shortlists.replyPreview', { path: resaved });
    expect(preview.issues).toEqual([]);
    expect(preview.changes.map((ch) => [ch.candidateCode, ch.to, ch.interviewDate, ch.comment])).toEqual([
      [codes[0], 'interview', '2027-02-04', null],
      [codes[1], 'reserve', null, 'second choice'],
    ]);
  }, 120_000);

  it('refuses tampered replies, naming what is wrong, with nothing applied', async () => {
    const { app, path, codes, dir } = await sent();
    const before = await tableCounts(app.core);
    const tampered = async (name: string, answers: Parameters<typeof answerWorkbook>[2]) => app.client.call('shortlists.replyPreview', { path: await answerWorkbook(path, join(dir, name), answers) });

    const unknownValue = await tampered('maybe.xlsx', { [codes[0] ?? '']: { decision: 'Maybe' } });
    expect(unknownValue.issues).toMatchObject([{ row: 2, column: 'Decision / Décision', code: 'UnknownDecision', value: 'Maybe' }]);
    await expect(app.client.call('shortlists.replyCommit', { jobId: unknownValue.jobId })).rejects.toMatchObject({ data: { kind: 'ReplyRefused' } });

    const changedCode = await tampered('code.xlsx', { [codes[0] ?? '']: { decision: 'Selected', code: 'DI-999-9' } });
    expect(changedCode.issues.map((i) => i.code)).toEqual(['UnknownCandidateCode']);

    // Another export's workbook: its reference names an export this database never sent.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const cover = book.getWorksheet(COVER_SHEET);
    cover?.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.includes('COHORT-SL-')) cell.value = cell.value.replace(/COHORT-SL-(\d+)-(\d+)-/, 'COHORT-SL-$1-77-');
    }));
    const foreign = join(dir, 'foreign.xlsx');
    await book.xlsx.writeFile(foreign);
    await expect(app.client.call('shortlists.replyPreview', { path: foreign })).rejects.toMatchObject({ data: { kind: 'UnknownReply' } });

    expect(await tableCounts(app.core)).toEqual(before);
  });

  it('writes a blind workbook without names, and an e-mail draft with the workbook attached', async () => {
    const { app } = await proposedApp(3);
    const { id } = await app.client.call('shortlists.create', { campaignId: 1, division: 'DI' });
    const names = (await app.client.call('shortlists.get', { id })).entries.flatMap((e) => [e.firstName, e.lastName]);
    const dir = tempDir();
    const blind = await app.client.call('shortlists.export', { id, blind: true, replyBy: '2027-01-29', target: { kind: 'download' } });
    if (blind.file.kind !== 'download') throw new Error('expected a download');
    const xml = await xmlOf(Buffer.from(blind.file.base64, 'base64'));
    for (const name of names) expect(xml.includes(name), name).toBe(false);

    const eml = join(dir, 'draft.eml');
    await app.client.call('shortlists.export', { id, replyBy: '2027-01-29', manager: { name: 'Hanna Berg', email: 'h.berg@example.int' }, format: 'eml', target: { kind: 'path', path: eml } });
    const mail = await PostalMime.parse(readFileSync(eml));
    expect(mail.to).toEqual([{ name: 'Hanna Berg', address: 'h.berg@example.int' }]);
    expect(mail.subject).toContain('reply by 29 January 2027');
    expect(mail.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/^DI shortlist \d{4}-\d{2}-\d{2}\.xlsx$/)]);
    expect((await app.client.call('shortlists.get', { id })).exports).toHaveLength(2);
  });
});

async function xmlOf(bytes: Buffer): Promise<string> {
  const directory = await unzipper.Open.buffer(bytes);
  return (await Promise.all(directory.files.map(async (f) => (await f.buffer()).toString('utf8')))).join('\n');
}
