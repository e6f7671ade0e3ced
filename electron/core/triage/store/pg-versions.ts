import type pg from 'pg';
import { checkSeen, type CurrentVersion, type Seen } from '../actions';

/**
 * The version check of a decision on the office server, for every domain whose decisions move an
 * application's shared state (triage's notes, moves after triage, shortlists sent): read inside the
 * decision's transaction after the applications' rows are locked (FOR NO KEY UPDATE), so no other
 * workstation writes between the check and the write. SQLite's is sqlite-versions.ts.
 */
export async function pgVersionCheck(c: pg.ClientBase, seen: readonly Seen[] | undefined): Promise<void> {
  if (!seen || seen.length === 0) return;
  const { rows } = await c.query<CurrentVersion>(
    `SELECT a.id AS ref, a.application_id AS "applicationId", coalesce(t.version, 0) AS version, t.updated_by AS by, t.updated_at AS at
     FROM applications a LEFT JOIN triage_states t ON t.application_ref = a.id WHERE a.id = ANY($1::int[])`,
    [seen.map((s) => s.ref)],
  );
  checkSeen(seen, rows);
}
