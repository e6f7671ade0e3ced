import type pg from 'pg';
import type { ConflictApplication, SelectionMoveResult } from '../../../../shared/api/selection';
import type { DivisionCode } from '../../../../shared/domain/divisions';
import { inTransaction, read } from '../../../../db/postgres/transaction';
import { writeAuditOn } from '../../audit/audit-log';
import { numbered } from '../../triage/store/queue-sql';
import { pgVersionCheck } from '../../triage/store/pg-versions';
import { checkedTargets, givesRanks, moveResult, planMove, planResolve, rankGiver, type TargetRow } from '../move-rules';
import { checkedInvitees, conflictsOf, placesView, type Invitee, type PlaceRow, type StageCountRow } from '../selection-views';
import type { SelectionStore } from './index';
import { lockApplications, recordMoves } from './pg-moves';
import { CONFLICT_ROWS, INVITEE_COLUMNS, PLACE_ROWS, SEVERAL_DIVISIONS, STAGE_COUNTS, TARGET_COLUMNS } from './selection-sql';

/**
 * Selection on the office server: the same rules as on SQLite (../move-rules.ts), each move in one
 * transaction that first locks the rows of its applications and of the same people's other
 * applications (an offer is refused while another division has selected the person: that other
 * selection must not change until the offer is saved), in id order so that two workstations'
 * moves cannot deadlock. Reserve ranks are counted on from the division's last, one workstation
 * at a time (an advisory lock per campaign), so two officers' reserves never get the same rank.
 */

type Client = pg.ClientBase;

/** Locks the applications and every other application of the same people in the campaign, in one statement. */
async function lockPeople(c: Client, refs: readonly number[]): Promise<void> {
  const { rows } = await c.query<{ id: number }>(
    `SELECT r2.application_ref AS id FROM screening_results r1
     JOIN screening_results r2 ON r2.person_key = r1.person_key AND r2.campaign_id = r1.campaign_id
     WHERE r1.application_ref = ANY($1::int[])`,
    [refs],
  );
  await lockApplications(c, [...new Set([...refs, ...rows.map((r) => r.id)])]);
}

/** The applications (locked), and each one's person's other applications in the campaign. */
async function targetsWithOthers(c: Client, refs: readonly number[]): Promise<{ rows: TargetRow[]; othersOf: (t: TargetRow) => TargetRow[] }> {
  const rows = checkedTargets(
    refs,
    (
      await c.query<TargetRow>(
        `SELECT ${TARGET_COLUMNS} FROM applications a LEFT JOIN triage_states t ON t.application_ref = a.id LEFT JOIN screening_results r ON r.application_ref = a.id
         WHERE a.id = ANY($1::int[]) ORDER BY a.id`,
        [refs],
      )
    ).rows,
  );
  const keys = [...new Set(rows.flatMap((r) => (r.personKey ? [r.personKey] : [])))];
  const people = (
    await c.query<TargetRow>(
      `SELECT ${TARGET_COLUMNS} FROM screening_results r JOIN applications a ON a.id = r.application_ref LEFT JOIN triage_states t ON t.application_ref = a.id
       WHERE r.person_key = ANY($1::text[]) AND a.campaign_id = $2 ORDER BY a.id`,
      [keys, rows[0]?.campaignId ?? 0],
    )
  ).rows;
  return { rows, othersOf: (t) => (t.personKey ? people.filter((p) => p.personKey === t.personKey && p.ref !== t.ref) : []) };
}

/** The division's last reserve rank, for each division of the campaign, read under the campaign's reserve-rank lock. */
async function lastRanks(c: Client, campaignId: number): Promise<(t: TargetRow) => number> {
  await c.query("SELECT pg_advisory_xact_lock(hashtext('reserve ranks ' || $1::text))", [campaignId]);
  const { rows } = await c.query<{ division: string | null; last: number }>(
    `SELECT a.division_code AS division, max(d.reserve_rank) AS last FROM selection_details d JOIN applications a ON a.id = d.application_ref
     JOIN triage_states t ON t.application_ref = a.id WHERE a.campaign_id = $1 AND t.stage = 'reserve' GROUP BY a.division_code`,
    [campaignId],
  );
  const last = new Map(rows.map((r) => [r.division, r.last]));
  return (t) => last.get(t.division) ?? 0;
}

