import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../shared/api/client';
import type { ColumnTarget, ImportResult } from '../../shared/api/contract';
import { APPLICATION_FIELDS, type ApplicationFieldKey } from '../../shared/domain/application-fields';
import { FIELD_LENGTH_LIMITS } from '../../shared/domain/import-limits';
import { brusselsWallClock, parseDateTime } from '../../shared/domain/datetime';
import { runCli } from '../../electron/cli';
import { expectedSample, referencePath } from './support/reference';
import { openTestApp, tableCounts, useTempDir, type TestApp } from './support/temp';
import { downloadedText } from './support/file-output';

const tempDir = useTempDir();

async function importFile(client: Client, path: string, fix?: (mapping: ColumnTarget[]) => ColumnTarget[]): Promise<ImportResult> {
  const inspection = await client.call('import.inspect', { campaignId: 1, path });
  const mapping = fix ? fix(inspection.mapping) : inspection.mapping;
  await client.call('import.preview', { jobId: inspection.jobId, mapping });
  return client.call('import.commit', { jobId: inspection.jobId });
}

/** The stored applications, comparable across files written differently: parsed values, not raw dates. */
async function storedData(app: TestApp): Promise<Record<string, unknown>[]> {
  // Raw dates are written differently in each file: compare their parsed forms.
  const rawDates = new Set(['date_of_birth', 'degree_date', 'submitted_on']);
  return (await app.rows<Record<string, unknown>>('SELECT * FROM applications ORDER BY id')).map((row) =>
    Object.fromEntries(
      Object.entries(row).filter(([k]) => !rawDates.has(k) && !['id', 'created_at', 'updated_at', 'import_id'].includes(k)),
    ),
  );
}

function sampleRows(): { headers: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(readFileSync(referencePath('sample-export.csv'), 'utf8'), { skipEmptyLines: true });
  const [headers, ...rows] = parsed.data;
  return { headers: headers!, rows };
}

const fieldOfHeader = (h: string): ApplicationFieldKey => APPLICATION_FIELDS.find((f) => f.en === h)!.key;
const pad = (n: number) => String(n).padStart(2, '0');

