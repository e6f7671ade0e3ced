import type { TriageActionKind, UndoResult } from '../../../../shared/api/contract';
import { NotFoundError } from '../../../../shared/api/errors';
import type { ProcessStage, Stage } from '../../../../shared/domain/stages';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { correctApplication } from '../../applications/corrections';
import { auditWriter } from '../../audit/audit-log';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE } from '../../screening/store/sqlite-effective-verdict';
import { INITIAL_STAGE } from '../../../../shared/domain/stages';
import {
  checkCriterion,
  checkTargets,
  checkUndo,
  decided,
  decisionDetails,
  decisionKind,
  parseStoredState,
  restored,
  scored,
  storedState,
  viewOf,
  type DecideRequest,
  type ScoreRequest,
  type Seen,
  type StoredState,
  type Target,
} from '../actions';
import type { ActionOutcome, TriageStore } from './index';
import { sqliteVersionCheck } from './sqlite-versions';
import type { Synchronous } from '../../synchronous-store';
import { NO_DETAILS } from '../../selection/move-state';
import { sqliteSelectionMoves } from '../../selection/store/sqlite-moves';

/**
 * Officers' triage actions on SQLite: each one synchronous transaction (BEGIN IMMEDIATE, through
 * db/write-transaction.ts), so nothing else runs between the read of a state and its write. What an
 * action does is decided by the rules in ../actions.ts. Statements are prepared once per connection:
 * a keyboard decision is on the path from a key press to the next application.
 * SQLite-only: `json_each` (a bulk action's refs as one JSON parameter), `ON CONFLICT … DO UPDATE`.
 *
 * Shared decisions (stage, assignment, division, note, undo) bump the application's version and
 * are refused when it changed since the officer saw it (checkSeen). Scores are each officer's own:
 * their criteria (rubric_scores by actor) and their overall score (officer_scores); the
 * application's score is the average of the officers', and scored_by how many.
 */

type ActionMethods = Pick<Synchronous<TriageStore>, 'decide' | 'score' | 'addNote' | 'undoLast'>;

interface StateRow {
  stage: Stage;
  reason: string | null;
  assignee: string | null;
  score: number | null;
}

interface ChangeRow {
  application_ref: number;
  before_json: string;
  after_json: string;
}

