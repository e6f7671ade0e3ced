import { z } from 'zod';
import { DIVISION_CODES, type DivisionCode } from '../domain/divisions';
import { INTERVIEW_MODES, SELECTION_MOVES, SESSIONS, type Session } from '../domain/selection-moves';
import type { ProcessStage } from '../domain/stages';
import { campaignId, reads, returns } from './common';
import { fileTargetSchema, type FileOutput } from './files';
import { seenSchema } from './triage';

/**
 * After the hiring managers' answers: interviews, selection, the reserve list, offers and their
 * answers, withdrawals; the places each division has per session, and people selected by two
 * divisions at once (the office decides which one makes the offer).
 */

export interface SelectionMoveResult {
  actionId: number;
  /** Applications moved, those of other divisions withdrawn by an accepted offer included. */
  changed: number;
  /** Applications of the same person withdrawn because they accepted this offer. */
  withdrawnElsewhere: number[];
}

export interface SessionPlaces {
  places: number;
  selected: number;
  offersOut: number;
  accepted: number;
}

/** A division's places per session, how many are taken, and its reserve list. */
export interface DivisionPlaces {
  division: DivisionCode;
  sessions: Record<Session, SessionPlaces>;
  reserve: number;
}

export interface ConflictApplication {
  ref: number;
  applicationId: string;
  firstName: string;
  lastName: string;
  division: DivisionCode | null;
  stage: ProcessStage;
  /** The version of its shared decisions (TriageRow.version): resolving carries it. */
  version: number;
}

/** One person selected (or offered a place) by more than one division. */
export interface SelectionConflict {
  applications: ConflictApplication[];
}

export interface InvitationsResult {
  file: FileOutput;
  /** Drafts written: one per candidate with an e-mail address. */
  drafted: number;
  /** Application IDs of candidates without an e-mail address: to be invited another way. */
  withoutAddress: string[];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD');

export const selectionMethods = {
  /**
   * Moves applications after triage (SELECTION_MOVES: an interview, the selection, the reserve
   * list, an offer and its answer, a withdrawal), with what the move records. One action, undoable.
   */
  'selection.move': {
    input: z
      .object({
        refs: z.array(z.number().int().positive()).min(1).max(500),
        move: z.enum(SELECTION_MOVES),
        interview: z
          .object({
            date: isoDate,
            time: z.string().regex(/^\d{2}:\d{2}$/, 'Use the form HH:MM').nullable().default(null),
            mode: z.enum(INTERVIEW_MODES).nullable().default(null),
            interviewer: z.string().trim().max(200).nullable().default(null),
            place: z.string().trim().max(500).nullable().default(null),
          })
          .strict()
          .optional(),
        outcome: z.string().trim().max(2000).optional(),
        session: z.enum(SESSIONS).optional(),
        startDate: isoDate.optional(),
        reserveRank: z.number().int().min(1).max(1000).optional(),
        reason: z.string().trim().max(1000).optional(),
        seen: seenSchema,
      })
      .strict(),
    output: returns<SelectionMoveResult>(),
  },
  'selection.places': { input: z.object({ campaignId }).strict(), output: returns<DivisionPlaces[]>(), reads: reads('campaigns', 'triage') },
  'selection.setPlaces': {
    input: z.object({ campaignId, division: z.enum(DIVISION_CODES), session: z.enum(SESSIONS), places: z.number().int().min(0).max(500) }).strict(),
    output: returns<DivisionPlaces[]>(),
  },
  'selection.conflicts': { input: z.object({ campaignId }).strict(), output: returns<SelectionConflict[]>(), reads: reads('triage') },
  /**
   * Interview invitations as e-mail drafts, one per candidate in their language, for the office to
   * send: the candidates must be at Interview with a date recorded.
   */
  'selection.invitations': {
    input: z.object({ refs: z.array(z.number().int().positive()).min(1).max(500), contact: z.string().trim().max(320).nullable().default(null), target: fileTargetSchema }).strict(),
    output: returns<InvitationsResult>(),
  },
  /**
   * The division that makes the offer keeps its selection; the person's other selections go to the
   * reserve list. `seen`: the versions of the person's applications the officer saw (refused, with
   * who and when, if one was moved meanwhile).
   */
  'selection.resolveConflict': { input: z.object({ keep: z.number().int().positive(), seen: seenSchema }).strict(), output: returns<SelectionMoveResult>() },
};
