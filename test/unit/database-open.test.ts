// Engines: SQLite only — opening database files (not a database, locked, newer); opening a server is server-connection.test.ts's.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, useTempDir, type TestApp } from './support/temp';

/**
 * database.open through the real dispatcher, as every transport reaches it: a path that is not a
 * database file gets a message about that path, and nothing is made or changed.
 */
const tempDir = useTempDir();
const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.core.close();
});

async function app(): Promise<TestApp> {
  const opened = await openTestApp(tempDir());
  apps.push(opened);
  return opened;
}

async function refusal(a: TestApp, path: string, create = false): Promise<string | undefined> {
  const result = await a.client.tryCall('database.open', { path, create });
  expect(result.ok, `${path} was opened`).toBe(false);
  if (result.ok) return undefined;
  expect(['Validation', 'Conflict', 'NotFound']).toContain(result.error.code);
  expect(result.error.message).not.toMatch(/disk I\/O|SQLITE/);
  return result.error.kind;
}

describe('database.open refuses what is not a database file, untouched', () => {
  it('a folder', async () => {
    const a = await app();
    const folder = join(a.dir, 'a-folder.sqlite');
    mkdirSync(folder);
    expect(await refusal(a, folder)).toBe('IsFolder');
    expect(await refusal(a, a.dir)).toBe('IsFolder');
  });

  it('an empty text file, and a text file named like a database', async () => {
    const a = await app();
    const empty = join(a.dir, 'empty.txt');
    writeFileSync(empty, '');
    expect(await refusal(a, empty)).toBe('NotDatabaseName');
    const zero = join(a.dir, 'empty.sqlite');
    writeFileSync(zero, '');
    expect(await refusal(a, zero)).toBe('NotADatabase');
    const text = join(a.dir, 'notes.sqlite');
    writeFileSync(text, 'Dear hiring manager,');
    expect(await refusal(a, text)).toBe('NotADatabase');
    expect(statSync(empty).size).toBe(0);
    expect(statSync(zero).size).toBe(0);
    expect(readFileSync(text, 'utf8')).toBe('Dear hiring manager,');
  });

  it('a file that is not there, or a folder that is not there (which is not made)', async () => {
    const a = await app();
    expect(await refusal(a, join(a.dir, 'missing.sqlite'))).toBe('NoSuchFile');
    const deep = join(a.dir, 'no', 'such', 'folder', 'new.sqlite');
    expect(await refusal(a, deep, true)).toBe('NoSuchFolder');
    expect(existsSync(join(a.dir, 'no'))).toBe(false);
    expect(await refusal(a, 'relative.sqlite')).toBe('NotAbsolute');
  });

  it('creating over an existing file', async () => {
    const a = await app();
    expect(await refusal(a, a.databasePath, true)).toBe('FileExists');
  });

  it('while a real database opens and a new one is made', async () => {
    const a = await app();
    const created = join(a.dir, 'second.sqlite');
    expect(await a.client.tryCall('database.open', { path: created, create: true })).toMatchObject({ ok: true });
    expect(await a.client.tryCall('database.open', { path: a.databasePath, create: false })).toMatchObject({ ok: true });
  });
});
