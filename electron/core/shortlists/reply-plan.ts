import type { ManagerDecision } from '../../../shared/domain/manager-decisions';
import type { ProcessStage, SelectionStage } from '../../../shared/domain/stages';
import type { ReplyRow } from './workbook/read';
import type { WorkbookReference } from './workbook/reference';

/**
 * What a hiring manager's reply would change, decided before anything is written: the preview
 * shows it, the commit applies exactly it in one transaction, and a reply Cohort must refuse
 * changes nothing at all. Pure: the shortlist service gives it the export as recorded and where
 * each candidate stands now.
 */

/** A candidate of the export, and where their application stands now. */
export interface ExportedCandidate {
  applicationRef: number;
  candidateCode: string;
  stage: ProcessStage;
  interviewDate: string | null;
  interviewTime: string | null;
  /** The manager's last comment, from an earlier reply. */
  comment: string | null;
}

export interface RecordedExport {
  shortlistId: number;
  exportId: number;
  /** The check written in the workbook (reference.ts), as recorded when it was sent. */
  check: string;
  candidates: readonly ExportedCandidate[];
}

export interface ReplyChange {
  applicationRef: number;
  candidateCode: string;
  row: number;
  from: ProcessStage;
  to: ProcessStage;
  interviewDate: string | null;
  interviewTime: string | null;
  comment: string | null;
}

export const REPLY_REFUSALS = ['UnknownCandidateCode', 'NotOnShortlist', 'CandidateWithdrawn', 'OfferAlreadyMade', 'NoLongerShortlisted'] as const;
export type ReplyRefusalCode = (typeof REPLY_REFUSALS)[number];

export interface ReplyRefusal {
  row: number;
  candidateCode: string;
  code: ReplyRefusalCode;
  message: string;
}

export interface ReplyPlan {
  changes: ReplyChange[];
  /** Candidates whose row says what Cohort already holds (a reply imported twice changes nothing). */
  unchanged: number;
  /** Rows Cohort cannot apply; while there is one, nothing of the reply is applied. */
  refusals: ReplyRefusal[];
}

/** The stage a decision brings a candidate to. */
const DECISION_STAGE: Readonly<Record<ManagerDecision, SelectionStage>> = {
  interview: 'interview',
  selected: 'selected',
  reserve: 'reserve',
  notSelected: 'notSelected',
};

/** Stages a manager's answer may still move: the decision is theirs until an offer is made. */
const ANSWERABLE: ReadonlySet<ProcessStage> = new Set(['proposed', 'shortlisted', 'interview', 'selected', 'reserve', 'notSelected']);
const OFFER_STAGES: ReadonlySet<ProcessStage> = new Set(['offerMade', 'offerAccepted', 'offerDeclined']);

/** Whether the workbook's reference is this export's: same shortlist, same export, same codes. */
export function referenceMatches(reference: WorkbookReference, recorded: RecordedExport): boolean {
  return reference.shortlistId === recorded.shortlistId && reference.exportId === recorded.exportId && reference.check === recorded.check;
}

/**
 * @param codeIsKnown whether a code belongs to any candidate of the campaign (another shortlist's,
 *   say): such a row is "not on this shortlist", any other code "unknown".
 */
export function planReply(recorded: RecordedExport, rows: readonly ReplyRow[], codeIsKnown: (code: string) => boolean): ReplyPlan {
  const byCode = new Map(recorded.candidates.map((c) => [c.candidateCode, c]));
  const plan: ReplyPlan = { changes: [], unchanged: 0, refusals: [] };
  const refuse = (row: ReplyRow, code: ReplyRefusalCode, message: string) => plan.refusals.push({ row: row.row, candidateCode: row.candidateCode, code, message: `Row ${row.row}: ${message}` });

  for (const row of rows) {
    const candidate = byCode.get(row.candidateCode);
    if (!candidate) {
      if (codeIsKnown(row.candidateCode)) refuse(row, 'NotOnShortlist', `candidate ${row.candidateCode} is not on this shortlist (they are on another one).`);
      else refuse(row, 'UnknownCandidateCode', `"${row.candidateCode}" is not a candidate code Cohort gave; it may have been changed.`);
      continue;
    }
    // A date without a decision is an invitation the manager forgot to mark.
    const decision: ManagerDecision | null = row.decision ?? (row.interviewDate !== null ? 'interview' : null);
    const to: ProcessStage = decision === null ? candidate.stage : DECISION_STAGE[decision];
    const interviewDate = row.interviewDate ?? candidate.interviewDate;
    const interviewTime = row.interviewDate !== null ? row.interviewTime : candidate.interviewTime;
    const comment = row.comment ?? candidate.comment;
    const same = to === candidate.stage && interviewDate === candidate.interviewDate && interviewTime === candidate.interviewTime && comment === candidate.comment;
    if (same) {
      plan.unchanged++;
      continue;
    }
    if (candidate.stage === 'withdrawn') {
      refuse(row, 'CandidateWithdrawn', `candidate ${row.candidateCode} has withdrawn since the shortlist was sent.`);
      continue;
    }
    if (OFFER_STAGES.has(candidate.stage)) {
      refuse(row, 'OfferAlreadyMade', `candidate ${row.candidateCode} already has an offer; their decision can no longer change from a reply.`);
      continue;
    }
    if (!ANSWERABLE.has(candidate.stage)) {
      refuse(row, 'NoLongerShortlisted', `candidate ${row.candidateCode} was taken back to triage by the office since the shortlist was sent.`);
      continue;
    }
    plan.changes.push({ applicationRef: candidate.applicationRef, candidateCode: row.candidateCode, row: row.row, from: candidate.stage, to, interviewDate, interviewTime, comment });
  }
  return plan;
}
