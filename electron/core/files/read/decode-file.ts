import { addAbortSignal, type Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { TextEncoding } from './text-sniff';

/** Thrown by `decodeFile` where the bytes are not valid in the file's encoding; carries the bytes to locate the row. */
export class DecodeFailure extends Error {
  constructor(readonly bytes: Uint8Array) {
    super('Invalid byte sequence for the detected encoding');
  }
}

export interface DecodeOptions {
  /** Byte offset to start at (past the BOM). */
  start: number;
  signal?: AbortSignal;
  onBytes?: (bytesRead: number) => void;
  highWaterMark?: number;
}

/**
 * The file as text chunks, read as the consumer asks for them (an async generator only reads on
 * demand, so a slow consumer pauses the file stream). Decoding is fatal: an invalid sequence throws
 * DecodeFailure instead of turning into U+FFFD, so nothing is silently corrupted.
 */
export async function* decodeFile(path: string, encoding: TextEncoding, options: DecodeOptions): AsyncGenerator<string> {
  const stream: Readable = createReadStream(path, { start: options.start, highWaterMark: options.highWaterMark ?? 64 * 1024 });
  if (options.signal) addAbortSignal(options.signal, stream);
  const decoder = textDecoder(encoding);
  let bytesRead = options.start;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk);
      } catch {
        throw new DecodeFailure(chunk);
      }
      options.onBytes?.(bytesRead);
      if (text.length > 0) yield text;
    }
    let tail: string;
    try {
      tail = decoder.end();
    } catch {
      // The file ends in the middle of a character.
      throw new DecodeFailure(new Uint8Array(0));
    }
    if (tail.length > 0) yield tail;
  } finally {
    stream.destroy();
  }
}

interface StreamDecoder {
  /** The text of a chunk; a character cut at its end is kept for the next. Throws on an invalid sequence. */
  decode(chunk: Uint8Array): string;
  /** What is left; throws when the bytes ended inside a character. */
  end(): string;
}

/**
 * Unicode and Windows-1252 through the platform's TextDecoder (fatal: an invalid sequence throws
 * instead of becoming U+FFFD, so nothing is silently corrupted). Code page 850 is not in the
 * WHATWG set TextDecoder knows, and Mac Roman only with full ICU: both through iconv-lite (single
 * bytes, every one a character: never invalid).
 */
export function textDecoder(encoding: TextEncoding): StreamDecoder {
  if (encoding === 'cp850' || encoding === 'macintosh') {
    const decoder = iconv.getDecoder(encoding);
    return { decode: (chunk) => decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)), end: () => decoder.end() ?? '' };
  }
  // The BOM is skipped by `start`; a U+FEFF further on is text and stays.
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  return { decode: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}
