import Papa from 'papaparse';
import { FILE_LIMITS } from '../../../../shared/domain/import-limits';

/**
 * Delimited text to rows, with papaparse's parser doing the parsing. The file arrives as text
 * chunks; a chunk rarely ends on a row boundary, so each parse keeps back the unfinished last row
 * and prepends it to the next chunk (what papaparse's own ChunkStreamer does). We drive papaparse's
 * `Parser` ourselves rather than its Node duplex stream because the duplex drops parse errors (an
 * unclosed quote would go unnoticed) and we need them, and because a single huge field would make
 * the fixed-size chunking re-scan the growing row once per 64 KB chunk (quadratic on a 50 MB field):
 * here an unfinished row is re-parsed only after as much text again has arrived, so the work stays
 * linear.
 */

export type Delimiter = ',' | ';' | '\t';
export type Newline = '\n' | '\r\n' | '\r';

export interface Dialect {
  delimiter: Delimiter;
  newline: Newline;
}

/** What the first line of the file says about how the rest is written. */
export interface HeaderScan {
  dialect: Dialect;
  /** The first line holds something other than whitespace. */
  firstLineHasContent: boolean;
  /** A line end closed the first line (else the text ended inside it). */
  firstLineEnded: boolean;
  /** Anything other than whitespace anywhere (only looked for when the first line has none). */
  anyContent: boolean;
}

/** Tie-break order: a tab in a header name is implausible, a semicolon rare, a comma ("Nom, prénom") likelier. */
const DELIMITERS: readonly Delimiter[] = ['\t', ';', ','];

const WHITESPACE = /\s/;

/**
 * Reads the first line (a line break inside quotes does not end it) and counts each delimiter
 * outside quotes: the most frequent one wins (comma when there is none: a one-column file). The
 * line end that closes it is the file's line end. When the first line is blank, keeps reading only
 * to tell an empty file from one whose header is missing.
 */
export async function scanHeader(chunks: AsyncIterable<string>): Promise<HeaderScan> {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let firstLineHasContent = false;
  let newline: Newline | null = null;
  let pendingCr = false;
  let anyContent = false;
  let headerDone = false;
  let read = 0;

  outer: for await (const chunk of chunks) {
    // A first line longer than any row: parsing it is refused (RowTooLong); no need to scan it all.
    if ((read += chunk.length) > FILE_LIMITS.rowCharacters && !headerDone) break;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string;
      if (headerDone) {
        if (!WHITESPACE.test(ch)) {
          anyContent = true;
          break outer;
        }
        continue;
      }
      if (pendingCr) {
        // The first line ended with CR; CRLF if LF follows.
        newline = ch === '\n' ? '\r\n' : '\r';
        headerDone = true;
        if (firstLineHasContent) break outer;
        if (ch === '\n') continue;
        i--;
        continue;
      }
      if (ch === '"') {
        inQuotes = !inQuotes;
        firstLineHasContent = true;
      } else if (!inQuotes && (ch === '\n' || ch === '\r')) {
        if (ch === '\r') {
          pendingCr = true;
        } else {
          newline = '\n';
          headerDone = true;
          if (firstLineHasContent) break outer;
        }
      } else {
        if (!inQuotes) {
          const n = counts.get(ch as Delimiter);
          if (n !== undefined) counts.set(ch as Delimiter, n + 1);
        }
        if (!firstLineHasContent && !WHITESPACE.test(ch)) firstLineHasContent = true;
      }
    }
  }
  if (pendingCr && newline === null) newline = '\r';

  let delimiter: Delimiter = ',';
  let best = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > best) [delimiter, best] = [d, n];
  }
  return {
    dialect: { delimiter, newline: newline ?? '\n' },
    firstLineHasContent,
    firstLineEnded: newline !== null,
    anyContent: anyContent || firstLineHasContent,
  };
}

export interface ParsedRow {
  /** 1-based record number: the header is 1. Blank lines count, as they do in a spreadsheet. */
  rowNumber: number;
  fields: string[];
}

/** A quoting problem that makes the row boundaries uncertain from that row on. */
export class QuoteProblem extends Error {
  constructor(
    readonly code: 'MissingQuotes' | 'InvalidQuotes',
    readonly rowNumber: number,
  ) {
    super(`${code} at row ${rowNumber}`);
  }
}

/** A row still unfinished after more text than any row can hold (a huge value, or a quote never closed): memory stays bounded. */
export class RowTooLongProblem extends Error {
  constructor(readonly rowNumber: number) {
    super(`Row ${rowNumber} is too long`);
  }
}

/** Thrown out of `parseRows` when the text source failed: tells how many rows were complete before the failure. */
export class SourceFailure extends Error {
  constructor(
    override readonly cause: unknown,
    /** Row number at which the failure happened (the first row not yet complete). */
    readonly rowNumber: number,
  ) {
    super('The text source failed');
  }
}

type Rows = Papa.ParseResult<string[]>;

export async function* parseRows(
  chunks: AsyncIterable<string>,
  dialect: Dialect,
  /** The text that decoded cleanly before a source failure, to locate its row; null when it does not apply. */
  textBeforeFailure?: (cause: unknown) => string | null,
): AsyncGenerator<ParsedRow> {
  const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"', escapeChar: '"' });
  const parse = (text: string, final: boolean): Rows => parser.parse(text, 0, !final) as Rows;
  let rowNumber = 0;
  let partial = '';
  let pending: string[] = [];
  let pendingLength = 0;

  function* emit(result: Rows): Generator<ParsedRow> {
    // While the last row is held back, papaparse may flag its not-yet-closed quote; only errors in
    // rows it returned count.
    const error = result.errors.find((e) => e.type === 'Quotes' && e.row !== undefined && e.row < result.data.length);
    const limit = error?.row ?? result.data.length;
    for (let i = 0; i < limit; i++) yield { rowNumber: ++rowNumber, fields: result.data[i] as string[] };
    if (error) throw new QuoteProblem(error.code === 'MissingQuotes' ? 'MissingQuotes' : 'InvalidQuotes', rowNumber + 1);
  }

  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await iterator.next();
      } catch (cause) {
        let at = rowNumber + 1;
        const before = textBeforeFailure?.(cause);
        if (before != null) at += parse(partial + pending.join('') + before, false).data.length;
        throw new SourceFailure(cause, at);
      }
      if (next.done) break;
      pending.push(next.value);
      pendingLength += next.value.length;
      // A row longer than what is pending (a huge field) is re-scanned only once as much again has come.
      if (pendingLength < partial.length) continue;
      const text = partial + (pending.length === 1 ? (pending[0] as string) : pending.join(''));
      pending = [];
      pendingLength = 0;
      const result = parse(text, false);
      partial = text.substring(result.meta.cursor);
      yield* emit(result);
      if (partial.length > FILE_LIMITS.rowCharacters) throw new RowTooLongProblem(rowNumber + 1);
    }
    const rest = partial + pending.join('');
    partial = '';
    pending = [];
    if (rest.length > 0) yield* emit(parse(rest, true));
  } finally {
    // Stopped early (a consumer's break, a quote problem): close the file now, not at garbage collection.
    await iterator.return?.();
  }
}
