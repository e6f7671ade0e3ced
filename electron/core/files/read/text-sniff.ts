import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * What a delimited-text file is written in, decided from its first bytes before any parsing:
 * byte-order mark, binary junk, and UTF-8 versus Windows-1252.
 */

export type { TextEncoding } from '../../../../shared/domain/text-encodings';
import type { TextEncoding } from '../../../../shared/domain/text-encodings';

/** How much of the file's start is looked at for a BOM and for binary content. */
export const SNIFF_BYTES = 64 * 1024;

export async function readStart(path: string, length = SNIFF_BYTES): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface ByteOrderMark {
  encoding: TextEncoding;
  length: number;
}

export function detectBom(bytes: Uint8Array): ByteOrderMark | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

export type BinaryVerdict = 'Binary' | 'Utf16WithoutBom' | 'Zip' | null;

/**
 * Text exports never hold NUL bytes, and hardly any control characters besides tab, line ends and
 * the odd form feed or DOS end-of-file mark: more than 1% of them means this is not text. Only
 * for 8-bit text; UTF-16 (with its BOM) is full of NULs by nature.
 */
export function binaryVerdict(sample: Uint8Array): BinaryVerdict {
  if (sample.length === 0) return null;
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) return 'Zip';
  let nulEven = 0;
  let nulOdd = 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number;
    if (b === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      controls++;
    }
  }
  if (nulEven + nulOdd > 0) {
    // Latin text in UTF-16 has a NUL in every other byte, on one side only.
    const pairs = Math.floor(sample.length / 2);
    const oneSided = (nulOdd > pairs * 0.4 && nulEven === 0) || (nulEven > pairs * 0.4 && nulOdd === 0);
    return oneSided && pairs >= 2 ? 'Utf16WithoutBom' : 'Binary';
  }
  return controls > sample.length / 100 ? 'Binary' : null;
}

function firstNonAscii(bytes: Uint8Array): number {
  if (isAscii(bytes)) return -1; // native and fast: most chunks of most exports are ASCII
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return i;
  return -1;
}

/** How many bytes from the first non-ASCII one are checked for UTF-8 validity. */
const UTF8_PROBE_BYTES = 64 * 1024;

/**
 * UTF-8 or Windows-1252, for a file without BOM. Both agree on ASCII, so only the text from the
 * first non-ASCII byte on can tell them apart. Looking for that byte may read past the first 64 KB
 * (an export whose first accented name is on row 3,000 is ordinary, and guessing UTF-8 then failing
 * on row 3,000 would refuse a good Windows-1252 file); reading is cheap next to parsing.
 *
 * The 64 KB from there decide: if they hold any valid multi-byte UTF-8 character, the file is
 * UTF-8, else (only bytes UTF-8 rejects) Windows-1252. Windows-1252 text almost never forms valid
 * UTF-8 sequences by chance ("Ã©" would be needed). A file with both, valid UTF-8 and invalid bytes,
 * is mixed (two exports pasted together, say): it is taken as UTF-8, and the fatal decoder then
 * refuses it at the first invalid row, with its row number, instead of garbling the UTF-8 part.
 */
export async function detectUtf8OrWindows1252(path: string): Promise<'utf-8' | 'windows-1252'> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const probe: Buffer[] = [];
  let probeLength = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (probe.length === 0) {
        const at = firstNonAscii(chunk);
        if (at < 0) continue;
        probe.push(chunk.subarray(at));
      } else {
        probe.push(chunk);
      }
      probeLength += probe[probe.length - 1]?.length ?? 0;
      if (probeLength >= UTF8_PROBE_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  if (probe.length === 0) return 'utf-8';
  const bytes = Buffer.concat(probe).subarray(0, UTF8_PROBE_BYTES);
  // `stream: true` holds back a character cut by the probe's end instead of calling it invalid.
  const text = new TextDecoder('utf-8').decode(bytes, { stream: true });
  for (const ch of text) if (ch > '\u007f' && ch !== '\uFFFD') return 'utf-8';
  return 'windows-1252';
}
