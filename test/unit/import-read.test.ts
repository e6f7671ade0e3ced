import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_FIELDS } from '../../shared/domain/application-fields';
import { VALUE_LENGTH_LIMIT } from '../../shared/domain/import-limits';
import { FileUnreadableError, FORMULA_ERROR, openTable, type FileUnreadableKind, type RowsOptions, type SourceRow, type TableSource } from '../../electron/core/files/read';
import { cellText, decodeXmlEscapes, formatShowsTime, isDateFormat, numberText } from '../../electron/core/files/read/cell-text';

const REFERENCE_DIR = process.env.COHORT_REFERENCE_DIR ?? resolve(__dirname, '../../../shared/reference');
const SAMPLE = join(REFERENCE_DIR, 'sample-export.csv');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-read-'));
  dirs.push(dir);
  return dir;
}

function fixture(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

async function collect(source: TableSource, options?: RowsOptions): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of source.rows(options)) rows.push(row);
  return rows;
}

async function readAll(path: string): Promise<{ source: TableSource; rows: SourceRow[] }> {
  const source = await openTable(path);
  return { source, rows: await collect(source) };
}

async function unreadable(work: Promise<unknown>, kind: FileUnreadableKind): Promise<FileUnreadableError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileUnreadableError);
  const e = error as FileUnreadableError;
  expect(e.kind).toBe(kind);
  expect(e.code).toBe('Validation');
  expect(e.toData()).toMatchObject({ code: 'Validation', kind });
  return e;
}

/** Reading the whole file must fail with `kind`, at openTable or while streaming the rows. */
async function unreadableFile(path: string, kind: FileUnreadableKind): Promise<FileUnreadableError> {
  return unreadable(readAll(path), kind);
}

