import type { ConflictApplication, DivisionPlaces, SelectionConflict } from '../../../shared/api/selection';
import { NotFoundError, ValidationError } from '../../../shared/api/errors';
import { DIVISION_CODES, type DivisionCode } from '../../../shared/domain/divisions';
import type { InterviewMode, Session } from '../../../shared/domain/selection-moves';
import type { CefrLevel } from '../../../shared/domain/listed-values';
import type { ProcessStage } from '../../../shared/domain/stages';

/**
 * What selection's reads show, put together from rows either engine reads the same way: places
 * per division and session against the selections, people selected twice, candidates to invite.
 */

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

export interface PlaceRow {
  division: DivisionCode;
  session: Session;
  places: number;
}

export interface StageCountRow {
  division: DivisionCode | null;
  session: Session | null;
  stage: ProcessStage;
  n: number;
}

/** Each division's places per session, with the selections, offers out, acceptances and reserves counted against them. */
export function placesView(placeRows: readonly PlaceRow[], stageCounts: readonly StageCountRow[]): DivisionPlaces[] {
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
  for (const p of placeRows) {
    const d = view.get(p.division);
    if (d) d.sessions[p.session].places = p.places;
  }
  for (const c of stageCounts) {
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
}

/** People selected (or offered a place) by two divisions, from their applications ordered by person. */
export function conflictsOf(rows: readonly (ConflictApplication & { personKey: string })[]): SelectionConflict[] {
  const byPerson = new Map<string, ConflictApplication[]>();
  for (const { personKey, ...application } of rows) byPerson.set(personKey, [...(byPerson.get(personKey) ?? []), application]);
  return [...byPerson.values()].map((applications) => ({ applications }));
}

/** Candidates to invite: all at Interview with a date, else refused naming them. */
export function checkedInvitees(refs: readonly number[], rows: readonly Invitee[]): Invitee[] {
  if (rows.length !== new Set(refs).size) throw new NotFoundError('Some of these applications are not in this database.', 'NoSuchApplication');
  const notReady = rows.filter((r) => r.stage !== 'interview' || r.date === null);
  if (notReady.length > 0) {
    throw new ValidationError(`Record the interview (its date) first for ${notReady.slice(0, 5).map((r) => r.applicationId).join(', ')}${notReady.length > 5 ? '…' : ''}.`, [], 'NoInterview');
  }
  return [...rows];
}
