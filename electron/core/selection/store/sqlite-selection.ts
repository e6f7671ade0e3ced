import type { ConflictApplication, DivisionPlaces, SelectionConflict, SelectionMoveResult } from '../../../../shared/api/selection';
import { ConflictError, NotFoundError, ValidationError } from '../../../../shared/api/errors';
import { DIVISION_CODES, type DivisionCode } from '../../../../shared/domain/divisions';
import { canMove, MOVES, type InterviewMode, type SelectionMove, type Session } from '../../../../shared/domain/selection-moves';
import type { CefrLevel } from '../../../../shared/domain/listed-values';
import type { ProcessStage } from '../../../../shared/domain/stages';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { auditWriter } from '../../audit/audit-log';
import { sqliteSelectionMoves, type Move, type SelectionDetails } from './sqlite-moves';
import { sqliteVersionCheck } from '../../triage/store/sqlite-versions';
import type { Seen } from '../../triage/actions';

/**
 * Selection on SQLite: the office's moves after the hiring managers' answers (each one action of
 * moves, in one transaction, checked against where each application stands), places per division
 * and session, and people selected by two divisions. SQLite-only: `json_each`, `ON CONFLICT … DO
 * UPDATE`.
 */

export interface MoveRequest {
  refs: readonly number[];
  move: SelectionMove;
  interview?: { date: string; time: string | null; mode: InterviewMode | null; interviewer: string | null; place: string | null };
  outcome?: string;
  session?: Session;
  startDate?: string;
  reserveRank?: number;
  reason?: string;
  /** The versions the officer saw (triage's): a changed one refuses the whole move. */
  seen?: Seen[];
}

/** A candidate to invite to an interview, with what the invitation says. */
export interface Invitee {
  ref: number;
  campaignId: number;
  applicationId: string;
  firstName: string;
  lastName: string;
  email: string;
  division: DivisionCode | null;
  englishLevel: CefrLevel | null;
  frenchLevel: CefrLevel | null;
  stage: ProcessStage;
  date: string | null;
  time: string | null;
  mode: InterviewMode | null;
  place: string | null;
  interviewer: string | null;
}

interface TargetRow {
  ref: number;
  campaignId: number;
  applicationId: string;
  division: DivisionCode | null;
  stage: ProcessStage;
  personKey: string | null;
}

/** Stages that end an application: nothing is withdrawn from them. */
const CLOSED: ReadonlySet<ProcessStage> = new Set(['notRetained', 'notSelected', 'offerAccepted', 'offerDeclined', 'withdrawn']);

