import { join } from 'node:path';

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
