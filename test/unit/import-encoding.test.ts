import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openTable, type SourceRow } from '../../electron/core/files/read';
import { looksGarbled } from '../../electron/core/files/read/garbled-text';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

const TEXT = 'Application ID;First Name;Last Name;Submitted On;Motivation\r\nA-1;Jürgen;Müller;01/04/2025 10:00;Très motivé\r\nA-2;Émilie;Novák;01/04/2025 10:00;Déjà prête\r\n';

function file(name: string, encoding: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, iconv.encode(TEXT, encoding));
  return path;
}

async function rowsOf(path: string, encoding?: 'cp850' | 'macintosh'): Promise<SourceRow[]> {
  const table = await openTable(path, { encoding });
  const rows: SourceRow[] = [];
  for await (const row of table.rows()) rows.push(row);
  return rows;
}

describe('garbled text', () => {
  it.each([
    ['J\u0081rgen', 'cp850 ü read as Windows-1252: a C1 control character'],
    ['\u0090milie', 'cp850 É'],
    ['Ren\u201a', 'cp850 é read as a low quotation mark... at the end, with a letter before'],
    ['ƒmilie Nov‡k', 'Mac Roman É and á'],
    ['JŸrgen', 'Mac Roman ü'],
    ['RenŽ', 'Mac Roman é'],
    ['fran‡ais', 'Mac Roman ç... inside a word'],
  ])('%s looks garbled (%s)', (text) => {
    expect(looksGarbled(text)).toBe(true);
  });

  it.each(['Müller-Œuvray', 'l’école', 'merci…', 'Excel™ expert', 'Šimon', 'Žofie', 'CŒUR', 'Zoë', 'Budget de 5 000 € — « merci »', '• a list item', 'Nguyễn', 'Łukasz Żółć'])(
    '%s does not',
    (text) => {
      expect(looksGarbled(text)).toBe(false);
    },
  );
});

describe('DOS (cp850) and Mac Roman exports', () => {
  it.each([
    ['cp850', 'dos.csv'],
    ['macintosh', 'mac.csv'],
  ] as const)('%s: read as Windows-1252 by default (garbled), read right when the encoding is given', async (encoding, name) => {
    const path = file(name, encoding);
    const guessed = await rowsOf(path);
    expect(guessed.some((r) => r.values.some(looksGarbled))).toBe(true);
    const chosen = await rowsOf(path, encoding);
    expect(chosen.map((r) => r.values.slice(1, 3))).toEqual([
      ['Jürgen', 'Müller'],
      ['Émilie', 'Novák'],
    ]);
  });

  it.each([
    // Control characters shown as �; the first five values that look wrong.
    ['cp850', 'dos.csv', ['J\uFFFDrgen', 'M\uFFFDller', 'TrŠs motiv‚', '\uFFFDmilie', 'D‚j… prˆte']],
    ['macintosh', 'mac.csv', ['JŸrgen', 'MŸller', 'Tr\uFFFDs motivŽ', 'ƒmilie', 'Nov‡k']],
  ] as const)('%s: the inspection says the names look garbled; inspected again in that encoding, they import right', async (encoding, name, shown) => {
    const path = file(name, encoding);
    const app = await openTestApp(tempDir());
    const first = await app.client.call('import.inspect', { campaignId: 1, path });
    expect(first.encoding).toBe('windows-1252');
    expect(first.garbled.length).toBeGreaterThan(0);
    expect(first.garbled).toEqual(shown);
    await app.client.call('import.cancel', { jobId: first.jobId });

    const again = await app.client.call('import.inspect', { campaignId: 1, path, encoding });
    expect(again.encoding).toBe(encoding);
    expect(again.garbled).toEqual([]);
    expect(again.columns[1]?.examples).toEqual(['Jürgen', 'Émilie']);
    await app.client.call('import.preview', { jobId: again.jobId, mapping: again.mapping });
    const result = await app.client.call('import.commit', { jobId: again.jobId });
    expect(result.encoding).toBe(encoding);
    const stored = await app.rows('SELECT first_name, last_name, motivation FROM applications ORDER BY id');
    expect(stored).toEqual([
      { first_name: 'Jürgen', last_name: 'Müller', motivation: 'Très motivé' },
      { first_name: 'Émilie', last_name: 'Novák', motivation: 'Déjà prête' },
    ]);
    await app.core.close();
  });

  it('a real Windows-1252 file raises no warning', async () => {
    const path = join(tempDir(), 'ansi.csv');
    writeFileSync(path, iconv.encode('Application ID;First Name;Last Name;Submitted On\r\nA-1;Zoë;Müller-Œuvray;01/04/2025 10:00\r\nA-2;Šimon;l’Hôte;01/04/2025 10:00\r\n', 'win1252'));
    const app = await openTestApp(tempDir());
    const inspection = await app.client.call('import.inspect', { campaignId: 1, path });
    expect(inspection).toMatchObject({ encoding: 'windows-1252', garbled: [] });
    await app.core.close();
  });

  it('an encoding that is not offered is refused by the contract', async () => {
    const app = await openTestApp(tempDir());
    const result = await app.client.tryCall('import.inspect', { campaignId: 1, path: '/tmp/x.csv', encoding: 'koi8-r' as 'cp850' });
    expect(result).toMatchObject({ ok: false, error: { code: 'Validation' } });
    await app.core.close();
  });
});
