import type { ConflictApplication, DivisionPlaces, SelectionConflict, SelectionMoveResult } from '../../../../shared/api/selection';
import type { DivisionCode } from '../../../../shared/domain/divisions';
import type { Session } from '../../../../shared/domain/selection-moves';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { auditWriter } from '../../audit/audit-log';
import type { Seen } from '../../triage/actions';
import { sqliteVersionCheck } from '../../triage/store/sqlite-versions';
import { checkedTargets, moveResult, planMove, planResolve, rankGiver, type MoveRequest, type TargetRow } from '../move-rules';
import { checkedInvitees, conflictsOf, placesView, type Invitee, type PlaceRow, type StageCountRow } from '../selection-views';
import { sqliteSelectionMoves } from './sqlite-moves';
import { CONFLICT_ROWS, INVITEE_COLUMNS, PLACE_ROWS, SEVERAL_DIVISIONS, STAGE_COUNTS, TARGET_COLUMNS } from './selection-sql';

/**
 * Selection on SQLite: the office's moves after the hiring managers' answers (decided by
 * ../move-rules.ts, each one action of moves in one transaction), places per division and session,
 * and people selected by two divisions. SQLite-only: `json_each`, `ON CONFLICT … DO UPDATE`.
 */

export function sqliteSelection(sqlite: SqliteDatabase) {
  const targets = sqlite.prepare<[string], TargetRow>(
    `SELECT ${TARGET_COLUMNS} FROM applications a LEFT JOIN triage_states t ON t.application_ref = a.id LEFT JOIN screening_results r ON r.application_ref = a.id
     WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id`,
  );
  const samePerson = sqlite.prepare<[string, number, number], TargetRow>(
    `SELECT ${TARGET_COLUMNS} FROM screening_results r JOIN applications a ON a.id = r.application_ref LEFT JOIN triage_states t ON t.application_ref = a.id
     WHERE r.person_key = ? AND a.campaign_id = ? AND a.id <> ? ORDER BY a.id`,
  );
  const lastReserveRank = sqlite
    .prepare<[number, string | null], number>(
      `SELECT coalesce(max(d.reserve_rank), 0) FROM selection_details d JOIN applications a ON a.id = d.application_ref
       JOIN triage_states t ON t.application_ref = a.id WHERE a.campaign_id = ? AND a.division_code IS ? AND t.stage = 'reserve'`,
    )
    .pluck();
  const placeRows = sqlite.prepare<[number], PlaceRow>(PLACE_ROWS);
  const stageCounts = sqlite.prepare<[number], StageCountRow>(STAGE_COUNTS);
  const upsertPlaces = sqlite.prepare<[number, string, string, number]>(
    `INSERT INTO division_places (campaign_id, division_code, session, places) VALUES (?, ?, ?, ?)
     ON CONFLICT (campaign_id, division_code, session) DO UPDATE SET places = excluded.places`,
  );
  const conflictRows = sqlite.prepare<[number], ConflictApplication & { personKey: string }>(CONFLICT_ROWS);
  const invitees = sqlite.prepare<[string], Invitee>(
    `SELECT ${INVITEE_COLUMNS}
     FROM applications a LEFT JOIN triage_states t ON t.application_ref = a.id LEFT JOIN selection_details d ON d.application_ref = a.id
     WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.last_name, a.first_name, a.id`,
  );
  const severalDivisions = sqlite.prepare<[number, number], { a: number; b: number; divisionA: DivisionCode; divisionB: DivisionCode }>(SEVERAL_DIVISIONS);
  const moves = sqliteSelectionMoves(sqlite);
  const audit = auditWriter(sqlite);
  // A move is a shared decision on the application: refused when it changed since the officer saw it.
  const checkVersions = sqliteVersionCheck(sqlite);

  const othersOf = (target: TargetRow): TargetRow[] => (target.personKey ? samePerson.all(target.personKey, target.campaignId, target.ref) : []);
  const lastRank = (target: TargetRow): number => lastReserveRank.get(target.campaignId, target.division) ?? 0;

  return {
    move(request: MoveRequest, actor: string, now = new Date()): SelectionMoveResult & { campaignId: number } {
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        const rows = checkedTargets(request.refs, targets.all(JSON.stringify(request.refs)));
        checkVersions(request.seen);
        const campaignId = rows[0]?.campaignId ?? 0;
        const plan = planMove(request, rows, othersOf, rankGiver(lastRank), at);
        const actionId = moves.record(campaignId, actor, at, { move: request.move }, [...plan.moves, ...plan.withdrawn]);
        return moveResult(actionId, plan, campaignId);
      });
    },

    places(campaignId: number): DivisionPlaces[] {
      return placesView(placeRows.all(campaignId), stageCounts.all(campaignId));
    },

    setPlaces(request: { campaignId: number; division: DivisionCode; session: Session; places: number }, actor: string, now = new Date()): void {
      const at = now.toISOString();
      writeTransaction(sqlite, () => {
        upsertPlaces.run(request.campaignId, request.division, request.session, request.places);
        audit({ campaignId: request.campaignId, actor, action: 'selection.places', subject: `${request.division} ${request.session}`, details: { places: request.places } }, at);
      });
    },

    /** People with eligible applications in two divisions (each pair once): who may be selected twice. */
    peopleInSeveralDivisions(campaignId: number, limit: number): { a: number; b: number; divisionA: DivisionCode; divisionB: DivisionCode }[] {
      return severalDivisions.all(campaignId, limit);
    },

    /** Candidates to invite, with their interview: all at Interview with a date, else refused naming them. */
    invitees(refs: readonly number[]): Invitee[] {
      return checkedInvitees(refs, invitees.all(JSON.stringify(refs)));
    },

    conflicts(campaignId: number): SelectionConflict[] {
      return conflictsOf(conflictRows.all(campaignId));
    },

    /** The application kept makes the offer; the person's other selections go to the reserve list, in one action. */
    resolveConflict({ keep, seen }: { keep: number; seen?: Seen[] }, actor: string, now = new Date()): SelectionMoveResult & { campaignId: number } {
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        const [found] = checkedTargets([keep], targets.all(JSON.stringify([keep])));
        checkVersions(seen);
        const { kept, moves: list } = planResolve(found, othersOf, rankGiver(lastRank));
        const actionId = moves.record(kept.campaignId, actor, at, { move: 'resolveConflict', kept: kept.applicationId, division: kept.division }, list);
        return moveResult(actionId, { moves: list, withdrawn: [] }, kept.campaignId);
      });
    },
  };
}
