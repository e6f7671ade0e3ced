import { downloadedText } from './support/file-output';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../electron/core/export/csv';
import { canStartFormula, neutraliseFormulae, TEXT_PREFIX } from '../../electron/core/export/formula-guard';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

/** The cells a spreadsheet reads from a CSV with this list separator (papaparse: as lenient as Excel with stray quotes). */
function resplit(csv: string, delimiter: ',' | ';'): string[] {
  const text = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;
  return Papa.parse<string[]>(text, { delimiter, newline: '\r\n' }).data.flat();
}

/** `written` is `original` with apostrophes inserted and nothing else changed. */
function onlyApostrophesAdded(original: string, written: string): boolean {
  let i = 0;
  for (let w = 0; w < written.length; w++) {
    const ch = written[w];
    if (i < original.length && ch === original[i]) i++;
    else if (ch !== TEXT_PREFIX) return false;
  }
  return i === original.length;
}

/** Text rich in what breaks formula guards: triggers (ASCII and full-width), whitespace, line breaks, quotes, delimiters. */
const hostileChar = fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠', ' ', '\t', '\r', '\n', '\u2028', '\u3000', '\u00A0', '"', "'", ';', ',', 'a', 'é', '1', '(', ')');
const cellText = fc.oneof(
  fc.string({ unit: hostileChar, maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const rows = fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 });

describe('the formula guard on written CSV', () => {
  it('property: split with "," or ";", no cell and no line of a cell can start a formula; the text is all kept', () => {
    fc.assert(
      fc.property(rows, (table) => {
        const csv = toCsv(table);
        // However a spreadsheet splits the file (any delimiter, any line break, quotes or not), no piece starts a formula.
        expect(canStartFormula(csv.slice(1))).toBe(false);
        for (const delimiter of [',', ';'] as const) {
          for (const cell of resplit(csv, delimiter)) expect(canStartFormula(cell), JSON.stringify(cell)).toBe(false);
        }
        // Read back as written (comma), each cell is its text with apostrophes added before dangerous starts, nothing lost.
        const back = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n' }).data.slice(0, table.length);
        expect(back.length).toBe(table.length);
        table.forEach((row, r) => row.forEach((cell, c) => expect(onlyApostrophesAdded(cell, back[r]?.[c] ?? '')).toBe(true)));
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it('property: the guard leaves text that cannot start a formula unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: hostileChar, maxLength: 30 }), (text) => {
        if (!canStartFormula(text) && !/^[\t\r]/.test(text)) expect(neutraliseFormulae(text)).toBe(text);
        expect(canStartFormula(neutraliseFormulae(text))).toBe(false);
      }),
      { numRuns: 2000, seed: 10 },
    );
  });

  it.each([
    ['a formula followed by a line break (papaparse missed it)', '=HYPERLINK("http://evil.example/x")\nclick', `"'=HYPERLINK(""http://evil.example/x"")\nclick"`],
    ['a formula on the second line', 'Dear officer,\r\n=1+1', `"Dear officer,\r\n'=1+1"`],
    ['full-width equals', '＝1+1', `"'＝1+1"`],
    ['full-width plus, minus, at', '＋1 －1 ＠A1', `"'＋1 －1 ＠A1"`],
    ['a formula after a semicolon (Excel with a ";" list separator)', 'x;=1+1;', `"x;'=1+1;"`],
    ['a formula after a comma', 'x,@SUM(A1)', `"x,'@SUM(A1)"`],
    ['leading spaces', '   =1+1', `"'   =1+1"`],
    ['a quotation mark before the formula', '"=1+1', `"'""=1+1"`],
    ['a leading tab', '\tnothing', `"'\tnothing"`],
    ['a leading carriage return', '\rnothing', `"'\rnothing"`],
    ['minus and plus', '-2+3', `"'-2+3"`],
    ['a phone number', '+32 2 707 41 11', `"'+32 2 707 41 11"`],
    ['ordinary text, hyphens and at signs inside', 'Jean-Luc Dupont, e-mail a@b.c', `"Jean-Luc Dupont, e-mail a@b.c"`],
    ['an empty cell', '', `""`],
  ])('%s', (_what, text, written) => {
    const csv = toCsv([[text]]);
    expect(csv).toBe(`\uFEFF${written}\r\n`);
    expect(canStartFormula(csv.slice(1))).toBe(false);
  });
});

describe('the rejected-rows CSV of an import', () => {
  it('defuses formulas in applicants\' text: after line breaks, in full-width, after ";"', async () => {
    const dir = tempDir();
    const path = join(dir, 'hostile.csv');
    const motivations = ['=HYPERLINK("http://evil.example/x")\nclick me', '＝1+1', 'x;=1+1;', ' @SUM(A1)', '-2+3'];
    const lines = ['Application ID,Status,Submitted On,Motivation', ...motivations.map((m, i) => `A-${i},Pending,2025-04-01 10:00,"${m.replace(/"/g, '""')}"`)];
    writeFileSync(path, lines.join('\r\n'));
    const app = await openTestApp(tempDir());
    const inspection = await app.client.call('import.inspect', { campaignId: 1, path });
    await app.client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
    const result = await app.client.call('import.commit', { jobId: inspection.jobId });
    expect(result.counts.rejected).toBe(motivations.length);
    const { text: csv } = downloadedText(await app.client.call('import.rejectionsCsv', { importId: result.id, target: { kind: 'download' } }));
    expect(canStartFormula(csv.slice(1))).toBe(false);
    for (const delimiter of [',', ';'] as const) for (const cell of resplit(csv, delimiter)) expect(canStartFormula(cell)).toBe(false);
    const back = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n' }).data;
    expect(back[0]).toEqual(['Row', 'Column', 'Problem', 'Application ID', 'Status', 'Submitted On', 'Motivation']);
    expect(back.slice(1, 1 + motivations.length).map((r) => r[6])).toEqual([
      `'=HYPERLINK("http://evil.example/x")\nclick me`,
      `'＝1+1`,
      `x;'=1+1;`,
      `' @SUM(A1)`,
      `'-2+3`,
    ]);
    await app.core.close();
  });
});
