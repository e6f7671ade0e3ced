import { execFileSync } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_LENGTH_LIMITS, FILE_LIMITS, REJECTED_VALUE_LIMIT, VALUE_LENGTH_LIMIT } from '../../shared/domain/import-limits';
import { FileUnreadableError, openTable, type FileUnreadableKind } from '../../electron/core/files/read';
import { guardedXml, XmlLimitExceeded } from '../../electron/core/files/read/xml-guard';
import { openTestApp, tableCounts, useTempDir, type TestApp } from './support/temp';
import { deflatedRepeat, inlineSheet, SHEET_HEAD, SHEET_TAIL, storedEntry, workbookParts, zipArchive } from './support/zip';

const tempDir = useTempDir();

/** Reads the whole file; returns the reader's refusal. */
async function readerRefusal(path: string, onBytes?: (n: number) => void): Promise<FileUnreadableError> {
  const error = await (async () => {
    const table = await openTable(path);
    for await (const _row of table.rows({ onBytes })) void _row;
  })().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileUnreadableError);
  return error as FileUnreadableError;
}

/** Inspect, then preview with the offered mapping: refused with `kind` at one of them, and the database as it was. */
async function expectRefused(app: TestApp, path: string, kind: FileUnreadableKind | FileUnreadableKind[]): Promise<string> {
  const before = await tableCounts(app.core);
  const inspection = await app.client.tryCall('import.inspect', { campaignId: 1, path });
  let failure;
  if (inspection.ok) {
    const preview = await app.client.tryCall('import.preview', { jobId: inspection.value.jobId, mapping: inspection.value.mapping });
    expect(preview.ok).toBe(false);
    failure = preview.ok ? null : preview.error;
  } else {
    failure = inspection.error;
  }
  expect(failure?.code).toBe('Validation');
  expect([kind].flat()).toContain(failure?.kind);
  expect(await tableCounts(app.core)).toEqual(before);
  return failure?.message ?? '';
}

const HEADERS = 'Application ID,Status,Submitted On,First Name,Motivation';

describe('a FIFO named .csv', () => {
  it.skipIf(process.platform === 'win32')('is refused before it is opened, with a plain message (it used to block for ever)', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'export.csv');
    execFileSync('mkfifo', [fifo]);
    const error = await openTable(fifo).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileUnreadableError);
    expect((error as FileUnreadableError).kind).toBe('NotRegularFile');
    const app = await openTestApp(tempDir());
    const message = await expectRefused(app, fifo, 'NotRegularFile');
    expect(message).toContain('“export.csv” is not an ordinary file');
    await app.core.close();
  });
});

