import { readFileSync, readdirSync } from 'node:fs';

/**
 * Which unit test files the postgres project runs (vitest.config.ts; kept free of the app's
 * imports, as the config loads it). A file runs on both engines when it opens the app with
 * openTestApp (or handWorkedSeason, which does), unless one of its first lines says why it can only run on SQLite
 * (`// Engines: SQLite only — <why>`) or why it picks its engines itself
 * (`// Engines: its own — <why>`: it opens a server itself, or a file and a server side by side). Tests of pure functions touch no database and run once.
 */
export const ENGINES_MARK = /^\/\/ Engines: (SQLite only|its own) — \S/m;

export function filesOnBothEngines(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.test.ts'))
    .filter((name) => {
      const text = readFileSync(`${folder}/${name}`, 'utf8');
      // Opened directly, or through the helper that builds a worked season on one (hand-season.ts).
      return /\b(openTestApp|handWorkedSeason)\(/.test(text) && !ENGINES_MARK.test(text.split('\n').slice(0, 12).join('\n'));
    })
    .sort()
    .map((name) => `${folder}/${name}`);
}
