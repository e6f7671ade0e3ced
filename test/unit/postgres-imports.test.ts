import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PG_LATEST_SCHEMA_VERSION } from '../../db/postgres/migrations';
import { migratePostgres } from '../../db/postgres/server-admin';
import { PG_MAPPING_SQL } from '../../electron/core/import/store/pg-sql';
import { usePostgresDatabase } from './support/postgres';

/** PostgreSQL migration 4 (imports), from the previous version with rows, as postgres-server.test.ts tests the others. */

const database = usePostgresDatabase();

describe('PostgreSQL migration 4 (imports)', () => {
  it('keeps the saved mappings, one per campaign and headers, and takes a file of thousands of columns', async () => {
    const { url } = await database();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await migratePostgres(client, { upTo: 3 });
      const short = JSON.stringify(['application id', 'first name']);
      await client.query(`
        INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Season', '{}', 'x', 'x'), (2, 'Next', '{}', 'x', 'x');
        INSERT INTO import_mappings (campaign_id, header_signature, mapping_json, updated_at) VALUES (1, '${short}', '["applicationId","firstName"]', 'x');
      `);
      // What version 3 refused: an index entry of a signature this long.
      const wide = JSON.stringify(Array.from({ length: 10_000 }, (_v, i) => `extra ${i}`));
      await expect(client.query("INSERT INTO import_mappings (campaign_id, header_signature, mapping_json, updated_at) VALUES (1, $1, '[]', 'x')", [wide])).rejects.toMatchObject({
        code: '54000',
      });

      expect(await migratePostgres(client)).toEqual({ from: 3, to: PG_LATEST_SCHEMA_VERSION });
      const mapping = async (campaignId: number, signature: string) => (await client.query(PG_MAPPING_SQL.read, [campaignId, signature])).rows;
      expect(await mapping(1, short)).toEqual([{ mapping_json: '["applicationId","firstName"]' }]);
      // Saved again: replaced, not added beside it; another campaign's is its own.
      await client.query(PG_MAPPING_SQL.save, [1, short, '["applicationId","lastName"]', 'y']);
      await client.query(PG_MAPPING_SQL.save, [2, short, '["applicationId","email"]', 'y']);
      expect(await mapping(1, short)).toEqual([{ mapping_json: '["applicationId","lastName"]' }]);
      expect(await mapping(2, short)).toEqual([{ mapping_json: '["applicationId","email"]' }]);
      // Thousands of headers: stored and found.
      await client.query(PG_MAPPING_SQL.save, [1, wide, '[]', 'y']);
      expect(await mapping(1, wide)).toEqual([{ mapping_json: '[]' }]);
      expect((await client.query('SELECT count(*)::int AS n FROM import_mappings')).rows).toEqual([{ n: 3 }]);
      // Still one mapping per campaign and headers, held by the server itself.
      await expect(client.query("INSERT INTO import_mappings (campaign_id, header_signature, mapping_json, updated_at) VALUES (1, $1, '[]', 'z')", [short])).rejects.toMatchObject({ code: '23505' });
    } finally {
      await client.end();
    }
  });
});