describe('CSV beyond what an export holds: a clear error, nothing written', () => {
  it('a field one character over the longest a field can be (the motivation)', async () => {
    const path = join(tempDir(), 'long-field.csv');
    const ok = 'x'.repeat(VALUE_LENGTH_LIMIT);
    writeFileSync(path, `${HEADERS}\r\nA-1,Submitted,2025-04-01 10:00,Ann,${ok}\r\nA-2,Submitted,2025-04-01 10:00,Bob,${ok}y\r\n`);
    const error = await readerRefusal(path);
    expect(error.kind).toBe('ValueTooLong');
    expect(error.details).toMatchObject({ row: 3, column: 'Motivation', limit: VALUE_LENGTH_LIMIT });
    expect(error.message).toContain('row 3, column “Motivation” holds more than 100,000 characters');
    const app = await openTestApp(tempDir());
    await expectRefused(app, path, 'ValueTooLong');
    await app.core.close();
  });

  it('a first name longer than a name can be: the per-field limit, named', async () => {
    const path = join(tempDir(), 'long-name.csv');
    writeFileSync(path, `${HEADERS}\r\nA-1,Submitted,2025-04-01 10:00,${'N'.repeat(FIELD_LENGTH_LIMITS.firstName + 1)},ok\r\n`);
    const app = await openTestApp(tempDir());
    const message = await expectRefused(app, path, 'ValueTooLong');
    expect(message).toContain('row 2, column “First Name” holds more than 200 characters');
    await app.core.close();
  });

  it('a 200 MB field is refused after reading a few megabytes of it, not held in memory', async () => {
    const path = join(tempDir(), 'huge-field.csv');
    const out = createWriteStream(path);
    out.write(`${HEADERS}\r\nA-1,Submitted,2025-04-01 10:00,Ann,"`);
    const block = 'All work and no play makes a dull applicant. '.repeat(23_000); // ~1 MB
    for (let i = 0; i < 200; i++) if (!out.write(block)) await once(out, 'drain');
    out.end('"\r\n');
    await once(out, 'finish');
    let bytesRead = 0;
    const error = await readerRefusal(path, (n) => (bytesRead = n));
    expect(error.kind).toBe('RowTooLong');
    expect(error.details.row).toBe(2);
    // The read stopped once the row passed the limit: the file was not read (or held) whole.
    expect(bytesRead).toBeLessThan(4 * FILE_LIMITS.rowCharacters);
    const app = await openTestApp(tempDir());
    await expectRefused(app, path, 'RowTooLong');
    await app.core.close();
  });

  it('200,000 columns: a plain message from the reader, not "mapping: Too big"', async () => {
    const path = join(tempDir(), 'wide.csv');
    const headers = Array.from({ length: 200_000 }, (_v, i) => `Q${i}`);
    writeFileSync(path, `${headers.join(',')}\r\n${headers.map(() => '1').join(',')}\r\n`);
    const error = await readerRefusal(path);
    expect(error.kind).toBe('TooManyColumns');
    expect(error.message).toContain('has 200,000 columns in row 1; Cohort reads at most 16,384');
    const app = await openTestApp(tempDir());
    await expectRefused(app, path, 'TooManyColumns');
    await app.core.close();
  });
});

