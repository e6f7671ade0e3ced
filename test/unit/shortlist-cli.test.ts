import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli';
import { CANDIDATES_SHEET } from '../../electron/core/shortlists/workbook/columns';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('cohort shortlist, export shortlist, import decisions', () => {
  it('make, send and read back a shortlist from the command line', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    await app.client.call('demo.load', { count: 500, seed: 5 });
    await app.client.call('screening.run', { campaignId: 1 });
    const refs = (await app.client.call('triage.list', { campaignId: 1, queue: 'PDD', limit: 3 })).rows.map((r) => r.ref);
    await app.client.call('triage.decide', { refs, stage: 'proposed' });
    await app.core.close();
    const db = ['--db', app.databasePath];

    const created = await cli(['shortlist', 'create', '--division', 'pdd', '--json', ...db], dir);
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.out) as { id: number };
    const shown = JSON.parse((await cli(['shortlist', 'show', String(id), '--json', ...db], dir)).out) as { candidates: { applicationId: string; candidateCode: string; stage: string }[] };
    expect(shown.candidates).toHaveLength(3);
    expect(shown.candidates.every((c) => c.stage === 'proposed')).toBe(true);

    const out = join(dir, 'PDD.xlsx');
    const sent = await cli(['export', 'shortlist', String(id), '--out', out, '--manager', 'Jan Novák', '--manager-email', 'jan@example.int', '--reply-by', '2027-02-01', ...db], dir);
    expect(sent.err).toBe('');
    expect(sent.code).toBe(0);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet(CANDIDATES_SHEET);
    const first = sheet?.getRow(2).getCell(15);
    if (first) first.value = 'Interview';
    const decision = sheet?.getRow(3).getCell(15);
    if (decision) decision.value = 'Réserve';
    const comment = sheet?.getRow(3).getCell(17);
    if (comment) comment.value = 'Good, but later';
    const reply = join(dir, 'reply.xlsx');
    await book.xlsx.writeFile(reply);

    const applied = await cli(['import', 'decisions', reply, '--json', ...db], dir);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.out)).toEqual({
      shortlist: id,
      applied: 2,
      unchanged: 1,
      changes: [
        { applicationId: shown.candidates[0]?.applicationId, candidateCode: shown.candidates[0]?.candidateCode, from: 'shortlisted', to: 'interview', comment: null },
        { applicationId: shown.candidates[1]?.applicationId, candidateCode: shown.candidates[1]?.candidateCode, from: 'shortlisted', to: 'reserve', comment: 'Good, but later' },
      ],
    });

    if (decision) decision.value = 'Perhaps';
    const bad = join(dir, 'bad.xlsx');
    await book.xlsx.writeFile(bad);
    const refused = await cli(['import', 'decisions', bad, '--json', ...db], dir);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toContain('Row 3: "Perhaps" is not a decision');
    expect(refused.err).toContain('nothing was applied');
  });
});
