import type { BackupInfo } from '../shared/api/contract';

/**
 * Which backups are kept, per kind (issue 9: keeping "the last 10 of any kind" let eleven
 * `cohort campaign list` runs delete a manual backup within 20 seconds):
 *
 * - manual, migration (before a schema upgrade) and restore (the state before a restore): kept
 *   until the user deletes them;
 * - open (taken when a database is opened): at most one an hour, the last OPEN_BACKUPS_KEPT;
 * - periodic (every 30 minutes while changes are made): the newest of each (UTC) day, for
 *   PERIODIC_DAYS_KEPT days.
 */
export const OPEN_BACKUPS_KEPT = 5;
export const OPEN_BACKUP_INTERVAL_MS = 60 * 60 * 1000;
export const PERIODIC_DAYS_KEPT = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether opening a database now should back it up: no on-open backup in the last hour. */
export function isOpenBackupDue(backups: readonly BackupInfo[], now: Date): boolean {
  return !backups.some((b) => b.reason === 'open' && Math.abs(now.getTime() - Date.parse(b.createdAt)) < OPEN_BACKUP_INTERVAL_MS);
}

/** The backups to remove from a database's list (any order); the others are kept. */
export function backupsToPrune(backups: readonly BackupInfo[], now: Date): BackupInfo[] {
  const newestFirst = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.file.localeCompare(a.file));
  const prune: BackupInfo[] = [];
  let openKept = 0;
  const periodicDays = new Set<string>();
  for (const backup of newestFirst) {
    if (backup.reason === 'open') {
      if (++openKept > OPEN_BACKUPS_KEPT) prune.push(backup);
    } else if (backup.reason === 'periodic') {
      const day = backup.createdAt.slice(0, 10);
      const tooOld = now.getTime() - Date.parse(backup.createdAt) > PERIODIC_DAYS_KEPT * DAY_MS;
      // The newest of its day stays (the first met, newest first); the very newest always stays.
      if (periodicDays.size > 0 && (tooOld || periodicDays.has(day))) prune.push(backup);
      periodicDays.add(day);
    }
  }
  return prune;
}
