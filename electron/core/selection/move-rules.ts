import type { SelectionMoveResult } from '../../../shared/api/selection';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/api/errors';
import type { DivisionCode } from '../../../shared/domain/divisions';
import { canMove, MOVES, type InterviewMode, type SelectionMove, type Session } from '../../../shared/domain/selection-moves';
import type { ProcessStage } from '../../../shared/domain/stages';
import type { Seen } from '../triage/actions';
import type { Move, SelectionDetails } from './move-state';

/**
 * The office's moves after the hiring managers' answers, as rules: which applications a move may
 * take, what it records, and when it is refused. No SQL here: each engine's store reads the
 * applications (and the same person's other ones), runs these, and writes the moves they return in
 * one transaction, so SQLite and the office server decide alike.
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

/** An application a move is about, or one of the same person's others. */
export interface TargetRow {
  ref: number;
  campaignId: number;
  applicationId: string;
  division: DivisionCode | null;
  stage: ProcessStage;
  personKey: string | null;
}

/** The same person's other applications in the campaign (screening's identity groups), by application. */
export type OthersOf = (target: TargetRow) => readonly TargetRow[];

/** Stages that end an application: nothing is withdrawn from them. */
const CLOSED: ReadonlySet<ProcessStage> = new Set(['notRetained', 'notSelected', 'offerAccepted', 'offerDeclined', 'withdrawn']);

/** The applications of a move, checked: all found, of one campaign. */
export function checkedTargets(refs: readonly number[], rows: readonly TargetRow[]): TargetRow[] {
  if (rows.length !== new Set(refs).size) throw new NotFoundError('Some of these applications are not in this database. Nothing was changed.', 'NoSuchApplication');
  if (new Set(rows.map((r) => r.campaignId)).size > 1) throw new ValidationError('These applications belong to different campaigns. Nothing was changed.', [], 'DifferentCampaigns');
  return [...rows];
}

/** The person's applications selected or offered a place elsewhere: a conflict to resolve before an offer. */
function otherSelections(target: TargetRow, othersOf: OthersOf): TargetRow[] {
  return othersOf(target).filter((o) => o.stage === 'selected' || o.stage === 'offerMade' || o.stage === 'offerAccepted');
}

/**
 * Reserve ranks handed out in one action: counted on from the division's last (`lastRank`, read by
 * the store), one each.
 */
export function rankGiver(lastRank: (target: TargetRow) => number): (target: TargetRow) => number {
  const next = new Map<string, number>();
  return (target) => {
    const key = `${target.campaignId} ${target.division ?? ''}`;
    const rank = next.get(key) ?? lastRank(target) + 1;
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

/** Whether a move hands out reserve ranks (the store then keeps other workstations from handing out the same). */
export function givesRanks(request: MoveRequest): boolean {
  return request.move === 'reserve' && request.reserveRank === undefined;
}

/**
 * A move of these applications (checked, found): the moves to record, the person's other
 * applications withdrawn by an accepted offer among them; or a refusal, with nothing changed.
 */
export function planMove(request: MoveRequest, rows: readonly TargetRow[], othersOf: OthersOf, nextRank: (target: TargetRow) => number, at: string): { moves: Move[]; withdrawn: Move[] } {
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
    const conflicted = rows.find((r) => otherSelections(r, othersOf).length > 0);
    if (conflicted) {
      throw new ConflictError(
        `${conflicted.applicationId}: this person is also selected by ${otherSelections(conflicted, othersOf)
          .map((o) => o.division ?? '?')
          .join(', ')}. Decide which division makes the offer first. Nothing was changed.`,
        'SelectionConflict',
      );
    }
  }
  if (request.reserveRank !== undefined && rows.length > 1) {
    throw new ValidationError('A reserve rank is given to one candidate at a time; several at once are ranked one after the other.', [], 'OneRank');
  }
  const moves: Move[] = rows.map((r) => ({ ref: r.ref, applicationId: r.applicationId, stage: to, selection: detailsFor(request, r, at, nextRank) }));
  // Accepting one offer ends the person's other applications: each division is told on its pages.
  const withdrawn: Move[] = [];
  if (request.move === 'acceptOffer') {
    for (const r of rows) {
      for (const other of othersOf(r)) {
        // Each once, though two of the person's applications accepted at once would both name it.
        if (CLOSED.has(other.stage) || request.refs.includes(other.ref) || withdrawn.some((w) => w.ref === other.ref)) continue;
        withdrawn.push({ ref: other.ref, applicationId: other.applicationId, stage: 'withdrawn', selection: { withdrawnReason: `Accepted an offer from ${r.division ?? 'another division'}` } });
      }
    }
  }
  return { moves, withdrawn };
}

/**
 * The application kept makes the offer; the person's other selections go to the reserve list.
 * Refused when it is not selected, when there is nothing to resolve, or when another division has
 * made its offer already.
 */
export function planResolve(kept: TargetRow | undefined, othersOf: OthersOf, nextRank: (target: TargetRow) => number): { kept: TargetRow; moves: Move[] } {
  if (!kept || kept.stage !== 'selected') throw new ValidationError('Only a selected application can be the one that makes the offer.', [], 'NotSelected');
  const others = otherSelections(kept, othersOf);
  if (others.length === 0) throw new ConflictError('This person is selected by one division only: there is nothing to resolve.', 'NoConflict');
  const offered = others.find((o) => o.stage === 'offerMade' || o.stage === 'offerAccepted');
  if (offered) throw new ConflictError(`${offered.division ?? 'Another division'} has made this person an offer already: withdraw it first. Nothing was changed.`, 'OfferAlreadyMade');
  return { kept, moves: others.map((o) => ({ ref: o.ref, applicationId: o.applicationId, stage: 'reserve', selection: { reserveRank: nextRank(o) } })) };
}

/** A move's result, once recorded. */
export function moveResult(actionId: number, plan: { moves: readonly Move[]; withdrawn: readonly Move[] }, campaignId: number): SelectionMoveResult & { campaignId: number } {
  return { actionId, changed: plan.moves.length + plan.withdrawn.length, withdrawnElsewhere: plan.withdrawn.map((w) => w.ref), campaignId };
}