/** A zip archive with stored (uncompressed) entries: enough to make "an .xlsx that is really a zip of something else". */
function storedZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Writes `count` generated records as CSV through a stream, never holding the file in memory. */
async function writeBigCsv(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('Application ID,First Name,Motivation,Years of University Completed\r\n');
  let chunk = '';
  for (let i = 1; i <= count; i++) {
    const motivation = i % 100 === 0 ? `"Line one, ${i}\nline ""two"""` : `Plain motivation ${i}`;
    chunk += `NIP-${i},Émilie ${i},${motivation},${i % 7}\r\n`;
    if (i % 1000 === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
}

describe('the sample export', () => {
  it('reads every record with spreadsheet row numbers, multi-line values kept as one row', async () => {
    const { source, rows } = await readAll(SAMPLE);
    expect(source).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', sizeBytes: statSync(SAMPLE).size });
    expect(source.headers).toEqual(APPLICATION_FIELDS.map((f) => f.en));
    // 91 lines: a header and 80 records, ten of which hold a two-line motivation.
    expect(rows).toHaveLength(80);
    expect(rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 80 }, (_, i) => i + 2));
    expect(rows.every((r) => r.values.length === 28 && r.extraValues === undefined)).toBe(true);

    const motivation = source.headers.indexOf('Motivation');
    const byId = new Map(rows.map((r) => [r.values[0], r]));
    const multiLine = byId.get('NIP-2026-00003-1');
    expect(multiLine?.rowNumber).toBe(4);
    expect(multiLine?.values[motivation]).toBe('Line one of my motivation.\nLine two, with a comma, and a "quote".');
    // The record after it starts on line 6 of the file but is row 5 of the spreadsheet.
    expect(byId.get('NIP-2026-00004-1')?.rowNumber).toBe(5);
    expect(byId.get('NIP-2026-00004-1')?.values[motivation]).toBe('Tab\tseparated\tthoughts');
    // Values as written: no trimming, no formula evaluation.
    expect(byId.get('NIP-2026-00005-1')?.values[source.headers.indexOf('English Level')]).toBe(' C1 ');
    expect(byId.get('NIP-2026-00005-2')?.values[motivation]).toBe('=HYPERLINK("http://example.invalid","click")');
    expect(byId.get('NIP-2026-00002-1')?.values[2]).toBe('Jürgen');
    expect(rows.at(-1)?.values[0]).toBe('NIP-2026-00040-1');
    expect(rows.at(-1)?.rowNumber).toBe(81);

    // Every application the expected screening lists is among the rows read.
    const expected = readFileSync(join(REFERENCE_DIR, 'sample-export.expected.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('applicationId'))
      .map((line) => (JSON.parse(line) as { applicationId: string }).applicationId);
    expect(expected.length).toBe(79);
    for (const id of expected) expect(byId.has(id)).toBe(true);
  });

  it('reads to the same values from semicolon UTF-8 with BOM, tab UTF-16 LE and BE, and .xlsx', async () => {
    const { source, rows } = await readAll(SAMPLE);
    const table = [source.headers, ...rows.map((r) => r.values)];
    const quote = (v: string, delimiter: string) => (/["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v);
    const text = (delimiter: string) => table.map((r) => r.map((v) => quote(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';

    const semicolon = fixture('semicolon.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(';'), 'utf8')]));
    const utf16le = fixture('unicode-le.txt', Buffer.from(`\uFEFF${text('\t')}`, 'utf16le'));
    const utf16be = fixture('unicode-be.txt', Buffer.from(`\uFEFF${text('\t')}`, 'utf16le').swap16());
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Export');
    for (const r of table) sheet.addRow(r);
    const xlsx = join(tempDir(), 'export.xlsx');
    await workbook.xlsx.writeFile(xlsx);

    for (const [path, encoding, delimiter] of [
      [semicolon, 'utf-8', ';'],
      [utf16le, 'utf-16le', '\t'],
      [utf16be, 'utf-16be', '\t'],
      [xlsx, null, null],
    ] as const) {
      const again = await readAll(path);
      expect({ encoding: again.source.encoding, delimiter: again.source.delimiter }).toEqual({ encoding, delimiter });
      expect(again.source.headers).toEqual(source.headers);
      expect(again.rows).toEqual(rows);
    }
  });
});

describe('delimited text variants', () => {
  it('reads UTF-8 with BOM, semicolons and French headers', async () => {
    const headers = APPLICATION_FIELDS.slice(0, 5).map((f) => f.fr);
    const text = `${headers.join(';')}\r\nNIP-1;C-1;Hélène;"Dupont; née Martin";21/08/2004\r\nNIP-2;C-2;Zoë;Œuvray;01.02.2003\r\n`;
    const path = fixture('export-fr.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const { source, rows } = await readAll(path);
    expect(source).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    // The BOM is not part of the first header.
    expect(source.headers).toEqual(['N° de candidature', 'N° de candidat', 'Prénom', 'Nom', 'Date de naissance']);
    expect(rows).toEqual([
      { rowNumber: 2, values: ['NIP-1', 'C-1', 'Hélène', 'Dupont; née Martin', '21/08/2004'] },
      { rowNumber: 3, values: ['NIP-2', 'C-2', 'Zoë', 'Œuvray', '01.02.2003'] },
    ]);
  });

  it('reads UTF-16 LE with BOM, tab-separated (Excel "Unicode text")', async () => {
    const text = '\uFEFFApplication ID\tFirst Name\tMotivation\r\nNIP-1\tJürgen\t"Prêt, à 100 €; ""vraiment"""\r\nNIP-2\t王芳\t😀 emoji\r\n';
    const { source, rows } = await readAll(fixture('unicode.txt', Buffer.from(text, 'utf16le')));
    expect(source).toMatchObject({ format: 'csv', encoding: 'utf-16le', delimiter: '\t', headers: ['Application ID', 'First Name', 'Motivation'] });
    expect(rows.map((r) => r.values)).toEqual([
      ['NIP-1', 'Jürgen', 'Prêt, à 100 €; "vraiment"'],
      ['NIP-2', '王芳', '😀 emoji'],
    ]);
  });

  it('reads UTF-16 BE with BOM', async () => {
    const text = '\uFEFFApplication ID,Last Name\nNIP-1,Müller\n';
    const { source, rows } = await readAll(fixture('unicode-be.csv', Buffer.from(text, 'utf16le').swap16()));
    expect(source).toMatchObject({ encoding: 'utf-16be', delimiter: ',', headers: ['Application ID', 'Last Name'] });
    expect(rows).toEqual([{ rowNumber: 2, values: ['NIP-1', 'Müller'] }]);
  });

  it('reads Windows-1252 with accents (é, ü, œ, €)', async () => {
    const text = 'Application ID;Prénom;Nom;Motivation\r\nNIP-1;Zoë;Cœurdacier;"Coût : 300 €, été"\r\nNIP-2;Jürgen;Müller;naïve façade\r\n';
    const bytes = iconv.encode(text, 'windows-1252');
    expect(bytes.includes(0x80)).toBe(true); // € is one byte in Windows-1252
    const { source, rows } = await readAll(fixture('ansi.csv', bytes));
    expect(source).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headers: ['Application ID', 'Prénom', 'Nom', 'Motivation'] });
    expect(rows.map((r) => r.values)).toEqual([
      ['NIP-1', 'Zoë', 'Cœurdacier', 'Coût : 300 €, été'],
      ['NIP-2', 'Jürgen', 'Müller', 'naïve façade'],
    ]);
  });

  it('tells Windows-1252 from UTF-8 when the first accent comes after the first 64 KB', async () => {
    let text = 'Application ID,Last Name\r\n';
    for (let i = 1; i <= 5000; i++) text += `NIP-${i},Smith\r\n`;
    text += 'NIP-5001,Müller-Lüdenscheidt\r\n';
    expect(text.length).toBeGreaterThan(64 * 1024);

    const ansi = await readAll(fixture('late-accent-1252.csv', iconv.encode(text, 'windows-1252')));
    expect(ansi.source.encoding).toBe('windows-1252');
    expect(ansi.rows.at(-1)).toEqual({ rowNumber: 5002, values: ['NIP-5001', 'Müller-Lüdenscheidt'] });

    const utf8 = await readAll(fixture('late-accent-utf8.csv', Buffer.from(text, 'utf8')));
    expect(utf8.source.encoding).toBe('utf-8');
    expect(utf8.rows.at(-1)?.values[1]).toBe('Müller-Lüdenscheidt');
  });

  it('reads an ASCII-only file as UTF-8', async () => {
    const { source, rows } = await readAll(fixture('ascii.csv', 'Application ID\nNIP-1\n'));
    expect(source.encoding).toBe('utf-8');
    expect(rows).toEqual([{ rowNumber: 2, values: ['NIP-1'] }]);
  });

  it('reads CRLF, quoted line breaks, quoted delimiters and doubled quotes', async () => {
    const text =
      'Application ID,Motivation,CV File\r\n' +
      'NIP-1,"First line\r\nsecond line, with a comma\nthird after a bare LF",cv1.pdf\r\n' +
      'NIP-2,"She said ""hello"", then left",cv2.pdf\r\n' +
      'NIP-3,"",\r\n' +
      'NIP-4,plain "inner" quotes,cv4.pdf\r\n';
    const { source, rows } = await readAll(fixture('crlf.csv', text));
    expect(source.delimiter).toBe(',');
    expect(rows).toEqual([
      { rowNumber: 2, values: ['NIP-1', 'First line\r\nsecond line, with a comma\nthird after a bare LF', 'cv1.pdf'] },
      { rowNumber: 3, values: ['NIP-2', 'She said "hello", then left', 'cv2.pdf'] },
      { rowNumber: 4, values: ['NIP-3', '', ''] },
      { rowNumber: 5, values: ['NIP-4', 'plain "inner" quotes', 'cv4.pdf'] },
    ]);
  });

  it('reads LF and old Mac CR line ends', async () => {
    const lf = await readAll(fixture('lf.csv', 'A,B\n1,"x\ny"\n2,z'));
    expect(lf.rows).toEqual([
      { rowNumber: 2, values: ['1', 'x\ny'] },
      { rowNumber: 3, values: ['2', 'z'] },
    ]);
    const cr = await readAll(fixture('cr.csv', 'A;B\r1;2\r3;4\r'));
    expect(cr.rows.map((r) => r.values)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('detects the delimiter from the header only, counting outside quotes', async () => {
    // Commas inside the quoted header names must not outvote the two semicolons.
    const quoted = await openTable(fixture('quoted.csv', '"Nom, prénom, titre";"Ville, pays";Poste\n"a, b";c;d\n'));
    expect(quoted.delimiter).toBe(';');
    expect(quoted.headers).toEqual(['Nom, prénom, titre', 'Ville, pays', 'Poste']);
    const single = await readAll(fixture('single.csv', 'Application ID\r\nNIP-1\r\n'));
    expect(single.source.delimiter).toBe(',');
    expect(single.rows).toEqual([{ rowNumber: 2, values: ['NIP-1'] }]);
  });

  it('reads a header-only file as zero rows, with or without a final line end', async () => {
    for (const text of ['Application ID,First Name\r\n', 'Application ID,First Name']) {
      const { source, rows } = await readAll(fixture('header-only.csv', text));
      expect(source.headers).toEqual(['Application ID', 'First Name']);
      expect(rows).toEqual([]);
    }
  });

  it('marks rows with more values than the header, pads short ones, ignores blank extras', async () => {
    const text = 'A,B,C\n1,2,3,4,5\n1,2\n1,2,3,,\n1,2,3, \n';
    const { rows } = await readAll(fixture('extra.csv', text));
    expect(rows).toEqual([
      { rowNumber: 2, values: ['1', '2', '3'], extraValues: 2 },
      { rowNumber: 3, values: ['1', '2', ''] },
      { rowNumber: 4, values: ['1', '2', '3'] },
      { rowNumber: 5, values: ['1', '2', '3'] },
    ]);
  });

  it('keeps duplicate header names and skips blank rows while still counting them', async () => {
    const text = 'Email,Email,Phone\na@x.org,b@x.org,1\n\n,,\n  \nc@x.org,d@x.org,2\n\n';
    const { source, rows } = await readAll(fixture('dupes.csv', text));
    expect(source.headers).toEqual(['Email', 'Email', 'Phone']);
    expect(rows).toEqual([
      { rowNumber: 2, values: ['a@x.org', 'b@x.org', '1'] },
      { rowNumber: 6, values: ['c@x.org', 'd@x.org', '2'] },
    ]);
  });

  it('reads .txt as delimited text and does not care about the extension case', async () => {
    const { source, rows } = await readAll(fixture('EXPORT.TXT', 'A\tB\n1\t2\n'));
    expect(source).toMatchObject({ format: 'csv', delimiter: '\t' });
    expect(rows).toEqual([{ rowNumber: 2, values: ['1', '2'] }]);
  });
});

describe('files that cannot be read', () => {
  it('EmptyFile: 0 bytes, only whitespace, only a BOM', async () => {
    const empty = await unreadableFile(fixture('empty.csv', ''), 'EmptyFile');
    expect(empty.message).toContain('“empty.csv”');
    expect(empty.details.fileName).toBe('empty.csv');
    await unreadableFile(fixture('blank.csv', ' \r\n\t\n\n   '), 'EmptyFile');
    await unreadableFile(fixture('bom.csv', Buffer.from([0xef, 0xbb, 0xbf])), 'EmptyFile');
    await unreadableFile(fixture('bom16.txt', Buffer.from([0xff, 0xfe])), 'EmptyFile');
    await unreadableFile(fixture('bom-blank.csv', Buffer.from('\uFEFF \r\n', 'utf8')), 'EmptyFile');
    await unreadableFile(fixture('empty.xlsx', ''), 'EmptyFile');
  });

  it('Binary: NUL bytes or control characters, even when named .csv', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(2000, 7)]);
    const error = await unreadableFile(fixture('photo.csv', png), 'Binary');
    expect(error.message).toContain('“photo.csv”');
    const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x41)));
    await unreadableFile(fixture('controls.csv', controls), 'Binary');
    // A workbook renamed .csv is binary too, and the message says what it probably is.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRow(['Application ID']);
    const zipped = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await unreadableFile(fixture('renamed.csv', zipped), 'Binary')).message).toContain('.xlsx');
    // UTF-16 without its BOM is full of NULs: refused, with a hint.
    const noBom = await unreadableFile(fixture('nobom.txt', Buffer.from('Application ID\tName\r\nNIP-1\tAnna\r\n', 'utf16le')), 'Binary');
    expect(noBom.message).toContain('UTF-16');
  });

  it('NotXlsx: a zip of something else, not a zip at all, an old .xls, a damaged workbook', async () => {
    const zip = storedZip([
      { name: 'readme.txt', data: Buffer.from('Not a workbook') },
      { name: 'photos/a.jpg', data: Buffer.alloc(100, 1) },
    ]);
    const error = await unreadableFile(fixture('other.xlsx', zip), 'NotXlsx');
    expect(error.message).toContain('“other.xlsx”');
    await unreadableFile(fixture('text.xlsx', 'Application ID,Name\nNIP-1,Anna\n'), 'NotXlsx');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await unreadableFile(fixture('old.xlsx', ole), 'NotXlsx')).message).toContain('.xls');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    for (let i = 0; i < 2000; i++) sheet.addRow([`NIP-${i}`, `Name ${i}`, i]);
    const whole = Buffer.from(await workbook.xlsx.writeBuffer());
    await unreadableFile(fixture('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2))), 'NotXlsx');
  });

  it('NoHeader: the first row is empty', async () => {
    const error = await unreadableFile(fixture('no-header.csv', '\r\nNIP-1,Anna\r\n'), 'NoHeader');
    expect(error.message).toContain('first row');
    await unreadableFile(fixture('delimiters-only.csv', ';;;\nNIP-1;Anna;x;y\n'), 'NoHeader');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.getCell('A2').value = 'Application ID';
    sheet.getCell('A3').value = 'NIP-1';
    const path = join(tempDir(), 'no-header.xlsx');
    await workbook.xlsx.writeFile(path);
    await unreadableFile(path, 'NoHeader');
  });

  it('UnbalancedQuotes: says at which row the quote opens', async () => {
    const text = 'Application ID,Motivation\nNIP-1,fine\nNIP-2,"also\nfine"\nNIP-3,"never closed\nNIP-4,lost\nNIP-5,lost too\n';
    const source = await openTable(fixture('quotes.csv', text));
    const seen: number[] = [];
    const error = await unreadable(
      (async () => {
        for await (const row of source.rows()) seen.push(row.rowNumber);
      })(),
      'UnbalancedQuotes',
    );
    expect(seen).toEqual([2, 3]);
    expect(error.details.row).toBe(4);
    expect(error.message).toContain('row 4');
    expect(error.message).toContain('“quotes.csv”');
    // In the header itself.
    expect((await unreadableFile(fixture('quoted-header.csv', 'Application ID,"Motivation\nNIP-1,x\n'), 'UnbalancedQuotes')).details.row).toBe(1);
  });

  it('MalformedQuotes: text after a closing quote', async () => {
    const error = await unreadableFile(fixture('malformed.csv', 'A,B\n1,2\n3,"quoted"tail\n4,5\n'), 'MalformedQuotes');
    expect(error.details.row).toBe(3);
  });

  it('MixedEncoding: a Windows-1252 row in a UTF-8 file is refused, naming the row, not garbled', async () => {
    let head = 'Application ID,Last Name\r\nNIP-1,Müller\r\n';
    for (let i = 2; i <= 5999; i++) head += `NIP-${i},Smith\r\n`;
    const bytes = Buffer.concat([Buffer.from(head, 'utf8'), iconv.encode('NIP-6000,Zoë\r\nNIP-6001,Smith\r\n', 'windows-1252')]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const error = await unreadableFile(fixture('mixed.csv', bytes), 'MixedEncoding');
    expect(error.details.row).toBe(6001);
    expect(error.message).toContain('row 6,001');
    // Early in the file too (inside the first chunk).
    const early = Buffer.concat([Buffer.from('A,B\n1,é\n2,x\n', 'utf8'), Buffer.from([0x33, 0x2c, 0xe9, 0x0a])]);
    expect((await unreadableFile(fixture('mixed-early.csv', early), 'MixedEncoding')).details.row).toBe(4);
    // In the header itself.
    const inHeader = Buffer.concat([Buffer.from('Application ID,Nom de famille\n1,é\n', 'utf8'), Buffer.from([0x0a])]);
    inHeader[20] = 0xe9; // "Nom de famille" -> "Nom d\xe9 famille"
    expect((await unreadableFile(fixture('mixed-header.csv', inHeader), 'MixedEncoding')).details.row).toBe(1);
    // A UTF-16 file cut in the middle of a character.
    const odd = Buffer.concat([Buffer.from('\uFEFFA\tB\r\n1\t2\r\n', 'utf16le'), Buffer.from([0x41])]);
    await unreadableFile(fixture('odd.txt', odd), 'MixedEncoding');
  });

  it('UnsupportedType: anything but .csv, .txt and .xlsx', async () => {
    for (const name of ['export.xls', 'export.pdf', 'export', 'export.csv.zip', 'export.json']) {
      const error = await unreadable(openTable(fixture(name, 'Application ID\nNIP-1\n')), 'UnsupportedType');
      expect(error.message).toContain(name);
    }
    expect((await unreadable(openTable(fixture('old.xls', 'x')), 'UnsupportedType')).message).toContain('.xlsx');
  });

  it('NotFound: a missing file or a folder', async () => {
    const dir = tempDir();
    const error = await unreadable(openTable(join(dir, 'gone.csv')), 'NotFound');
    expect(error.message).toContain('“gone.csv”');
    await unreadable(openTable(join(dir, 'gone.xlsx')), 'NotFound');
    mkdirSync(join(dir, 'folder.csv'));
    await unreadable(openTable(join(dir, 'folder.csv')), 'NotFound');
  });

  it.skipIf(process.getuid?.() === 0)('AccessDenied: a file Cohort may not read', async () => {
    const path = fixture('locked.csv', 'A\n1\n');
    const { chmodSync } = await import('node:fs');
    chmodSync(path, 0o000);
    await unreadable(openTable(path), 'AccessDenied');
  });
});

describe('.xlsx', () => {
  it('reads the first worksheet: strings, numbers, dates, date-times, formulas, rich text, links, errors', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Applications');
    sheet.addRow(['Application ID', 'Date of Birth', 'Submitted On', 'Years', 'Score', 'Phone', 'Enrolled', 'Motivation', 'CV File', 'Check', 'Total', 'Label', 'Due', 'Bad', 'Zero']);
    const row = sheet.addRow([
      'NIP-1',
      new Date(Date.UTC(2004, 7, 21)),
      new Date(Date.UTC(2025, 3, 6, 7, 48, 0)),
      3,
      0.1 + 0.2,
      32470123456,
      true,
      { richText: [{ text: 'Bold start, ', font: { bold: true } }, { text: 'plain end\nsecond line' }] },
      { text: 'cv_NIP-1.pdf', hyperlink: 'https://example.invalid/cv_NIP-1.pdf' },
      { error: '#N/A' },
      { formula: 'D2*2', result: 6 },
      { formula: 'A2&"!"', result: 'NIP-1!' },
      { formula: 'DATE(2026,3,1)', result: new Date(Date.UTC(2026, 2, 1)) },
      { formula: 'NA()', result: { error: '#N/A' } },
      { formula: 'D2-3', result: 0 },
    ]);
    row.getCell(2).numFmt = 'dd/mm/yyyy';
    row.getCell(3).numFmt = 'dd/mm/yyyy hh:mm';
    row.getCell(13).numFmt = 'yyyy-mm-dd';
    const midnight = sheet.addRow(['NIP-2', new Date(Date.UTC(1999, 11, 31)), new Date(Date.UTC(2025, 2, 30, 0, 0, 0)), 2.5, -4, '0032470123456', false, '=not a formula', '', '', '', '', '', '', '']);
    midnight.getCell(2).numFmt = 'd mmm yyyy';
    midnight.getCell(3).numFmt = 'yyyy-mm-dd hh:mm:ss';
    // A gap (row 4 empty), then a row with a value beyond the header's width.
    sheet.getCell('A5').value = 'NIP-3';
    sheet.getCell('Q5').value = 'stray';
    const other = workbook.addWorksheet('Notes');
    other.addRow(['Not', 'the', 'export']);
    other.addRow(['x', 'y', 'z']);
    const path = join(tempDir(), 'export.xlsx');
    await workbook.xlsx.writeFile(path);

    const { source, rows } = await readAll(path);
    expect(source).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, sizeBytes: statSync(path).size });
    expect(source.headers).toEqual(['Application ID', 'Date of Birth', 'Submitted On', 'Years', 'Score', 'Phone', 'Enrolled', 'Motivation', 'CV File', 'Check', 'Total', 'Label', 'Due', 'Bad', 'Zero']);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        values: [
          'NIP-1',
          '2004-08-21',
          '2025-04-06 07:48:00',
          '3',
          '0.3',
          '32470123456',
          'TRUE',
          'Bold start, plain end\nsecond line',
          'cv_NIP-1.pdf',
          '#N/A',
          '6',
          'NIP-1!',
          '2026-03-01',
          FORMULA_ERROR,
          '0',
        ],
      },
      { rowNumber: 3, values: ['NIP-2', '1999-12-31', '2025-03-30 00:00:00', '2.5', '-4', '0032470123456', 'FALSE', '=not a formula', '', '', '', '', '', '', ''] },
      { rowNumber: 5, values: ['NIP-3', '', '', '', '', '', '', '', '', '', '', '', '', '', ''], extraValues: 2 },
    ]);
  });

  it('reads the first tab even when another sheet comes first in the file', async () => {
    const workbook = new ExcelJS.Workbook();
    const later = workbook.addWorksheet('Later');
    later.addRow(['Wrong']);
    const first = workbook.addWorksheet('First');
    first.addRow(['Application ID']);
    first.addRow(['NIP-1']);
    // Tab order: "First" before "Later", though "Later" is sheet1.xml.
    (first as unknown as { orderNo: number }).orderNo = 0;
    (later as unknown as { orderNo: number }).orderNo = 1;
    const path = join(tempDir(), 'order.xlsx');
    await workbook.xlsx.writeFile(path);
    const { source, rows } = await readAll(path);
    expect(source.headers).toEqual(['Application ID']);
    expect(rows).toEqual([{ rowNumber: 2, values: ['NIP-1'] }]);
  });

  it('reads a worksheet by its tab name, in any case (a reply’s candidates behind its cover sheet), and says when there is none', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Cover').addRow(['Shortlist for DI']);
    const candidates = workbook.addWorksheet('Candidates');
    candidates.addRow(['Candidate code', 'Decision']);
    candidates.addRow(['C-7', 'Interview']);
    const path = join(tempDir(), 'reply.xlsx');
    await workbook.xlsx.writeFile(path);
    const source = await openTable(path, { sheet: 'candidates' });
    expect(source.headers).toEqual(['Candidate code', 'Decision']);
    expect(await collect(source)).toEqual([{ rowNumber: 2, values: ['C-7', 'Interview'] }]);
    expect((await openTable(path)).headers).toEqual(['Shortlist for DI']);
    const error = await unreadable(openTable(path, { sheet: 'Decisions' }), 'NoSuchSheet');
    expect(error.details).toEqual({ fileName: 'reply.xlsx', sheet: 'Decisions' });
    expect(error.message).toBe('“reply.xlsx” has no worksheet named "Decisions". It may not be the workbook Cohort sent, or the tab was renamed.');
  });

  it('keeps accented characters whole across read chunks, reports progress, leaves no temporary files', async () => {
    // exceljs's own streaming reader decodes each 16 KB chunk alone and turns a character cut in
    // two into "��" (exceljs issues #2084, #2316): a few names in 20,000 would come out damaged.
    const names = Array.from({ length: 20_000 }, (_, i) => `Émilie Dupré-Lüdenscheidt ${i} œ € 王芳`);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Export');
    sheet.addRow(['Application ID', 'Name']);
    names.forEach((name, i) => sheet.addRow([`NIP-${i}`, name]));
    const dir = tempDir();
    const path = join(dir, 'accents.xlsx');
    await workbook.xlsx.writeFile(path);
    const size = statSync(path).size;
    const temporary = () => new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('tmp-')));
    const before = temporary();

    const source = await openTable(path);
    const progress: number[] = [];
    const rows = await collect(source, { onBytes: (n) => progress.push(n) });
    expect(rows).toHaveLength(names.length);
    const damaged = rows.filter((r, i) => r.values[1] !== names[i]);
    expect(damaged).toEqual([]);
    expect(progress.at(-1)).toBe(size);
    expect(progress.every((n, i) => n <= size && (i === 0 || n >= (progress[i - 1] ?? 0)))).toBe(true);
    expect([...temporary()].filter((f) => !before.has(f))).toEqual([]);
  });

  it('an empty first worksheet is an empty file', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Empty');
    workbook.addWorksheet('Data').addRow(['Application ID']);
    const path = join(tempDir(), 'empty-sheet.xlsx');
    await workbook.xlsx.writeFile(path);
    await unreadableFile(path, 'EmptyFile');
  });

  it('turns cell values into text the way Excel shows them', () => {
    expect(numberText(3)).toBe('3');
    expect(numberText(1 / 3)).toBe('0.333333333333333');
    expect(numberText(1e21)).toBe('1e+21');
    expect(cellText(null, undefined, false)).toBe('');
    expect(cellText({ formula: 'A1' }, undefined, false)).toBe('');
    expect(cellText({ formula: 'TODAY()', result: 45000.75 }, 'dd/mm/yyyy', false)).toBe('2023-03-15 18:00:00');
    expect(cellText({ formula: 'TODAY()', result: 45000 }, 'dd/mm/yyyy', true)).toBe('2027-03-16');
    expect(cellText(new Date(Date.UTC(2025, 0, 2, 10, 30, 59, 600)), 'dd/mm/yyyy hh:mm', false)).toBe('2025-01-02 10:31:00');
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] } as unknown as string, hyperlink: 'x' }, undefined, false)).toBe('ab');
    expect(decodeXmlEscapes('Line_x000D_\nnext _x005F_x0041_')).toBe('Line\r\nnext _x0041_');
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('#,##0.00 "days"')).toBe(false);
    expect(isDateFormat('[$€-2] #,##0.00')).toBe(false);
    expect(formatShowsTime('dd/mm/yyyy')).toBe(false);
    expect(formatShowsTime('[h]:mm')).toBe(true);
    expect(formatShowsTime('mm:ss')).toBe(true);
    expect(formatShowsTime('d "h" mmm')).toBe(false);
  });
});

