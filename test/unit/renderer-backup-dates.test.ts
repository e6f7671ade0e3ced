import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/api/contract';
import { distinctDates } from '../../renderer/dialogs/backupDates';

const backup = (createdAt: string, reason: BackupInfo['reason'] = 'manual'): BackupInfo => ({ file: `${createdAt}-${reason}`, path: '', createdAt, reason, sizeBytes: 1 });
/** What the list shows: to the second. */
const toSecond = (iso: string) => iso.slice(0, 19).replace('T', ' ');

describe('the restore list tells every backup apart', () => {
  it('shows seconds, and numbers backups of the same second oldest first', () => {
    // Newest first, as database.listBackups gives them: a restore's safety copy and the backup it restored.
    const list = [backup('2026-05-04T10:00:07.900Z', 'restore'), backup('2026-05-04T10:00:07.100Z'), backup('2026-05-04T10:00:05.000Z')];
    const shown = distinctDates(list, toSecond).map((d) => d.date);
    expect(shown).toEqual(['2026-05-04 10:00:07 (2)', '2026-05-04 10:00:07 (1)', '2026-05-04 10:00:05']);
    expect(new Set(shown).size).toBe(list.length);
  });
});
