import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createClient, type Client } from '../../../shared/api/client';
import { inProcessTransport, openCore, type Core } from '../../../electron/core/runtime';

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
  dir: string;
  databasePath: string;
  backupDirectory: string;
  core: Core;
  client: Client;
}

/** The real services on a real database file in a temp folder, reached in-process. */
export async function openTestApp(dir: string, options: { periodicBackupMs?: number; busyTimeoutMs?: number; backupDirectory?: string } = {}): Promise<TestApp> {
  const databasePath = join(dir, 'cohort.sqlite');
  const { backupDirectory = join(dir, 'backups'), ...rest } = options;
  const core = await openCore({ databasePath, backupDirectory, userName: 'tester', appVersion: 'test', ...rest });
  return { dir, databasePath, backupDirectory, core, client: createClient(inProcessTransport(core)) };
}

/** Counts rows of every table, to prove a refused request wrote nothing (once the work left for after earlier requests is done). */
export async function tableCounts(core: Core): Promise<Record<string, number>> {
  await core.settled();
  const { sqlite } = core.session.open;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  return Object.fromEntries(tables.map((t) => [t.name, (sqlite.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
}
