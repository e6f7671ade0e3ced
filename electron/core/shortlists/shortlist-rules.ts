import type { ElsewhereEntry, ShortlistCandidate, ShortlistDetail, ShortlistExportRecord, ShortlistReplyRecord, ShortlistState, ShortlistSummary } from '../../../shared/api/shortlists';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/api/errors';
import { candidateCode } from '../../../shared/domain/candidate-codes';
import type { DivisionCode } from '../../../shared/domain/divisions';
import type { ProcessStage } from '../../../shared/domain/stages';
import type { Move } from '../selection/move-state';
import type { ReplyChange, ReplyPlan } from './reply-plan';

/**
 * Shortlists as rules and views: when an edit, a send or a reply is refused, which codes new
 * candidates get, what the moves of a sent list or an applied reply are, and the detail as the
 * page shows it. No SQL here: each engine's store reads rows, runs these and writes what they say
 * in one transaction, so SQLite and the office server decide alike.
 */

export interface ShortlistRow {
  id: number;
  campaignId: number;
  division: DivisionCode;
  position: string | null;
  state: ShortlistState;
  createdAt: string;
  createdBy: string;
  candidates: number;
}

/** An export as stored: `blind` as 0/1 on both engines. */
export interface ExportRow extends Omit<ShortlistExportRecord, 'blind'> {
  shortlistId: number;
  blind: number;
}

/** A candidate as read (no stored stage: new), with the person's identity to find them elsewhere. */
export interface EntryRow extends Omit<ShortlistCandidate, 'stage' | 'elsewhere'> {
  stage: ProcessStage | null;
  personKey: string | null;
}

export const exportRecord = (r: ExportRow): ShortlistExportRecord => ({ ...r, blind: r.blind === 1 });

export function noSuchShortlist(id: number): NotFoundError {
  return new NotFoundError(`There is no shortlist number ${id} in this database.`, 'NoSuchShortlist');
}

export function summaryOf(row: ShortlistRow, lastExport: ExportRow | undefined, lastReply: ShortlistReplyRecord | undefined): ShortlistSummary {
  return { ...row, lastExport: lastExport ? exportRecord(lastExport) : null, lastReply: lastReply ?? null };
}

/** Every shortlist of a campaign, with its last export and reply. */
export function summariesOf(rows: readonly ShortlistRow[], lastExports: readonly ExportRow[], lastReplies: readonly (ShortlistReplyRecord & { shortlistId: number })[]): ShortlistSummary[] {
  const exports = new Map(lastExports.map((x) => [x.shortlistId, x]));
  const replies = new Map(lastReplies.map(({ shortlistId, ...r }) => [shortlistId, r]));
  return rows.map((row) => summaryOf(row, exports.get(row.id), replies.get(row.id)));
}

/** The person keys to look for on other shortlists. */
export function personKeysOf(entries: readonly EntryRow[]): string[] {
  return [...new Set(entries.flatMap((r) => (r.personKey ? [r.personKey] : [])))];
}

/** A shortlist as the page shows it, from its rows and the same people's places on other lists. */
export function detailOf(parts: {
  row: ShortlistRow;
  exports: readonly ExportRow[];
  replies: readonly ShortlistReplyRecord[];
  entries: readonly EntryRow[];
  elsewhere: readonly (ElsewhereEntry & { personKey: string })[];
  available: number;
  proposedRefs: readonly number[];
}): ShortlistDetail {
  const others = new Map<string, ElsewhereEntry[]>();
  for (const { personKey, ...entry } of parts.elsewhere) others.set(personKey, [...(others.get(personKey) ?? []), entry]);
  const candidates: ShortlistCandidate[] = parts.entries.map(({ personKey, stage, ...r }) => ({ ...r, stage: stage ?? 'new', elsewhere: personKey ? (others.get(personKey) ?? []) : [] }));
  return {
    ...summaryOf(parts.row, parts.exports.at(-1), parts.replies.at(-1)),
    entries: candidates,
    exports: parts.exports.map(exportRecord),
    replies: [...parts.replies],
    proposedNotOnList: parts.available,
    proposedRefs: parts.row.state === 'draft' ? [...parts.proposedRefs] : [],
  };
}

/** A shortlist the office may still change: a draft (a sent one would no longer match the hiring manager's workbook). */
export function checkDraft(row: ShortlistRow | undefined, id: number, what: string): ShortlistRow {
  if (!row) throw noSuchShortlist(id);
  if (row.state !== 'draft') throw new ConflictError(`This shortlist was sent already: ${what} would no longer match the workbook the hiring manager has. Make a new shortlist instead.`, 'ShortlistSent');
  return row;
}

