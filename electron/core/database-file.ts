import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, isAbsolute } from 'node:path';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/api/errors';

/** The file names a Cohort database may have (File > New adds `.sqlite` when none is given). */
export const DATABASE_FILE_EXTENSIONS = ['.sqlite', '.cohort', '.db'] as const;

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function refuse(message: string, kind: string): never {
  // No field issue: the dialog shows this message itself, not a generic "check the path".
  throw new ValidationError(message, [], kind);
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function startsLikeSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks a path given to open or create a database before anything touches it, so that a mistake
 * gets a message about that mistake (not "disk I/O error") and changes nothing: no folder is made,
 * no text file is turned into a database. Every transport's request goes through it.
 */
export function checkDatabaseFile(path: string, create: boolean): void {
  const name = basename(path);
  if (!isAbsolute(path)) refuse('Give the full path of the database file.', 'NotAbsolute');
  const stats = statOrNull(path);
  if (stats?.isDirectory()) refuse(`"${path}" is a folder, not a database file. Choose a file in it, or a new file name.`, 'IsFolder');
  if (!(DATABASE_FILE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())) {
    refuse(`"${name}" is not a Cohort database: its name must end in ${DATABASE_FILE_EXTENSIONS.join(', ')}.`, 'NotDatabaseName');
  }
  const folder = statOrNull(dirname(path));
  if (!folder?.isDirectory()) refuse(`The folder "${dirname(path)}" does not exist. Choose a folder that does.`, 'NoSuchFolder');
  if (create) {
    // Cohort never overwrites a file (a Conflict, as the session says it too).
    if (stats) throw new ConflictError(`A file already exists at "${path}". Choose another name.`, 'FileExists');
    return;
  }
  if (!stats) throw new NotFoundError(`There is no database at "${path}".`, 'NoSuchFile');
  if (!stats.isFile()) refuse(`"${path}" is not a regular file, so it cannot be a database.`, 'NotADatabase');
  if (stats.size === 0 || !startsLikeSqlite(path)) {
    refuse(`"${name}" is not a database file (or it is damaged). It has not been changed.`, 'NotADatabase');
  }
}