/** "2004-08-21" -> "21/08/2004"; an ISO instant -> Brussels "DD/MM/YYYY HH:MM:SS"; anything else unchanged. */
function dayFirst(field: ApplicationFieldKey, value: string): string {
  if ((field === 'dateOfBirth' || field === 'degreeDate') && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  if (field === 'submittedOn') {
    const instant = parseDateTime(value);
    if (!instant) return value;
    const c = brusselsWallClock(Date.parse(instant));
    return `${pad(c.day)}/${pad(c.month)}/${c.year} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;
  }
  return value;
}

describe('importing the reference sample', () => {
  it('stores every submitted row, skips the draft, rejects nothing; again, everything is unchanged', async () => {
    const expected = expectedSample();
    const app = await openTestApp(tempDir());
    const first = await importFile(app.client, referencePath('sample-export.csv'));
    expect(first.counts).toMatchObject({ added: expected.verdicts.length, updated: 0, unchanged: 0, skippedDrafts: expected.drafts, rejected: 0 });
    expect(first.rejectedRows).toEqual(expected.rejectedRows);
    const ids = (await app.rows<{ application_id: string }>('SELECT application_id FROM applications')).map((r) => r.application_id).sort();
    expect(ids).toEqual(expected.verdicts.map((v) => v.applicationId).sort());

    const before = await tableCounts(app.core);
    const again = await importFile(app.client, referencePath('sample-export.csv'));
    expect(again.counts).toMatchObject({ added: 0, updated: 0, unchanged: expected.verdicts.length, skippedDrafts: expected.drafts, rejected: 0 });
    const after = await tableCounts(app.core);
    expect(after.application_revisions).toBe(before.application_revisions);
    expect(after.applications).toBe(before.applications);
    expect(after.imports).toBe(before.imports! + 1);
    await app.core.close();
  });

  it('through the CLI, prints one JSON object per file with the counts', async () => {
    const dir = tempDir();
    // The database a test opens, a file or the server's (its URL: the CLI takes either as --db).
    const app = await openTestApp(dir);
    await app.core.close();
    const db = app.databasePath;
    let out = '';
    const io = { out: (t: string) => (out += `${t}\n`), err: () => {} };
    expect(await runCli(['import', '--db', db, '--json', referencePath('sample-export.csv')], io, { COHORT_DATA_DIR: dir })).toBe(0);
    const result = JSON.parse(out);
    const expected = expectedSample();
    expect(result).toEqual({
      file: referencePath('sample-export.csv'),
      imported: expected.verdicts.length,
      updated: 0,
      unchanged: 0,
      skippedDrafts: expected.drafts,
      rejected: [],
    });
    out = '';
    expect(await runCli(['import', '--db', db, '--json', referencePath('sample-export.csv')], io, { COHORT_DATA_DIR: dir })).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ imported: 0, updated: 0, unchanged: expected.verdicts.length });
  });
});

describe('the same applications written differently import to identical data', () => {
  it('semicolon UTF-8 with BOM, French headers, day-first dates; tab-separated UTF-16; .xlsx', async () => {
    const { headers, rows } = sampleRows();
    const fields = headers.map(fieldOfHeader);
    const dir = tempDir();

    const french = join(dir, 'export-fr.csv');
    const frHeaders = fields.map((f) => APPLICATION_FIELDS.find((x) => x.key === f)!.fr);
    const frRows = rows.map((r) => r.map((v, i) => dayFirst(fields[i]!, v)));
    writeFileSync(french, `\uFEFF${Papa.unparse([frHeaders, ...frRows], { delimiter: ';', newline: '\r\n' })}`, 'utf8');

    const utf16 = join(dir, 'export-unicode.txt');
    writeFileSync(utf16, iconv.encode(Papa.unparse([headers, ...rows], { delimiter: '\t', newline: '\r\n' }), 'utf16-le', { addBOM: true }));

    const xlsx = join(dir, 'export.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Applications');
    sheet.addRow(headers);
    for (const r of rows) {
      const added = sheet.addRow(
        r.map((v, i) => {
          const f = fields[i]!;
          if ((f === 'dateOfBirth' || f === 'degreeDate') && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
          if (f === 'submittedOn' && parseDateTime(v)) {
            // Excel holds wall-clock time with no zone: the Brussels time, as the office's Excel shows it.
            const c = brusselsWallClock(Date.parse(parseDateTime(v)!));
            return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));
          }
          if (f === 'yearsCompleted' && /^\d+$/.test(v)) return Number(v);
          return v;
        }),
      );
      // Real date and date-time cells, formatted as the e-recruitment system's Excel export does.
      fields.forEach((f, i) => {
        const cell = added.getCell(i + 1);
        if (cell.value instanceof Date) cell.numFmt = f === 'submittedOn' ? 'dd/mm/yyyy hh:mm:ss' : 'dd/mm/yyyy';
      });
    }
    await workbook.xlsx.writeFile(xlsx);

    const stored: Record<string, unknown>[][] = [];
    for (const file of [referencePath('sample-export.csv'), french, utf16, xlsx]) {
      const app = await openTestApp(tempDir());
      const result = await importFile(app.client, file);
      expect(result.rejectedRows, file).toEqual([]);
      stored.push(await storedData(app));
      await app.core.close();
    }
    expect(stored[0]!.length).toBe(expectedSample().verdicts.length);
    expect(stored[1]).toEqual(stored[0]);
    expect(stored[2]).toEqual(stored[0]);
    expect(stored[3]).toEqual(stored[0]);
  });
});

describe('a newer export', () => {
  it('updates changed rows, adds new ones, and keeps a revision per changed field', async () => {
    const dir = tempDir();
    const header = 'Application ID,First Name,Email,Submitted On,Motivation\r\n';
    const v1 = join(dir, 'v1.csv');
    writeFileSync(v1, `${header}A-1,Ann,ann@example.org,2025-04-01 10:00,First\r\nA-2,Bob,bob@example.org,2025-04-01 11:00,Hi\r\n`);
    const v2 = join(dir, 'v2.csv');
    writeFileSync(v2, `${header}A-1,Anne,ann@example.org,2025-04-01 10:00,Second thoughts\r\nA-2,Bob,bob@example.org,2025-04-01 11:00,Hi\r\nA-3,Cy,cy@example.org,2025-04-02 09:00,New\r\n`);
    const app = await openTestApp(tempDir());
    const first = await importFile(app.client, v1);
    const second = await importFile(app.client, v2);
    expect(second.counts).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    const revisions = await app.rows('SELECT a.application_id, r.field, r.old_value, r.new_value, r.import_id FROM application_revisions r JOIN applications a ON a.id = r.application_ref ORDER BY r.field');
    expect(revisions).toEqual([
      { application_id: 'A-1', field: 'firstName', old_value: 'Ann', new_value: 'Anne', import_id: second.id },
      { application_id: 'A-1', field: 'motivation', old_value: 'First', new_value: 'Second thoughts', import_id: second.id },
    ]);
    expect(second.id).toBeGreaterThan(first.id);
    const history = await app.client.call('import.list', { campaignId: 1 });
    expect(history.map((h) => [h.fileName, h.counts.added, h.counts.updated])).toEqual([
      ['v2.csv', 1, 1],
      ['v1.csv', 2, 0],
    ]);
    expect(history[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    await app.core.close();
  });

  it('remembers the confirmed mapping for the next file with the same headers', async () => {
    const dir = tempDir();
    const file = join(dir, 'odd.csv');
    writeFileSync(file, 'Ref,Submitted On,Mail address\r\nA-1,2025-04-01 10:00,a@example.org\r\n');
    const app = await openTestApp(tempDir());
    const first = await app.client.call('import.inspect', { campaignId: 1, path: file });
    expect(first.mappingSource).toBe('automatic');
    const corrected: ColumnTarget[] = [{ kind: 'field', field: 'applicationId' }, first.mapping[1]!, { kind: 'field', field: 'email' }];
    await app.client.call('import.preview', { jobId: first.jobId, mapping: corrected });
    await app.client.call('import.commit', { jobId: first.jobId });
    const second = await app.client.call('import.inspect', { campaignId: 1, path: file });
    expect(second.mappingSource).toBe('saved');
    expect(second.mapping).toEqual(corrected);
    await app.client.call('import.cancel', { jobId: second.jobId });
    await app.core.close();
  });
});

describe('bad input: a clear message, and the database as it was', () => {
  async function expectRefused(app: TestApp, path: string, kind: RegExp, fix?: (m: ColumnTarget[]) => ColumnTarget[]) {
    const before = await tableCounts(app.core);
    const inspection = await app.client.tryCall('import.inspect', { campaignId: 1, path });
    if (inspection.ok) {
      const mapping = fix ? fix(inspection.value.mapping) : inspection.value.mapping;
      const preview = await app.client.tryCall('import.preview', { jobId: inspection.value.jobId, mapping });
      expect(preview.ok, path).toBe(false);
      if (!preview.ok) expect(`${preview.error.kind}: ${preview.error.message}`).toMatch(kind);
    } else {
      expect(`${inspection.error.kind}: ${inspection.error.message}`).toMatch(kind);
    }
    expect(await tableCounts(app.core)).toEqual(before);
  }

  it.each([
    ['empty.csv', '', /EmptyFile/],
    ['binary.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]), /Binary/],
    ['fake.xlsx', Buffer.from('PK\u0003\u0004 this is not really a workbook'), /NotXlsx/],
    ['no-id.csv', 'First Name,Submitted On\r\nAnn,2025-04-01 10:00\r\n', /MappingInvalid.*Application ID/],
    ['two-emails.csv', 'Application ID,Email,E-mail,Submitted On\r\nA-1,a@x.org,b@x.org,2025-04-01 10:00\r\n', /MappingInvalid.*both mapped to "Email"/],
    ['quotes.csv', 'Application ID,Submitted On,Motivation\r\nA-1,2025-04-01 10:00,"never closed\r\nA-2,2025-04-01 10:00,fine\r\n', /UnbalancedQuotes/],
    ['notes.docx', 'hello', /UnsupportedType/],
  ])('%s', async (name, content, kind) => {
    const dir = tempDir();
    const path = join(dir, name);
    writeFileSync(path, content);
    const app = await openTestApp(tempDir());
    await expectRefused(app, path, kind);
    await app.core.close();
  });

  it('a missing file', async () => {
    const app = await openTestApp(tempDir());
    await expectRefused(app, join(tempDir(), 'gone.csv'), /NotFound/);
    await app.core.close();
  });

  it('header only: read, nothing to import', async () => {
    const dir = tempDir();
    const path = join(dir, 'header.csv');
    writeFileSync(path, 'Application ID,Submitted On\r\n');
    const app = await openTestApp(tempDir());
    const result = await importFile(app.client, path);
    expect(result.counts).toMatchObject({ totalRows: 0, added: 0, rejected: 0 });
    await app.core.close();
  });

  it('only drafts: all skipped, none stored', async () => {
    const dir = tempDir();
    const path = join(dir, 'drafts.csv');
    writeFileSync(path, 'Application ID,Status,Submitted On\r\nA-1,Draft,\r\nA-2,Brouillon,\r\n');
    const app = await openTestApp(tempDir());
    const result = await importFile(app.client, path);
    expect(result.counts).toMatchObject({ totalRows: 2, added: 0, skippedDrafts: 2, rejected: 0 });
    expect((await tableCounts(app.core)).applications).toBe(0);
    await app.core.close();
  });

  it('stores the good rows and lists the bad ones with row, column and message', async () => {
    const dir = tempDir();
    const path = join(dir, 'mixed.csv');
    writeFileSync(
      path,
      [
        'Application ID,Status,Submitted On,Motivation',
        'A-1,Submitted,2025-04-01 10:00,ok', // row 2
        'A-1,Submitted,2025-04-01 10:00,again', // row 3: same id
        ',Submitted,2025-04-01 10:00,no id', // row 4
        'A-4,Submitted,2025-04-01 10:00,too,many,values', // row 5
        'A-5,Pending,2025-04-01 10:00,?', // row 6
        'A-6,Submitted,someday,?', // row 7
        'A-7,Submitted,"2025-04-01 10:00","multi',
        'line, with ""quotes"""', // row 8 (one record over two lines)
        'A-8,Submitted,2025-04-01 10:00,ok', // row 9
      ].join('\r\n'),
    );
    const app = await openTestApp(tempDir());
    const result = await importFile(app.client, path);
    expect(result.counts).toMatchObject({ totalRows: 8, added: 3, rejected: 5 });
    expect(result.rejectedRows.map((r) => [r.row, r.column, r.code])).toEqual([
      [3, 'Application ID', 'DuplicateApplicationId'],
      [4, 'Application ID', 'MissingApplicationId'],
      [5, null, 'TooManyValues'],
      [6, 'Status', 'UnknownStatus'],
      [7, 'Submitted On', 'UnreadableSubmittedOn'],
    ]);
    const motivation = await app.rows("SELECT motivation FROM applications WHERE application_id = 'A-7'");
    expect(motivation).toEqual([{ motivation: 'multi\r\nline, with "quotes"' }]);
    // The rejected rows, saved as a CSV to send back: formula-looking text is defused.
    const rejections = await app.client.call('import.rejections', { importId: result.id });
    expect(rejections).toHaveLength(5);
    const { text: csv, fileName } = downloadedText(await app.client.call('import.rejectionsCsv', { importId: result.id, target: { kind: 'download' } }));
    expect(fileName).toBe('mixed - rejected rows.csv');
    expect(csv.startsWith('\uFEFF"Row","Column","Problem","Application ID"')).toBe(true);
    await app.core.close();
  });

  it('Windows-1252 with accents keeps every character', async () => {
    const dir = tempDir();
    const path = join(dir, 'cp1252.csv');
    writeFileSync(path, iconv.encode('Application ID;First Name;Last Name;Submitted On;Motivation\r\nA-1;Zoë;Müller-Œuvray;01/04/2025 10:00;Budget de 5 000 € — « merci »\r\n', 'win1252'));
    const app = await openTestApp(tempDir());
    await importFile(app.client, path);
    expect(await app.rows('SELECT first_name, last_name, motivation FROM applications')).toEqual([
      {
        first_name: 'Zoë',
        last_name: 'Müller-Œuvray',
        motivation: 'Budget de 5 000 € — « merci »',
      },
    ]);
    await app.core.close();
  });

  it('a motivation as long as a field can be (100,000 characters) and 10,000 columns', async () => {
    const dir = tempDir();
    const big = join(dir, 'big-field.csv');
    const huge = 'x'.repeat(FIELD_LENGTH_LIMITS.motivation);
    writeFileSync(big, `Application ID,Submitted On,Motivation\r\nA-1,2025-04-01 10:00,${huge}\r\n`);
    const wide = join(dir, 'wide.csv');
    const extras = Array.from({ length: 9998 }, (_v, i) => `Extra ${i}`);
    writeFileSync(wide, `Application ID,Submitted On,${extras.join(',')}\r\nA-2,2025-04-01 10:00,${extras.map((_e, i) => (i % 1000 === 0 ? `v${i}` : '')).join(',')}\r\n`);
    const app = await openTestApp(tempDir());
    expect((await importFile(app.client, big)).counts.added).toBe(1);
    expect((await importFile(app.client, wide)).counts.added).toBe(1);
    const lengths = await app.rows("SELECT length(motivation) AS n FROM applications WHERE application_id = 'A-1'");
    expect(lengths).toEqual([{ n: huge.length }]);
    const [extra] = await app.rows<{ extra_json: string }>("SELECT extra_json FROM applications WHERE application_id = 'A-2'");
    expect(Object.keys(JSON.parse(extra!.extra_json))).toHaveLength(10);
    await app.core.close();
  });

  it('cancelling a preview leaves nothing behind, and the job cannot be committed', async () => {
    const dir = tempDir();
    const path = join(dir, 'demo.csv');
    const { writeDemoExport } = await import('../../electron/core/demo/export-file');
    await writeDemoExport(path, { count: 20_000, seed: 5 });
    const app = await openTestApp(tempDir());
    const before = await tableCounts(app.core);
    const inspection = await app.client.call('import.inspect', { campaignId: 1, path });
    const preview = app.client.tryCall('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
    await new Promise<void>((resolve) => {
      const off = app.core.subscribe((e) => {
        if (e.type === 'progress' && e.job === 'import' && (e.rows ?? 0) > 1000) {
          off();
          resolve();
        }
      });
    });
    expect(await app.client.call('import.cancel', { jobId: inspection.jobId })).toEqual({ cancelled: true });
    expect((await preview).ok).toBe(false);
    expect(await app.client.tryCall('import.commit', { jobId: inspection.jobId })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    // On a file the staging is the connection's TEMP tables: none is left. (On the server it is a
    // scratch database of the job's own, closed with it: import-staging.test.ts.)
    if (app.engine === 'sqlite') expect(app.core.session.open.sqlite.prepare("SELECT count(*) AS n FROM temp.sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    expect(await tableCounts(app.core)).toEqual(before);
    await app.core.close();
  });
});

describe('between preview and commit', () => {
  it('commit records what it did when the campaign changed after the preview', async () => {
    const dir = tempDir();
    const header = 'Application ID,First Name,Submitted On\r\n';
    const a = join(dir, 'a.csv');
    writeFileSync(a, `${header}A-1,Ann,2025-04-01 10:00\r\nA-2,Bob,2025-04-01 11:00\r\n`);
    const b = join(dir, 'b.csv');
    writeFileSync(b, `${header}A-2,Bob,2025-04-01 11:00\r\n`);
    const app = await openTestApp(tempDir());
    const first = await app.client.call('import.inspect', { campaignId: 1, path: a });
    const preview = await app.client.call('import.preview', { jobId: first.jobId, mapping: first.mapping });
    expect(preview.counts).toMatchObject({ added: 2, unchanged: 0 });
    await importFile(app.client, b); // A-2 arrives by another file meanwhile
    const committed = await app.client.call('import.commit', { jobId: first.jobId });
    expect(committed.counts).toMatchObject({ added: 1, unchanged: 1, updated: 0 });
    expect((await app.client.call('import.list', { campaignId: 1 }))[0]!.counts).toMatchObject({ added: 1, unchanged: 1 });
    expect((await tableCounts(app.core)).applications).toBe(2);
    await app.core.close();
  });

  it('an officer who corrects a value after the preview is not overwritten: the commit is refused whole, and goes through once previewed again', async () => {
    const dir = tempDir();
    const header = 'Application ID,First Name,Last Name,Submitted On\r\n';
    const v1 = join(dir, 'v1.csv');
    writeFileSync(v1, `${header}A-1,Ann,Lindqvist,2025-04-01 10:00\r\nA-2,Bob,Smith,2025-04-01 11:00\r\n`);
    const v2 = join(dir, 'v2.csv');
    writeFileSync(v2, `${header}A-1,Anne,Lindqvist,2025-04-01 10:00\r\nA-2,Bob,Smith,2025-04-01 11:00\r\n`);
    const app = await openTestApp(tempDir());
    await importFile(app.client, v1);
    const [{ id: ref }] = (await app.rows<{ id: number }>("SELECT id FROM applications WHERE application_id = 'A-1'")) as [{ id: number }];
    const second = await app.client.call('import.inspect', { campaignId: 1, path: v2 });
    expect((await app.client.call('import.preview', { jobId: second.jobId, mapping: second.mapping })).counts).toMatchObject({ updated: 1, unchanged: 1 });
    // Meanwhile an officer corrects A-1's last name (from the passport).
    await app.client.call('application.correct', { ref, field: 'lastName', value: 'Lindqvist-Berg', reason: 'From the passport copy' });
    const before = await tableCounts(app.core);
    expect(await app.client.tryCall('import.commit', { jobId: second.jobId })).toMatchObject({ ok: false, error: { code: 'Conflict', kind: 'CorrectedSincePreview', details: { applicationId: 'A-1' } } });
    expect(await tableCounts(app.core)).toEqual(before);
    // Previewed again: the export's change is taken, the officer's correction stands.
    const again = await importFile(app.client, v2);
    expect(again.counts).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await app.rows("SELECT first_name, last_name FROM applications WHERE application_id = 'A-1'")).toEqual([{ first_name: 'Anne', last_name: 'Lindqvist-Berg' }]);
    await app.core.close();
  });
});
