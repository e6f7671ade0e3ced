import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { createClient, type Client } from '../../shared/api/client';
import { STAGE_IDS, type Stage } from '../../shared/domain/stages';
import { inProcessTransport, openCore, type Core } from '../../electron/core/runtime';
import { copyCampaignToServer } from '../../db/copy/copy-campaign';
import { addOfficer, initServer } from '../../db/postgres/server-admin';
import { openSqlite } from '../../db/connection';
import { percentiles, random, type Percentiles } from './triage-bench';
import Papa from 'papaparse';
import { APPLICATION_FIELDS } from '../../shared/domain/application-fields';
import { columnOf } from '../../electron/core/applications/store';
import { copyRows } from '../../electron/core/applications/pg-copy';
import { writeDemoExport } from '../../electron/core/demo/export-file';

/**
 * Team mode under load (issue 14), PostgreSQL on loopback: the bench's 50,000-application campaign
 * copied to a database of its own on the server, then OFFICERS workstations (each its own Core:
 * pool, change feed, dispatcher — as many processes would) deciding at once for SECONDS: each on
 * their own queue, and 10% of the time on a small set every officer works on. Each decision reads
 * the application as the officer's screen would (triage.detail), then decides with the version it
 * saw. At the end every accepted decision is checked against the server: an application's stage is
 * the one its last accepted decision gave (a lost update would show there), and no refused one left
 * a trace. The queue and search pages are measured on the same server.
 */

export interface TeamLoad {
  officers: number;
  seconds: number;
  accepted: number;
  refused: number;
  /** Refusals that were not "changed meanwhile" (each one an error of Cohort's: should be 0). */
  otherErrors: number;
  decide: Percentiles;
  detail: Percentiles;
  lostUpdates: number;
  queue: Percentiles;
  search: Percentiles;
  copyMs: number;
}

interface Accepted {
  ref: number;
  stage: Stage;
  actionId: number;
}

const TRIAGE_STAGES = STAGE_IDS;

