import type { SqliteDatabase } from '../../../../db/connection';
import { checkSeen, type CurrentVersion, type Seen } from '../actions';

/**
 * The version check of a decision on SQLite, for every domain whose decisions move an
 * application's shared state (triage's actions, moves after triage): read inside the decision's
 * own transaction, so nothing is written between the check and the write.
 */
export function sqliteVersionCheck(sqlite: SqliteDatabase): (seen: readonly Seen[] | undefined) => void {
  const versions = sqlite.prepare<[string], CurrentVersion>(
    `SELECT a.id AS ref, a.application_id AS applicationId, coalesce(t.version, 0) AS version, t.updated_by AS by, t.updated_at AS at
     FROM applications a LEFT JOIN triage_states t ON t.application_ref = a.id WHERE a.id IN (SELECT value FROM json_each(?))`,
  );
  return (seen) => {
    if (seen && seen.length > 0) checkSeen(seen, versions.all(JSON.stringify(seen.map((s) => s.ref))));
  };
}
