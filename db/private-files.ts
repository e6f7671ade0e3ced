import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * Applicants' personal data is readable by the user alone: the database, its -wal/-shm files and
 * the backups 0600, their folders 0700. Windows has no such modes (its profile folders are private
 * already), so there these are no-ops.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

const hasModes = process.platform !== 'win32';

/**
 * Creates a folder (and its missing parents) private, or makes an existing one private; a shared
 * folder given as the data folder (sticky like /tmp, or another user's) is left as it is.
 */
export function ensurePrivateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (!hasModes) return;
  const stat = statSync(path);
  if ((stat.mode & 0o1000) !== 0 || stat.uid !== process.getuid?.()) return;
  if ((stat.mode & 0o777) !== PRIVATE_FOLDER_MODE) chmodSync(path, PRIVATE_FOLDER_MODE);
}

/**
 * Creates an empty file readable by its owner alone if none is there, before SQLite creates it
 * with the process's default mode (SQLite gives a database's -wal and -shm the database's mode).
 */
export function createPrivateFile(path: string): void {
  if (existsSync(path)) return;
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}

/** Makes existing files private (a database made by an older Cohort, its -wal and -shm). */
export function makePrivate(...paths: string[]): void {
  if (!hasModes) return;
  for (const path of paths) {
    try {
      chmodSync(path, PRIVATE_FILE_MODE);
    } catch (error) {
      // A -wal or -shm that is not there is fine; a file of another user, or on a read-only drive,
      // cannot be changed by us (SQLite says so plainly if it must write there).
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EPERM' && code !== 'EROFS') throw error;
    }
  }
}
