import { crc32, constants, createDeflateRaw, type DeflateRaw } from 'node:zlib';

/**
 * Zip archives written by hand for tests of hostile workbooks: stored or deflated entries, and
 * sizes that may lie. Only what the tests need (no zip64, no data descriptors).
 */
export interface ZipEntry {
  name: string;
  /** The entry's bytes as stored in the archive (already deflated when `method` is 8). */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** The unpacked size the archive declares (a zip bomb may declare less than it holds). */
  uncompressedSize: number;
}

export function storedEntry(name: string, data: Buffer | string): ZipEntry {
  const bytes = Buffer.from(data);
  return { name, data: bytes, method: 0, crc: crc32(bytes), uncompressedSize: bytes.length };
}

export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, method, crc, uncompressedSize } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(uncompressedSize, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(uncompressedSize, 24);
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

function flushed(deflate: DeflateRaw, data: Buffer, flush: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const onData = (chunk: Buffer) => out.push(chunk);
    deflate.on('data', onData);
    deflate.once('error', reject);
    deflate.write(data);
    deflate.flush(flush, () => {
      deflate.off('data', onData);
      resolve(Buffer.concat(out));
    });
  });
}

/**
 * A deflated entry of `head`, then `block` repeated `times`, then `tail`, without ever holding
 * the unpacked text: once the window is full of the repeating block, its compressed bytes are
 * the same every time and are simply repeated (how a 300 KB zip bomb unpacks to 300 MB).
 * The CRC is not computed (a reader refusing the bomb never gets to check it).
 */
export async function deflatedRepeat(name: string, head: string, block: string, times: number, tail: string, declaredSize?: number): Promise<ZipEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const a = await flushed(deflate, Buffer.from(head), constants.Z_SYNC_FLUSH);
  const blockBytes = Buffer.from(block);
  const first = await flushed(deflate, blockBytes, constants.Z_SYNC_FLUSH);
  const steady = await flushed(deflate, blockBytes, constants.Z_SYNC_FLUSH);
  const end = await flushed(deflate, Buffer.from(tail), constants.Z_FINISH);
  deflate.close();
  const data = Buffer.concat([a, first, ...Array.from({ length: times - 1 }, () => steady), end]);
  const real = Buffer.byteLength(head) + blockBytes.length * (times + 1) + Buffer.byteLength(tail);
  return { name, data, method: 8, crc: 0, uncompressedSize: Math.min(declaredSize ?? real, 0xffffffff) };
}

/** The parts around a first worksheet that make a zip an .xlsx for Cohort's reader. */
export function workbookParts(withSharedStrings: boolean): ZipEntry[] {
  const rels = withSharedStrings
    ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    : '';
  return [
    storedEntry(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    ),
    storedEntry(
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    storedEntry(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${rels}</Relationships>`,
    ),
  ];
}

export const SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

/** A worksheet of inline-string rows. */
export function inlineSheet(rows: readonly (readonly string[])[]): string {
  const cell = (v: string, ref: string) => `<c r="${ref}" t="inlineStr"><is><t>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
  return `${SHEET_HEAD}${rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(v, `${letters(c)}${i + 1}`)).join('')}</row>`).join('')}${SHEET_TAIL}`;
}

function letters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
