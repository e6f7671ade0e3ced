import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openSqlite } from '../../db/connection';
import { copyCampaignToServer } from '../../db/copy/copy-campaign';
import { copyField } from '../../db/copy/postgres-side';
import { initServer } from '../../db/postgres/server-admin';

/**
 * Copying the bench's campaign to the office server (issue 14: `cohort campaign copy --to URL`),
 * into a database of its own made on the server `BENCH_PG_URL` names (a superuser's URL) and
 * dropped after. The baseline, on the same server: one raw COPY of the campaign's applications
 * rows alone (the biggest table; nothing remapped, no other table), rolled back.
 */
export interface CopyTimes {
  applications: number;
  rows: number;
  tables: number;
  ms: number;
  baselineMs: number;
}

export async function measureCopyToServer(databasePath: string, serverUrl: string): Promise<CopyTimes> {
  const name = `cohort_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const client = new pg.Client({ connectionString: url.href });
    await client.connect();
    let baselineMs = 0;
    let applications = 0;
    try {
      await initServer(client);
      const sqlite = openSqlite(databasePath, { readonly: true, fileMustExist: true });
      const columns = (sqlite.prepare("PRAGMA table_info('applications')").all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id' && c !== 'import_id');
      await client.query('BEGIN');
      await client.query("INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'baseline', '{}', 'x', 'x')");
      const started = performance.now();
      const rows = sqlite.prepare(`SELECT ${columns.join(', ')} FROM applications WHERE campaign_id = 1`).raw().iterate() as IterableIterator<(string | number | null)[]>;
      const lines = (function* () {
        for (const row of rows) {
          applications++;
          yield `${row.map(copyField).join('\t')}\n`;
        }
      })();
      await pipeline(Readable.from(lines), client.query(copyFrom(`COPY applications (${columns.join(', ')}) FROM STDIN`)));
      baselineMs = performance.now() - started;
      await client.query('ROLLBACK');
      sqlite.close();
    } finally {
      await client.end();
    }
    const summary = await copyCampaignToServer(databasePath, url.href);
    return { applications, rows: summary.rows, tables: summary.tables.length, ms: summary.ms, baselineMs };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
