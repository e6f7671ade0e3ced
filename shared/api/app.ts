import { z } from 'zod';
import { emptyInput, reads, returns } from './common';
import type { DatabaseEngine, ServerInfo } from './database';

/** The app itself: what the window shows first, and the name an officer's decisions carry. */

export interface AppInfo {
  version: string;
  /** A file on this computer, or the office server: the shell says which (and backups are IT's on the server). */
  engine: DatabaseEngine;
  /** On the office server: which one, and the officer's login; null on a file. */
  server: ServerInfo | null;
  schemaVersion: number;
  databasePath: string;
  backupDirectory: string;
  /** The OS user: the default officer name. */
  userName: string;
  /** The name this OS user's decisions carry (recorded once; the OS user name until then). On the office server: the login, never changed here. */
  officer: string;
  /** True when no campaign of this database holds applications yet: show the first-run screen. */
  isEmpty: boolean;
}

export const appMethods = {
  'app.info': { input: emptyInput, output: returns<AppInfo>(), reads: reads('database') },
  /** The name the current OS user's decisions carry (default: the OS user name). */
  'app.setOfficerName': { input: z.object({ name: z.string().trim().min(1, 'Write your name').max(200) }).strict(), output: returns<{ officer: string }>() },
} as const;
