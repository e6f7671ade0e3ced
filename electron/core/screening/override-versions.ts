import { checkSeen, type Seen } from '../triage/actions';

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
