import type { DuplicateList, DuplicatePair, DuplicateSignalName } from '../../../shared/api/contract';
import type { PossibleDuplicate } from '../../../shared/domain/eligibility/possible-duplicates';
import type { DuplicateDecision, ScreeningStore, StoredRow } from './store';

/**
 * Possible duplicates beyond the identity rule: found afresh from the (cached) screening inputs on
 * each request, so they always match the data; only officers' decisions are stored (the store's
 * decideDuplicate).
 */

/** The pairs that look alike, by application refs (lower first). */
export function pairsByRef(rows: readonly StoredRow[], pairs: readonly PossibleDuplicate[]): { a: number; b: number; signals: DuplicateSignalName[] }[] {
  const refOf = new Map(rows.map((r) => [r.input.raw.applicationId, r.id]));
  return pairs.map((p) => {
    const x = refOf.get(p.a) ?? 0;
    const y = refOf.get(p.b) ?? 0;
    return { a: Math.min(x, y), b: Math.max(x, y), signals: p.signals };
  });
}

/** A pair of refs as it is stored: lower first. */
export const orderedPair = (refs: { a: number; b: number }) => ({ a: Math.min(refs.a, refs.b), b: Math.max(refs.a, refs.b) });

const pairKey = (a: number, b: number) => `${a}|${b}`;

export async function listDuplicates(store: ScreeningStore, campaignId: number): Promise<DuplicateList> {
  const { rows, pairs: found } = await store.possibleDuplicates(campaignId);
  const pairs = pairsByRef(rows, found);
  const decisions = await store.duplicateDecisions(campaignId);
  const decided = new Set(decisions.map((d) => pairKey(d.a, d.b)));
  const open = pairs.filter((p) => !decided.has(pairKey(p.a, p.b)));
  const sides = await store.duplicateSides([...new Set([...open, ...decisions].flatMap((p) => [p.a, p.b]))]);
  const pair = (a: number, b: number, signals: DuplicateSignalName[], decision: DuplicatePair['decision']): DuplicatePair[] => {
    const sa = sides.get(a);
    const sb = sides.get(b);
    // A pair whose application was not screened yet (an import still being screened) waits for the next request.
    return sa && sb ? [{ a: sa, b: sb, signals, decision }] : [];
  };
  return {
    open: open.flatMap((p) => pair(p.a, p.b, p.signals, null)),
    decided: decisions.flatMap((d) => pair(d.a, d.b, d.signals, { decision: d.decision, actor: d.actor, at: d.at })),
  };
}

/** An officer's decision on a pair as both engines store it (duplicate_decisions). */
export interface DecisionRow {
  application_a: number;
  application_b: number;
  decision: DuplicateDecision['decision'];
  signals_json: string;
  actor: string;
  at: string;
}

/** The signals a pair was decided on, as stored. */
export const parseSignals = (json: string): DuplicateSignalName[] => JSON.parse(json) as DuplicateSignalName[];

/** A stored decision as the store gives it. */
export function decisionView(d: DecisionRow): DuplicateDecision {
  return { a: d.application_a, b: d.application_b, decision: d.decision, signals: parseSignals(d.signals_json), actor: d.actor, at: d.at };
}