export function pgSelectionStore(pool: pg.Pool): SelectionStore {
  return {
    async move(request, actor, now = new Date()) {
      const at = now.toISOString();
      return inTransaction(pool, async (c): Promise<SelectionMoveResult & { campaignId: number }> => {
        await lockPeople(c, request.refs);
        const { rows, othersOf } = await targetsWithOthers(c, request.refs);
        await pgVersionCheck(c, request.seen);
        const campaignId = rows[0]?.campaignId ?? 0;
        const lastRank = givesRanks(request) ? await lastRanks(c, campaignId) : () => 0;
        const plan = planMove(request, rows, othersOf, rankGiver(lastRank), at);
        const actionId = await recordMoves(c, campaignId, actor, at, { move: request.move }, [...plan.moves, ...plan.withdrawn]);
        return moveResult(actionId, plan, campaignId);
      });
    },

    async places(campaignId) {
      const [places, counts] = await Promise.all([read<PlaceRow>(pool, numbered(PLACE_ROWS), [campaignId]), read<StageCountRow>(pool, numbered(STAGE_COUNTS), [campaignId])]);
      return placesView(places, counts);
    },

    async setPlaces(request, actor, now = new Date()) {
      const at = now.toISOString();
      await inTransaction(pool, async (c) => {
        await c.query(
          `INSERT INTO division_places (campaign_id, division_code, session, places) VALUES ($1, $2, $3, $4)
           ON CONFLICT (campaign_id, division_code, session) DO UPDATE SET places = excluded.places`,
          [request.campaignId, request.division, request.session, request.places],
        );
        await writeAuditOn(c, { campaignId: request.campaignId, actor, action: 'selection.places', subject: `${request.division} ${request.session}`, details: { places: request.places } }, at);
      });
    },

    async conflicts(campaignId) {
      return conflictsOf(await read<ConflictApplication & { personKey: string }>(pool, numbered(CONFLICT_ROWS), [campaignId]));
    },

    async resolveConflict({ keep, seen }, actor, now = new Date()) {
      const at = now.toISOString();
      return inTransaction(pool, async (c): Promise<SelectionMoveResult & { campaignId: number }> => {
        await lockPeople(c, [keep]);
        const { rows, othersOf } = await targetsWithOthers(c, [keep]);
        await pgVersionCheck(c, seen);
        const [found] = rows;
        const lastRank = found ? await lastRanks(c, found.campaignId) : () => 0;
        const { kept, moves } = planResolve(found, othersOf, rankGiver(lastRank));
        const actionId = await recordMoves(c, kept.campaignId, actor, at, { move: 'resolveConflict', kept: kept.applicationId, division: kept.division }, moves);
        return moveResult(actionId, { moves, withdrawn: [] }, kept.campaignId);
      });
    },

    async peopleInSeveralDivisions(campaignId, limit) {
      return read<{ a: number; b: number; divisionA: DivisionCode; divisionB: DivisionCode }>(pool, numbered(SEVERAL_DIVISIONS), [campaignId, limit]);
    },

    async invitees(refs) {
      const rows = await read<Invitee>(
        pool,
        `SELECT ${INVITEE_COLUMNS}
         FROM applications a LEFT JOIN triage_states t ON t.application_ref = a.id LEFT JOIN selection_details d ON d.application_ref = a.id
         WHERE a.id = ANY($1::int[]) ORDER BY a.last_name, a.first_name, a.id`,
        [refs],
      );
      return checkedInvitees(refs, rows);
    },
  };
}
