import pg from 'pg';
import { DEFAULT_CAMPAIGN_NAME, DEFAULT_CAMPAIGN_SETTINGS } from '../../../shared/domain/settings';
import { addOfficer, initServer } from '../../../db/postgres/server-admin';

/**
 * Which engine this run of the unit suite tests (issue 14: the whole suite on both). The vitest
 * project "postgres" sets COHORT_TEST_ENGINE=postgres: `openTestApp` then opens a fresh database on
 * the run's PostgreSQL server instead of a file. Files that can only run on SQLite say so on one of
 * their first lines (`// Engines: SQLite only — why`) and the postgres project leaves them out
 * (engine-files.ts reads that line).
 */
export type Engine = 'sqlite' | 'postgres';

export const TEST_ENGINE: Engine = process.env.COHORT_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
export const onPostgres = TEST_ENGINE === 'postgres';

/** The database every test's own is copied from (CREATE DATABASE … TEMPLATE: the schema without running its migrations per test). */
export const TEMPLATE_DATABASE = 'cohort_test_template';

/**
 * Who the tests are on the server: an office administrator (tests import, change settings and
 * purge), named as on a file ("tester", openTestApp's user name) so that history reads the same on both engines.
 */
export const TEST_LOGIN = { login: 'tester', password: 'tester-secret' } as const;

/**
 * A new server as IT leaves it after `cohort server init` (schema, roles) with the tests' login,
 * and the one empty campaign a new database file starts with: a test opens either and finds the same.
 */
export async function buildTemplate(superuserUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const template = new pg.Client({ connectionString: inDatabase(superuserUrl, TEMPLATE_DATABASE) });
  await template.connect();
  try {
    await initServer(template);
    await addOfficer(template, TEST_LOGIN.login, { admin: true, password: TEST_LOGIN.password });
    const at = new Date().toISOString();
    await template.query('INSERT INTO campaigns (name, settings_json, created_at, updated_at) VALUES ($1, $2, $3, $3)', [
      DEFAULT_CAMPAIGN_NAME,
      JSON.stringify(DEFAULT_CAMPAIGN_SETTINGS),
      at,
    ]);
  } finally {
    await template.end();
  }
}

/** The same server's URL, naming another database. */
export function inDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.href;
}

/** The same server, as another login. */
export function asLogin(url: string, login: string, password: string): string {
  const next = new URL(url);
  next.username = login;
  next.password = password;
  return next.href;
}
