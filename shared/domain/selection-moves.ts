import type { ProcessStage } from './stages';

/**
 * What the office can do with an application after triage, from where it stands. The hiring
 * manager's reply moves candidates too (shortlists/reply-plan.ts); these are the office's own moves:
 * recording an interview, the selection, the reserve list, the offer and its answer, a withdrawal.
 * One table, read by the service (which refuses anything else) and by the pages (which offer only
 * these).
 */

export const SELECTION_MOVES = ['interview', 'select', 'reserve', 'notSelect', 'makeOffer', 'acceptOffer', 'declineOffer', 'withdraw', 'withdrawOffer'] as const;
export type SelectionMove = (typeof SELECTION_MOVES)[number];

/** Where each move takes an application, and from where it may start. */
export const MOVES: Readonly<Record<SelectionMove, { to: ProcessStage; from: readonly ProcessStage[] }>> = {
  interview: { to: 'interview', from: ['shortlisted', 'interview'] },
  select: { to: 'selected', from: ['shortlisted', 'interview', 'reserve', 'notSelected'] },
  reserve: { to: 'reserve', from: ['shortlisted', 'interview', 'selected', 'notSelected', 'reserve'] },
  notSelect: { to: 'notSelected', from: ['shortlisted', 'interview', 'selected', 'reserve'] },
  makeOffer: { to: 'offerMade', from: ['selected'] },
  acceptOffer: { to: 'offerAccepted', from: ['offerMade'] },
  declineOffer: { to: 'offerDeclined', from: ['offerMade'] },
  // The applicant withdraws, from any stage still open (once offered a place, they decline it).
  withdraw: { to: 'withdrawn', from: ['new', 'inReview', 'proposed', 'shortlisted', 'interview', 'selected', 'reserve'] },
  // The office withdraws an offer it made (the applicant is told: outcome "offer withdrawn"). A
  // withdrawn application with an offer made is always this: the applicant's way out is a decline.
  withdrawOffer: { to: 'withdrawn', from: ['offerMade'] },
};

export function canMove(move: SelectionMove, from: ProcessStage): boolean {
  return MOVES[move].from.includes(from);
}

/** The moves open to an application at this stage, in the order the pages offer them. */
export function movesFrom(stage: ProcessStage): SelectionMove[] {
  return SELECTION_MOVES.filter((move) => canMove(move, stage));
}

export const SESSIONS = ['march', 'september'] as const;
export type Session = (typeof SESSIONS)[number];

export const INTERVIEW_MODES = ['inPerson', 'video', 'phone'] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];

/**
 * A person selected by two divisions at once: the office decides which one makes the offer before
 * any offer is made. Given the stages of one person's applications (with their divisions), the
 * divisions in conflict, or none.
 */
export function selectionConflict(applications: readonly { division: string | null; stage: ProcessStage }[]): string[] {
  const selected = applications.filter((a) => a.stage === 'selected' || a.stage === 'offerMade');
  return selected.length > 1 ? [...new Set(selected.map((a) => a.division ?? '?'))] : [];
}
