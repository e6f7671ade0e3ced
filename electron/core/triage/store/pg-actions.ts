import type pg from 'pg';
import type { TriageActionKind, UndoResult } from '../../../../shared/api/contract';
import { NotFoundError } from '../../../../shared/api/errors';
import { correctOnServer } from '../../applications/pg-application-store';
import { INITIAL_STAGE, type ProcessStage, type Stage } from '../../../../shared/domain/stages';
import { inTransaction } from '../../../../db/postgres/transaction';
import type { AuditEntry } from '../../audit/audit-log';
import { EFFECTIVE_VERDICT, LATEST_OVERRIDE } from '../../screening/store/sqlite-effective-verdict';
import {
  checkCriterion,
  checkSeen,
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
import { NO_DETAILS } from '../../selection/move-state';
import { readStates, writeStates } from '../../selection/store/pg-moves';
import { pgVersionCheck } from './pg-versions';

/**
 * Officers' triage actions on the office server, decided by the same rules as on SQLite
 * (../actions.ts). Several workstations write at once, so each action first locks the rows of the
 * applications it is about (FOR NO KEY UPDATE, in id order so two bulk actions cannot deadlock):
 * the versions it checks and the states it reads stay as they are until it commits. A second
 * officer's action on the same applications waits for the first, then finds the version changed.
 * Giving a division corrects the application (the applications domain's correctOnServer, in the
 * same transaction), as undoing one does; a move after triage (selection's) is undone with its
 * details (selection/store/pg-moves.ts).
 */

type Client = pg.PoolClient;

interface StateRow {
  stage: Stage;
  reason: string | null;
  assignee: string | null;
  score: number | null;
}

type LockedRow = Target & StateRow & { eligible: boolean; version: number; by: string | null; at: string | null; present: boolean };

/**
 * The applications of an action, locked, then all the action checks and starts from in one read:
 * who they are, whether they are eligible, their shared state and its version. Two statements, not
 * one: a SELECT … FOR UPDATE that waited for another officer's transaction sees that officer's
 * write on the locked row only, not on the rows it joins (READ COMMITTED re-checks the locked row
 * alone), so the version is read by a second statement, after the lock is held.
 */
async function lockedTargets(c: Client, refs: readonly number[], seen: readonly Seen[] | undefined): Promise<{ list: Target[]; states: Map<number, StoredState> }> {
  await lock(c, refs);
  const { rows } = await c.query<LockedRow>(
    `SELECT a.id AS ref, a.campaign_id AS "campaignId", a.application_id AS "applicationId", a.division_code AS "divisionCode", a.division,
       (${EFFECTIVE_VERDICT}) = 'eligible' AS eligible, t.application_ref IS NOT NULL AS present, t.stage, t.reason, t.assignee, t.score,
       coalesce(t.version, 0) AS version, t.updated_by AS by, t.updated_at AS at
     FROM applications a JOIN screening_results r ON r.application_ref = a.id ${LATEST_OVERRIDE}
     LEFT JOIN triage_states t ON t.application_ref = a.id
     WHERE a.id = ANY($1::int[])`,
    [refs],
  );
  const list = checkTargets(
    refs,
    rows.map(({ ref, campaignId, applicationId, divisionCode, division, eligible }) => ({ ref, campaignId, applicationId, divisionCode, division, eligible })),
  );
  if (seen && seen.length > 0) checkSeen(seen, rows.map(({ ref, applicationId, version, by, at }) => ({ ref, applicationId, version, by, at })));
  return { list, states: new Map(rows.map((r) => [r.ref, storedState(r.present ? r : undefined, {})])) };
}

async function lock(c: Client, refs: readonly number[]): Promise<void> {
  await c.query('SELECT id FROM applications WHERE id = ANY($1::int[]) ORDER BY id FOR NO KEY UPDATE', [refs]);
}

async function read(c: Client, ref: number): Promise<StoredState> {
  const { rows } = await c.query<StateRow>('SELECT stage, reason, assignee, score FROM triage_states WHERE application_ref = $1', [ref]);
  return storedState(rows[0], {});
}

async function readOwn(c: Client, ref: number, officer: string): Promise<StoredState> {
  const [shared, criteria, overall] = [
    await read(c, ref),
    await c.query<{ criterion_id: number; score: number }>('SELECT criterion_id, score FROM rubric_scores WHERE application_ref = $1 AND actor = $2 ORDER BY criterion_id', [ref, officer]),
    await c.query<{ score: number }>('SELECT score FROM officer_scores WHERE application_ref = $1 AND officer = $2', [ref, officer]),
  ];
  return { ...shared, score: overall.rows[0]?.score ?? null, scores: Object.fromEntries(criteria.rows.map((r) => [String(r.criterion_id), r.score])) };
}

async function write(c: Client, ref: number, campaignId: number, state: StoredState, actor: string, at: string): Promise<void> {
  await c.query(
    `INSERT INTO triage_states (application_ref, campaign_id, stage, reason, assignee, updated_at, updated_by, version) VALUES ($1, $2, $3, $4, $5, $6, $7, 1)
     ON CONFLICT (application_ref) DO UPDATE SET stage = excluded.stage, reason = excluded.reason, assignee = excluded.assignee,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = triage_states.version + 1`,
    [ref, campaignId, state.stage, state.reason, state.assignee, at, actor],
  );
}

async function touch(c: Client, ref: number, campaignId: number, stage: ProcessStage, actor: string, at: string): Promise<void> {
  await c.query(
    `INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by, version) VALUES ($1, $2, $3, $4, $5, 1)
     ON CONFLICT (application_ref) DO UPDATE SET updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = triage_states.version + 1`,
    [ref, campaignId, stage, at, actor],
  );
}

async function writeOwn(c: Client, ref: number, campaignId: number, state: StoredState, previous: StoredState, officer: string, at: string): Promise<void> {
  for (const criterion of Object.keys(previous.scores)) {
    if (!(criterion in state.scores)) await c.query('DELETE FROM rubric_scores WHERE application_ref = $1 AND criterion_id = $2 AND actor = $3', [ref, Number(criterion), officer]);
  }
  for (const [criterion, score] of Object.entries(state.scores)) {
    if (previous.scores[criterion] === score) continue;
    await c.query(
      `INSERT INTO rubric_scores (application_ref, criterion_id, actor, score, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (application_ref, criterion_id, actor) DO UPDATE SET score = excluded.score, at = excluded.at`,
      [ref, Number(criterion), officer, score, at],
    );
  }
  if (state.score === null) await c.query('DELETE FROM officer_scores WHERE application_ref = $1 AND officer = $2', [ref, officer]);
  else {
    await c.query(
      `INSERT INTO officer_scores (application_ref, officer, score, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (application_ref, officer) DO UPDATE SET score = excluded.score, at = excluded.at`,
      [ref, officer, state.score, at],
    );
  }
  await c.query(
    `INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by, score, scored_by)
       SELECT $1, $2, $3, $4, $5, round(avg(score)::numeric, 1)::double precision, count(*) FROM officer_scores WHERE application_ref = $1
     ON CONFLICT (application_ref) DO UPDATE SET score = excluded.score, scored_by = excluded.scored_by`,
    [ref, campaignId, INITIAL_STAGE, at, officer],
  );
}

async function audit(c: Client, entry: AuditEntry, at: string): Promise<void> {
  await c.query('INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json) VALUES ($1, $2, $3, $4, $5, $6)', [
    entry.campaignId,
    at,
    entry.actor,
    entry.action,
    entry.subject ?? null,
    entry.details === undefined ? null : JSON.stringify(entry.details),
  ]);
}

async function record(
  c: Client,
  { actor, at }: { actor: string; at: string },
  kind: TriageActionKind,
  campaignId: number,
  details: Record<string, unknown>,
  changes: { target: Target; before: StoredState; after: StoredState }[],
): Promise<number> {
  const { rows } = await c.query<{ id: number }>('INSERT INTO triage_actions (campaign_id, actor, kind, details_json, at) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
    campaignId,
    actor,
    kind,
    JSON.stringify(details),
    at,
  ]);
  const actionId = rows[0]!.id;
  // Each application's change and audit entry: one statement each, whatever the number.
  await c.query(
    `INSERT INTO triage_changes (action_id, application_ref, before_json, after_json)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])`,
    [actionId, changes.map((ch) => ch.target.ref), changes.map((ch) => JSON.stringify(ch.before)), changes.map((ch) => JSON.stringify(ch.after))],
  );
  await c.query(
    `INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json)
     SELECT $1, $2, $3, $4, * FROM unnest($5::text[], $6::text[])`,
    [
      campaignId,
      at,
      actor,
      `triage.${kind}`,
      changes.map((ch) => ch.target.applicationId),
      changes.map((ch) => JSON.stringify({ ...details, before: viewOf(ch.before), after: viewOf(ch.after), actionId })),
    ],
  );
  return actionId;
}

