import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SCHEMA_COLUMNS } from '../../db/schema';
import { PG_LATEST_SCHEMA_VERSION } from '../../db/postgres/migrations';
import { addOfficer, ADMIN_ROLE, initServer, migratePostgres, OFFICER_ROLE } from '../../db/postgres/server-admin';
import { isServerUrl, parseServerUrl, ServerUrlError, tlsOptions } from '../../db/postgres/server-url';
import { cli } from './support/cli';
import { usePostgresDatabase } from './support/postgres';

/**
 * Team mode's server (issue 14), on the run's real PostgreSQL: the schema the migrations make is
 * the one db/schema.ts describes; the roles are enforced by the server itself.
 */

const database = usePostgresDatabase();

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The same server, as another login. */
function as(url: string, login: string, password: string): string {
  const next = new URL(url);
  next.username = login;
  next.password = password;
  return next.href;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe('the PostgreSQL schema', () => {
  it('has every table and column db/schema.ts describes, with the same nullability, and records its version', async () => {
    const { url } = await database();
    const client = await connect(url);
    try {
      expect(await initServer(client)).toEqual({ from: 0, to: PG_LATEST_SCHEMA_VERSION });
      const { rows } = await client.query<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO'; data_type: string }>(
        "SELECT table_name, column_name, is_nullable, data_type FROM information_schema.columns WHERE table_schema = 'public'",
      );
      const columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
      // SQLite lets a TEXT primary key hold NULL (an old quirk it keeps); PostgreSQL never does.
      const keys = await client.query<{ name: string }>(
        `SELECT k.table_name || '.' || k.column_name AS name FROM information_schema.table_constraints c
         JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_name = c.table_name
         WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = 'public'`,
      );
      const primaryKey = new Set(keys.rows.map((k) => k.name));
      for (const [table, shape] of Object.entries(SCHEMA_COLUMNS)) {
        for (const [column, expected] of Object.entries(shape as Record<string, { type: string; nullable: boolean }>)) {
          const found = columns.get(`${snake(table)}.${snake(column)}`);
          expect({ column: `${snake(table)}.${snake(column)}`, found: found !== undefined }).toEqual({ column: `${snake(table)}.${snake(column)}`, found: true });
          const name = `${snake(table)}.${snake(column)}`;
          expect({ column: name, nullable: found?.is_nullable === 'YES' }).toEqual({ column: name, nullable: expected.nullable && !primaryKey.has(name) });
          const type = { INTEGER: 'integer', TEXT: 'text', REAL: 'double precision' }[expected.type];
          expect({ column: `${snake(table)}.${snake(column)}`, type: found?.data_type }).toEqual({ column: `${snake(table)}.${snake(column)}`, type });
        }
      }
      // Run again: nothing to do.
      expect(await migratePostgres(client)).toEqual({ from: PG_LATEST_SCHEMA_VERSION, to: PG_LATEST_SCHEMA_VERSION });
      // Cascades as on SQLite: a campaign deleted takes its applications and their results.
      await client.query("INSERT INTO campaigns (name, settings_json, created_at, updated_at) VALUES ('C', '{}', 'x', 'x')");
      await client.query("INSERT INTO applications (campaign_id, application_id, source, created_at, updated_at) VALUES (1, 'NIP-1', 'import', 'x', 'x')");
      await client.query("INSERT INTO screening_results (application_ref, campaign_id, verdict, reasons_json, criteria_json, person_key, rules_version, input_hash, signature, screened_at) VALUES (1, 1, 'eligible', '[]', '[]', 'NIP-1', 1, 'h', 's', 'x')");
      await expect(client.query("INSERT INTO applications (campaign_id, application_id, source, created_at, updated_at) VALUES (1, 'NIP-1', 'import', 'x', 'x')")).rejects.toThrow(/unique/);
      await client.query('DELETE FROM campaigns');
      expect((await client.query('SELECT count(*)::int AS n FROM screening_results')).rows[0]).toEqual({ n: 0 });
    } finally {
      await client.end();
    }
  });
});

