import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/connection';
import { writeDemoExport } from '../../electron/core/demo/export-file';
import { runCli } from '../../electron/cli';
import { campaignsOwingScreening, screeningOwedCount } from '../../electron/core/screening/store/sqlite-owed';
import { screenAndStore } from '../../electron/core/screening/run';
import { readSettings } from '../../electron/core/campaigns/settings';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();
const CLI = join(__dirname, '../../dist/node/cli.cjs');

function counts(path: string): { applications: number; screened: number } {
  const db = openSqlite(path);
  const row = db.prepare('SELECT (SELECT count(*) FROM applications) AS applications, (SELECT count(*) FROM screening_results) AS screened').get() as {
    applications: number;
    screened: number;
  };
  db.close();
  return row;
}

describe('screening owed after a crash', () => {
  it('a process killed right after an import commits: opening the database again screens every application, without the button', async () => {
    const dir = tempDir();
    const db = join(dir, 'cohort.sqlite');
    const io = { out: () => {}, err: () => {} };
    expect(await runCli(['campaign', 'list', '--db', db], io, { COHORT_DATA_DIR: dir })).toBe(0);
    const file = join(dir, 'export.csv');
    await writeDemoExport(file, { count: 20_000, seed: 5 });

    // The CLI prints the import's summary on stdout once the commit is done, before screening: kill it then.
    const child = spawn(process.execPath, [CLI, 'import', '--json', '--db', db, '--data-dir', dir, file], { stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let committed = false;
    child.stdout.on('data', () => {
      if (committed) return;
      committed = true;
      child.kill('SIGKILL');
    });
    await exited;
    expect(committed, 'the import did not commit').toBe(true);
    const afterKill = counts(db);
    expect(afterKill.applications).toBeGreaterThan(19_000);
    expect(afterKill.screened, 'the screening finished before the kill: the test proves nothing').toBeLessThan(afterKill.applications);

    // Any command opens the database: the screening owed is done before it exits.
    expect(await runCli(['campaign', 'list', '--db', db], io, { COHORT_DATA_DIR: dir })).toBe(0);
    expect(counts(db)).toEqual({ applications: afterKill.applications, screened: afterKill.applications });
    const check = openSqlite(db);
    expect(campaignsOwingScreening(check)).toEqual([]);
    check.close();
  }, 180_000);

  it('the app opened on a database with screening owed screens it on its own', async () => {
    const dir = tempDir();
    const first = await openTestApp(dir);
    await first.client.call('demo.load', { count: 200, seed: 2 });
    await first.core.close();
    // As if the process had died between a change and its screening: results gone, the change counted.
    const raw = openSqlite(first.databasePath);
    raw.prepare('DELETE FROM screening_results').run();
    raw.prepare("UPDATE applications SET nationality = 'Belgium' WHERE id = 1").run();
    expect(campaignsOwingScreening(raw)).toEqual([1]);
    raw.close();

    const again = await openTestApp(dir);
    await again.core.settled();
    const { sqlite } = again.core.session.open;
    expect(sqlite.prepare('SELECT count(*) FROM screening_results').pluck().get()).toBe(200);
    expect(campaignsOwingScreening(sqlite)).toEqual([]);
    await again.core.close();
  });

  it('a change made while a screening was reading keeps the campaign owed: the mark clears only with results that follow it', async () => {
    const app = await openTestApp(tempDir());
    await app.client.call('demo.load', { count: 100, seed: 4 });
    await app.core.settled();
    const { sqlite } = app.core.session.open;
    expect(campaignsOwingScreening(sqlite)).toEqual([]);

    const owedWhenRead = screeningOwedCount(sqlite, 1);
    const settings = readSettings(sqlite.prepare('SELECT settings_json FROM campaigns WHERE id = 1').pluck().get() as string);
    // Another program changes an application after the screening read its inputs…
    sqlite.prepare("UPDATE applications SET first_name = 'Changed' WHERE id = 1").run();
    await screenAndStore(app.core.session.open.stores.screening, 1, settings, 'tester', { owed: owedWhenRead });
    // …so the campaign is still owed, and the next reader screens it again.
    expect(campaignsOwingScreening(sqlite)).toEqual([1]);
    await app.client.call('screening.list', { campaignId: 1, tab: 'all' });
    expect(campaignsOwingScreening(sqlite)).toEqual([]);
    await app.core.close();
  });

  it('every change that owes screening records it in its own transaction: settings, corrections, duplicate decisions', async () => {
    const app = await openTestApp(tempDir());
    await app.client.call('demo.load', { count: 100, seed: 6 });
    await app.core.settled();
    const { sqlite } = app.core.session.open;
    const owedAfter = async (change: () => Promise<unknown>) => {
      const before = screeningOwedCount(sqlite, 1);
      await change();
      // Counted at once, before the screening that follows has run.
      const counted = screeningOwedCount(sqlite, 1) > before;
      await app.core.settled();
      return counted && campaignsOwingScreening(sqlite).length === 0;
    };
    expect(await owedAfter(() => app.client.call('campaign.update', { campaignId: 1, settings: { applicationLimit: 3 } }))).toBe(true);
    const ref = sqlite.prepare('SELECT id FROM applications ORDER BY id LIMIT 1').pluck().get() as number;
    expect(await owedAfter(() => app.client.call('application.correct', { ref, field: 'nationality', value: 'Belgium', reason: 'passport seen' }))).toBe(true);
    await app.core.close();
  });
});
