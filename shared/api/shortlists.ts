import { z } from 'zod';
import { DIVISION_CODES, type DivisionCode } from '../domain/divisions';
import type { ProcessStage } from '../domain/stages';
import { campaignId, reads, returns, seenSchema, type ApplicationHeading } from './common';
import { fileTargetSchema, type FileOutput } from './files';

/**
 * Shortlists for a division's hiring managers: built from the applications proposed in triage,
 * ordered and annotated by the office, sent as a workbook (or an e-mail draft with it), and the
 * manager's reply read back: previewed, then applied in one transaction.
 */

export const SHORTLIST_STATES = ['draft', 'sent', 'replied', 'closed'] as const;
export type ShortlistState = (typeof SHORTLIST_STATES)[number];

/** Days after sending by which a reply is expected, unless the office says otherwise. */
export const DEFAULT_REPLY_DAYS = 14;

export interface ShortlistExportRecord {
  id: number;
  at: string;
  actor: string;
  blind: boolean;
  managerName: string | null;
  managerEmail: string | null;
  /** "YYYY-MM-DD". */
  replyBy: string;
  fileName: string;
  sha256: string;
  candidates: number;
}

export interface ShortlistReplyRecord {
  id: number;
  exportId: number;
  at: string;
  actor: string;
  fileName: string;
  applied: number;
  unchanged: number;
}

export interface ShortlistSummary {
  id: number;
  campaignId: number;
  division: DivisionCode;
  position: string | null;
  state: ShortlistState;
  candidates: number;
  createdAt: string;
  createdBy: string;
  /** The last workbook sent, if any. */
  lastExport: ShortlistExportRecord | null;
  /** The last reply applied, if any. */
  lastReply: ShortlistReplyRecord | null;
}

/** Another shortlist the same person stands on (people apply up to five times). */
export interface ElsewhereEntry {
  shortlistId: number;
  division: DivisionCode;
  applicationId: string;
  stage: ProcessStage;
}

export interface ShortlistCandidate extends ApplicationHeading {
  candidateCode: string;
  stage: ProcessStage;
  /** 1, 2, …: the office's order. */
  rank: number;
  note: string | null;
  /** The triage score (average of the rubric), null before any. */
  score: number | null;
  interviewDate: string | null;
  interviewTime: string | null;
  managerComment: string | null;
  elsewhere: ElsewhereEntry[];
  /** The version of its shared decisions (TriageRow.version): a move carries it, and is refused when it changed meanwhile. */
  version: number;
}

export interface ShortlistDetail extends ShortlistSummary {
  entries: ShortlistCandidate[];
  exports: ShortlistExportRecord[];
  replies: ShortlistReplyRecord[];
  /** Proposed applications of the division not on this shortlist, which can be added. */
  proposedNotOnList: number;
  /** Those applications, best score first, while the list is a draft (they can be added only then). */
  proposedRefs: number[];
}

/** One thing a reply would change, or changed. */
export interface ReplyChangeView {
  row: number;
  applicationRef: number;
  applicationId: string;
  candidateCode: string;
  firstName: string;
  lastName: string;
  from: ProcessStage;
  to: ProcessStage;
  interviewDate: string | null;
  interviewTime: string | null;
  comment: string | null;
}

/** Why a row of a reply cannot be applied: the file's own problems and the database's refusals alike. */
export interface ReplyIssue {
  row: number;
  /** The column at fault, as headed in the reply (null: the row). */
  column: string | null;
  code: string;
  message: string;
  value: string | null;
}

export interface ReplyPreview {
  jobId: string;
  fileName: string;
  shortlist: ShortlistSummary;
  exportId: number;
  /** What applying would change, in the reply's row order. */
  changes: ReplyChangeView[];
  unchanged: number;
  /** While there is one, nothing of the reply can be applied. */
  issues: ReplyIssue[];
}

export interface ReplyResult {
  shortlistId: number;
  exportId: number;
  replyId: number;
  applied: number;
  unchanged: number;
  changes: ReplyChangeView[];
}

export interface ShortlistExportResult {
  export: ShortlistExportRecord;
  file: FileOutput;
}

const shortlistId = z.number().int().positive();
const refs = z.array(z.number().int().positive()).min(1).max(5_000);
const managerSchema = z
  .object({ name: z.string().trim().min(1, 'Name the hiring manager').max(200), email: z.string().trim().max(320).pipe(z.email('Give an e-mail address, e.g. name@nato.int')).nullable() })
  .strict();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD');

const jobId = z.string().min(1).max(100);


export const shortlistMethods = {
  'shortlists.list': { input: z.object({ campaignId }).strict(), output: returns<ShortlistSummary[]>(), reads: reads('applications', 'triage', 'shortlists') },
  /** A draft with the division's proposed applications (those of one position, if given), best score first. */
  'shortlists.create': {
    input: z.object({ campaignId, division: z.enum(DIVISION_CODES), position: z.string().trim().min(1).max(200).nullable().default(null) }).strict(),
    output: returns<ShortlistSummary>(),
  },
  'shortlists.get': { input: z.object({ id: shortlistId }).strict(), output: returns<ShortlistDetail>(), reads: reads('applications', 'triage', 'shortlists') },
  /** The office's order: every candidate of the list, in the new order. */
  'shortlists.arrange': { input: z.object({ id: shortlistId, refs }).strict(), output: returns<ShortlistDetail>() },
  'shortlists.setNote': {
    input: z.object({ id: shortlistId, ref: z.number().int().positive(), note: z.string().trim().max(1000).nullable() }).strict(),
    output: returns<ShortlistDetail>(),
  },
  /** Adds proposed applications of the division (at the end), or takes candidates off a list not yet sent. */
  'shortlists.add': { input: z.object({ id: shortlistId, refs }).strict(), output: returns<ShortlistDetail>() },
  'shortlists.remove': { input: z.object({ id: shortlistId, refs }).strict(), output: returns<ShortlistDetail>() },
  /**
   * Writes the workbook for a hiring manager (or an e-mail draft with it attached) and records what
   * was sent: the candidates move to Shortlisted. `seen`: the candidates' versions the officer saw
   * (ShortlistCandidate.version); refused whole, with who and when, if one was decided on meanwhile.
   */
  'shortlists.export': {
    input: z
      .object({
        id: shortlistId,
        blind: z.boolean().default(false),
        manager: managerSchema.nullable().default(null),
        replyBy: isoDate,
        format: z.enum(['xlsx', 'eml']).default('xlsx'),
        target: fileTargetSchema,
        seen: seenSchema,
      })
      .strict(),
    output: returns<ShortlistExportResult>(),
  },
  /** Reads a hiring manager's reply and says what applying it would change. Writes nothing. */
  'shortlists.replyPreview': { input: z.object({ path: z.string().min(1).max(4096) }).strict(), output: returns<ReplyPreview>() },
  /** Applies a previewed reply: all of it, in one transaction, or nothing. */
  'shortlists.replyCommit': { input: z.object({ jobId }).strict(), output: returns<ReplyResult>() },
  'shortlists.replyCancel': { input: z.object({ jobId }).strict(), output: returns<{ cancelled: boolean }>() },
};