export function checkSomethingProposed(refs: readonly number[], division: DivisionCode, position: string | null): void {
  if (refs.length > 0) return;
  throw new ValidationError(
    `No application of ${division}${position ? ` for the position "${position}"` : ''} is proposed for a shortlist yet. Propose some in Triage first.`,
    [],
    'NothingProposed',
  );
}

/** The office's new order must hold every candidate of the list as it is now, each once. */
export function checkArrangement(current: readonly number[], refs: readonly number[]): void {
  const given = new Set(refs);
  if (given.size !== refs.length || current.length !== refs.length || current.some((ref) => !given.has(ref))) {
    throw new ConflictError('The shortlist changed while you were ordering it (a candidate was added or taken off). Nothing was changed; look again.', 'ShortlistChanged');
  }
}

/** Only proposed applications of the division on no other open list may be added. */
export function checkAddable(refs: readonly number[], allowed: ReadonlySet<number>, division: DivisionCode): void {
  if (refs.some((ref) => !allowed.has(ref))) {
    throw new ValidationError(`Only proposed applications of ${division} that are on no other open shortlist can be added. Nothing was added.`, [], 'NotProposed');
  }
}

export function notOnShortlist(what: string): NotFoundError {
  return new NotFoundError(what, 'NotOnShortlist');
}

/**
 * The candidate codes to give: one for each application without one yet, numbered on from the
 * division's last (`lastSequence`) in the list's order. A code once given stays with the application.
 */
export function newCodes(division: string, refs: readonly number[], coded: ReadonlySet<number>, lastSequence: number): { ref: number; sequence: number; code: string }[] {
  let sequence = lastSequence;
  return refs.filter((ref) => !coded.has(ref)).map((ref) => ({ ref, sequence: ++sequence, code: candidateCode(division, sequence) }));
}

/** A sent list may no longer be sent once closed. */
export function checkSendable<T extends { state: string }>(row: T | undefined, id: number, meanwhile: boolean): T {
  if (!row) throw noSuchShortlist(id);
  if (row.state === 'closed') throw new ConflictError(`This shortlist ${meanwhile ? 'was closed meanwhile' : 'is closed'}: it can no longer be sent.`, 'ShortlistClosed');
  return row;
}

/** The list as written (ref and code of each, in order) must still be the list: another window may have changed it meanwhile. */
export function checkStillListed(now: readonly { ref: number; code: string }[], written: readonly { ref: number; candidateCode: string }[]): void {
  if (now.length !== written.length || now.some((c, i) => c.ref !== written[i]?.ref || c.code !== written[i]?.candidateCode)) {
    throw new ConflictError('The shortlist changed while its workbook was being written. Nothing was recorded: send it again.', 'ShortlistChanged');
  }
}

export function exportIdTaken(): ConflictError {
  return new ConflictError('Another workbook was sent at the same moment. Send this one again.', 'ExportIdTaken');
}

/** The moves of a list sent: its candidates still proposed go to Shortlisted (one action, undoable). */
export function sentMoves(candidates: readonly { ref: number; applicationId: string }[], stillProposed: ReadonlySet<number>): Move[] {
  return candidates.filter((c) => stillProposed.has(c.ref)).map((c) => ({ ref: c.ref, applicationId: c.applicationId, stage: 'shortlisted', selection: {} }));
}

/**
 * A reply planned again at its commit, against the database as it is now: refused when it cannot
 * be applied, or when it is not what the preview showed (someone changed a candidate since).
 */
export function checkReplyPlan(plan: ReplyPlan, expected: readonly ReplyChange[]): void {
  if (plan.refusals.length > 0) throw new ValidationError(`This reply cannot be applied: ${plan.refusals[0]?.message ?? ''} Nothing was applied.`, [], 'ReplyRefused');
  if (JSON.stringify(plan.changes) !== JSON.stringify(expected)) {
    throw new ConflictError('Candidates of this shortlist changed since the preview. Nothing was applied: look at the preview again.', 'ChangedSincePreview');
  }
}

export function replyUnknown(): NotFoundError {
  return new NotFoundError('The workbook this reply answers is no longer in this database.', 'UnknownReply');
}

/** The moves of an applied reply: each change, with the manager's interview and comment. */
export function replyMoves(plan: ReplyPlan, applicationIdOf: (ref: number) => string): Move[] {
  return plan.changes.map((c) => ({
    ref: c.applicationRef,
    applicationId: applicationIdOf(c.applicationRef),
    stage: c.to,
    selection: { interviewDate: c.interviewDate, interviewTime: c.interviewTime, managerComment: c.comment },
  }));
}
