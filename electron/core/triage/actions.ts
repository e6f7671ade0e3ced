import type { TriageActionKind, TriageStateView } from '../../../shared/api/contract';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/api/errors';
import type { DivisionCode } from '../../../shared/domain/divisions';
import { INITIAL_STAGE, type NotRetainedReason, type ProcessStage, type Stage } from '../../../shared/domain/stages';
import type { SelectionDetails } from '../selection/move-state';

/**
 * Officers' triage actions, as rules: what an action does to an application's state, what undo
 * compares and puts back, and when either is refused. No SQL here: the triage store runs each action
 * as one transaction (store/sqlite-actions.ts) and calls these, so every engine decides alike.
 *
 * Each action is one row in triage_actions (a bulk action too), with one triage_changes row per
 * application holding its state before and after: the history shows them, and undo puts the
 * "before" back, refusing when someone changed the application since. Every action is also in the
 * audit log, one entry per application.
 */

/** What an action can change on an application, as stored and as compared by undo. */
export interface StoredState {
  stage: ProcessStage;
  reason: string | null;
  assignee: string | null;
  score: number | null;
  /** Rubric scores, criterion id -> score. */
  scores: Record<string, number>;
  /** The division as the export (or a correction) wrote it: only for division actions. */
  division?: string;
  /** A note's id and text: only for note actions. */
  note?: { id: number; text: string };
  /** The interview, selection and offer details: only for moves after triage (kind 'selection'). */
  selection?: SelectionDetails;
}

/** A state as triage_changes holds it (before_json, after_json: JSON.stringify of a StoredState). */
export const parseStoredState = (json: string): StoredState => JSON.parse(json) as StoredState;

/** An application's stored state; no stored row means untouched. */
export function storedState(row: { stage: ProcessStage; reason: string | null; assignee: string | null; score: number | null } | undefined, scores: Record<string, number>): StoredState {
  return { stage: row?.stage ?? INITIAL_STAGE, reason: row?.reason ?? null, assignee: row?.assignee ?? null, score: row?.score ?? null, scores };
}

/** An application an action is about. */
export interface Target {
  ref: number;
  campaignId: number;
  applicationId: string;
  divisionCode: string | null;
  division: string;
}

/**
 * The applications of a bulk action, checked: all found and screened, of one campaign, all
 * eligible (the verdict that counts). Throws, naming the problem, before anything is changed.
 */
export function checkTargets(refs: readonly number[], rows: readonly (Target & { eligible: boolean })[]): Target[] {
  if (rows.length !== new Set(refs).size) throw new NotFoundError('Some of these applications are not in this database, or not screened yet. Nothing was changed.', 'NoSuchApplication');
  const campaigns = new Set(rows.map((r) => r.campaignId));
  if (campaigns.size > 1) throw new ValidationError('These applications belong to different campaigns. Nothing was changed.', [], 'DifferentCampaigns');
  const notEligible = rows.filter((r) => !r.eligible);
  if (notEligible.length > 0) {
    throw new ValidationError(
      `Only eligible applications are triaged; not eligible: ${notEligible
        .slice(0, 5)
        .map((r) => r.applicationId)
        .join(', ')}${notEligible.length > 5 ? '…' : ''}. Nothing was changed.`,
      [],
      'NotEligible',
    );
  }
  return rows.map(({ eligible: _eligible, ...target }) => target);
}

/** The version of an application's shared decisions an officer saw (triage_states.version; 0: none yet). */
export interface Seen {
  ref: number;
  version: number;
}

/** An application's shared decisions as stored now: their version, and who made the last one, when. */
export interface CurrentVersion {
  ref: number;
  applicationId: string;
  version: number;
  by: string | null;
  at: string | null;
}

/** One application changed since an officer saw it: who changed it, when. */
export interface ChangedMeanwhile {
  ref: number;
  applicationId: string;
  by: string;
  at: string;
}

/**
 * Refuses a decision, with nothing changed, when an application it is about was decided on since
 * the officer saw it (another officer, another window): the write would throw their decision away
 * unseen. A bulk action is refused whole, naming every application that changed. Applications the
 * request does not say it saw are not checked (the command line decides on the state as it is).
 */
export function checkSeen(seen: readonly Seen[] | undefined, current: readonly CurrentVersion[]): void {
  if (!seen || seen.length === 0) return;
  const now = new Map(current.map((c) => [c.ref, c]));
  const changed: ChangedMeanwhile[] = [];
  for (const s of seen) {
    const c = now.get(s.ref);
    if (c && c.version !== s.version) changed.push({ ref: c.ref, applicationId: c.applicationId, by: c.by ?? '', at: c.at ?? '' });
  }
  if (changed.length === 0) return;
  const [first] = changed as [ChangedMeanwhile, ...ChangedMeanwhile[]];
  const message =
    changed.length === 1
      ? `${first.applicationId} was changed by ${first.by} at ${first.at} since you looked at it. Nothing was changed: look at its new state, then decide again.`
      : `${changed.length} of these applications were changed by others since you looked at them (${changed
          .slice(0, 5)
          .map((c) => `${c.applicationId} by ${c.by}`)
          .join(', ')}${changed.length > 5 ? '…' : ''}). Nothing was changed: look at their new state, then decide again.`;
  throw new ConflictError(message, 'ChangedMeanwhile', { count: changed.length, applicationId: first.applicationId, by: first.by, at: first.at, changed });
}