describe('the two roles, enforced by the server', () => {
  it('lets an officer decide but not import, change settings, delete applications or rewrite the audit log; an administrator may', async () => {
    const { url } = await database();
    const it = await connect(url);
    const officerLogin = `officer_${Date.now()}`;
    const adminLogin = `admin_${Date.now()}`;
    try {
      await initServer(it);
      await addOfficer(it, officerLogin, { admin: false, password: 'o-secret' });
      await addOfficer(it, adminLogin, { admin: true, password: 'a-secret' });
      await it.query("INSERT INTO campaigns (name, settings_json, created_at, updated_at) VALUES ('C', '{}', 'x', 'x')");
      await it.query("INSERT INTO applications (campaign_id, application_id, source, created_at, updated_at) VALUES (1, 'NIP-1', 'import', 'x', 'x')");
      await it.query("INSERT INTO audit_log (campaign_id, at, actor, action) VALUES (1, 'x', 'it', 'import.commit')");
      const roles = await it.query<{ rolname: string }>('SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = $1', [officerLogin]);
      expect(roles.rows.map((r) => r.rolname)).toEqual([OFFICER_ROLE]);

      const officer = await connect(as(url, officerLogin, 'o-secret'));
      try {
        const denied = /permission denied/;
        // Their work: a triage decision, an audit entry of it, a correction of a value.
        await officer.query("INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by) VALUES (1, 1, 'proposed', 'x', $1)", [officerLogin]);
        await officer.query("INSERT INTO audit_log (campaign_id, at, actor, action, subject) VALUES (1, 'x', $1, 'triage.stage', 'NIP-1')", [officerLogin]);
        await officer.query("UPDATE applications SET last_name = 'Corrected' WHERE id = 1");
        // Re-screening, which any workstation may run, records what it did.
        await officer.query('UPDATE campaigns SET screening_done = screening_owed WHERE id = 1');
        // Not theirs: an import, the campaign's settings, deleting (purging) applications, the audit log's past.
        await expect(officer.query("INSERT INTO applications (campaign_id, application_id, source, created_at, updated_at) VALUES (1, 'NIP-2', 'import', 'x', 'x')")).rejects.toThrow(denied);
        await expect(officer.query("INSERT INTO imports (campaign_id, file_name, file_size, sha256, format, mapping_json, total_rows, added, updated, unchanged, skipped_drafts, rejected, actor, started_at, finished_at) VALUES (1, 'f', 1, 's', 'csv', '{}', 0, 0, 0, 0, 0, 0, 'o', 'x', 'x')")).rejects.toThrow(denied);
        await expect(officer.query("UPDATE campaigns SET settings_json = '{\"minimumAge\": 30}'")).rejects.toThrow(denied);
        await expect(officer.query('UPDATE campaigns SET retention_months = 1, closed_on = NULL')).rejects.toThrow(denied);
        await expect(officer.query('DELETE FROM applications')).rejects.toThrow(denied);
        await expect(officer.query("UPDATE applications SET campaign_id = 1, application_id = 'NIP-9' WHERE id = 1")).rejects.toThrow(denied);
        await expect(officer.query("UPDATE audit_log SET details_json = '{}'")).rejects.toThrow(denied);
        await expect(officer.query('DELETE FROM audit_log')).rejects.toThrow(denied);
        await expect(officer.query("CREATE ROLE intruder LOGIN")).rejects.toThrow(/permission denied/);
      } finally {
        await officer.end();
      }

      const admin = await connect(as(url, adminLogin, 'a-secret'));
      try {
        await admin.query("INSERT INTO applications (campaign_id, application_id, source, created_at, updated_at) VALUES (1, 'NIP-2', 'import', 'x', 'x')");
        await admin.query("UPDATE campaigns SET settings_json = '{}'");
        await admin.query("DELETE FROM applications WHERE application_id = 'NIP-2'");
      } finally {
        await admin.end();
      }
      // Made an administrator later: one role, not both.
      await addOfficer(it, officerLogin, { admin: true });
      const after = await it.query<{ rolname: string }>('SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = $1', [officerLogin]);
      expect(after.rows.map((r) => r.rolname)).toEqual([ADMIN_ROLE]);
      await expect(addOfficer(it, 'robert"; DROP TABLE campaigns; --', { admin: false })).rejects.toThrow(/cannot be a login/);
    } finally {
      for (const login of [officerLogin, adminLogin]) await it.query(`DROP OWNED BY ${login}; DROP ROLE IF EXISTS ${login}`).catch(() => {});
      await it.end();
    }
  });

  it('sends the server a new officer’s password as its SCRAM verifier, never as text; the officer logs in with it, a wrong one is refused', async () => {
    const { url } = await database();
    const it = await connect(url);
    const login = `scram_${Date.now()}`;
    const password = 'Brussels-2026 été!';
    const sent: string[] = [];
    const query = it.query.bind(it) as (text: string, values?: unknown[]) => Promise<unknown>;
    const spied = Object.assign(Object.create(it) as pg.Client, {
      query: (text: string, values?: unknown[]) => {
        sent.push(`${text} ${JSON.stringify(values ?? [])}`);
        return query(text, values);
      },
      escapeLiteral: it.escapeLiteral.bind(it),
      escapeIdentifier: it.escapeIdentifier.bind(it),
    });
    try {
      await initServer(it);
      await addOfficer(spied, login, { admin: false, password });
      expect(sent.join('\n')).toContain('SCRAM-SHA-256$4096:');
      expect(sent.join('\n')).not.toContain(password);
      const officer = await connect(as(url, login, password));
      expect((await officer.query<{ me: string }>('SELECT current_user AS me')).rows).toEqual([{ me: login }]);
      await officer.end();
      await expect(connect(as(url, login, 'Brussels-2026 ete!'))).rejects.toThrow(/password authentication failed/);
    } finally {
      await it.query(`DROP OWNED BY ${login}; DROP ROLE IF EXISTS ${login}`).catch(() => {});
      await it.end();
    }
  });
});