export function sqliteTriageActions(sqlite: SqliteDatabase): ActionMethods {
  const targetRows = sqlite.prepare<[string], Target & { eligible: 0 | 1 }>(
    `SELECT a.id AS ref, a.campaign_id AS campaignId, a.application_id AS applicationId, a.division_code AS divisionCode, a.division,
       (${EFFECTIVE_VERDICT}) = 'eligible' AS eligible
     FROM applications a JOIN screening_results r ON r.application_ref = a.id ${LATEST_OVERRIDE}
     WHERE a.id IN (SELECT value FROM json_each(?))`,
  );
  const stateRow = sqlite.prepare<[number], StateRow>('SELECT stage, reason, assignee, score FROM triage_states WHERE application_ref = ?');
  const checkVersions = sqliteVersionCheck(sqlite);
  const ownScoreRows = sqlite.prepare<[number, string], [number, number]>('SELECT criterion_id, score FROM rubric_scores WHERE application_ref = ? AND actor = ? ORDER BY criterion_id').raw();
  const ownOverall = sqlite.prepare<[number, string], number>('SELECT score FROM officer_scores WHERE application_ref = ? AND officer = ?').pluck();
  const upsertState = sqlite.prepare<[number, number, ProcessStage, string | null, string | null, string, string]>(
    `INSERT INTO triage_states (application_ref, campaign_id, stage, reason, assignee, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT (application_ref) DO UPDATE SET stage = excluded.stage, reason = excluded.reason, assignee = excluded.assignee,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = triage_states.version + 1`,
  );
  // A note or a division given: a shared decision that leaves the stage as it is.
  const touchState = sqlite.prepare<[number, number, ProcessStage, string, string]>(
    `INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, 1)
     ON CONFLICT (application_ref) DO UPDATE SET updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = triage_states.version + 1`,
  );
  const removeScore = sqlite.prepare<[number, number, string]>('DELETE FROM rubric_scores WHERE application_ref = ? AND criterion_id = ? AND actor = ?');
  // Only the score changes: a comment given with it stays.
  const putScore = sqlite.prepare<[number, number, string, number, string]>(
    `INSERT INTO rubric_scores (application_ref, criterion_id, actor, score, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (application_ref, criterion_id, actor) DO UPDATE SET score = excluded.score, at = excluded.at`,
  );
  const scoreComment = sqlite.prepare<[string | null, number, number, string]>('UPDATE rubric_scores SET comment = ? WHERE application_ref = ? AND criterion_id = ? AND actor = ?');
  const putOverall = sqlite.prepare<[number, string, number, string]>(
    `INSERT INTO officer_scores (application_ref, officer, score, at) VALUES (?, ?, ?, ?)
     ON CONFLICT (application_ref, officer) DO UPDATE SET score = excluded.score, at = excluded.at`,
  );
  const removeOverall = sqlite.prepare<[number, string]>('DELETE FROM officer_scores WHERE application_ref = ? AND officer = ?');
  // The application's score: the officers' average, and how many scored. Not a shared decision: the version stays.
  const averageScores = sqlite.prepare<[{ ref: number; campaignId: number; stage: ProcessStage; at: string; actor: string }]>(
    `INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by, score, scored_by)
       SELECT @ref, @campaignId, @stage, @at, @actor, round(avg(score), 1), count(*) FROM officer_scores WHERE application_ref = @ref
     ON CONFLICT (application_ref) DO UPDATE SET score = excluded.score, scored_by = excluded.scored_by`,
  );
  const criterionRow = sqlite.prepare<[number], { divisionCode: string; campaignId: number }>(
    'SELECT division_code AS divisionCode, campaign_id AS campaignId FROM rubric_criteria WHERE id = ? AND archived = 0',
  );
  const insertAction = sqlite.prepare<[number, string, TriageActionKind, string, string]>('INSERT INTO triage_actions (campaign_id, actor, kind, details_json, at) VALUES (?, ?, ?, ?, ?)');
  const insertChange = sqlite.prepare<[number, number, string, string]>('INSERT INTO triage_changes (action_id, application_ref, before_json, after_json) VALUES (?, ?, ?, ?)');
  const applicationRow = sqlite.prepare<[number], Target>(
    'SELECT id AS ref, campaign_id AS campaignId, application_id AS applicationId, division_code AS divisionCode, division FROM applications WHERE id = ?',
  );
  const insertNote = sqlite.prepare<[number, number, string, string, string]>('INSERT INTO application_notes (application_ref, action_id, text, actor, at) VALUES (?, ?, ?, ?, ?)');
  const lastAction = sqlite.prepare<[number, string], { id: number; kind: TriageActionKind }>(
    'SELECT id, kind FROM triage_actions WHERE campaign_id = ? AND actor = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1',
  );
  const changesOf = sqlite.prepare<[number], ChangeRow>('SELECT application_ref, before_json, after_json FROM triage_changes WHERE action_id = ? ORDER BY application_ref');
  // Another officer's later score does not stand in the way of undoing one's own: scores are each officer's.
  const laterAction = sqlite.prepare<[{ ref: number; action: number; kind: TriageActionKind; actor: string }], { actor: string; at: string }>(
    `SELECT a.actor, a.at FROM triage_changes c JOIN triage_actions a ON a.id = c.action_id
     WHERE c.application_ref = @ref AND c.action_id > @action AND a.undone_at IS NULL AND a.kind = @kind AND (@kind <> 'score' OR a.actor = @actor)
     ORDER BY a.id DESC LIMIT 1`,
  );
  const applicationId = sqlite.prepare<[number], string>('SELECT application_id FROM applications WHERE id = ?').pluck();
  const removeNote = sqlite.prepare<[string, number]>('UPDATE application_notes SET removed_at = ? WHERE id = ?');
  const markUndone = sqlite.prepare<[string, string, number]>('UPDATE triage_actions SET undone_at = ?, undone_by = ? WHERE id = ?');
  const audit = auditWriter(sqlite);
  // Moves after triage (kind 'selection') are undone by putting back their stage and details.
  const moves = sqliteSelectionMoves(sqlite);

  function targets(refs: readonly number[]): Target[] {
    return checkTargets(
      refs,
      targetRows.all(JSON.stringify(refs)).map((r) => ({ ...r, eligible: r.eligible === 1 })),
    );
  }

  /** The shared state (score: the officers' average). */
  function read(ref: number): StoredState {
    return storedState(stateRow.get(ref), {});
  }

  /** The state as one officer's score action sees it: their own overall score and criteria. */
  function readOwn(ref: number, officer: string): StoredState {
    return { ...read(ref), score: ownOverall.get(ref, officer) ?? null, scores: Object.fromEntries(ownScoreRows.all(ref, officer)) };
  }

  /** A shared decision: stage, reason and assignee, the version bumped. */
  function write(ref: number, campaignId: number, state: StoredState, actor: string, at: string): void {
    upsertState.run(ref, campaignId, state.stage, state.reason, state.assignee, at, actor);
  }

  /** One officer's scores (state from readOwn, changed), then the application's average. */
  function writeOwn(ref: number, campaignId: number, state: StoredState, previous: StoredState, officer: string, at: string): void {
    for (const criterion of Object.keys(previous.scores)) if (!(criterion in state.scores)) removeScore.run(ref, Number(criterion), officer);
    for (const [criterion, score] of Object.entries(state.scores)) if (previous.scores[criterion] !== score) putScore.run(ref, Number(criterion), officer, score, at);
    if (state.score === null) removeOverall.run(ref, officer);
    else putOverall.run(ref, officer, state.score, at);
    averageScores.run({ ref, campaignId, stage: INITIAL_STAGE, at, actor: officer });
  }

  /** Records one action and its per-application changes, and audits each; returns the action id. */
  function record(
    { actor, at }: { actor: string; at: string },
    kind: TriageActionKind,
    campaignId: number,
    details: Record<string, unknown>,
    changes: { target: Target; before: StoredState; after: StoredState }[],
  ): number {
    const actionId = Number(insertAction.run(campaignId, actor, kind, JSON.stringify(details), at).lastInsertRowid);
    for (const c of changes) {
      insertChange.run(actionId, c.target.ref, JSON.stringify(c.before), JSON.stringify(c.after));
      audit({ campaignId, actor, action: `triage.${kind}`, subject: c.target.applicationId, details: { ...details, before: viewOf(c.before), after: viewOf(c.after), actionId } }, at);
    }
    return actionId;
  }

  return {
    /**
     * Moves applications to a stage, or assigns them, or gives applications without a readable
     * division their division (a correction of the Division field, so every reader sees it).
     */
    decide(request: DecideRequest, actor: string, now = new Date()): ActionOutcome {
      const at = now.toISOString();
      const kind = decisionKind(request);
      return writeTransaction(sqlite, () => {
        const list = targets(request.refs);
        checkVersions(request.seen);
        const campaignId = list[0]?.campaignId ?? 0;
        if (kind === 'division') {
          const changes = list.map((target) => {
            const before = { ...read(target.ref), division: target.division };
            // The applications domain's SQLite write, in this same transaction.
            correctApplication(sqlite, { ref: target.ref, field: 'division', value: request.division ?? '', reason: 'Division given in triage' }, actor, now);
            touchState.run(target.ref, campaignId, before.stage, at, actor);
            return { target, before, after: { ...before, division: request.division } };
          });
          const actionId = record({ actor, at }, 'division', campaignId, { division: request.division }, changes);
          return { actionId, changed: changes.length, campaignId };
        }
        const changes = list.map((target) => {
          const before = read(target.ref);
          const after = decided(kind, before, request);
          write(target.ref, campaignId, after, actor, at);
          return { target, before, after };
        });
        const actionId = record({ actor, at }, kind, campaignId, decisionDetails(kind, request), changes);
        return { actionId, changed: changes.length, campaignId };
      });
    },

    score(request: ScoreRequest, actor: string, now = new Date()): ActionOutcome {
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        const list = targets(request.refs);
        const campaignId = list[0]?.campaignId ?? 0;
        if (request.criterionId !== 0) checkCriterion(criterionRow.get(request.criterionId), campaignId, list);
        const changes = list.map((target) => {
          const before = readOwn(target.ref, actor);
          const after = scored(before, request);
          writeOwn(target.ref, campaignId, after, before, actor, at);
          if (request.criterionId !== 0 && request.comment !== undefined) scoreComment.run(request.comment || null, target.ref, request.criterionId, actor);
          return { target, before, after };
        });
        const actionId = record({ actor, at }, 'score', campaignId, { criterionId: request.criterionId, score: request.score, comment: request.comment ?? null }, changes);
        return { actionId, changed: changes.length, campaignId };
      });
    },

    addNote(request: { ref: number; text: string; seen?: Seen[] }, actor: string, now = new Date()): ActionOutcome {
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        const target = applicationRow.get(request.ref);
        if (!target) throw new NotFoundError('This application is not in this database. The note was not saved.', 'NoSuchApplication');
        checkVersions(request.seen);
        const before = read(target.ref);
        touchState.run(target.ref, target.campaignId, before.stage, at, actor);
        const actionId = Number(insertAction.run(target.campaignId, actor, 'note', '{}', at).lastInsertRowid);
        const noteId = Number(insertNote.run(target.ref, actionId, request.text, actor, at).lastInsertRowid);
        const after = { ...before, note: { id: noteId, text: request.text } };
        insertChange.run(actionId, target.ref, JSON.stringify(before), JSON.stringify(after));
        audit({ campaignId: target.campaignId, actor, action: 'triage.note', subject: target.applicationId, details: { text: request.text, actionId } }, at);
        return { actionId, changed: 1, campaignId: target.campaignId };
      });
    },

    /**
     * Undoes the officer's last action in a campaign that is not undone yet: every application it
     * changed gets its state from before. Refused, with nothing changed, when another action changed
     * one of them since (checkUndo).
     */
    undoLast(campaignId: number, actor: string, now = new Date()): UndoResult {
      const at = now.toISOString();
      return writeTransaction(sqlite, (): UndoResult => {
        const action = lastAction.get(campaignId, actor);
        if (!action) throw new NotFoundError('There is nothing of yours left to undo in this campaign.', 'NothingToUndo');
        const changes = changesOf.all(action.id);
        for (const c of changes) {
          const before = parseStoredState(c.before_json);
          const after = parseStoredState(c.after_json);
          const shared = action.kind === 'score' ? readOwn(c.application_ref, actor) : read(c.application_ref);
          const current: StoredState = { ...shared, note: after.note, division: after.division };
          if (action.kind === 'selection') current.selection = moves.read(c.application_ref).selection;
          checkUndo(action.kind, String(applicationId.get(c.application_ref)), current, after, laterAction.get({ ref: c.application_ref, action: action.id, kind: action.kind, actor }));
          if (action.kind === 'note') {
            removeNote.run(at, after.note?.id ?? 0);
            touchState.run(c.application_ref, campaignId, current.stage, at, actor);
          } else if (action.kind === 'division') {
            correctApplication(sqlite, { ref: c.application_ref, field: 'division', value: before.division ?? '', reason: 'Triage action undone' }, actor, now);
            touchState.run(c.application_ref, campaignId, current.stage, at, actor);
          } else if (action.kind === 'selection') {
            const back = restored('selection', before, current);
            moves.write(c.application_ref, campaignId, { ...back, selection: back.selection ?? NO_DETAILS }, actor, at);
          } else if (action.kind === 'score') {
            writeOwn(c.application_ref, campaignId, restored('score', before, current), current, actor, at);
          } else {
            write(c.application_ref, campaignId, restored(action.kind, before, current), actor, at);
          }
          audit({ campaignId, actor, action: 'triage.undo', subject: String(applicationId.get(c.application_ref)), details: { actionId: action.id, kind: action.kind, restored: viewOf(before) } }, at);
        }
        markUndone.run(at, actor, action.id);
        return { actionId: action.id, kind: action.kind, restored: changes.length, refs: changes.map((c) => c.application_ref) };
      });
    },
  };
}
