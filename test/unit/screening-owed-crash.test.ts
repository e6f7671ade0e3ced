// Engines: SQLite only — a process killed mid-way on a file; on the server an import is one transaction, and what it owes is counted by the server's triggers (screening-owed.test.ts on both).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/connection';
import { writeDemoExport } from '../../electron/core/demo/export-file';
import { runCli } from '../../electron/cli';
import { campaignsOwingScreening } from '../../electron/core/screening/store/sqlite-owed';
import { useTempDir } from './support/temp';

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

});
