import type { TriageActionKind, TriageActionResult, TriageStateView, UndoResult } from '../../../shared/api/contract';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/api/errors';
import type { DivisionCode } from '../../../shared/domain/divisions';
import { INITIAL_STAGE, type NotRetainedReason, type Stage } from '../../../shared/domain/stages';
import type { SqliteDatabase } from '../../../db/connection';
import { correctApplication } from '../applications/corrections';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE } from '../screening/effective-verdict';
import { auditWriter } from '../audit/audit-log';
import { writeTransaction } from '../../../db/write-transaction';

/**
 * Officers' triage actions. Each action is one row in triage_actions (a bulk action too), with
 * one triage_changes row per application holding its state before and after: the history shows
 * them, and undo puts the "before" back, refusing when someone changed the application since.
 * Every action is also in the audit log, one entry per application. Synchronous transactions:
 * nothing else can run between the read of a state and its write.
 */

/** What an action can change on an application, as stored and as compared by undo. */
interface StoredState {
  stage: Stage;
  reason: string | null;
  assignee: string | null;
  score: number | null;
  /** Rubric scores, criterion id -> score. */
  scores: Record<string, number>;
  /** The division as the export (or a correction) wrote it: only for division actions. */
  division?: string;
  /** A note's id and text: only for note actions. */
  note?: { id: number; text: string };
}

interface Target {
  ref: number;
  campaignId: number;
  applicationId: string;
  divisionCode: string | null;
  division: string;
  eligible: boolean;
}

