import type { Stage } from './stages';

/**
 * Where a campaign's season stands, and the one thing the office should do next. Pure: the
 * Overview's service counts, this decides; the order below is the order a season is worked in.
 */

export interface VerdictCounts {
  eligible: number;
  review: number;
  ineligible: number;
  /** Imported but not screened yet (screening runs after each import and rule change). */
  unscreened: number;
  /** Verdicts an officer decided (an override that stands), included in the three counts above. */
  overridden: number;
  /** Overrides made on facts that have changed since: an officer must look at them again. */
  staleOverrides: number;
  /** Screening has changes to follow (an import, a rule change): the figures above will move. */
  screeningUnderWay: boolean;
}

export interface DivisionProgress {
  /** A division code, or the queue of applications whose division could not be read. */
  queue: string;
  total: number;
  byStage: Record<Stage, number>;
}

export type NextStep =
  | { kind: 'import' }
  /** Screening is under way; `count` applications have no verdict yet. */
  | { kind: 'screen'; count: number }
  | { kind: 'staleOverrides'; count: number }
  | { kind: 'review'; count: number }
  | { kind: 'assignDivision'; count: number }
  | { kind: 'triage'; count: number; queue: string }
  | { kind: 'finishTriage'; count: number; queue: string }
  | { kind: 'shortlists'; count: number }
  | { kind: 'done' };

/** The queue with the most applications at a stage (ties: the queue listed first). */
function busiest(divisions: readonly DivisionProgress[], stage: Stage): DivisionProgress | undefined {
  return divisions.reduce<DivisionProgress | undefined>((best, d) => (d.byStage[stage] > (best?.byStage[stage] ?? 0) ? d : best), undefined);
}

function sum(divisions: readonly DivisionProgress[], stage: Stage): number {
  return divisions.reduce((n, d) => n + d.byStage[stage], 0);
}

export function nextStep(applications: number, verdicts: VerdictCounts, divisions: readonly DivisionProgress[], unassignedQueue: string): NextStep {
  if (applications === 0) return { kind: 'import' };
  if (verdicts.screeningUnderWay || verdicts.unscreened > 0) return { kind: 'screen', count: verdicts.unscreened };
  // An override on facts that changed may now be wrong, and it decides who reaches a division.
  if (verdicts.staleOverrides > 0) return { kind: 'staleOverrides', count: verdicts.staleOverrides };
  if (verdicts.review > 0) return { kind: 'review', count: verdicts.review };
  const unassigned = divisions.find((d) => d.queue === unassignedQueue);
  const open = unassigned ? unassigned.byStage.new + unassigned.byStage.inReview + unassigned.byStage.proposed : 0;
  if (unassigned && open > 0) return { kind: 'assignDivision', count: open };
  const waiting = busiest(divisions, 'new');
  if (waiting) return { kind: 'triage', count: sum(divisions, 'new'), queue: waiting.queue };
  const reviewing = busiest(divisions, 'inReview');
  if (reviewing) return { kind: 'finishTriage', count: sum(divisions, 'inReview'), queue: reviewing.queue };
  const proposed = sum(divisions, 'proposed');
  if (proposed > 0) return { kind: 'shortlists', count: proposed };
  return { kind: 'done' };
}
