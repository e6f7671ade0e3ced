import { describeServer, isServerUrl, parseServerUrl } from '../../db/postgres/server-url';
import { dirname, join, resolve } from 'node:path';

/**
 * Where Cohort keeps its data on each platform. On Windows it is the LOCAL profile, not the roaming
 * one: applicants' personal data must not be synchronised to other machines by a roaming profile.
 */
export function defaultDataDirectory(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  homedir: string,
): string {
  if (env.COHORT_DATA_DIR) return env.COHORT_DATA_DIR;
  switch (platform) {
    case 'win32':
      return join(env.LOCALAPPDATA ?? join(homedir, 'AppData', 'Local'), 'Cohort');
    case 'darwin':
      return join(homedir, 'Library', 'Application Support', 'Cohort');
    default:
      return join(env.XDG_DATA_HOME ?? join(homedir, '.local', 'share'), 'cohort');
  }
}

export function defaultDatabasePath(dataDirectory: string): string {
  return join(dataDirectory, 'cohort.sqlite');
}

export function backupDirectoryFor(dataDirectory: string): string {
  return join(dataDirectory, 'backups');
}

export interface Locations {
  dataDirectory: string;
  databasePath: string;
  backupDirectory: string;
}

/**
 * Where a process given `--db` and `--data-dir` (the web host, the CLI) keeps things. A database
 * given without a data folder keeps its backups beside it, in a backups folder of its own folder:
 * a demo database in /tmp must not fill the real app's backups with its copies.
 */
export function locationsFor(given: { db?: string; dataDir?: string }, defaultDataDir: () => string): Locations {
  // The office server (team mode): the URL as given; this computer's data folder holds the rest.
  if (given.db !== undefined && isServerUrl(given.db)) {
    const dataDirectory = given.dataDir !== undefined ? resolve(given.dataDir) : defaultDataDir();
    return { dataDirectory, databasePath: given.db.trim(), backupDirectory: backupDirectoryFor(dataDirectory) };
  }
  if (given.dataDir !== undefined) {
    const dataDirectory = resolve(given.dataDir);
    const databasePath = given.db !== undefined ? resolve(given.db) : defaultDatabasePath(dataDirectory);
    return { dataDirectory, databasePath, backupDirectory: backupDirectoryFor(dataDirectory) };
  }
  if (given.db !== undefined) {
    const databasePath = resolve(given.db);
    const dataDirectory = dirname(databasePath);
    return { dataDirectory, databasePath, backupDirectory: backupDirectoryFor(dataDirectory) };
  }
  const dataDirectory = defaultDataDir();
  return { dataDirectory, databasePath: defaultDatabasePath(dataDirectory), backupDirectory: backupDirectoryFor(dataDirectory) };
}

/** Where the database is, to show or log: a file's path, or a server's address without its password. */
export function describeLocation(databasePath: string): string {
  if (!isServerUrl(databasePath)) return databasePath;
  try {
    return describeServer(parseServerUrl(databasePath));
  } catch {
    return 'the office server (its address is not valid)';
  }
}
