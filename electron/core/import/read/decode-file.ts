import { addAbortSignal, type Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
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
  // The BOM is skipped by `start`; a U+FEFF further on is text and stays.
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let bytesRead = options.start;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new DecodeFailure(chunk);
      }
      options.onBytes?.(bytesRead);
      if (text.length > 0) yield text;
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      // The file ends in the middle of a character.
      throw new DecodeFailure(new Uint8Array(0));
    }
    if (tail.length > 0) yield tail;
  } finally {
    stream.destroy();
  }
}