/**
 * Gives applications without a readable division their division: a correction of the Division
 * field (the applications domain's, in this transaction), so that every reader sees it; one action,
 * undone as one.
 */
async function giveDivision(c: Client, request: DecideRequest, actor: string, at: string): Promise<ActionOutcome> {
  const { list, states } = await lockedTargets(c, request.refs, request.seen);
  const campaignId = list[0]?.campaignId ?? 0;
  const changes = [];
  for (const target of list) {
    const before = { ...(states.get(target.ref) ?? storedState(undefined, {})), division: target.division };
    await correctOnServer(c, { ref: target.ref, field: 'division', value: request.division ?? '', reason: 'Division given in triage' }, actor, at);
    await touch(c, target.ref, campaignId, before.stage, actor, at);
    changes.push({ target, before, after: { ...before, division: request.division } });
  }
  const actionId = await record(c, { actor, at }, 'division', campaignId, { division: request.division }, changes);
  return { actionId, changed: changes.length, campaignId };
}

export function pgTriageActions(pool: pg.Pool): Pick<TriageStore, 'decide' | 'score' | 'addNote' | 'undoLast'> {
  return {
    async decide(request: DecideRequest, actor: string, now = new Date()): Promise<ActionOutcome> {
      const at = now.toISOString();
      const kind = decisionKind(request);
      return inTransaction(pool, async (c) => {
        if (kind === 'division') return giveDivision(c, request, actor, at);
        const { list, states } = await lockedTargets(c, request.refs, request.seen);
        const campaignId = list[0]?.campaignId ?? 0;
        const changes = [];
        for (const target of list) {
          const before = states.get(target.ref) ?? storedState(undefined, {});
          const after = decided(kind, before, request);
          await write(c, target.ref, campaignId, after, actor, at);
          changes.push({ target, before, after });
        }
        const actionId = await record(c, { actor, at }, kind, campaignId, decisionDetails(kind, request), changes);
        return { actionId, changed: changes.length, campaignId };
      });
    },

    async score(request: ScoreRequest, actor: string, now = new Date()): Promise<ActionOutcome> {
      const at = now.toISOString();
      return inTransaction(pool, async (c) => {
        const { list } = await lockedTargets(c, request.refs, undefined);
        const campaignId = list[0]?.campaignId ?? 0;
        if (request.criterionId !== 0) {
          const { rows } = await c.query<{ divisionCode: string; campaignId: number }>(
            'SELECT division_code AS "divisionCode", campaign_id AS "campaignId" FROM rubric_criteria WHERE id = $1 AND archived = 0',
            [request.criterionId],
          );
          checkCriterion(rows[0], campaignId, list);
        }
        const changes = [];
        for (const target of list) {
          const before = await readOwn(c, target.ref, actor);
          const after = scored(before, request);
          await writeOwn(c, target.ref, campaignId, after, before, actor, at);
          if (request.criterionId !== 0 && request.comment !== undefined) {
            await c.query('UPDATE rubric_scores SET comment = $1 WHERE application_ref = $2 AND criterion_id = $3 AND actor = $4', [request.comment || null, target.ref, request.criterionId, actor]);
          }
          changes.push({ target, before, after });
        }
        const actionId = await record(c, { actor, at }, 'score', campaignId, { criterionId: request.criterionId, score: request.score, comment: request.comment ?? null }, changes);
        return { actionId, changed: changes.length, campaignId };
      });
    },

    async addNote(request: { ref: number; text: string; seen?: Seen[] }, actor: string, now = new Date()): Promise<ActionOutcome> {
      const at = now.toISOString();
      return inTransaction(pool, async (c) => {
        await lock(c, [request.ref]);
        const { rows } = await c.query<Target>(
          'SELECT id AS ref, campaign_id AS "campaignId", application_id AS "applicationId", division_code AS "divisionCode", division FROM applications WHERE id = $1',
          [request.ref],
        );
        const target = rows[0];
        if (!target) throw new NotFoundError('This application is not in this database. The note was not saved.', 'NoSuchApplication');
        await pgVersionCheck(c, request.seen);
        const before = await read(c, target.ref);
        await touch(c, target.ref, target.campaignId, before.stage, actor, at);
        const action = await c.query<{ id: number }>("INSERT INTO triage_actions (campaign_id, actor, kind, details_json, at) VALUES ($1, $2, 'note', '{}', $3) RETURNING id", [target.campaignId, actor, at]);
        const actionId = action.rows[0]!.id;
        const note = await c.query<{ id: number }>('INSERT INTO application_notes (application_ref, action_id, text, actor, at) VALUES ($1, $2, $3, $4, $5) RETURNING id', [target.ref, actionId, request.text, actor, at]);
        const after = { ...before, note: { id: note.rows[0]!.id, text: request.text } };
        await c.query('INSERT INTO triage_changes (action_id, application_ref, before_json, after_json) VALUES ($1, $2, $3, $4)', [actionId, target.ref, JSON.stringify(before), JSON.stringify(after)]);
        await audit(c, { campaignId: target.campaignId, actor, action: 'triage.note', subject: target.applicationId, details: { text: request.text, actionId } }, at);
        return { actionId, changed: 1, campaignId: target.campaignId };
      });
    },

    async undoLast(campaignId: number, actor: string, now = new Date()): Promise<UndoResult> {
      const at = now.toISOString();
      return inTransaction(pool, async (c): Promise<UndoResult> => {
        // One undo of the officer's at a time in a campaign (two windows of theirs): the second waits,
        // then finds the action before. (Locking the row with FOR UPDATE … LIMIT 1 would find none.)
        await c.query("SELECT pg_advisory_xact_lock(hashtext('undo ' || $1::text || ' ' || $2))", [campaignId, actor]);
        const { rows } = await c.query<{ id: number; kind: TriageActionKind }>(
          'SELECT id, kind FROM triage_actions WHERE campaign_id = $1 AND actor = $2 AND undone_at IS NULL ORDER BY id DESC LIMIT 1',
          [campaignId, actor],
        );
        const action = rows[0];
        if (!action) throw new NotFoundError('There is nothing of yours left to undo in this campaign.', 'NothingToUndo');
        const changes = (await c.query<{ application_ref: number; before_json: string; after_json: string }>(
          'SELECT application_ref, before_json, after_json FROM triage_changes WHERE action_id = $1 ORDER BY application_ref',
          [action.id],
        )).rows;
        await lock(c, changes.map((ch) => ch.application_ref));
        for (const ch of changes) {
          const before = parseStoredState(ch.before_json);
          const after = parseStoredState(ch.after_json);
          const shared = action.kind === 'score' ? await readOwn(c, ch.application_ref, actor) : await read(c, ch.application_ref);
          const current: StoredState = { ...shared, note: after.note, division: after.division };
          // A move after triage (kind 'selection') is undone with its interview, selection and offer details.
          if (action.kind === 'selection') current.selection = (await readStates(c, [ch.application_ref])).get(ch.application_ref)?.selection;
          const later = await c.query<{ actor: string; at: string }>(
            `SELECT a.actor, a.at FROM triage_changes c JOIN triage_actions a ON a.id = c.action_id
             WHERE c.application_ref = $1 AND c.action_id > $2 AND a.undone_at IS NULL AND a.kind = $3 AND ($3 <> 'score' OR a.actor = $4) ORDER BY a.id DESC LIMIT 1`,
            [ch.application_ref, action.id, action.kind, actor],
          );
          const app = await c.query<{ application_id: string }>('SELECT application_id FROM applications WHERE id = $1', [ch.application_ref]);
          const applicationId = app.rows[0]?.application_id ?? String(ch.application_ref);
          checkUndo(action.kind, applicationId, current, after, later.rows[0]);
          if (action.kind === 'note') {
            await c.query('UPDATE application_notes SET removed_at = $1 WHERE id = $2', [at, after.note?.id ?? 0]);
            await touch(c, ch.application_ref, campaignId, current.stage, actor, at);
          } else if (action.kind === 'division') {
            // The applications domain's correction, in this same transaction (as on SQLite).
            await correctOnServer(c, { ref: ch.application_ref, field: 'division', value: before.division ?? '', reason: 'Triage action undone' }, actor, at);
            await touch(c, ch.application_ref, campaignId, current.stage, actor, at);
          } else if (action.kind === 'selection') {
            const back = restored('selection', before, current);
            await writeStates(c, campaignId, [{ ref: ch.application_ref, state: { ...back, selection: back.selection ?? NO_DETAILS } }], actor, at);
          } else if (action.kind === 'score') {
            await writeOwn(c, ch.application_ref, campaignId, restored('score', before, current), current, actor, at);
          } else {
            await write(c, ch.application_ref, campaignId, restored(action.kind, before, current), actor, at);
          }
          await audit(c, { campaignId, actor, action: 'triage.undo', subject: applicationId, details: { actionId: action.id, kind: action.kind, restored: viewOf(before) } }, at);
        }
        await c.query('UPDATE triage_actions SET undone_at = $1, undone_by = $2 WHERE id = $3', [at, actor, action.id]);
        return { actionId: action.id, kind: action.kind, restored: changes.length, refs: changes.map((ch) => ch.application_ref) };
      });
    },
  };
}
