import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/connection';
import { writeDemoExport } from '../../electron/core/demo/export-file';
import { runCli } from '../../electron/cli';
import { useTempDir } from './support/temp';

const tempDir = useTempDir();
const CLI = join(__dirname, '../../dist/node/cli.cjs');

/** Every row of every table, hashed: "exactly as before" means this is unchanged. */
function contentHash(path: string): string {
  // Opened read-write, as the app would: SQLite recovers from a killed writer on open.
  const db = openSqlite(path);
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  // Rows sorted as text: some tables (the search index's) have no rowid to order by.
  for (const { name } of tables) hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all().map((row) => JSON.stringify(row)).sort()));
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
  return hash.digest('hex');
}

describe('killing the process in the middle of an import', () => {
  it('leaves the database exactly as it was before', async () => {
    const dir = tempDir();
    const db = join(dir, 'cohort.sqlite');
    const io = { out: () => {}, err: () => {} };
    // A database with a history: demo applications in campaign 1, and a second campaign to import into.
    expect(await runCli(['demo', '--db', db, '--count', '500', '--seed', '3'], io, { COHORT_DATA_DIR: dir })).toBe(0);
    expect(await runCli(['campaign', 'list', '--db', db], io, { COHORT_DATA_DIR: dir })).toBe(0);
    const before = contentHash(db);

    const file = join(dir, 'export-50000.csv');
    await writeDemoExport(file, { count: 50_000, seed: 11 });
    const child = spawn(process.execPath, [CLI, 'import', '--db', db, '--data-dir', dir, file], { stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    // The CLI reports progress on stderr: kill it once the commit has written part of the file.
    let killedInCommit = false;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const writing = [...stderr.matchAll(/writing (\d+)%/g)].map((m) => Number(m[1]));
      if (!killedInCommit && writing.some((percent) => percent >= 20 && percent < 100)) {
        child.kill('SIGKILL');
        killedInCommit = true;
      }
    });
    await exited;
    expect(killedInCommit, 'the import finished before it could be killed mid-write').toBe(true);
    expect(contentHash(db)).toBe(before);
  }, 180_000);
});