export function sqliteSelection(sqlite: SqliteDatabase) {
  const TARGET_COLUMNS = `a.id AS ref, a.campaign_id AS campaignId, a.application_id AS applicationId, a.division_code AS division,
    coalesce(t.stage, 'new') AS stage, r.person_key AS personKey`;
  const targets = sqlite.prepare<[string], TargetRow>(
    `SELECT ${TARGET_COLUMNS} FROM applications a LEFT JOIN triage_states t ON t.application_ref = a.id LEFT JOIN screening_results r ON r.application_ref = a.id
     WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id`,
  );
  const samePerson = sqlite.prepare<[string, number, number], TargetRow>(
    `SELECT ${TARGET_COLUMNS} FROM screening_results r JOIN applications a ON a.id = r.application_ref LEFT JOIN triage_states t ON t.application_ref = a.id
     WHERE r.person_key = ? AND a.campaign_id = ? AND a.id <> ? ORDER BY a.id`,
  );
  const nextReserveRank = sqlite.prepare<[number, string | null], { next: number }>(
    `SELECT coalesce(max(d.reserve_rank), 0) + 1 AS next FROM selection_details d JOIN applications a ON a.id = d.application_ref
     JOIN triage_states t ON t.application_ref = a.id WHERE a.campaign_id = ? AND a.division_code IS ? AND t.stage = 'reserve'`,
  );
  const placeRows = sqlite.prepare<[number], { division: DivisionCode; session: Session; places: number }>(
    'SELECT division_code AS division, session, places FROM division_places WHERE campaign_id = ?',
  );
  const stageCounts = sqlite.prepare<[number], { division: DivisionCode | null; session: Session | null; stage: ProcessStage; n: number }>(
    `SELECT a.division_code AS division, d.session, t.stage, count(*) AS n FROM triage_states t JOIN applications a ON a.id = t.application_ref
     LEFT JOIN selection_details d ON d.application_ref = a.id
     WHERE t.campaign_id = ? AND t.stage IN ('selected', 'offerMade', 'offerAccepted', 'reserve') GROUP BY 1, 2, 3`,
  );
  const upsertPlaces = sqlite.prepare<[number, string, string, number]>(
    `INSERT INTO division_places (campaign_id, division_code, session, places) VALUES (?, ?, ?, ?)
     ON CONFLICT (campaign_id, division_code, session) DO UPDATE SET places = excluded.places`,
  );
  const conflictRows = sqlite.prepare<[number], ConflictApplication & { personKey: string }>(
    `SELECT a.id AS ref, a.application_id AS applicationId, a.first_name AS firstName, a.last_name AS lastName, a.division_code AS division, t.stage, r.person_key AS personKey
     FROM triage_states t JOIN applications a ON a.id = t.application_ref JOIN screening_results r ON r.application_ref = a.id
     WHERE t.campaign_id = ? AND t.stage IN ('selected', 'offerMade')
       AND r.person_key IN (
         SELECT r2.person_key FROM triage_states t2 JOIN screening_results r2 ON r2.application_ref = t2.application_ref
         WHERE t2.campaign_id = t.campaign_id AND t2.stage IN ('selected', 'offerMade') GROUP BY r2.person_key HAVING count(*) > 1)
     ORDER BY r.person_key, a.division_code, a.id`,
  );
  const invitees = sqlite.prepare<[string], Invitee>(
    `SELECT a.id AS ref, a.campaign_id AS campaignId, a.application_id AS applicationId, a.first_name AS firstName, a.last_name AS lastName, a.email, a.division_code AS division,
       a.english_level_parsed AS englishLevel, a.french_level_parsed AS frenchLevel, coalesce(t.stage, 'new') AS stage, d.interview_date AS date,
       d.interview_time AS time, d.interview_mode AS mode, d.interview_place AS place, d.interviewer
     FROM applications a LEFT JOIN triage_states t ON t.application_ref = a.id LEFT JOIN selection_details d ON d.application_ref = a.id
     WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.last_name, a.first_name, a.id`,
  );
  const severalDivisions = sqlite.prepare<[number, number], { a: number; b: number; divisionA: DivisionCode; divisionB: DivisionCode }>(
    `SELECT x.application_ref AS a, y.application_ref AS b, ax.division_code AS divisionA, ay.division_code AS divisionB
     FROM screening_results x JOIN screening_results y ON y.person_key = x.person_key AND y.campaign_id = x.campaign_id AND y.application_ref > x.application_ref
     JOIN applications ax ON ax.id = x.application_ref JOIN applications ay ON ay.id = y.application_ref
     WHERE x.campaign_id = ? AND x.verdict = 'eligible' AND y.verdict = 'eligible' AND ax.division_code IS NOT NULL AND ay.division_code IS NOT NULL
       AND ax.division_code <> ay.division_code
     ORDER BY x.application_ref LIMIT ?`,
  );
  const moves = sqliteSelectionMoves(sqlite);
  const audit = auditWriter(sqlite);
  // A move is a shared decision on the application: refused when it changed since the officer saw it.
  const checkVersions = sqliteVersionCheck(sqlite);

  function checkedTargets(refs: readonly number[]): TargetRow[] {
    const rows = targets.all(JSON.stringify(refs));
    if (rows.length !== new Set(refs).size) throw new NotFoundError('Some of these applications are not in this database. Nothing was changed.', 'NoSuchApplication');
    if (new Set(rows.map((r) => r.campaignId)).size > 1) throw new ValidationError('These applications belong to different campaigns. Nothing was changed.', [], 'DifferentCampaigns');
    return rows;
  }

  /** The person's applications selected or offered a place elsewhere: a conflict to resolve before an offer. */
  function otherSelections(target: TargetRow): TargetRow[] {
    if (!target.personKey) return [];
    return samePerson.all(target.personKey, target.campaignId, target.ref).filter((o) => o.stage === 'selected' || o.stage === 'offerMade' || o.stage === 'offerAccepted');
  }

  /** Reserve ranks handed out in one action: counted on from the division's last, one each. */
  function rankGiver(): (target: TargetRow) => number {
    const next = new Map<string, number>();
    return (target) => {
      const key = `${target.campaignId} ${target.division ?? ''}`;
      const rank = next.get(key) ?? nextReserveRank.get(target.campaignId, target.division)?.next ?? 1;
      next.set(key, rank + 1);
      return rank;
    };
  }

  function detailsFor(request: MoveRequest, target: TargetRow, at: string, nextRank: (target: TargetRow) => number): Partial<SelectionDetails> {
    switch (request.move) {
      case 'interview': {
        const i = request.interview;
        if (!i) throw new ValidationError('Give the interview’s date.', [{ path: ['interview'], message: 'required' }], 'InterviewDateMissing');
        return { interviewDate: i.date, interviewTime: i.time, interviewMode: i.mode, interviewer: i.interviewer, interviewPlace: i.place, ...(request.outcome ? { interviewOutcome: request.outcome } : {}) };
      }
      case 'select':
        if (!request.session) throw new ValidationError('Say which session the candidate is selected for: March or September.', [{ path: ['session'], message: 'required' }], 'SessionMissing');
        return { session: request.session, startDate: request.startDate ?? null, reserveRank: null, ...(request.outcome ? { interviewOutcome: request.outcome } : {}) };
      case 'reserve':
        return { reserveRank: request.reserveRank ?? nextRank(target), ...(request.outcome ? { interviewOutcome: request.outcome } : {}) };
      case 'notSelect':
        return request.outcome ? { interviewOutcome: request.outcome } : {};
      case 'makeOffer':
        return { offerMadeAt: at };
      case 'acceptOffer':
      case 'declineOffer':
        return { offerAnsweredAt: at };
      case 'withdraw':
      case 'withdrawOffer':
        return { withdrawnReason: request.reason ?? null };
    }
  }

  return {
    move(request: MoveRequest, actor: string, now = new Date()): SelectionMoveResult & { campaignId: number } {
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        const rows = checkedTargets(request.refs);
        checkVersions(request.seen);
        const campaignId = rows[0]?.campaignId ?? 0;
        const to = MOVES[request.move].to;
        const wrong = rows.filter((r) => !canMove(request.move, r.stage));
        if (wrong.length > 0) {
          throw new ValidationError(
            `${wrong
              .slice(0, 5)
              .map((r) => `${r.applicationId} (${r.stage})`)
              .join(', ')}${wrong.length > 5 ? '…' : ''} cannot be moved that way from where ${wrong.length === 1 ? 'it stands' : 'they stand'}. Nothing was changed.`,
            [],
            'MoveNotAllowed',
          );
        }
        if (request.move === 'makeOffer') {
          const conflicted = rows.find((r) => otherSelections(r).length > 0);
          if (conflicted) {
            throw new ConflictError(
              `${conflicted.applicationId}: this person is also selected by ${otherSelections(conflicted)
                .map((o) => o.division ?? '?')
                .join(', ')}. Decide which division makes the offer first. Nothing was changed.`,
              'SelectionConflict',
            );
          }
        }
        if (request.reserveRank !== undefined && rows.length > 1) {
          throw new ValidationError('A reserve rank is given to one candidate at a time; several at once are ranked one after the other.', [], 'OneRank');
        }
        const nextRank = rankGiver();
        const list: Move[] = rows.map((r) => ({ ref: r.ref, applicationId: r.applicationId, stage: to, selection: detailsFor(request, r, at, nextRank) }));
        // Accepting one offer ends the person's other applications: each division is told on its pages.
        const withdrawn: Move[] = [];
        if (request.move === 'acceptOffer') {
          for (const r of rows) {
            for (const other of r.personKey ? samePerson.all(r.personKey, r.campaignId, r.ref) : []) {
              if (CLOSED.has(other.stage) || request.refs.includes(other.ref)) continue;
              withdrawn.push({ ref: other.ref, applicationId: other.applicationId, stage: 'withdrawn', selection: { withdrawnReason: `Accepted an offer from ${r.division ?? 'another division'}` } });
            }
          }
        }
        const actionId = moves.record(campaignId, actor, at, { move: request.move }, [...list, ...withdrawn]);
        return { actionId, changed: list.length + withdrawn.length, withdrawnElsewhere: withdrawn.map((w) => w.ref), campaignId };
      });
    },

    places(campaignId: number): DivisionPlaces[] {
      const view = new Map<DivisionCode, DivisionPlaces>(
        DIVISION_CODES.map((division) => [
          division,
          {
            division,
            sessions: { march: { places: 0, selected: 0, offersOut: 0, accepted: 0 }, september: { places: 0, selected: 0, offersOut: 0, accepted: 0 } },
            reserve: 0,
          },
        ]),
      );
      for (const p of placeRows.all(campaignId)) {
        const d = view.get(p.division);
        if (d) d.sessions[p.session].places = p.places;
      }
      for (const c of stageCounts.all(campaignId)) {
        const d = c.division ? view.get(c.division) : undefined;
        if (!d) continue;
        if (c.stage === 'reserve') {
          d.reserve += c.n;
          continue;
        }
        const session = d.sessions[c.session ?? 'march'];
        if (c.stage === 'selected') session.selected += c.n;
        else if (c.stage === 'offerMade') session.offersOut += c.n;
        else session.accepted += c.n;
      }
      return [...view.values()];
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
      const rows = invitees.all(JSON.stringify(refs));
      if (rows.length !== new Set(refs).size) throw new NotFoundError('Some of these applications are not in this database.', 'NoSuchApplication');
      const notReady = rows.filter((r) => r.stage !== 'interview' || r.date === null);
      if (notReady.length > 0) {
        throw new ValidationError(`Record the interview (its date) first for ${notReady.slice(0, 5).map((r) => r.applicationId).join(', ')}${notReady.length > 5 ? '…' : ''}.`, [], 'NoInterview');
      }
      return rows;
    },

    conflicts(campaignId: number): SelectionConflict[] {
      const byPerson = new Map<string, ConflictApplication[]>();
      for (const { personKey, ...application } of conflictRows.all(campaignId)) byPerson.set(personKey, [...(byPerson.get(personKey) ?? []), application]);
      return [...byPerson.values()].map((applications) => ({ applications }));
    },

    /** The application kept makes the offer; the person's other selections go to the reserve list, in one action. */
    resolveConflict(keep: number, actor: string, now = new Date()): SelectionMoveResult & { campaignId: number } {
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        const [kept] = checkedTargets([keep]);
        if (!kept || kept.stage !== 'selected') throw new ValidationError('Only a selected application can be the one that makes the offer.', [], 'NotSelected');
        const others = otherSelections(kept);
        if (others.length === 0) throw new ConflictError('This person is selected by one division only: there is nothing to resolve.', 'NoConflict');
        const offered = others.find((o) => o.stage === 'offerMade' || o.stage === 'offerAccepted');
        if (offered) throw new ConflictError(`${offered.division ?? 'Another division'} has made this person an offer already: withdraw it first. Nothing was changed.`, 'OfferAlreadyMade');
        const nextRank = rankGiver();
        const list: Move[] = others.map((o) => ({ ref: o.ref, applicationId: o.applicationId, stage: 'reserve', selection: { reserveRank: nextRank(o) } }));
        const actionId = moves.record(kept.campaignId, actor, at, { move: 'resolveConflict', kept: kept.applicationId, division: kept.division }, list);
        return { actionId, changed: list.length, withdrawnElsewhere: [], campaignId: kept.campaignId };
      });
    },
  };
}