function targets(sqlite: SqliteDatabase, refs: readonly number[]): Target[] {
  const rows = sqlite
    .prepare(
      `SELECT a.id AS ref, a.campaign_id AS campaignId, a.application_id AS applicationId, a.division_code AS divisionCode, a.division,
         (${EFFECTIVE_VERDICT}) = 'eligible' AS eligible
       FROM applications a JOIN screening_results r ON r.application_ref = a.id ${LATEST_OVERRIDE}
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(refs)) as (Omit<Target, 'eligible'> & { eligible: number })[];
  if (rows.length !== new Set(refs).size) throw new NotFoundError('Some of these applications are not in this database, or not screened yet. Nothing was changed.', 'NoSuchApplication');
  const campaigns = new Set(rows.map((r) => r.campaignId));
  if (campaigns.size > 1) throw new ValidationError('These applications belong to different campaigns. Nothing was changed.', [], 'DifferentCampaigns');
  const notEligible = rows.filter((r) => r.eligible !== 1);
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
  return rows.map((r) => ({ ...r, eligible: true }));
}

function stateReader(sqlite: SqliteDatabase): (ref: number) => StoredState {
  const state = sqlite.prepare('SELECT stage, reason, assignee, score FROM triage_states WHERE application_ref = ?');
  const scores = sqlite.prepare('SELECT criterion_id, score FROM rubric_scores WHERE application_ref = ? ORDER BY criterion_id').raw();
  return (ref) => {
    const row = state.get(ref) as Omit<StoredState, 'scores'> | undefined;
    return {
      stage: row?.stage ?? INITIAL_STAGE,
      reason: row?.reason ?? null,
      assignee: row?.assignee ?? null,
      score: row?.score ?? null,
      scores: Object.fromEntries(scores.all(ref) as [number, number][]),
    };
  };
}

function stateWriter(sqlite: SqliteDatabase, actor: string, at: string): (ref: number, campaignId: number, state: StoredState, previous: StoredState) => void {
  const upsert = sqlite.prepare(
    `INSERT INTO triage_states (application_ref, campaign_id, stage, reason, assignee, score, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (application_ref) DO UPDATE SET stage = excluded.stage, reason = excluded.reason, assignee = excluded.assignee,
       score = excluded.score, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const removeScore = sqlite.prepare('DELETE FROM rubric_scores WHERE application_ref = ? AND criterion_id = ?');
  // Only the score changes: a comment given with it stays.
  const putScore = sqlite.prepare(
    `INSERT INTO rubric_scores (application_ref, criterion_id, score, actor, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (application_ref, criterion_id) DO UPDATE SET score = excluded.score, actor = excluded.actor, at = excluded.at`,
  );
  return (ref, campaignId, state, previous) => {
    upsert.run(ref, campaignId, state.stage, state.reason, state.assignee, state.score, at, actor);
    for (const criterion of Object.keys(previous.scores)) if (!(criterion in state.scores)) removeScore.run(ref, Number(criterion));
    for (const [criterion, score] of Object.entries(state.scores)) if (previous.scores[criterion] !== score) putScore.run(ref, Number(criterion), score, actor, at);
  };
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
  }
}

export function viewOf(s: StoredState): TriageStateView {
  const view: TriageStateView = { stage: s.stage, reason: s.reason, assignee: s.assignee, score: s.score };
  if (Object.keys(s.scores).length > 0) view.scores = s.scores;
  if (s.note) view.note = s.note.text;
  if (s.division !== undefined) view.division = s.division;
  return view;
}

interface ActionContext {
  sqlite: SqliteDatabase;
  actor: string;
  at: string;
}

/** Records one action and its per-application changes, and audits each; returns the action id. */
function record(
  { sqlite, actor, at }: ActionContext,
  kind: TriageActionKind,
  campaignId: number,
  details: Record<string, unknown>,
  changes: { target: Target; before: StoredState; after: StoredState }[],
): number {
  const actionId = Number(
    sqlite.prepare('INSERT INTO triage_actions (campaign_id, actor, kind, details_json, at) VALUES (?, ?, ?, ?, ?)').run(campaignId, actor, kind, JSON.stringify(details), at).lastInsertRowid,
  );
  const change = sqlite.prepare('INSERT INTO triage_changes (action_id, application_ref, before_json, after_json) VALUES (?, ?, ?, ?)');
  const audit = auditWriter(sqlite);
  for (const c of changes) {
    change.run(actionId, c.target.ref, JSON.stringify(c.before), JSON.stringify(c.after));
    audit({ campaignId, actor, action: `triage.${kind}`, subject: c.target.applicationId, details: { ...details, before: viewOf(c.before), after: viewOf(c.after), actionId } }, at);
  }
  return actionId;
}

export interface DecideRequest {
  refs: number[];
  stage?: Stage;
  reason?: NotRetainedReason | null;
  assignee?: string | null;
  division?: DivisionCode;
}

/**
 * Moves applications to a stage, or assigns them, or gives applications without a readable
 * division their division (a correction of the Division field, so every reader sees it).
 */
export function decide(sqlite: SqliteDatabase, request: DecideRequest, actor: string, now = new Date()): TriageActionResult & { campaignId: number } {
  const at = now.toISOString();
  const kinds = [request.stage !== undefined, request.assignee !== undefined, request.division !== undefined].filter(Boolean).length;
  if (kinds !== 1) throw new ValidationError('Change one thing at a time: a stage, an assignment or a division.', [], 'OneChange');
  return writeTransaction(sqlite, () => {
      const list = targets(sqlite, request.refs);
      const campaignId = list[0]?.campaignId ?? 0;
      const read = stateReader(sqlite);
      const write = stateWriter(sqlite, actor, at);
      const ctx = { sqlite, actor, at };
      if (request.division !== undefined) {
        const changes = list.map((target) => {
          const before = { ...read(target.ref), division: target.division };
          correctApplication(sqlite, { ref: target.ref, field: 'division', value: request.division ?? '', reason: 'Division given in triage' }, actor, now);
          return { target, before, after: { ...before, division: request.division } };
        });
        const actionId = record(ctx, 'division', campaignId, { division: request.division }, changes);
        return { actionId, changed: changes.length, campaignId };
      }
      const kind: TriageActionKind = request.stage !== undefined ? 'stage' : 'assign';
      const changes = list.map((target) => {
        const before = read(target.ref);
        const after: StoredState =
          kind === 'stage'
            ? { ...before, stage: request.stage ?? before.stage, reason: request.stage === 'notRetained' ? (request.reason ?? null) : null }
            : { ...before, assignee: request.assignee ?? null };
        write(target.ref, campaignId, after, before);
        return { target, before, after };
      });
      const details = kind === 'stage' ? { stage: request.stage, reason: request.reason ?? null } : { assignee: request.assignee ?? null };
      const actionId = record(ctx, kind, campaignId, details, changes);
      return { actionId, changed: changes.length, campaignId };
    });
}

export interface ScoreRequest {
  refs: number[];
  /** A rubric criterion of the application's division, or 0 for the overall score of a division without a rubric. */
  criterionId: number;
  score: number | null;
  comment?: string;
}

/** The average of rubric scores, to one decimal; null when none. */
function average(scores: Record<string, number>): number | null {
  const values = Object.values(scores);
  return values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

export function score(sqlite: SqliteDatabase, request: ScoreRequest, actor: string, now = new Date()): TriageActionResult & { campaignId: number } {
  const at = now.toISOString();
  return writeTransaction(sqlite, () => {
      const list = targets(sqlite, request.refs);
      const campaignId = list[0]?.campaignId ?? 0;
      const criterion =
        request.criterionId === 0
          ? undefined
          : (sqlite.prepare('SELECT division_code, campaign_id FROM rubric_criteria WHERE id = ? AND archived = 0').get(request.criterionId) as
              | { division_code: string; campaign_id: number }
              | undefined);
      if (request.criterionId !== 0) {
        if (!criterion || criterion.campaign_id !== campaignId) throw new NotFoundError('This rubric criterion does not exist (any more). Nothing was scored.', 'NoSuchCriterion');
        const other = list.find((t) => t.divisionCode !== criterion.division_code);
        if (other) throw new ValidationError(`${other.applicationId} is not in the division this criterion belongs to. Nothing was scored.`, [], 'OtherDivision');
      }
      const read = stateReader(sqlite);
      const write = stateWriter(sqlite, actor, at);
      const comment = sqlite.prepare('UPDATE rubric_scores SET comment = ? WHERE application_ref = ? AND criterion_id = ?');
      const changes = list.map((target) => {
        const before = read(target.ref);
        let after: StoredState;
        if (request.criterionId === 0) after = { ...before, score: request.score };
        else {
          const scores = { ...before.scores };
          if (request.score === null) delete scores[String(request.criterionId)];
          else scores[String(request.criterionId)] = request.score;
          after = { ...before, scores, score: average(scores) };
        }
        write(target.ref, campaignId, after, before);
        if (request.criterionId !== 0 && request.comment !== undefined) comment.run(request.comment || null, target.ref, request.criterionId);
        return { target, before, after };
      });
      const actionId = record({ sqlite, actor, at }, 'score', campaignId, { criterionId: request.criterionId, score: request.score, comment: request.comment ?? null }, changes);
      return { actionId, changed: changes.length, campaignId };
    });
}

export function addNote(sqlite: SqliteDatabase, request: { ref: number; text: string }, actor: string, now = new Date()): TriageActionResult & { campaignId: number } {
  const at = now.toISOString();
  return writeTransaction(sqlite, () => {
      const row = sqlite.prepare('SELECT id AS ref, campaign_id AS campaignId, application_id AS applicationId, division_code AS divisionCode, division FROM applications WHERE id = ?').get(request.ref) as
        | Omit<Target, 'eligible'>
        | undefined;
      if (!row) throw new NotFoundError('This application is not in this database. The note was not saved.', 'NoSuchApplication');
      const target: Target = { ...row, eligible: true };
      const before = stateReader(sqlite)(row.ref);
      const actionId = Number(
        sqlite.prepare("INSERT INTO triage_actions (campaign_id, actor, kind, details_json, at) VALUES (?, ?, 'note', '{}', ?)").run(row.campaignId, actor, at).lastInsertRowid,
      );
      const noteId = Number(
        sqlite.prepare('INSERT INTO application_notes (application_ref, action_id, text, actor, at) VALUES (?, ?, ?, ?, ?)').run(row.ref, actionId, request.text, actor, at).lastInsertRowid,
      );
      const after = { ...before, note: { id: noteId, text: request.text } };
      sqlite.prepare('INSERT INTO triage_changes (action_id, application_ref, before_json, after_json) VALUES (?, ?, ?, ?)').run(actionId, row.ref, JSON.stringify(before), JSON.stringify(after));
      auditWriter(sqlite)({ campaignId: row.campaignId, actor, action: 'triage.note', subject: target.applicationId, details: { text: request.text, actionId } }, at);
      return { actionId, changed: 1, campaignId: row.campaignId };
    });
}

/**
 * Undoes the officer's last action in a campaign that is not undone yet: every application it
 * changed gets its state from before. Refused, with nothing changed, when another action changed
 * one of them since (undoing would throw away someone's decision).
 */
export function undoLast(sqlite: SqliteDatabase, campaignId: number, actor: string, now = new Date()): UndoResult {
  const at = now.toISOString();
  return writeTransaction(sqlite, (): UndoResult => {
      const action = sqlite
        .prepare('SELECT id, kind FROM triage_actions WHERE campaign_id = ? AND actor = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1')
        .get(campaignId, actor) as { id: number; kind: TriageActionKind } | undefined;
      if (!action) throw new NotFoundError('There is nothing of yours left to undo in this campaign.', 'NothingToUndo');
      const changes = sqlite.prepare('SELECT application_ref, before_json, after_json FROM triage_changes WHERE action_id = ? ORDER BY application_ref').all(action.id) as {
        application_ref: number;
        before_json: string;
        after_json: string;
      }[];
      const later = sqlite.prepare(
        `SELECT a.actor, a.at FROM triage_changes c JOIN triage_actions a ON a.id = c.action_id
         WHERE c.application_ref = ? AND c.action_id > ? AND a.undone_at IS NULL AND a.kind = ? ORDER BY a.id DESC LIMIT 1`,
      );
      const read = stateReader(sqlite);
      const write = stateWriter(sqlite, actor, at);
      const applicationIds = sqlite.prepare('SELECT application_id FROM applications WHERE id = ?').pluck();
      const audit = auditWriter(sqlite);
      for (const c of changes) {
        const before = JSON.parse(c.before_json) as StoredState;
        const after = JSON.parse(c.after_json) as StoredState;
        const since = later.get(c.application_ref, action.id, action.kind) as { actor: string; at: string } | undefined;
        const current = { ...read(c.application_ref), note: after.note, division: after.division };
        if (since || comparable(action.kind, current) !== comparable(action.kind, after)) {
          throw new ConflictError(
            `${String(applicationIds.get(c.application_ref))} was changed again${since ? ` by ${since.actor}` : ''} after this action: nothing was undone.`,
            'ChangedSince',
          );
        }
        if (action.kind === 'note') {
          sqlite.prepare('UPDATE application_notes SET removed_at = ? WHERE id = ?').run(at, after.note?.id ?? 0);
        } else if (action.kind === 'division') {
          correctApplication(sqlite, { ref: c.application_ref, field: 'division', value: before.division ?? '', reason: 'Triage action undone' }, actor, now);
        } else {
          const restored: StoredState = { ...current };
          if (action.kind === 'stage') Object.assign(restored, { stage: before.stage, reason: before.reason });
          if (action.kind === 'assign') restored.assignee = before.assignee;
          if (action.kind === 'score') Object.assign(restored, { score: before.score, scores: before.scores });
          write(c.application_ref, campaignId, restored, current);
        }
        audit({ campaignId, actor, action: 'triage.undo', subject: String(applicationIds.get(c.application_ref)), details: { actionId: action.id, kind: action.kind, restored: viewOf(before) } }, at);
      }
      sqlite.prepare('UPDATE triage_actions SET undone_at = ?, undone_by = ? WHERE id = ?').run(at, actor, action.id);
      return { actionId: action.id, kind: action.kind, restored: changes.length, refs: changes.map((c) => c.application_ref) };
    });
}
