import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { CopyPlan } from './copy-plan';
import type { CampaignSource, CampaignTarget, Value } from './copy-rows';
import { ServerSchemaDiffersError } from './errors';

/**
 * The office server as either end of a copy, on a client inside the caller's transaction. Rows go
 * in and out with COPY (text format), the server's bulk path: one statement per table, streamed,
 * instead of one INSERT per row.
 */


const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const UNESCAPES: Readonly<Record<string, string>> = { '\\': '\\', t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', v: '\v' };

/** One value in COPY's text format. */
export function copyField(value: Value): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c);
}

/** One field of COPY's text output, typed as SQLite declares its column. */
export function parseCopyField(field: string, type: 'INTEGER' | 'REAL' | 'TEXT'): Value {
  if (field === '\\N') return null;
  const text = field.includes('\\') ? field.replace(/\\(.)/g, (_, c: string) => UNESCAPES[c] ?? c) : field;
  return type === 'TEXT' ? text : Number(text);
}

export function postgresSource(client: ClientBase): CampaignSource {
  return {
    async ids(table, campaignId) {
      const { rows } = await client.query<{ id: number }>(`SELECT id FROM ${table.name} WHERE ${table.where(campaignId)} ORDER BY id`);
      return rows.map((r) => r.id);
    },
    async *rows(table, campaignId) {
      // A row without an id of its own is a fact (a link, a mark); the server may hold the same fact
      // twice where a file holds it once (notice_standing_stale's marks, PostgreSQL migration 5): once.
      const select = `SELECT ${table.ownId ? '' : 'DISTINCT '}${table.columns.join(', ')} FROM ${table.name} WHERE ${table.where(campaignId)}${table.ownId ? ' ORDER BY id' : ''}`;
      const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`));
      const types = table.columns.map((c) => table.types[c] ?? 'TEXT');
      // Rows end with a newline byte, never inside a field (escaped there): split the bytes on it,
      // then decode each whole line, so a character cut between two chunks is read whole.
      let rest: Buffer = Buffer.alloc(0);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        let bytes = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
        let end = bytes.indexOf(10);
        while (end >= 0) {
          const fields = bytes.subarray(0, end).toString('utf8').split('\t');
          yield fields.map((f, i): Value => parseCopyField(f, types[i] ?? 'TEXT'));
          bytes = bytes.subarray(end + 1);
          end = bytes.indexOf(10);
        }
        rest = Buffer.from(bytes);
      }
    },
  };
}

export function postgresTarget(client: ClientBase): CampaignTarget {
  return {
    async allocate(table, ids) {
      if (ids.length === 0) return [];
      // Taken from the table's own sequence, so no later insert can be given one of them; one query
      // for all, and the values may have gaps if another workstation inserts meanwhile.
      const { rows } = await client.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence($1, 'id'))::integer AS id FROM generate_series(1, $2)`, [table.name, ids.length]);
      return rows.map((r) => r.id).sort((a, b) => a - b);
    },
    async write(table, rows) {
      let count = 0;
      const lines = (async function* () {
        let batch = '';
        for await (const row of rows) {
          batch += `${row.map(copyField).join('\t')}\n`;
          count++;
          if (batch.length > 1 << 16) {
            yield batch;
            batch = '';
          }
        }
        if (batch) yield batch;
      })();
      await pipeline(Readable.from(lines), client.query(copyFrom(`COPY ${table.name} (${table.columns.join(', ')}) FROM STDIN`)));
      return count;
    },
  };
}

/** Stops before anything is written when a table of the plan has other columns on the server than in this Cohort's SQLite schema. */
export async function checkServerColumns(client: ClientBase, plan: CopyPlan): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()");
  const server = new Map<string, Set<string>>();
  for (const r of rows) server.set(r.table_name, (server.get(r.table_name) ?? new Set()).add(r.column_name));
  for (const table of plan.tables) {
    const there = server.get(table.name) ?? new Set<string>();
    const missing = table.columns.filter((c) => !there.has(c));
    const extra = [...there].filter((c) => !table.columns.includes(c));
    if (missing.length > 0 || extra.length > 0) throw new ServerSchemaDiffersError(table.name, missing, extra);
  }
}

/**
 * Fresh statistics for the tables a copy filled (cohort_analyze, PostgreSQL migration 2): without
 * them the planner takes a new campaign of 50,000 for a handful of rows until autovacuum comes by,
 * and the queues read ten times slower meanwhile. The copied applications are in the search index
 * already: the server's trigger indexed each as it was written.
 */
export async function analyzeCopied(client: ClientBase): Promise<void> {
  await client.query('SELECT cohort_analyze()');
}