describe('.xlsx beyond what an export holds: a clear error, nothing written', () => {
  const bombHead = `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Application ID</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>`;
  const bombTail = `</t></is></c></row>${SHEET_TAIL}`;
  const megabyteOfA = 'A'.repeat(1024 * 1024);

  it.each([
    ['declaring its size', undefined],
    ['lying about its size', 2_000],
  ])('a zip bomb %s: a 300 KB workbook whose worksheet unpacks to 300 MB', async (_how, declared) => {
    const sheet = await deflatedRepeat('xl/worksheets/sheet1.xml', bombHead, megabyteOfA, 300, bombTail, declared);
    const path = join(tempDir(), 'bomb.xlsx');
    writeFileSync(path, zipArchive([...workbookParts(false), sheet]));
    const error = await readerRefusal(path);
    expect(error.kind).toBe('ExpandsTooMuch');
    expect(error.details.part).toBe('xl/worksheets/sheet1.xml');
    expect(error.message).toContain('once unpacked, its part “xl/worksheets/sheet1.xml” is far bigger than an export');
    const app = await openTestApp(tempDir());
    await expectRefused(app, path, 'ExpandsTooMuch');
    await app.core.close();
  });

  it('20 million shared strings in a small file, declared or not', async () => {
    // Declared: the packing ratio refuses it at once. Undeclared: whichever comes first as it unpacks, the ratio or the count.
    for (const [declared, kinds] of [
      [undefined, ['ExpandsTooMuch']],
      [5_000, ['ExpandsTooMuch', 'TooManyCells']],
    ] as const) {
      const strings = await deflatedRepeat(
        'xl/sharedStrings.xml',
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        '<si><t>x</t></si>'.repeat(65_536), // 1 MB
        20_000_000 / 65_536,
        '</sst>',
        declared,
      );
      const sheet = storedEntry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`);
      const path = join(tempDir(), 'strings.xlsx');
      writeFileSync(path, zipArchive([...workbookParts(true), strings, sheet]));
      const app = await openTestApp(tempDir());
      await expectRefused(app, path, [...kinds]);
      await app.core.close();
    }
  });

  it('more shared strings or cells than an export holds, even where they pack no better than real XML', async () => {
    // The count itself, on the guard that watches the XML before exceljs keeps it (small limits for speed).
    async function* chunks(): AsyncGenerator<string> {
      for (let i = 0; i < 100; i++) yield '<si><t>a</t></si><x:si><x:t>b</x:t></x:si>'.repeat(10);
    }
    const counted = async (max: number) => {
      for await (const _c of guardedXml(chunks(), { maxRun: 1000, counted: { element: 'si', max } })) void _c;
    };
    await expect(counted(2000)).resolves.toBeUndefined();
    await expect(counted(1999)).rejects.toEqual(new XmlLimitExceeded('counted'));
    // A tag cut between two chunks still counts once.
    async function* cut(): AsyncGenerator<string> {
      yield '<row r="1"><c r="A1"/><';
      yield 'c r="B1"/></row>';
    }
    const perRow = async (max: number) => {
      for await (const _c of guardedXml(cut(), { maxRun: 1000, perParent: { element: 'c', within: 'row', max } })) void _c;
    };
    await expect(perRow(2)).resolves.toBeUndefined();
    await expect(perRow(1)).rejects.toEqual(new XmlLimitExceeded('perParent'));
  });

  it('a worksheet row with more cells than Excel has columns', async () => {
    const row = Array.from({ length: FILE_LIMITS.columns + 1 }, (_v, i) => `c${i}`);
    const path = join(tempDir(), 'wide.xlsx');
    writeFileSync(path, zipArchive([...workbookParts(false), storedEntry('xl/worksheets/sheet1.xml', inlineSheet([['Application ID'], row]))]));
    const error = await readerRefusal(path);
    expect(error.kind).toBe('TooManyColumns');
    const app = await openTestApp(tempDir());
    await expectRefused(app, path, 'TooManyColumns');
    await app.core.close();
  });

  it('a cell longer than any field', async () => {
    const path = join(tempDir(), 'long-cell.xlsx');
    const sheet = inlineSheet([
      ['Application ID', 'Submitted On', 'Motivation'],
      ['A-1', '2025-04-01 10:00', 'm'.repeat(VALUE_LENGTH_LIMIT + 1)],
    ]);
    writeFileSync(path, zipArchive([...workbookParts(false), storedEntry('xl/worksheets/sheet1.xml', sheet)]));
    const error = await readerRefusal(path);
    expect(error.kind).toBe('ValueTooLong');
    expect(error.details).toMatchObject({ row: 2, column: 'Motivation' });
  });
});

describe('the store of rejected rows', () => {
  it('keeps a cut copy of long values, and says it was cut', async () => {
    const path = join(tempDir(), 'rejected.csv');
    const motivation = 'Long motivation. '.repeat(5_000); // 85,000 characters: allowed, but not worth keeping whole for a rejected row
    writeFileSync(path, `${HEADERS}\r\nA-1,Pending,2025-04-01 10:00,Ann,${motivation}\r\n`);
    const app = await openTestApp(tempDir());
    const inspection = await app.client.call('import.inspect', { campaignId: 1, path });
    await app.client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
    const result = await app.client.call('import.commit', { jobId: inspection.jobId });
    expect(result.counts.rejected).toBe(1);
    const [stored] = await app.rows<{ values_json: string }>('SELECT values_json FROM import_rejections');
    expect(stored!.values_json.length).toBeLessThan(REJECTED_VALUE_LIMIT * 2);
    const values = JSON.parse(stored!.values_json) as string[];
    expect(values[4]).toBe(`${motivation.slice(0, REJECTED_VALUE_LIMIT)}… [cut by Cohort: 85,000 characters in the file]`);
    expect(values.slice(0, 4)).toEqual(['A-1', 'Pending', '2025-04-01 10:00', 'Ann']);
    await app.core.close();
  });
});
