import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import Papa from 'papaparse';
import { writeDemoExport } from '../../electron/core/demo/export-file';
import { createClient } from '../../shared/api/client';
import { APPLICATION_FIELDS } from '../../shared/domain/application-fields';
import { parseStatus } from '../../shared/domain/listed-values';
import { runMigrations } from '../../db/migrate';
import { columnOf } from '../../electron/core/services/application-store';
import { generateDemoApplications } from '../../electron/core/demo/generate';
import { startWorkerHost } from '../../electron/core/worker-host';
import { watchEventLoop } from './event-loop';

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

async function demoThroughWorker(dir: string): Promise<{ ms: number; rows: number; maxBlockMs: number; samples: number }> {
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

async function importThroughWorker(dir: string, file: string): Promise<{ ms: number; rows: number; maxBlockMs: number; samples: number }> {
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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-bench-'));
  try {
    console.log(`Cohort benchmarks (${COUNT.toLocaleString('en')} applications)\n`);
    console.log('Demo build: generate + store, in the database worker');
    // The worker runs go first: the baselines run on this thread, and their garbage would otherwise
    // be collected during a worker run and count as an event-loop block that is not Cohort's.
    const demo = await demoThroughWorker(dir);
    const file = join(dir, 'export.csv');
    await writeDemoExport(file, { count: COUNT, seed: 2 });
    const imported = await importThroughWorker(dir, file);
    const base = baselineInsert(dir);
    const plain = await baselineImport(dir, file);
    row('baseline: generate + raw prepared insert', `${Math.round(base.rows / (base.ms / 1000)).toLocaleString('en')} rows/s`, `${(base.ms / 1000).toFixed(2)} s`);
    row('cohort: demo.load through the worker', `${Math.round(demo.rows / (demo.ms / 1000)).toLocaleString('en')} rows/s`, `${(demo.ms / 1000).toFixed(2)} s, ${Math.round((100 * base.ms) / demo.ms)}% of baseline`);
    row('main thread: longest event-loop block', `${demo.maxBlockMs.toFixed(1)} ms`, `target < 50 ms (${demo.samples} samples)`);

    console.log(`\nImport: a ${COUNT.toLocaleString('en')}-row export written by the demo generator (CSV)`);
    const rate = (r: { rows: number; ms: number }) => r.rows / (r.ms / 1000);
    row('baseline: papaparse + raw prepared insert', `${Math.round(rate(plain)).toLocaleString('en')} rows/s`, `${(plain.ms / 1000).toFixed(2)} s`);
    row('cohort: inspect + preview + commit (worker)', `${Math.round(rate(imported)).toLocaleString('en')} rows/s`, `${(imported.ms / 1000).toFixed(2)} s, ${Math.round((100 * rate(imported)) / rate(plain))}% of baseline (target >= 40%)`);
    row('main thread: longest event-loop block', `${imported.maxBlockMs.toFixed(1)} ms`, `target < 50 ms (${imported.samples} samples)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
