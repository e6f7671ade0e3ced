import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { makePrivate, PRIVATE_FILE_MODE } from '../db/private-files';
import { serverConnectionSchema, type ServerConnection } from '../shared/domain/server-connection';

/**
 * Which database the app opens when it starts: this computer's file, or the office server
 * remembered in Settings > Database (host, port, database, login, TLS, the office CA file's path;
 * never the password: server-keychain.ts). A plain settings file, `database.json`, in the data
 * folder, beside window-state.json. Reading never fails: a missing or damaged file means this
 * computer, as before team mode.
 */

export const DATABASE_CHOICE_FILE = 'database.json';

export interface DatabaseChoice {
  use: 'file' | 'server';
  /** Kept when the user goes back to this computer, so the form is filled in next time. */
  server: ServerConnection | null;
}

const choiceSchema = z.object({
  use: z.enum(['file', 'server']),
  server: serverConnectionSchema.nullable(),
});

export const ON_THIS_COMPUTER: DatabaseChoice = { use: 'file', server: null };

export function databaseChoicePath(dataDirectory: string): string {
  return join(dataDirectory, DATABASE_CHOICE_FILE);
}

export function parseDatabaseChoice(value: unknown): DatabaseChoice {
  const parsed = choiceSchema.safeParse(value);
  if (!parsed.success) return ON_THIS_COMPUTER;
  // "server" with no server remembered cannot be followed.
  return parsed.data.use === 'server' && parsed.data.server === null ? ON_THIS_COMPUTER : parsed.data;
}

export function loadDatabaseChoice(file: string): DatabaseChoice {
  try {
    return parseDatabaseChoice(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return ON_THIS_COMPUTER;
  }
}

export function saveDatabaseChoice(file: string, choice: DatabaseChoice): void {
  const temporary = `${file}.tmp`;
  // It names the office server and a login: the user's own, like the rest of the data folder.
  writeFileSync(temporary, `${JSON.stringify(choice, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
  makePrivate(temporary);
  renameSync(temporary, file);
}
