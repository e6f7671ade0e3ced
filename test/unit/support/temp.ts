import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, afterEach, expect, inject } from 'vitest';
import { createClient, type Client } from '../../../shared/api/client';
import { inProcessTransport, openCore, type Core } from '../../../electron/core/runtime';
import { asLogin, inDatabase, TEMPLATE_DATABASE, TEST_ENGINE, TEST_LOGIN, type Engine } from './engine';
import { numbered } from '../../../electron/core/triage/store/queue-sql';

/** A fresh folder per test, removed afterwards: every test works on real SQLite files. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohort-test-'));
    dirs.push(dir);
    return dir;
  };
}

export interface TestApp {
  /** The engine this run tests (engine.ts): a file on this computer, or a database on the run's PostgreSQL server. */
  engine: Engine;
  dir: string;
  /** The file's path, or the server database's URL (the tests' administrator login): what openCore opens. */
  databasePath: string;
  backupDirectory: string;
  core: Core;
  client: Client;
  /** What plain SQL (SQLite's `?` placeholders) reads, on either engine, once the work left for after requests is done. */
  rows<R>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Plain SQL that changes rows behind the app's back (a test's set-up), on either engine; on the server as its owner. */
  run(sql: string, params?: unknown[]): Promise<void>;
}

/**
 * On PostgreSQL a test folder stands for a database of its own (opened again from the same folder,
 * the same database: a reopened "file"). Databases made during a test are dropped after it, those
 * made before all of a file's tests after them; the cores opened on them are closed first.
 */
interface ServerDatabase {
  name: string;
  /** The owner's URL of it (the run's superuser): set-up SQL and dropping. */
  ownerUrl: string;
  inTest: boolean;
}
const serverDatabases = new Map<string, ServerDatabase>();
const openCores: { core: Core; inTest: boolean }[] = [];

async function dropServerDatabases(inTest: boolean): Promise<void> {
  for (const open of openCores.filter((c) => c.inTest === inTest)) {
    openCores.splice(openCores.indexOf(open), 1);
    await open.core.close().catch(() => undefined);
  }
  const dropping = [...serverDatabases].filter(([, d]) => d.inTest === inTest);
  if (dropping.length === 0) return;
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  try {
    for (const [dir, d] of dropping) {
      serverDatabases.delete(dir);
      await admin.query(`DROP DATABASE IF EXISTS ${d.name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

if (TEST_ENGINE === 'postgres') {
  afterEach(() => dropServerDatabases(true));
  afterAll(() => dropServerDatabases(false));
}

/** Whether the caller is inside a test (rather than a file's beforeAll). */
function inATest(): boolean {
  return expect.getState().currentTestName !== undefined;
}

async function serverDatabaseFor(dir: string): Promise<ServerDatabase> {
  const known = serverDatabases.get(dir);
  if (known) return known;
  const superuser = inject('postgresUrl');
  const name = `cohort_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: superuser });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const made = { name, ownerUrl: inDatabase(superuser, name), inTest: inATest() };
  serverDatabases.set(dir, made);
  return made;
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The real services on a real database in a temp folder, reached in-process: a SQLite file, or
 * (the postgres project) a fresh database on the run's PostgreSQL server, logged in as an administrator.
 */
export async function openTestApp(dir: string, options: { periodicBackupMs?: number; busyTimeoutMs?: number; backupDirectory?: string } = {}): Promise<TestApp> {
  const { backupDirectory = join(dir, 'backups'), ...rest } = options;
  const server = TEST_ENGINE === 'postgres' ? await serverDatabaseFor(dir) : null;
  const databasePath = server ? asLogin(server.ownerUrl, TEST_LOGIN.login, TEST_LOGIN.password) : join(dir, 'cohort.sqlite');
  const core = await openCore({ databasePath, backupDirectory, userName: 'tester', appVersion: 'test', ...rest });
  if (server) openCores.push({ core, inTest: inATest() });
  const client = createClient(inProcessTransport(core));
  if (!server) {
    return {
      engine: 'sqlite',
      dir,
      databasePath,
      backupDirectory,
      core,
      client,
      async rows<R>(sql: string, params: unknown[] = []) {
        await core.settled();
        return core.session.open.sqlite.prepare(sql).all(...params) as R[];
      },
      async run(sql: string, params: unknown[] = []) {
        await core.settled();
        core.session.open.sqlite.prepare(sql).run(...params);
      },
    };
  }
  return {
    engine: 'postgres',
    dir,
    databasePath,
    backupDirectory,
    core,
    client,
    async rows<R>(sql: string, params: unknown[] = []) {
      await core.settled();
      return onServer(server.ownerUrl, async (c) => (await c.query(numbered(sql), params)).rows as R[]);
    },
    async run(sql: string, params: unknown[] = []) {
      await core.settled();
      await onServer(server.ownerUrl, (c) => c.query(numbered(sql), params));
    },
  };
}

/** Counts rows of every table, to prove a refused request wrote nothing (once the work left for after earlier requests is done). */
export async function tableCounts(core: Core): Promise<Record<string, number>> {
  await core.settled();
  const { engine, db } = core.session.open;
  if (engine === 'sqlite') {
    const { sqlite } = core.session.open;
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    return Object.fromEntries(tables.map((t) => [t.name, (sqlite.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
  }
  return serverTableCounts(async <R>(text: string) => (await sql.raw<R>(text).execute(db)).rows);
}

/** Rows of every table of a server database, through whichever connection reads it (a workstation's, or the owner's). */
export async function serverTableCounts(rows: <R>(sql: string) => Promise<R[]>): Promise<Record<string, number>> {
  const tables = await rows<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t.name] = (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM "${t.name}"`))[0]?.n ?? 0;
  return counts;
}
