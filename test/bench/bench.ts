import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
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

function row(label: string, value: string, note = ''): void {
  console.log(`  ${label.padEnd(46)} ${value.padStart(14)}  ${note}`);
}

/** Baseline: the same generated records, one raw prepared statement, one transaction. */
function baselineInsert(dir: string): { ms: number; rows: number } {
  const db = new BetterSqlite3(join(dir, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  runMigrations(db);
  db.prepare("INSERT INTO campaigns (name, settings_json, created_at, updated_at) VALUES ('b', '{}', 'x', 'x')").run();
  const cols = APPLICATION_FIELDS.map((f) => columnOf(f.key));
  const insert = db.prepare(
    `INSERT INTO applications (campaign_id, ${cols.join(',')}, source, created_at, updated_at) VALUES (1, ${cols.map(() => '?').join(',')}, 'demo', 'x', 'x')`,
  );
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
  const stop = watchEventLoop();
  const started = performance.now();
  const result = await client.call('demo.load', { count: COUNT, seed: 1 });
  const ms = performance.now() - started;
  const loop = stop();
  await host.close();
  return { ms, rows: result.inserted, ...loop };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-bench-'));
  try {
    console.log(`Cohort benchmarks (${COUNT.toLocaleString('en')} applications)\n`);
    console.log('Demo build: generate + store, in the database worker');
    // The worker run goes first: the baseline runs on this thread, and its garbage would otherwise
    // be collected during the worker run and count as an event-loop block that is not Cohort's.
    const demo = await demoThroughWorker(dir);
    const base = baselineInsert(dir);
    row('baseline: generate + raw prepared insert', `${Math.round(base.rows / (base.ms / 1000)).toLocaleString('en')} rows/s`, `${(base.ms / 1000).toFixed(2)} s`);
    row('cohort: demo.load through the worker', `${Math.round(demo.rows / (demo.ms / 1000)).toLocaleString('en')} rows/s`, `${(demo.ms / 1000).toFixed(2)} s, ${Math.round((100 * base.ms) / demo.ms)}% of baseline`);
    row('main thread: longest event-loop block', `${demo.maxBlockMs.toFixed(1)} ms`, `target < 50 ms (${demo.samples} samples)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
