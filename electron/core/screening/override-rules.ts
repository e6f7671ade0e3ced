import type { ScreeningVerdict } from '../../../shared/api/contract';
import { checkSeen, type Seen } from '../triage/actions';

/**
 * What both engines' override stores share (store/sqlite-overrides.ts, store/pg-overrides.ts): the
 * application as an override reads it, the audit entry it writes, and the version check below.
 */

/** An application's screening result as an override reads it (SCREENED_SELECT). */
export interface ScreenedRow {
  ref: number;
  campaign_id: number;
  verdict: ScreeningVerdict;
  reasons_json: string;
  input_hash: string;
  application_id: string;
  /** The verdict of the override that stands, if any. */
  current: ScreeningVerdict | null;
}

/** The screened applications, each engine ending it with its own `= ?` or `= ANY(…)`. */
export const SCREENED_SELECT = `SELECT r.application_ref AS ref, r.campaign_id, r.verdict, r.reasons_json, r.input_hash, a.application_id,
       (SELECT verdict FROM screening_overrides WHERE application_ref = r.application_ref AND state = 'active' ORDER BY id DESC LIMIT 1) AS current
     FROM screening_results r JOIN applications a ON a.id = r.application_ref WHERE r.application_ref`;

/** What the audit log says of an override: the verdict before and after, the automatic result kept beside it, why. */
export function overrideAuditDetails(row: ScreenedRow, verdict: ScreeningVerdict, justification: string): Record<string, unknown> {
  return { before: row.current ?? row.verdict, after: verdict, automatic: { verdict: row.verdict, reasons: JSON.parse(row.reasons_json) as string[] }, justification };
}

/**
 * An override's "version" (issue 14: every decision carries the version the officer saw): the id
 * of the application's standing override (active or stale), 0 when it has none. A new override
 * always takes a greater id, so the number changes exactly when someone decided on the verdict
 * since the officer looked (ScreeningRow.override.id in the page). A re-screening making an
 * override stale keeps its id: that is the app's own doing, not another officer's decision.
 */

/** The standing override of an application, as both engines read it. */
export interface StandingOverride {
  ref: number;
  id: number;
  actor: string;
  at: string;
}

/** Refuses the whole override, nothing written, when one of the applications was overridden by someone since the officer saw it (who and when). */
export function checkOverridesSeen(seen: readonly Seen[] | undefined, screened: readonly { ref: number; application_id: string }[], standing: readonly StandingOverride[]): void {
  if (!seen || seen.length === 0) return;
  const byRef = new Map(standing.map((o) => [o.ref, o]));
  checkSeen(
    seen,
    screened.map((row) => {
      const o = byRef.get(row.ref);
      return { ref: row.ref, applicationId: row.application_id, version: o?.id ?? 0, by: o?.actor ?? null, at: o?.at ?? null };
    }),
  );
}

/** The SQL of the standing overrides of some applications (`?`-list or `= ANY($1)` given by each engine). */
export const STANDING_OVERRIDES_SELECT = `SELECT application_ref AS ref, id, actor, at FROM screening_overrides WHERE state IN ('active', 'stale') AND application_ref`;
