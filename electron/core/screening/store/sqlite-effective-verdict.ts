import type { OverrideView, ScreeningVerdict } from '../../../../shared/api/contract';

/**
 * The verdict that counts, in SQL: an officer's active override, else the automatic one. One
 * place, used by the screening tabs, the triage queues and anything that asks "is it eligible?".
 * Expects `applications a` and `screening_results r` joined on r.application_ref = a.id.
 * SQLite-only: `INDEXED BY` (ACTIVE_OVERRIDE). The stores of other domains that ask "is it
 * eligible?" (triage, the overview) join these same fragments: a PostgreSQL adapter translates them here once.
 */

/** Joins `o`: the latest decision of an officer that still stands (active) or must be taken again (stale). */
export const LATEST_OVERRIDE = `LEFT JOIN screening_overrides o ON o.id = (
  SELECT max(id) FROM screening_overrides WHERE application_ref = a.id AND state IN ('active', 'stale'))`;

/**
 * Joins `o` as the officer's decision that stands, if any: all EFFECTIVE_VERDICT needs, from an
 * index (0006), for queries over thousands of applications. LATEST_OVERRIDE also finds stale ones.
 */
export const ACTIVE_OVERRIDE = `LEFT JOIN screening_overrides o INDEXED BY screening_overrides_active ON o.application_ref = a.id AND o.state = 'active'`;

/** With LATEST_OVERRIDE or ACTIVE_OVERRIDE joined. */
export const EFFECTIVE_VERDICT = `CASE WHEN o.state = 'active' THEN o.verdict ELSE r.verdict END`;

/** The latest override's columns, with LATEST_OVERRIDE joined; read back by overrideView. */
export const OVERRIDE_COLUMNS = `o.id AS o_id, o.verdict AS o_verdict, o.justification AS o_justification, o.automatic_verdict AS o_automatic_verdict,
  o.automatic_reasons_json AS o_automatic_reasons_json, o.state AS o_state, o.actor AS o_actor, o.at AS o_at`;

export interface OverrideColumns {
  o_id: number | null;
  o_verdict: ScreeningVerdict | null;
  o_justification: string | null;
  o_automatic_verdict: ScreeningVerdict | null;
  o_automatic_reasons_json: string | null;
  o_state: 'active' | 'stale' | null;
  o_actor: string | null;
  o_at: string | null;
}

/** The latest override of a row read with OVERRIDE_COLUMNS, or null when there is none. */
export function overrideView(r: OverrideColumns, automaticVerdict: ScreeningVerdict): OverrideView | null {
  if (r.o_id === null) return null;
  return {
    id: r.o_id,
    verdict: r.o_verdict ?? automaticVerdict,
    justification: r.o_justification ?? '',
    automaticVerdict: r.o_automatic_verdict ?? automaticVerdict,
    automaticReasons: JSON.parse(r.o_automatic_reasons_json ?? '[]') as string[],
    state: r.o_state ?? 'active',
    actor: r.o_actor ?? '',
    at: r.o_at ?? '',
  };
}