describe('big files', () => {
  it('reads 10,000 columns (CSV and .xlsx)', async () => {
    const headers = Array.from({ length: 10_000 }, (_, i) => `Column ${i + 1}`);
    const row = (n: number) => headers.map((_, i) => `r${n}c${i + 1}`);
    const text = [headers, row(1), row(2)].map((r) => r.join(';')).join('\n');
    expect(headers.join(';').length).toBeGreaterThan(64 * 1024); // the header spans several read chunks
    const csv = await readAll(fixture('wide.csv', text));
    expect(csv.source.delimiter).toBe(';');
    expect(csv.source.headers).toEqual(headers);
    expect(csv.rows.map((r) => r.values)).toEqual([row(1), row(2)]);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Wide');
    sheet.addRow(headers);
    sheet.addRow(row(1));
    const path = join(tempDir(), 'wide.xlsx');
    await workbook.xlsx.writeFile(path);
    const xlsx = await readAll(path);
    expect(xlsx.source.headers).toEqual(headers);
    expect(xlsx.rows).toEqual([{ rowNumber: 2, values: row(1) }]);
  });

  it('reads a motivation as long as a field can be (100,000 characters), and the rows around it', async () => {
    // Quotes, delimiters and line breaks inside; longer is refused (import-limits.test.ts).
    const size = VALUE_LENGTH_LIMIT;
    const piece = `I want to serve the Alliance, "truly".\r\n${'Next line; and more, '.repeat(50)}\n`;
    const motivation = piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
    const quoted = `"${motivation.replace(/"/g, '""')}"`;
    const path = join(tempDir(), 'huge-field.csv');
    writeFileSync(path, `Application ID,Motivation,CV File\r\nNIP-1,short,a.pdf\r\nNIP-2,${quoted},b.pdf\r\nNIP-3,after,c.pdf\r\n`);
    const { rows } = await readAll(path);
    expect(rows.map((r) => [r.rowNumber, r.values[0], r.values[2]])).toEqual([
      [2, 'NIP-1', 'a.pdf'],
      [3, 'NIP-2', 'b.pdf'],
      [4, 'NIP-3', 'c.pdf'],
    ]);
    expect(rows[1]?.values[1]?.length).toBe(size);
    expect(rows[1]?.values[1] === motivation).toBe(true);
  });

  it('streams 50,000 rows in order, reading the file only as fast as the rows are taken', async () => {
    const path = join(tempDir(), 'big.csv');
    await writeBigCsv(path, 50_000);
    const size = statSync(path).size;
    const source = await openTable(path);
    let bytesRead = 0;
    const iterator = source.rows({ onBytes: (n) => (bytesRead = n) })[Symbol.asyncIterator]();

    // Take a few rows, then idle: a stream that respects backpressure has read only a little.
    for (let i = 0; i < 10; i++) await iterator.next();
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
    expect(bytesRead).toBeGreaterThan(0);
    expect(bytesRead).toBeLessThan(size / 10);

    let count = 10;
    let last: SourceRow | undefined;
    let multiLine: SourceRow | undefined;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      count++;
      if (next.value.rowNumber !== count + 1) throw new Error(`row ${count} has number ${next.value.rowNumber}`);
      if (next.value.values[0] === 'NIP-25000') multiLine = next.value;
      last = next.value;
    }
    expect(count).toBe(50_000);
    expect(last).toEqual({ rowNumber: 50_001, values: ['NIP-50000', 'Émilie 50000', 'Line one, 50000\nline "two"', String(50_000 % 7)] });
    expect(multiLine?.rowNumber).toBe(25_001);
    expect(bytesRead).toBe(size);
  });

  it('stops reading when the signal aborts', async () => {
    const path = join(tempDir(), 'abort.csv');
    await writeBigCsv(path, 30_000);
    const size = statSync(path).size;
    const source = await openTable(path);
    const controller = new AbortController();
    let bytesRead = 0;
    let count = 0;
    const error = await (async () => {
      for await (const _row of source.rows({ signal: controller.signal, onBytes: (n) => (bytesRead = n) })) {
        if (++count === 1000) controller.abort();
      }
    })().then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error | null)?.name).toBe('AbortError');
    expect(count).toBe(1000);
    expect(bytesRead).toBeLessThan(size / 2);
    // The table was iterated once; it cannot be iterated again.
    expect(() => source.rows()).toThrow();
  });

  it.skipIf(!existsSync('/proc/self/fd'))('closes the file when reading stops early: a break, an error, an abort', async () => {
    const dir = tempDir();
    const csv = join(dir, 'early.csv');
    await writeBigCsv(csv, 5000);
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, `A,B\n${'1,2\n'.repeat(20_000)}3,"open\n${'4,5\n'.repeat(20_000)}`);
    // Big enough (compressed) that stopping early leaves most of the worksheet unread.
    const xlsx = join(dir, 'early.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: false });
    const sheet = writer.addWorksheet('S');
    for (let i = 0; i < 20_000; i++) sheet.addRow([`NIP-${i}`, randomBytes(200).toString('hex'), i]).commit();
    sheet.commit();
    await writer.commit();
    expect(statSync(xlsx).size).toBeGreaterThan(4 * 1024 * 1024);
    const openHandles = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir);
        } catch {
          return false;
        }
      }).length;

    for (const path of [csv, xlsx]) {
      for await (const row of (await openTable(path)).rows()) if (row.rowNumber === 10) break;
      const controller = new AbortController();
      await expect(
        (async () => {
          for await (const row of (await openTable(path)).rows({ signal: controller.signal })) if (row.rowNumber === 10) controller.abort();
        })(),
      ).rejects.toMatchObject({ name: 'AbortError' });
    }
    await unreadableFile(broken, 'UnbalancedQuotes');
    await new Promise((r) => setTimeout(r, 50));
    expect(openHandles()).toBe(0);
  });

  it('stops reading an .xlsx when the signal aborts, and an aborted signal stops it before it starts', async () => {
    const path = join(tempDir(), 'abort.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = writer.addWorksheet('Export');
    sheet.addRow(['Application ID', 'Name', 'Years']).commit();
    for (let i = 1; i <= 5000; i++) sheet.addRow([`NIP-${i}`, `Name ${i}`, i % 7]).commit();
    sheet.commit();
    await writer.commit();

    const source = await openTable(path);
    const controller = new AbortController();
    let count = 0;
    const error = await (async () => {
      for await (const _row of source.rows({ signal: controller.signal })) {
        if (++count === 100) controller.abort();
      }
    })().then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error | null)?.name).toBe('AbortError');
    expect(count).toBe(100);

    const again = await openTable(path);
    const rows = again.rows({ signal: AbortSignal.abort() })[Symbol.asyncIterator]();
    await expect(rows.next()).rejects.toMatchObject({ name: 'AbortError' });

    const whole = await readAll(path);
    expect(whole.rows).toHaveLength(5000);
    expect(whole.rows.at(-1)).toEqual({ rowNumber: 5001, values: ['NIP-5000', 'Name 5000', String(5000 % 7)] });
  });
});
