import type pg from 'pg';
import type { ProcessStage } from '../../../../shared/domain/stages';
import { DETAIL_COLUMNS, moveAudit, moved, selectionState, type Move, type SelectionDetails, type SelectionState } from '../move-state';
import { DETAILS_UPSERT } from './selection-sql';

/**
 * Moves after triage on the office server, as sqlite-moves.ts on SQLite (what a move does is
 * ../move-state.ts's): one triage action of kind 'selection', a triage_changes row and an audit
 * entry per application. Runs in the caller's transaction, which has locked the applications'
 * rows first (lockApplications): the states read are the ones replaced. A sent list of a thousand
 * candidates is a few statements, not a few per candidate.
 */

type Client = pg.ClientBase;

/**
 * Locks applications' rows in id order (FOR NO KEY UPDATE, as triage's actions do), so two
 * workstations' decisions on the same applications wait for each other, and cannot deadlock.
 */
export async function lockApplications(c: Client, refs: readonly number[]): Promise<void> {
  if (refs.length === 0) return;
  await c.query('SELECT id FROM applications WHERE id = ANY($1::int[]) ORDER BY id FOR NO KEY UPDATE', [refs]);
}

interface StateRow {
  ref: number;
  stage: ProcessStage;
  reason: string | null;
  assignee: string | null;
  score: number | null;
}

/** The applications' states as moves read them (locked by the caller). */
export async function readStates(c: Client, refs: readonly number[]): Promise<Map<number, SelectionState>> {
  const [states, details] = [
    await c.query<StateRow>('SELECT application_ref AS ref, stage, reason, assignee, score FROM triage_states WHERE application_ref = ANY($1::int[])', [refs]),
    await c.query<SelectionDetails & { ref: number }>(`SELECT application_ref AS ref, ${DETAIL_COLUMNS} FROM selection_details WHERE application_ref = ANY($1::int[])`, [refs]),
  ];
  const stateOf = new Map(states.rows.map((r) => [r.ref, r]));
  const detailsOf = new Map(details.rows.map(({ ref, ...d }) => [ref, d]));
  return new Map(refs.map((ref) => [ref, selectionState(stateOf.get(ref), detailsOf.get(ref))]));
}

/** Writes the stage (the version bumped: a shared decision) and the selection details of each application. */
export async function writeStates(c: Client, campaignId: number, states: readonly { ref: number; state: SelectionState }[], actor: string, at: string): Promise<void> {
  if (states.length === 0) return;
  await c.query(
    `INSERT INTO triage_states (application_ref, campaign_id, stage, updated_at, updated_by, version)
       SELECT u.ref, $1, u.stage, $2, $3, 1 FROM unnest($4::int[], $5::text[]) AS u(ref, stage)
     ON CONFLICT (application_ref) DO UPDATE SET stage = excluded.stage, reason = NULL, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
       version = triage_states.version + 1`,
    [campaignId, at, actor, states.map((s) => s.ref), states.map((s) => s.state.stage)],
  );
  // The details as one JSON parameter: thirteen columns of any number of applications, one statement.
  const rows = states.map(({ ref, state: { selection: d } }) => ({
    application_ref: ref,
    interview_date: d.interviewDate,
    interview_time: d.interviewTime,
    interview_mode: d.interviewMode,
    interviewer: d.interviewer,
    interview_place: d.interviewPlace,
    interview_outcome: d.interviewOutcome,
    manager_comment: d.managerComment,
    session: d.session,
    start_date: d.startDate,
    reserve_rank: d.reserveRank,
    offer_made_at: d.offerMadeAt,
    offer_answered_at: d.offerAnsweredAt,
    withdrawn_reason: d.withdrawnReason,
    updated_at: at,
    updated_by: actor,
  }));
  const columns = Object.keys(rows[0] ?? {}).join(', ');
  await c.query(
    `INSERT INTO selection_details (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::selection_details, $1::json)
     ${DETAILS_UPSERT}`,
    [JSON.stringify(rows)],
  );
}

/**
 * Records one action of moves (the applications locked by the caller); `action` says what it was
 * (a shortlist sent, a reply applied…) for the history and the audit log. Returns its id.
 */
export async function recordMoves(c: Client, campaignId: number, actor: string, at: string, action: Record<string, unknown>, moves: readonly Move[]): Promise<number> {
  const inserted = await c.query<{ id: number }>("INSERT INTO triage_actions (campaign_id, actor, kind, details_json, at) VALUES ($1, $2, 'selection', $3, $4) RETURNING id", [
    campaignId,
    actor,
    JSON.stringify(action),
    at,
  ]);
  const actionId = inserted.rows[0]!.id;
  const befores = await readStates(c, moves.map((m) => m.ref));
  const changes = moves.map((move) => {
    const before = befores.get(move.ref) ?? selectionState(undefined, undefined);
    return { move, before, after: moved(before, move) };
  });
  await writeStates(c, campaignId, changes.map((ch) => ({ ref: ch.move.ref, state: ch.after })), actor, at);
  await c.query(
    `INSERT INTO triage_changes (action_id, application_ref, before_json, after_json)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])`,
    [actionId, changes.map((ch) => ch.move.ref), changes.map((ch) => JSON.stringify(ch.before)), changes.map((ch) => JSON.stringify(ch.after))],
  );
  const entries = changes.map((ch) => moveAudit(campaignId, actor, action, actionId, ch.move, ch.before, ch.after));
  await c.query(
    `INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json)
     SELECT $1, $2, $3, 'selection.move', * FROM unnest($4::text[], $5::text[])`,
    [campaignId, at, actor, entries.map((e) => e.subject), entries.map((e) => JSON.stringify(e.details))],
  );
  return actionId;
}
