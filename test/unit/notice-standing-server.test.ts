import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { initServer, migratePostgres, OFFICER_ROLE } from '../../db/postgres/server-admin';
import { PG_LATEST_SCHEMA_VERSION } from '../../db/postgres/migrations';
import { usePostgresDatabase } from './support/postgres';

/**
 * PostgreSQL migration 5 (notice standing), from the version before it with rows, on the run's real
 * PostgreSQL: the people whose standing a change moves are marked in the change's own transaction,
 * whoever makes it, as SQLite's 0012 does; a mark made while another workstation works people out is
 * never taken away unread.
 */

const database = usePostgresDatabase();
const PREVIOUS = 4;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('PostgreSQL migration 5 (notice standing)', () => {
  it('marks every person already screened; triggers mark those a result, a verdict, a stage, a selection, a division or a notice moves, an officer’s change among them', async () => {
    const { url } = await database();
    const client = await connect(url);
    const marked = async () => (await client.query<{ key: string }>('SELECT DISTINCT person_key AS key FROM notice_standing_stale ORDER BY 1')).rows.map((r) => r.key);
    const clear = () => client.query('DELETE FROM notice_standing_stale');
    try {
      await migratePostgres(client, { upTo: PREVIOUS });
      await client.query(`
        INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Season', '{}', 'x', 'x');
        INSERT INTO applications (id, campaign_id, application_id, first_name, last_name, email, division_code, source, created_at, updated_at) VALUES
          (1, 1, 'NIP-1', 'Ana', 'Silva', 'ana@example.com', 'OPS', 'import', 'x', 'x'), (2, 1, 'NIP-2', 'Ana', 'Silva', 'ana@example.com', 'DPP', 'import', 'x', 'x'),
          (3, 1, 'NIP-3', 'Jan', 'Peeters', 'jan@example.com', 'OPS', 'import', 'x', 'x');
        INSERT INTO screening_results (application_ref, campaign_id, verdict, reasons_json, criteria_json, person_key, rules_version, input_hash, signature, screened_at)
          VALUES (1, 1, 'ineligible', '[]', '[]', 'ana', 1, 'h', 's', 'x'), (2, 1, 'ineligible', '[]', '[]', 'ana', 1, 'h', 's', 'x'), (3, 1, 'eligible', '[]', '[]', 'jan', 1, 'h', 's', 'x');
        -- As a copy from a laptop left it: a mark already there, and a standing worked out on the laptop.
        INSERT INTO notice_standing_stale (campaign_id, person_key) VALUES (1, 'ana');
        INSERT INTO notice_standing (campaign_id, person_key, outcome, owed, since, divisions_json, superseded_json) VALUES (1, 'ana', 'ineligible', 'ineligible', 'x', '["DPP","OPS"]', '[]');
      `);
      expect(await migratePostgres(client)).toEqual({ from: PREVIOUS, to: PG_LATEST_SCHEMA_VERSION });
      expect(await marked()).toEqual(['ana', 'jan']);
      // The same person may be marked twice now (no key): a second mark is a row of its own.
      await client.query("INSERT INTO notice_standing_stale (campaign_id, person_key) VALUES (1, 'ana')");

      // An officer's work, with the roles and grants IT's init sets.
      await initServer(client);
      await client.query(`SET ROLE ${OFFICER_ROLE}`);
      const after = async (sql: string, params: unknown[] = []) => {
        await clear();
        await client.query(sql, params);
        return marked();
      };
      expect(await after("INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by) VALUES (3, 1, 'inReview', 'y', 'marie')")).toEqual(['jan']);
      expect(await after("UPDATE triage_states SET stage = 'proposed' WHERE application_ref = 3")).toEqual(['jan']);
      expect(await after("INSERT INTO screening_overrides (application_ref, verdict, justification, automatic_verdict, automatic_reasons_json, input_hash, state, actor, at) VALUES (1, 'eligible', 'Checked', 'ineligible', '[]', 'h', 'active', 'marie', 'y')")).toEqual(['ana']);
      expect(await after("INSERT INTO selection_details (application_ref, session, updated_at, updated_by) VALUES (3, 'march', 'y', 'marie')")).toEqual(['jan']);
      expect(await after("UPDATE applications SET division_code = 'PASP' WHERE id = 2")).toEqual(['ana']);
      // A change that moves no one's standing (a name corrected) marks nobody.
      expect(await after("UPDATE applications SET first_name = 'Anna' WHERE id = 1")).toEqual([]);
      expect(await after("INSERT INTO notices (campaign_id, person_key, outcome, language, state, basis, prepared_at, updated_by) VALUES (1, 'ana', 'ineligible', 'en', 'prepared', 'b', 'y', 'marie')")).toEqual(['ana']);
      expect(await after("UPDATE screening_results SET verdict = 'review' WHERE application_ref IN (1, 3)")).toEqual(['ana', 'jan']);
      await client.query('RESET ROLE');
      // A deletion (an erasure, a re-import without the application) marks the person it leaves.
      expect(await after('DELETE FROM applications WHERE id = 3')).toEqual(['jan']);
    } finally {
      await client.end();
    }
  });

  it('keeps a mark another officer’s change adds while a workstation takes the marks away to work them out', async () => {
    const { url } = await database();
    const setUp = await connect(url);
    await initServer(setUp);
    await setUp.query(`
      INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Season', '{}', 'x', 'x');
      INSERT INTO applications (id, campaign_id, application_id, source, created_at, updated_at) VALUES (1, 1, 'NIP-1', 'import', 'x', 'x');
      INSERT INTO screening_results (application_ref, campaign_id, verdict, reasons_json, criteria_json, person_key, rules_version, input_hash, signature, screened_at)
        VALUES (1, 1, 'eligible', '[]', '[]', 'ana', 1, 'h', 's', 'x');`);
    const working = await connect(url);
    const deciding = await connect(url);
    try {
      // A workstation takes the marks (ana's, from screening) and reads her applications…
      await working.query('BEGIN');
      const taken = await working.query('DELETE FROM notice_standing_stale WHERE campaign_id = 1 RETURNING person_key');
      expect(taken.rows).toEqual([{ person_key: 'ana' }]);
      // …while another officer decides on her application and commits first.
      await deciding.query("INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by) VALUES (1, 1, 'notRetained', 'y', 'jan')");
      await working.query('COMMIT');
      // That decision's mark is still there: the next count works her out again.
      expect((await setUp.query('SELECT person_key FROM notice_standing_stale')).rows).toEqual([{ person_key: 'ana' }]);
    } finally {
      await working.end();
      await deciding.end();
      await setUp.end();
    }
  });
});