export async function measureTeamLoad(databasePath: string, serverUrl: string, options: { officers?: number; seconds?: number } = {}): Promise<TeamLoad> {
  const officers = options.officers ?? 10;
  const seconds = options.seconds ?? 60;
  const name = `cohort_team_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const as = (login: string, password: string) => {
    const next = new URL(url.href);
    next.username = login;
    next.password = password;
    return next.href;
  };
  const dir = mkdtempSync(join(tmpdir(), 'cohort-team-bench-'));
  const cores: Core[] = [];
  try {
    const setup = new pg.Client({ connectionString: url.href });
    await setup.connect();
    try {
      await initServer(setup);
      await addOfficer(setup, 'bench_admin', { admin: true, password: 'bench' });
      for (let i = 1; i <= officers; i++) await addOfficer(setup, `bench_officer_${i}`, { admin: false, password: 'bench' });
    } finally {
      await setup.end();
    }
    const copied = await copyCampaignToServer(databasePath, as('bench_admin', 'bench'));
    const campaignId = copied.to.campaignId;

    const clients: Client[] = [];
    for (let i = 1; i <= officers; i++) {
      const core = await openCore({ databasePath: as(`bench_officer_${i}`, 'bench'), backupDirectory: join(dir, 'backups'), userName: `bench_${i}`, appVersion: 'bench' });
      cores.push(core);
      clients.push(createClient(inProcessTransport(core)));
    }

    // Each officer's own queue: the eligible applications of one division (officers share divisions
    // past eight, each taking every other one); the shared set: 20 applications of OPS.
    const divisions = ['DI', 'DPP', 'ESCD', 'EM', 'OPS', 'PASP', 'PDD', 'JISD'] as const;
    const queues: number[][] = [];
    for (let i = 0; i < officers; i++) {
      const refs = await clients[i]!.call('triage.refs', { campaignId, queue: divisions[i % divisions.length]!, sort: [] });
      const mine = officers > divisions.length ? refs.filter((_, k) => k % Math.ceil(officers / divisions.length) === Math.floor(i / divisions.length)) : refs;
      queues.push(mine);
    }
    const shared = (await clients[0]!.call('triage.refs', { campaignId, queue: 'OPS', sort: [] })).slice(0, 20);

    const accepted: Accepted[] = [];
    const refusedRefs: number[] = [];
    const decideMs: number[] = [];
    const detailMs: number[] = [];
    let otherErrors = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      clients.map(async (client, i) => {
        const next = random(1000 + i);
        let cursor = 0;
        const queue = queues[i]!;
        while (performance.now() < until) {
          const ref = next() < 0.1 ? shared[Math.floor(next() * shared.length)]! : queue[cursor++ % queue.length]!;
          let started = performance.now();
          const seen = await client.call('triage.detail', { ref });
          detailMs.push(performance.now() - started);
          const stage = TRIAGE_STAGES[Math.floor(next() * TRIAGE_STAGES.length)]!;
          started = performance.now();
          const result = await client.tryCall('triage.decide', { refs: [ref], stage, ...(stage === 'notRetained' ? { reason: 'other' as const } : {}), seen: [{ ref, version: seen.version }] });
          decideMs.push(performance.now() - started);
          if (result.ok) accepted.push({ ref, stage, actionId: result.value.actionId });
          else if (result.error.kind === 'ChangedMeanwhile') refusedRefs.push(ref);
          else otherErrors++;
        }
      }),
    );

    // Every accepted decision is in the final state, or superseded by a later accepted one.
    const last = new Map<number, Accepted>();
    for (const a of accepted) if ((last.get(a.ref)?.actionId ?? -1) < a.actionId) last.set(a.ref, a);
    const check = new pg.Client({ connectionString: url.href });
    await check.connect();
    let lostUpdates = 0;
    try {
      const { rows } = await check.query<{ ref: number; stage: Stage }>('SELECT application_ref AS ref, stage FROM triage_states WHERE application_ref = ANY($1::int[])', [[...last.keys()]]);
      const stages = new Map(rows.map((r) => [r.ref, r.stage]));
      for (const [ref, a] of last) if (stages.get(ref) !== a.stage) lostUpdates++;
      // Every accepted decision recorded once; no refused one recorded at all.
      const { rows: actions } = await check.query<{ n: number }>("SELECT count(*)::int AS n FROM triage_actions WHERE campaign_id = $1 AND kind = 'stage' AND actor LIKE 'bench\\_officer\\_%'", [campaignId]);
      lostUpdates += Math.abs((actions[0]?.n ?? 0) - accepted.length);
    } finally {
      await check.end();
    }

    // The queue and search pages, on the server, as an officer reads them once autovacuum has
    // passed after the copy (within its minute; run here at once rather than waited for): its
    // visibility map is what lets the queues read their narrow indexes alone.
    const superuser = new pg.Client({ connectionString: url.href });
    await superuser.connect();
    await superuser.query('VACUUM (ANALYZE)');
    await superuser.end();
    const reader = clients[0]!;
    const sorts = [[], [{ column: 'name' as const, descending: false }], [{ column: 'score' as const, descending: true }], [{ column: 'submittedAt' as const, descending: true }]];
    const queueMs: number[] = [];
    for (let k = 0; k < 200; k++) {
      const started = performance.now();
      await reader.call('triage.list', { campaignId, queue: divisions[k % divisions.length]!, sort: sorts[k % sorts.length]!, offset: (k % 5) * 200, limit: 200, filter: k % 3 === 0 ? { stages: ['new'] } : {} });
      queueMs.push(performance.now() - started);
    }
    const sqlite = openSqlite(databasePath, { readonly: true, fileMustExist: true });
    const names = sqlite.prepare('SELECT last_name FROM applications ORDER BY id LIMIT 200').pluck().all() as string[];
    sqlite.close();
    const searchMs: number[] = [];
    for (const [k, lastName] of names.entries()) {
      const started = performance.now();
      await reader.call('triage.list', { campaignId, queue: 'all', filter: { search: lastName.slice(0, 3 + (k % 3)) }, limit: 200 });
      searchMs.push(performance.now() - started);
    }

    return {
      officers,
      seconds,
      accepted: accepted.length,
      refused: refusedRefs.length,
      otherErrors,
      decide: percentiles(decideMs),
      detail: percentiles(detailMs),
      lostUpdates,
      queue: percentiles(queueMs),
      search: percentiles(searchMs),
      copyMs: copied.ms,
    };
  } finally {
    for (const core of cores) await core.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ServerImport {
  rows: number;
  /** import.inspect + import.preview + import.commit, as an administrator's workstation runs them. */
  ms: number;
  commitMs: number;
  /** The same file parsed (papaparse, streaming) and its submitted rows sent with one raw COPY. */
  baselineMs: number;
  baselineRows: number;
}

/** A database of its own on the server, set up as IT's `cohort server init` leaves it, with an administrator's login; its URL as that login. */
async function serverDatabase(admin: pg.Client, serverUrl: string, name: string): Promise<string> {
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const setup = new pg.Client({ connectionString: url.href });
  await setup.connect();
  try {
    await initServer(setup);
    await addOfficer(setup, 'bench_admin', { admin: true, password: 'bench' });
    await setup.query("INSERT INTO campaigns (name, settings_json, created_at, updated_at) VALUES ('Bench', '{}', 'x', 'x')");
  } finally {
    await setup.end();
  }
  url.username = 'bench_admin';
  url.password = 'bench';
  return url.href;
}

/**
 * An export of `count` applications imported into PostgreSQL through the real service (the
 * staging in a scratch database on this computer, the commit with COPY in one transaction), beside
 * a raw COPY of the same file's rows in the same process, each into an empty campaign of a
 * database of its own (the same schema, triggers and indexes: the search index and the screening
 * owed are kept by the server for both).
 */
export async function measureServerImport(serverUrl: string, count: number): Promise<ServerImport> {
  const suffix = randomBytes(5).toString('hex');
  const names = [`cohort_import_${suffix}`, `cohort_import_base_${suffix}`];
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const dir = mkdtempSync(join(tmpdir(), 'cohort-import-bench-'));
  try {
    const file = join(dir, 'export.csv');
    await writeDemoExport(file, { count, seed: 2 });
    const [cohortUrl, baselineUrl] = [await serverDatabase(admin, serverUrl, names[0]!), await serverDatabase(admin, serverUrl, names[1]!)];

    const core = await openCore({ databasePath: cohortUrl, backupDirectory: join(dir, 'backups'), userName: 'bench', appVersion: 'bench' });
    let ms: number;
    let commitMs: number;
    let rows: number;
    try {
      const client = createClient(inProcessTransport(core));
      const started = performance.now();
      const inspection = await client.call('import.inspect', { campaignId: 1, path: file });
      await client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
      const committing = performance.now();
      const result = await client.call('import.commit', { jobId: inspection.jobId });
      ms = performance.now() - started;
      commitMs = performance.now() - committing;
      rows = result.counts.added;
      // The screening that follows the import runs after its answer: not counted, nor left to slow the baseline.
      await core.settled();
    } finally {
      await core.close();
    }

    const base = new pg.Client({ connectionString: baselineUrl });
    await base.connect();
    try {
      const started = performance.now();
      const fields = APPLICATION_FIELDS.map((f) => columnOf(f.key));
      const statusIndex = APPLICATION_FIELDS.findIndex((f) => f.key === 'status');
      const parsed: string[][] = [];
      await new Promise<void>((resolve, reject) => {
        let header = true;
        Papa.parse<string[]>(createReadStream(file, 'utf8') as unknown as File, {
          step: (result) => {
            if (header) {
              header = false;
              return;
            }
            const values = result.data;
            if (values.length === fields.length && values[statusIndex] !== 'Draft') parsed.push(values);
          },
          complete: () => resolve(),
          error: reject,
        });
      });
      await base.query('BEGIN');
      const baselineRows = await copyRows(
        base,
        'applications',
        ['campaign_id', ...fields, 'source', 'created_at', 'updated_at'],
        parsed.map((values) => [1, ...values, 'import', 'x', 'x']),
      );
      await base.query('COMMIT');
      return { rows, ms, commitMs, baselineMs: performance.now() - started, baselineRows };
    } finally {
      await base.end();
    }
  } finally {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