describe('a server address', () => {
  it('verifies the server’s certificate and name unless the URL says otherwise, and refuses what it cannot honour', () => {
    expect(isServerUrl('postgres://anne@db.office.int/cohort')).toBe(true);
    expect(isServerUrl('/home/anne/cohort.sqlite')).toBe(false);
    expect(parseServerUrl('postgres://anne@db.office.int/cohort')).toEqual({ host: 'db.office.int', port: 5432, database: 'cohort', user: 'anne', password: null, sslmode: 'verify-full' });
    expect(parseServerUrl('postgresql://anne:s%40cret@127.0.0.1:6543/cohort?sslmode=disable')).toMatchObject({ port: 6543, password: 's@cret', sslmode: 'disable' });
    expect(tlsOptions('verify-full', 'PEM')).toEqual({ rejectUnauthorized: true, ca: 'PEM' });
    expect(tlsOptions('disable')).toBe(false);
    expect(tlsOptions('require')).toEqual({ rejectUnauthorized: false });
    expect(tlsOptions('verify-ca')).toMatchObject({ rejectUnauthorized: true });
    for (const bad of ['postgres://db.office.int/cohort', 'postgres://anne@db.office.int/', 'postgres://anne@db/cohort?sslmode=prefer', 'postgres://anne@db/cohort?application_name=x', 'http://anne@db/cohort', 'not a url']) {
      expect(() => parseServerUrl(bad), bad).toThrow(ServerUrlError);
    }
  });
});

