import type { CampaignSettings } from '../../../shared/domain/settings';
import type { SettingsImpact } from '../../../shared/api/contract';
import { campaignContexts, ELIGIBILITY_RULES_VERSION, screenApplication, type CriterionResult, type Verdict } from '../../../shared/domain/eligibility';
import type { ResultWrite, ScreeningStore, StoredResult } from './store';

/**
 * Screening a campaign: the rules (shared/domain/eligibility) over its inputs, and which results
 * changed, decided here for every engine; the store reads the inputs and writes the results.
 */

/**
 * A 53-bit fingerprint (cyrb53, public domain) fed piece by piece, so a result is fingerprinted
 * without first being written out as one string: on 50,000 applications, JSON text and its garbage
 * cost more than the rules themselves. It only has to tell whether something changed.
 */
class Fingerprint {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  /** Feeds one piece, then a separator: ("ab", "c") and ("a", "bc") differ. */
  add(text: string | number | undefined): this {
    return this.addText(text === undefined ? '\u0002' : typeof text === 'number' ? String(text) : text).addText('\u0000');
  }

  /** Feeds text as it is. */
  addText(t: string): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < t.length; i++) {
      const ch = t.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  digest(): string {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  }
}

/** One text's fingerprint: what input_hash holds (overrides compare it, so it must never change). */
export function fingerprint(text: string): string {
  return new Fingerprint().addText(text).digest();
}

/** Feeds one criterion result: every field it holds (see eligibility/results.ts). */
function addResult(print: Fingerprint, r: CriterionResult): void {
  print.add(r.criterion).add(r.outcome).add(r.code).add(r.explanation.key);
  for (const key in r.explanation.params) print.add(key).add(r.explanation.params[key]);
}

/** Shared (frozen) results are fingerprinted once. */
const printOfShared = new WeakMap<object, string>();
function resultPrint(r: CriterionResult): string | null {
  if (!Object.isFrozen(r)) return null;
  let print = printOfShared.get(r);
  if (print === undefined) {
    const f = new Fingerprint();
    addResult(f, r);
    printOfShared.set(r, (print = f.digest()));
  }
  return print;
}

/** What is stored of a result, fingerprinted: equal prints, nothing to write. */
function outcomeSignature(verdict: Verdict, reasons: readonly string[], criteria: readonly CriterionResult[], personKey: string, inputHash: string): string {
  const f = new Fingerprint().add(verdict);
  for (const r of reasons) f.add(r);
  for (const c of criteria) {
    const shared = resultPrint(c);
    if (shared === null) addResult(f, c);
    else f.add(shared);
  }
  return f.add(personKey).add(inputHash).add(ELIGIBILITY_RULES_VERSION).digest();
}

export interface ScreeningRunResult {
  screened: number;
  changed: number;
  /** Overrides whose application's data changed since: an officer must decide again. */
  staleOverrides: number;
  byVerdict: Record<Verdict, number>;
  durationMs: number;
}

/**
 * Screens a whole campaign (the application limit links applications across it, so one new
 * application can change another's verdict) and writes only the results that changed, in one
 * transaction (the outcomes are worked out while the store writes them, holding none at once).
 * Active overrides whose application's data changed become stale. `owed`: the count of changes
 * read before the settings (see store/sqlite-owed.ts), recorded with the results. `progress`: told
 * of each application about to be screened (they are screened as they are written); the caller
 * decides how often to say so, and says the end once the results are stored.
 */
export async function screenAndStore(
  store: ScreeningStore,
  campaignId: number,
  settings: CampaignSettings,
  actor: string,
  options: { now?: Date; owed?: number; progress?: (done: number, total: number) => void } = {},
): Promise<ScreeningRunResult> {
  const now = options.now ?? new Date();
  const started = performance.now();
  const { rows, inputs, persons } = await store.screeningInputs(campaignId);
  const { contextOf } = campaignContexts(inputs, settings, { persons });
  const existing = await store.storedResults(campaignId);
  const byVerdict: Record<Verdict, number> = { eligible: 0, ineligible: 0, review: 0 };
  let changed = 0;
  const progress = options.progress;
  function* changedResults(): Generator<ResultWrite> {
    for (const [i, row] of rows.entries()) {
      progress?.(i, rows.length);
      const personKey = persons.keyOf[i] ?? row.input.raw.applicationId;
      const outcome = screenApplication(row.input, settings, contextOf(i));
      byVerdict[outcome.verdict]++;
      const signature = outcomeSignature(outcome.verdict, outcome.reasons, outcome.criteria, personKey, row.inputHash);
      const before = existing.get(row.id);
      if (before && before.signature === signature) continue;
      changed++;
      yield {
        ref: row.id,
        applicationId: row.input.raw.applicationId,
        verdict: outcome.verdict,
        reasons: outcome.reasons,
        criteria: outcome.criteria,
        personKey,
        inputHash: row.inputHash,
        signature,
        // Most changes leave the verdict and the person alone.
        detailsOnly: before !== undefined && before.verdict === outcome.verdict && before.personKey === personKey,
        dataChanged: before !== undefined && before.inputHash !== row.inputHash,
      };
    }
  }
  const { staleOverrides } = await store.writeResults(campaignId, changedResults(), { actor, at: now.toISOString(), owed: options.owed });
  return { screened: rows.length, changed, staleOverrides, byVerdict, durationMs: Math.round(performance.now() - started) };
}

/**
 * What a run finds when another workstation has just screened the campaign (nothing left to do):
 * the stored results, counted; nothing changed by this one.
 */
export function storedSummary(stored: ReadonlyMap<number, StoredResult>): ScreeningRunResult {
  const byVerdict: Record<Verdict, number> = { eligible: 0, ineligible: 0, review: 0 };
  for (const result of stored.values()) byVerdict[result.verdict]++;
  return { screened: stored.size, changed: 0, staleOverrides: 0, byVerdict, durationMs: 0 };
}

/** Screens a campaign in memory with other settings and counts how the verdicts would move. */
export async function settingsImpact(store: ScreeningStore, campaignId: number, settings: CampaignSettings): Promise<SettingsImpact> {
  const { rows, inputs, persons } = await store.screeningInputs(campaignId);
  const { contextOf } = campaignContexts(inputs, settings, { persons });
  const { current, triaged } = await store.impactBasis(campaignId);
  const moves = new Map<string, { from: Verdict; to: Verdict; count: number }>();
  const leaving = new Map<string, SettingsImpact['leavingQueues'][number]>();
  rows.forEach((row, i) => {
    const from = current.get(row.id);
    const to = screenApplication(row.input, settings, contextOf(i)).verdict;
    if (!from || from === to) return;
    const key = `${from}>${to}`;
    const move = moves.get(key) ?? { from, to, count: 0 };
    move.count++;
    moves.set(key, move);
    // The queues hold the applications whose verdict that counts (EFFECTIVE_VERDICT) is eligible;
    // an officer's override holds its verdict whatever the rules say.
    const state = triaged.get(row.id);
    if (!state || state.override !== null || from !== 'eligible') return;
    const where = `${state.stage}>${state.division ?? ''}`;
    const entry = leaving.get(where) ?? { stage: state.stage, division: state.division, count: 0 };
    entry.count++;
    leaving.set(where, entry);
  });
  return {
    screened: rows.length,
    moves: [...moves.values()].sort((a, b) => b.count - a.count),
    leavingQueues: [...leaving.values()].sort((a, b) => b.count - a.count || (a.division ?? '').localeCompare(b.division ?? '')),
  };
}
