import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyField } from '../../../db/copy/postgres-side';
import type { SqlValue } from './store';

/**
 * Rows into a table on the office server with COPY (text format): the server's bulk path, one
 * statement streamed, where an INSERT per row would be a round trip each. On a client inside the
 * caller's transaction; the table's triggers fire as for inserts (screening owed, the search index).
 */

/** A chunk of COPY text sent at a time. */
const CHUNK_CHARS = 1 << 16;

function field(value: SqlValue): string {
  // No column an application or an import writes holds bytes; text of them would be their hex.
  return Buffer.isBuffer(value) ? `\\\\x${value.toString('hex')}` : copyField(value);
}

export async function copyRows(client: pg.ClientBase, table: string, columns: readonly string[], rows: Iterable<readonly SqlValue[]>): Promise<number> {
  let count = 0;
  const text = (function* () {
    let chunk = '';
    for (const row of rows) {
      let line = '';
      for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + field(row[i] ?? null);
      chunk += `${line}\n`;
      count++;
      if (chunk.length > CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  })();
  await pipeline(Readable.from(text), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
  return count;
}