describe('the command line, for the office’s IT', () => {
  it('creates the schema and roles, adds an officer who can then log in, whose commands then take the server as --db', async () => {
    const { url } = await database();
    const dir = mkdtempSync(join(tmpdir(), 'cohort-cli-'));
    const login = `clerk_${Date.now()}`;
    try {
      const init = await cli(['server', 'init', '--url', url, '--json'], dir);
      expect(init.code).toBe(0);
      expect(JSON.parse(init.out)).toMatchObject({ from: 0, to: PG_LATEST_SCHEMA_VERSION });
      expect((await cli(['server', 'init', '--url', url], dir)).out).toMatch(/up to date/);
      process.env.COHORT_NEW_PASSWORD = 'clerk-secret';
      const added = await cli(['server', 'add-officer', login, '--url', url], dir);
      delete process.env.COHORT_NEW_PASSWORD;
      expect(added.code).toBe(0);
      const clerk = await connect(as(url, login, 'clerk-secret'));
      expect((await clerk.query('SELECT count(*)::int AS n FROM campaigns')).rows[0]).toEqual({ n: 0 });
      await clerk.end();
      // Every command takes the server as --db: the officer's login, no campaign yet.
      const listed = await cli(['campaign', 'list', '--db', as(url, login, 'clerk-secret'), '--json'], dir);
      expect(listed).toMatchObject({ code: 0 });
      expect(JSON.parse(listed.out)).toEqual([]);
      expect((await cli(['server', 'init', '--url', 'postgres://nobody@/x'], dir)).err).toMatch(/not a server address/);
    } finally {
      const it = await connect(url);
      await it.query(`DROP OWNED BY ${login}; DROP ROLE IF EXISTS ${login}`).catch(() => {});
      await it.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL migrations, each from the previous version with rows', () => {
  it('2 (working together): versions, scores per officer from the scores so far, the search index filled and kept by a trigger', async () => {
    const { url } = await database();
    const client = await connect(url);
    try {
      await migratePostgres(client, { upTo: 1 });
      await client.query(`
        INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Season', '{}', 'x', 'x');
        INSERT INTO applications (id, campaign_id, application_id, first_name, last_name, email, source, created_at, updated_at)
          VALUES (1, 1, 'NIP-1', 'Zoë', 'Ābolinš', 'zoe.abolins@example.com', 'import', 'x', 'x'), (2, 1, 'NIP-2', 'Jan', 'Peeters', 'jan@example.com', 'import', 'x', 'x');
        INSERT INTO rubric_criteria (id, campaign_id, division_code, position, label) VALUES (1, 1, 'OPS', 0, 'Motivation'), (2, 1, 'OPS', 1, 'Skills');
        INSERT INTO triage_states (application_ref, campaign_id, stage, score, updated_at, updated_by) VALUES (1, 1, 'inReview', 3.5, '2026-03-02', 'marie'), (2, 1, 'new', 4, '2026-03-03', 'jan');
        INSERT INTO rubric_scores (application_ref, criterion_id, score, comment, actor, at) VALUES (1, 1, 3, 'ok', 'marie', '2026-03-01'), (1, 2, 4, NULL, 'marie', '2026-03-02');
      `);
      expect(await migratePostgres(client)).toEqual({ from: 1, to: PG_LATEST_SCHEMA_VERSION });
      const states = await client.query('SELECT application_ref AS ref, version, scored_by, score FROM triage_states ORDER BY 1');
      expect(states.rows).toEqual([
        { ref: 1, version: 0, scored_by: 1, score: 3.5 },
        { ref: 2, version: 0, scored_by: 1, score: 4 },
      ]);
      expect((await client.query('SELECT application_ref AS ref, officer, score FROM officer_scores ORDER BY 1')).rows).toEqual([
        { ref: 1, officer: 'marie', score: 3.5 },
        { ref: 2, officer: 'jan', score: 4 },
      ]);
      // Another officer's score on the same criterion sits beside the first.
      await client.query("INSERT INTO rubric_scores (application_ref, criterion_id, actor, score, at) VALUES (1, 1, 'jan', 5, 'x')");
      // The rows there were are searchable, accents and case aside, an e-mail as its words; a changed name is found by its new words.
      const find = async (query: string) => (await client.query("SELECT application_ref FROM application_search WHERE document @@ to_tsquery('simple', $1) ORDER BY 1", [query])).rows.map((r: { application_ref: number }) => r.application_ref);
      expect(await find('abolins:*')).toEqual([1]);
      expect(await find('zoe:* & example:*')).toEqual([1]);
      await client.query("UPDATE applications SET last_name = 'Janssens' WHERE id = 2");
      expect(await find('janssens:*')).toEqual([2]);
      expect(await find('peeters:*')).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('3 (screening owed): campaigns with applications not screened start owed; triggers count changes of applications, settings and confirmed pairs, an officer’s among them', async () => {
    const { url } = await database();
    const client = await connect(url);
    const counters = async () =>
      (await client.query('SELECT id, applications_version AS version, screening_owed AS owed, screening_done AS done FROM campaigns ORDER BY id')).rows as { id: number; version: number; owed: number; done: number }[];
    try {
      await migratePostgres(client, { upTo: 2 });
      await client.query(`
        INSERT INTO campaigns (id, name, settings_json, created_at, updated_at) VALUES (1, 'Season', '{}', 'x', 'x');
        -- As a copy from a laptop left it (version 2 had no triggers): its counters as they were in the file.
        INSERT INTO campaigns (id, name, settings_json, created_at, updated_at, applications_version, screening_owed, screening_done) VALUES (2, 'Copied', '{}', 'x', 'x', 7, 4, 4);
        INSERT INTO applications (id, campaign_id, application_id, first_name, last_name, email, source, created_at, updated_at) VALUES
          (1, 1, 'NIP-1', 'Ana', 'Silva', 'ana@example.com', 'import', 'x', 'x'), (2, 1, 'NIP-2', 'Jan', 'Peeters', 'jan@example.com', 'import', 'x', 'x'),
          (3, 2, 'NIP-3', 'Zoë', 'Ābolinš', 'zoe@example.com', 'import', 'x', 'x'), (4, 2, 'NIP-4', 'Zoe', 'Abolins', 'zoe.a@example.com', 'import', 'x', 'x');
        INSERT INTO screening_results (application_ref, campaign_id, verdict, reasons_json, criteria_json, person_key, rules_version, input_hash, signature, screened_at)
          SELECT id, campaign_id, 'eligible', '[]', '[]', application_id, 1, 'h', 's', 'x' FROM applications WHERE id IN (1, 3, 4);
      `);
      expect(await migratePostgres(client)).toEqual({ from: 2, to: PG_LATEST_SCHEMA_VERSION });
      // The crash SQLite's 0007 tells of: an application without a result owes screening.
      expect(await counters()).toEqual([
        { id: 1, version: 0, owed: 1, done: 0 },
        { id: 2, version: 7, owed: 4, done: 4 },
      ]);

      // An officer's work (roles and grants as IT's init sets them): a correction, a pair decided, a run's record.
      await initServer(client);
      await client.query(`SET ROLE ${OFFICER_ROLE}`);
      await client.query("UPDATE applications SET first_name = 'Zoe' WHERE id = 3");
      expect((await counters())[1]).toEqual({ id: 2, version: 8, owed: 5, done: 4 });
      await client.query("INSERT INTO duplicate_decisions (campaign_id, application_a, application_b, decision, signals_json, actor, at) VALUES (2, 3, 4, 'dismissed', '[]', 'marie', 'x')");
      expect((await counters())[1]).toMatchObject({ owed: 5 });
      await client.query("UPDATE duplicate_decisions SET decision = 'confirmed' WHERE application_a = 3");
      expect((await counters())[1]).toMatchObject({ owed: 6 });
      await client.query("UPDATE duplicate_decisions SET actor = 'jan' WHERE application_a = 3");
      expect((await counters())[1]).toMatchObject({ owed: 7 });
      await client.query('DELETE FROM duplicate_decisions WHERE application_a = 3');
      expect((await counters())[1]).toMatchObject({ owed: 8 });
      // One statement over two applications counts both, as SQLite's row triggers do.
      await client.query('UPDATE applications SET first_name = first_name WHERE campaign_id = 2');
      await client.query('UPDATE campaigns SET screening_done = 10 WHERE id = 2 AND screening_done < 10');
      expect((await counters())[1]).toEqual({ id: 2, version: 10, owed: 10, done: 10 });
      await expect(client.query("UPDATE campaigns SET settings_json = '{}' WHERE id = 2")).rejects.toMatchObject({ code: '42501' });
      await client.query('RESET ROLE');

      // An administrator's: applications added in one statement, a setting changed (or saved unchanged), one removed.
      await client.query(`INSERT INTO applications (id, campaign_id, application_id, source, created_at, updated_at) VALUES (5, 1, 'NIP-5', 'import', 'x', 'x'), (6, 1, 'NIP-6', 'import', 'x', 'x')`);
      expect((await counters())[0]).toEqual({ id: 1, version: 0, owed: 3, done: 0 });
      await client.query("UPDATE campaigns SET settings_json = '{}', name = 'Season 2027' WHERE id = 1");
      expect((await counters())[0]).toMatchObject({ owed: 3 });
      await client.query(`UPDATE campaigns SET settings_json = '{"minimumAge":25}' WHERE id = 1`);
      expect((await counters())[0]).toMatchObject({ owed: 4 });
      await client.query('DELETE FROM applications WHERE id = 2');
      expect((await counters())[0]).toEqual({ id: 1, version: 1, owed: 5, done: 0 });
    } finally {
      await client.end();
    }
  });
});