export interface DecideRequest {
  refs: number[];
  /** The versions the officer saw; a changed one refuses the whole decision. */
  seen?: Seen[];
  stage?: Stage;
  reason?: NotRetainedReason | null;
  assignee?: string | null;
  division?: DivisionCode;
}

/** What a decision changes: exactly one of a stage, an assignment or a division (else refused). */
export function decisionKind(request: DecideRequest): 'stage' | 'assign' | 'division' {
  const kinds = [request.stage !== undefined, request.assignee !== undefined, request.division !== undefined].filter(Boolean).length;
  if (kinds !== 1) throw new ValidationError('Change one thing at a time: a stage, an assignment or a division.', [], 'OneChange');
  return request.stage !== undefined ? 'stage' : request.assignee !== undefined ? 'assign' : 'division';
}

/** An application's state after a stage or assignment decision. */
export function decided(kind: 'stage' | 'assign', before: StoredState, request: DecideRequest): StoredState {
  return kind === 'stage'
    ? { ...before, stage: request.stage ?? before.stage, reason: request.stage === 'notRetained' ? (request.reason ?? null) : null }
    : { ...before, assignee: request.assignee ?? null };
}

/** What the action row records of a stage or assignment decision. */
export function decisionDetails(kind: 'stage' | 'assign', request: DecideRequest): Record<string, unknown> {
  return kind === 'stage' ? { stage: request.stage, reason: request.reason ?? null } : { assignee: request.assignee ?? null };
}

/**
 * A score is the officer's own (officer_scores, rubric_scores by actor): another officer's score
 * sits beside it and the application's score is their average, so scores carry no version; the
 * shared decisions do.
 */
export interface ScoreRequest {
  refs: number[];
  /** A rubric criterion of the application's division, or 0 for the overall score of a division without a rubric. */
  criterionId: number;
  score: number | null;
  comment?: string;
}

/** Refuses a score on a criterion that is gone, of another campaign, or of another division than an application's. */
export function checkCriterion(criterion: { divisionCode: string; campaignId: number } | undefined, campaignId: number, targets: readonly Target[]): void {
  if (!criterion || criterion.campaignId !== campaignId) throw new NotFoundError('This rubric criterion does not exist (any more). Nothing was scored.', 'NoSuchCriterion');
  const other = targets.find((t) => t.divisionCode !== criterion.divisionCode);
  if (other) throw new ValidationError(`${other.applicationId} is not in the division this criterion belongs to. Nothing was scored.`, [], 'OtherDivision');
}

/** The average of rubric scores, to one decimal; null when none. */
function average(scores: Record<string, number>): number | null {
  const values = Object.values(scores);
  return values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/** An application's state after a score: the overall score, or a criterion's with the average as the overall one. */
export function scored(before: StoredState, request: ScoreRequest): StoredState {
  if (request.criterionId === 0) return { ...before, score: request.score };
  const scores = { ...before.scores };
  if (request.score === null) delete scores[String(request.criterionId)];
  else scores[String(request.criterionId)] = request.score;
  return { ...before, scores, score: average(scores) };
}

/** The part of a state an action's kind is about: what undo compares and restores. */
function comparable(kind: TriageActionKind, s: StoredState): string {
  switch (kind) {
    case 'stage':
      return JSON.stringify([s.stage, s.reason]);
    case 'assign':
      return JSON.stringify(s.assignee);
    case 'score':
      return JSON.stringify([s.score, s.scores]);
    case 'note':
      return JSON.stringify(s.note ?? null);
    case 'division':
      return JSON.stringify(s.division ?? null);
    case 'selection':
      return JSON.stringify([s.stage, s.selection ?? null]);
  }
}

/**
 * Refuses an undo, with nothing changed, when another action changed the application since
 * (`since`: the latest such action) or its state is no longer what the action left: undoing would
 * throw away someone's decision.
 */
export function checkUndo(kind: TriageActionKind, applicationId: string, current: StoredState, after: StoredState, since: { actor: string } | undefined): void {
  if (since || comparable(kind, current) !== comparable(kind, after)) {
    throw new ConflictError(`${applicationId} was changed again${since ? ` by ${since.actor}` : ''} after this action: nothing was undone.`, 'ChangedSince');
  }
}

/** The current state with the part an undone stage, assignment or score action changed put back. */
export function restored(kind: 'stage' | 'assign' | 'score' | 'selection', before: StoredState, current: StoredState): StoredState {
  const state: StoredState = { ...current };
  if (kind === 'stage') Object.assign(state, { stage: before.stage, reason: before.reason });
  if (kind === 'selection') Object.assign(state, { stage: before.stage, reason: before.reason, selection: before.selection });
  if (kind === 'assign') state.assignee = before.assignee;
  if (kind === 'score') Object.assign(state, { score: before.score, scores: before.scores });
  return state;
}

export function viewOf(s: StoredState): TriageStateView {
  const view: TriageStateView = { stage: s.stage, reason: s.reason, assignee: s.assignee, score: s.score };
  if (Object.keys(s.scores).length > 0) view.scores = s.scores;
  if (s.note) view.note = s.note.text;
  if (s.division !== undefined) view.division = s.division;
  return view;
}
