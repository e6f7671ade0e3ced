import type { DivisionPlaces, SelectionConflict, SelectionMoveResult } from '../../../../shared/api/selection';
import type { DivisionCode } from '../../../../shared/domain/divisions';
import type { Session } from '../../../../shared/domain/selection-moves';
import type { SqliteDatabase } from '../../../../db/connection';
import type { Synchronous } from '../../synchronous-store';
import type { Seen } from '../../triage/actions';
import type { MoveRequest } from '../move-rules';
import type { Invitee } from '../selection-views';
import { sqliteSelection } from './sqlite-selection';

export type { MoveRequest } from '../move-rules';
export type { Invitee } from '../selection-views';

/**
 * Selection's store: the office's moves after triage, places, conflicts; each method one read or
 * one transaction. What a move does is decided by ../move-rules.ts on both engines. The SQLite
 * implementation is in sqlite-*.ts (sqlite-moves.ts records moves as triage actions of kind
 * 'selection', shared with the shortlists' store; SQLite-only: `json_each`, `ON CONFLICT … DO
 * UPDATE`, `lastInsertRowid`); the office server's in pg-*.ts, under row locks.
 */
export interface SelectionStore {
  move(request: MoveRequest, actor: string): Promise<SelectionMoveResult & { campaignId: number }>;
  places(campaignId: number): Promise<DivisionPlaces[]>;
  setPlaces(request: { campaignId: number; division: DivisionCode; session: Session; places: number }, actor: string): Promise<void>;
  conflicts(campaignId: number): Promise<SelectionConflict[]>;
  resolveConflict(request: { keep: number; seen?: Seen[] }, actor: string): Promise<SelectionMoveResult & { campaignId: number }>;
  /** People with eligible applications in two divisions (each pair once): who may be selected twice. */
  peopleInSeveralDivisions(campaignId: number, limit: number): Promise<{ a: number; b: number; divisionA: DivisionCode; divisionB: DivisionCode }[]>;
  /** Candidates to invite, with their interview; refused unless all are at Interview with a date. */
  invitees(refs: readonly number[]): Promise<Invitee[]>;
}

export function sqliteSelectionStore(sqlite: SqliteDatabase): Synchronous<SelectionStore> {
  const selection = sqliteSelection(sqlite);
  return {
    move: (request, actor) => selection.move(request, actor),
    places: (campaignId) => selection.places(campaignId),
    setPlaces: (request, actor) => selection.setPlaces(request, actor),
    conflicts: (campaignId) => selection.conflicts(campaignId),
    resolveConflict: (request, actor) => selection.resolveConflict(request, actor),
    invitees: (refs) => selection.invitees(refs),
    peopleInSeveralDivisions: (campaignId, limit) => selection.peopleInSeveralDivisions(campaignId, limit),
  };
}
