import type { ProcessStage } from '../../../shared/domain/stages';
import type { SelectionDetailsTable } from '../../../db/schema';

/**
 * What a move after triage reads and writes of an application, on either engine: its shared
 * triage state (stage, reason, assignee and score, kept as they are) with the selection details
 * beside it. A move is one triage action of kind 'selection', with per application its state
 * before and after (triage_changes), so the history shows it and undo puts it back.
 */

export type SelectionDetails = Omit<SelectionDetailsTable, 'applicationRef' | 'updatedAt' | 'updatedBy'>;

export const NO_DETAILS: SelectionDetails = {
  interviewDate: null,
  interviewTime: null,
  interviewMode: null,
  interviewer: null,
  interviewPlace: null,
  interviewOutcome: null,
  managerComment: null,
  session: null,
  startDate: null,
  reserveRank: null,
  offerMadeAt: null,
  offerAnsweredAt: null,
  withdrawnReason: null,
};

/** The selection details' columns, named as SelectionDetails (both engines' reads). */
export const DETAIL_COLUMNS = `interview_date AS "interviewDate", interview_time AS "interviewTime", interview_mode AS "interviewMode", interviewer,
  interview_place AS "interviewPlace", interview_outcome AS "interviewOutcome", manager_comment AS "managerComment", session, start_date AS "startDate",
  reserve_rank AS "reserveRank", offer_made_at AS "offerMadeAt", offer_answered_at AS "offerAnsweredAt", withdrawn_reason AS "withdrawnReason"`;

/** An application's state as a selection move reads and writes it (a superset of triage's stored state). */
export interface SelectionState {
  stage: ProcessStage;
  reason: string | null;
  assignee: string | null;
  score: number | null;
  scores: Record<string, number>;
  selection: SelectionDetails;
}

export interface Move {
  ref: number;
  applicationId: string;
  /** The state after: the stage and details the move gives. */
  stage: ProcessStage;
  selection: Partial<SelectionDetails>;
}

/** A stored triage state row (none: untouched) and its details row (none: no details yet). */
export function selectionState(row: { stage: ProcessStage; reason: string | null; assignee: string | null; score: number | null } | undefined, details: SelectionDetails | undefined): SelectionState {
  return {
    stage: row?.stage ?? 'new',
    reason: row?.reason ?? null,
    assignee: row?.assignee ?? null,
    score: row?.score ?? null,
    // A move is about the stage and its details; scores are each officer's own (triage's).
    scores: {},
    selection: details ?? NO_DETAILS,
  };
}

/** The state a move leaves: its stage, no reason (a triage reason is for Not retained), its details over the ones before. */
export function moved(before: SelectionState, move: Move): SelectionState {
  return { ...before, stage: move.stage, reason: null, selection: { ...before.selection, ...move.selection } };
}

/** The audit entry of one application's move (one per application, as triage's actions). */
export function moveAudit(campaignId: number, actor: string, action: Record<string, unknown>, actionId: number, move: Move, before: SelectionState, after: SelectionState) {
  return { campaignId, actor, action: 'selection.move', subject: move.applicationId, details: { ...action, actionId, from: before.stage, to: after.stage, selection: move.selection } };
}
