import type { BackupInfo } from '../../shared/api/contract';

/**
 * Each backup's time as the list shows it: to the second (a restore and its safety copy are taken
 * within the same minute), and numbered "(1)", "(2)"… oldest first when two fall in the same second.
 */
export function distinctDates(backups: readonly BackupInfo[], format: (iso: string) => string): { backup: BackupInfo; date: string }[] {
  const shown = backups.map((backup) => ({ backup, date: format(backup.createdAt) }));
  const total = new Map<string, number>();
  for (const { date } of shown) total.set(date, (total.get(date) ?? 0) + 1);
  const seen = new Map<string, number>();
  // The list is newest first: the oldest of a second is (1).
  return shown.map(({ backup, date }) => {
    const n = total.get(date) ?? 1;
    if (n === 1) return { backup, date };
    const index = (seen.get(date) ?? 0) + 1;
    seen.set(date, index);
    return { backup, date: `${date} (${n - index + 1})` };
  });
}
