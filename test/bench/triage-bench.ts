import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { openSqlite } from '../../db/connection';
import { createClient } from '../../shared/api/client';
import { DIVISION_CODES } from '../../shared/domain/divisions';
import { inProcessTransport, openCore } from '../../electron/core/runtime';
import { listQueue } from '../../electron/core/triage/store/sqlite-queue';
import type { TriageColumn } from '../../shared/api/contract';
import { started } from './cleanup';

/**
 * Triage speed on a 50,000-application campaign (issue 5): the queue query and a full-text search
 * in the database, each beside a raw better-sqlite3 baseline; and in Chromium, 200 consecutive
 * keyboard decisions, from the key press to the next application shown (User Timing measures the
 * page takes itself, so the browser driver's own delays do not count).
 */

export interface Percentiles {
  median: number;
  p95: number;
  count: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), count: sorted.length };
}

/** A repeatable sequence (mulberry32), so runs compare. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Builds the campaign once: demo applications, screened and indexed, as the app leaves them. */
export async function buildTriageCampaign(dir: string, count: number): Promise<string> {
  const databasePath = join(dir, 'cohort.sqlite');
  const core = await openCore({ databasePath, backupDirectory: join(dir, 'backups'), userName: 'bench', appVersion: 'bench' });
  await createClient(inProcessTransport(core)).call('demo.load', { count, seed: 5 });
  await core.settled();
  await core.close();
  return databasePath;
}

const SORTABLE: TriageColumn[] = ['name', 'nationality', 'score', 'university', 'submittedAt', 'englishLevel', 'fieldOfStudy'];

/** Queue pages (division, stage, a filter, a sort, a page) and searches, straight on the database. */
export function measureQueries(databasePath: string, rounds = 200): { queue: Percentiles; queueBaseline: Percentiles; search: Percentiles; searchBaseline: Percentiles } {
  const sqlite = openSqlite(databasePath);
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const names = sqlite.prepare("SELECT last_name FROM applications WHERE length(last_name) >= 4 ORDER BY id LIMIT 5000").pluck().all() as string[];
  const queue: number[] = [];
  const queueBaseline: number[] = [];
  const search: number[] = [];
  const searchBaseline: number[] = [];
  const raw = sqlite.prepare('SELECT * FROM applications WHERE campaign_id = 1 AND division_code = ? ORDER BY submitted_at, id LIMIT 200 OFFSET ?');
  const rawSearch = sqlite.prepare('SELECT rowid FROM application_search WHERE application_search MATCH ? LIMIT 200');
  for (let i = 0; i < rounds; i++) {
    const division = pick(DIVISION_CODES);
    const offset = Math.floor(next() * 5) * 200;
    const filter = pick([{}, { funding: ['nato' as const] }, { englishAtLeast: 'C1' as const }, { unscored: true }]);
    queue.push(timed(() => listQueue(sqlite, 1, division, { stages: ['new'], ...filter }, [{ column: pick(SORTABLE), descending: next() < 0.5 }], offset, 200)));
    queueBaseline.push(timed(() => raw.all(division, offset)));
    const prefix = pick(names).normalize('NFKD').replace(/\p{M}/gu, '').slice(0, 3 + Math.floor(next() * 3)).toLowerCase();
    search.push(timed(() => listQueue(sqlite, 1, 'all', { search: prefix }, [], 0, 200)));
    searchBaseline.push(timed(() => rawSearch.all(`"${prefix.replace(/"/g, '')}"*`)));
  }
  sqlite.close();
  return { queue: percentiles(queue), queueBaseline: percentiles(queueBaseline), search: percentiles(search), searchBaseline: percentiles(searchBaseline) };
}

/** How long the web host may take to say where it listens. */
const WEB_HOST_START_MS = 60_000;

/**
 * The web host on this database, in a child process, as `npm run web` starts it. Registered with
 * the bench's cleanup as soon as it is spawned: it is stopped if it never says it is ready, if a
 * later step throws, and if the bench is interrupted. Resolves to the function that stops it.
 */
async function startWebHost(dir: string, databasePath: string, port: number, token: string): Promise<() => Promise<void>> {
  // --token=VALUE: a random token may start with "-", which a separate argument would read as an option.
  const child = spawn(process.execPath, [join(__dirname, 'web-host.cjs'), '--port', String(port), '--data-dir', dir, '--db', databasePath, `--token=${token}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const stop = started(
    'the web host',
    async () => {
      if (gone()) return;
      child.kill('SIGTERM');
      await exited;
    },
    () => {
      if (!gone()) child.kill('SIGKILL');
    },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the web host did not start within ${WEB_HOST_START_MS / 1000} s`)), WEB_HOST_START_MS);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the web host stopped (${code ?? signal})`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('http://127.0.0.1')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

/**
 * 200 decisions by keyboard in Chromium, in one queue (OPS: the demo's largest division); each
 * waits for the next application to show before the next key, as fast as the page allows.
 */
export async function measureKeyboard(dir: string, databasePath: string, queue = 'OPS', decisions = 200): Promise<{ keyToShown: Percentiles; browser: string }> {
  const port = Number(process.env.COHORT_BENCH_PORT ?? 4800 + Math.floor(Math.random() * 100));
  const token = randomBytes(24).toString('base64url');
  // Stopped in reverse order, whatever happens (and by the cleanup's handlers on a signal or exit).
  const stops: (() => Promise<void>)[] = [];
  try {
    stops.push(await startWebHost(dir, databasePath, port, token));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    // Playwright kills the browsers it launched when this process exits; a proper close comes first.
    stops.push(started('Chromium', () => browser.close(), () => undefined));
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/#token=${token}`);
    await page.getByRole('navigation').getByRole('link', { name: 'Divisions' }).click();
    await page.getByTestId(`queue-${queue}`).click();
    await page.getByTestId('triage-detail').and(page.locator('[data-ref]')).waitFor({ timeout: 60_000 });
    await page.getByTestId('triage-grid').focus();
    // A few decisions first: the page's code is compiled and its caches warm, as after a minute of work.
    for (let i = 0; i < decisions + 10; i++) {
      const before = await page.evaluate(() => performance.getEntriesByName('triage:key-to-shown').length);
      await page.keyboard.press('s');
      await page.waitForFunction((n) => performance.getEntriesByName('triage:key-to-shown').length > n, before, { timeout: 10_000 });
      if (i === 9) await page.evaluate(() => performance.clearMeasures('triage:key-to-shown'));
    }
    const samples = await page.evaluate(() => performance.getEntriesByName('triage:key-to-shown').map((e) => e.duration));
    return { keyToShown: percentiles(samples), browser: browser.version() };
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
