import type { ProcessStage } from '../../../../shared/domain/stages';
import type { SqliteDatabase } from '../../../../db/connection';
import { auditWriter } from '../../audit/audit-log';
import { DETAIL_COLUMNS, moveAudit, moved, selectionState, type Move, type SelectionDetails, type SelectionState } from '../move-state';
import { DETAILS_UPSERT } from './selection-sql';

/**
 * Moves after triage (a shortlist sent, a reply applied, an interview, a selection, an offer), on
 * SQLite; what a move does to a state is ../move-state.ts's, as on the server (pg-moves.ts). Runs
 * inside the caller's transaction: a move is always part of something bigger (an export recorded,
 * a reply applied). SQLite-only: `ON CONFLICT … DO UPDATE`, `lastInsertRowid`.
 */

interface StateRow {
  stage: ProcessStage;
  reason: string | null;
  assignee: string | null;
  score: number | null;
}

export function sqliteSelectionMoves(sqlite: SqliteDatabase) {
  const stateRow = sqlite.prepare<[number], StateRow>('SELECT stage, reason, assignee, score FROM triage_states WHERE application_ref = ?');
  const detailRow = sqlite.prepare<[number], SelectionDetails>(`SELECT ${DETAIL_COLUMNS} FROM selection_details WHERE application_ref = ?`);
  const upsertStage = sqlite.prepare<[number, number, ProcessStage, string, string]>(
    `INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, 1)
     ON CONFLICT (application_ref) DO UPDATE SET stage = excluded.stage, reason = NULL, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
       version = triage_states.version + 1`,
  );
  const upsertDetails = sqlite.prepare(
    `INSERT INTO selection_details (application_ref, interview_date, interview_time, interview_mode, interviewer, interview_place, interview_outcome, manager_comment,
       session, start_date, reserve_rank, offer_made_at, offer_answered_at, withdrawn_reason, updated_at, updated_by)
     VALUES (@ref, @interviewDate, @interviewTime, @interviewMode, @interviewer, @interviewPlace, @interviewOutcome, @managerComment,
       @session, @startDate, @reserveRank, @offerMadeAt, @offerAnsweredAt, @withdrawnReason, @at, @actor)
     ${DETAILS_UPSERT}`,
  );
  const insertAction = sqlite.prepare<[number, string, string, string]>("INSERT INTO triage_actions (campaign_id, actor, kind, details_json, at) VALUES (?, ?, 'selection', ?, ?)");
  const insertChange = sqlite.prepare<[number, number, string, string]>('INSERT INTO triage_changes (action_id, application_ref, before_json, after_json) VALUES (?, ?, ?, ?)');
  const audit = auditWriter(sqlite);

  function read(ref: number): SelectionState {
    return selectionState(stateRow.get(ref), detailRow.get(ref));
  }

  function write(ref: number, campaignId: number, state: SelectionState, actor: string, at: string): void {
    upsertStage.run(ref, campaignId, state.stage, at, actor);
    upsertDetails.run({ ref, ...state.selection, at, actor });
  }

  return {
    read,
    write,
    /**
     * Records one action of moves (all in the caller's transaction); `details` say what it was (a
     * shortlist sent, a reply applied…) for the history and the audit log. Returns its id.
     */
    record(campaignId: number, actor: string, at: string, action: Record<string, unknown>, moves: readonly Move[]): number {
      const actionId = Number(insertAction.run(campaignId, actor, JSON.stringify(action), at).lastInsertRowid);
      for (const move of moves) {
        const before = read(move.ref);
        const after = moved(before, move);
        write(move.ref, campaignId, after, actor, at);
        insertChange.run(actionId, move.ref, JSON.stringify(before), JSON.stringify(after));
        audit(moveAudit(campaignId, actor, action, actionId, move, before, after), at);
      }
      return actionId;
    },
  };
}
