import { z } from 'zod';
import { DIVISION_CODES } from '../domain/divisions';
import type { NoticeOutcome } from '../domain/notice-outcome';
import { MAX_RUBRIC_CRITERIA, NOT_RETAINED_REASONS, SCORE_MAX, SCORE_MIN, STAGE_IDS, UNASSIGNED_QUEUE, type ProcessStage, type Stage } from '../domain/stages';
import type { CefrLevel, FundingTrack } from '../domain/listed-values';
import { campaignId, reads, returns, seenSchema, type CountRow, type ApplicationHeading } from './common';
import type { CriterionView, ExportChangeView, OverrideView, ScreeningVerdict } from './screening';

/** Triage per division: queues, stages, scores, notes, rubrics and saved views. */

/** A division's queue, the queue of applications without a readable division, or every division. */
export const QUEUE_IDS = [...DIVISION_CODES, UNASSIGNED_QUEUE, 'all'] as const;
export type QueueId = (typeof QUEUE_IDS)[number];

/** Columns of the queue table; each can be shown, ordered and sorted by. */
export const TRIAGE_COLUMNS = [
  'applicationId',
  'name',
  'nationality',
  'division',
  'stage',
  'score',
  'funding',
  'preferredSession',
  'fieldOfStudy',
  'university',
  'englishLevel',
  'frenchLevel',
  'otherLanguages',
  'submittedAt',
  'assignee',
] as const;
export type TriageColumn = (typeof TRIAGE_COLUMNS)[number];

export const triageFilterSchema = z
  .object({
    stages: z.array(z.enum(STAGE_IDS)).max(STAGE_IDS.length).optional(),
    /** Only applications assigned to this officer ("My queue"); '' for unassigned ones. */
    assignee: z.string().max(200).optional(),
    /** Country codes (ISO alpha-2); '' for nationalities that name no country. */
    nationality: z.array(z.union([z.string().regex(/^[A-Z]{2}$/), z.literal('')])).max(300).optional(),
    funding: z.array(z.enum(['nato', 'grant', 'unknown'])).max(3).optional(),
    preferredSession: z.array(z.string().max(200)).max(50).optional(),
    fieldOfStudy: z.string().max(200).optional(),
    university: z.string().max(200).optional(),
    /** Applications whose English (or French) is at least this level. */
    englishAtLeast: z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']).optional(),
    frenchAtLeast: z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']).optional(),
    scoreAtLeast: z.number().min(1).max(5).optional(),
    unscored: z.boolean().optional(),
    submittedFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    submittedTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /** Full-text search over the application id, names, e-mail, university, field of study, position and motivation. */
    search: z.string().max(200).optional(),
  })
  .strict();
export type TriageFilter = z.infer<typeof triageFilterSchema>;

export const triageSortSchema = z.array(z.object({ column: z.enum(TRIAGE_COLUMNS), descending: z.boolean() }).strict()).max(4);
export type TriageSort = z.infer<typeof triageSortSchema>;

const triageQuery = { campaignId, queue: z.enum(QUEUE_IDS), filter: triageFilterSchema.default({}) };

export interface TriageRow extends ApplicationHeading {
  stage: Stage;
  reason: string | null;
  /** The average of the officers' scores; scoredBy: how many scored. */
  score: number | null;
  scoredBy: number;
  /** The version of its shared decisions: a decision carries it (seen), and is refused when it changed meanwhile. */
  version: number;
  /** As the export wrote it; `fundingTrack` is what it reads as (null: unreadable). */
  funding: string;
  fundingTrack: FundingTrack | null;
  preferredSession: string;
  fieldOfStudy: string;
  university: string;
  /** As written ("c1", "Mother tongue"); the `Cefr` fields are the levels they read as (null: unreadable). */
  englishLevel: string;
  englishCefr: CefrLevel | null;
  frenchLevel: string;
  frenchCefr: CefrLevel | null;
  otherLanguages: string;
  submittedAt: string | null;
  assignee: string | null;
}

export interface TriagePage {
  rows: TriageRow[];
  /** Rows of the whole view (filter and search), for the scroll bar; null when not asked for. */
  total: number | null;
  offset: number;
  /** The search terms as the index reads them, for highlighting. */
  searchTerms: string[];
}

export interface QueueCounts {
  queue: Exclude<QueueId, 'all'>;
  total: number;
  byStage: Record<Stage, number>;
}

export interface TriageSidebar {
  queues: QueueCounts[];
  /** Applications assigned to the current officer, per stage. */
  mine: Record<Stage, number>;
  officer: string;
}

export interface RubricCriterion {
  id: number;
  label: string;
}

export interface TriageHistoryEntry {
  actionId: number;
  kind: TriageActionKind;
  actor: string;
  at: string;
  before: TriageStateView;
  after: TriageStateView;
  /** Set when the action was undone. */
  undone: { at: string; by: string } | null;
}

export interface TriageStateView {
  /** A triage stage, or one after triage (shortlisted, interview, selected…). */
  stage: ProcessStage;
  reason: string | null;
  assignee: string | null;
  score: number | null;
  scores?: Record<string, number>;
  note?: string;
  /** The Division field, for an action that gave one. */
  division?: string;
}

/** 'selection': a move after triage (a shortlist sent, a reply applied, an interview, an offer…). */
export const TRIAGE_ACTION_KINDS = ['stage', 'score', 'note', 'assign', 'division', 'selection'] as const;
export type TriageActionKind = (typeof TRIAGE_ACTION_KINDS)[number];

export interface TriageDetail {
  ref: number;
  campaignId: number;
  /** Every export field as stored (raw text, corrections applied), by field key. */
  raw: Record<string, string>;
  extra: Record<string, string>;
  state: TriageStateView;
  screening: { verdict: ScreeningVerdict; automaticVerdict: ScreeningVerdict; reasons: string[]; criteria: CriterionView[]; override: OverrideView | null };
  /** The person's other applications, with their divisions and stages. */
  otherApplications: { ref: number; applicationId: string; division: string; divisionCode: string | null; stage: Stage; verdict: ScreeningVerdict; submittedAt: string | null }[];
  rubric: RubricCriterion[];
  /** The version of its shared decisions (see TriageRow.version), who made the last one and when. */
  version: number;
  changedBy: string | null;
  changedAt: string | null;
  /** Scores given on this application, by rubric criterion id (0: overall score when the division has no rubric), each officer's. */
  scores: { criterionId: number; score: number; comment: string | null; actor: string; at: string }[];
  /** Each officer's overall score (their direct score, or their criteria's average); state.score is their average. */
  officerScores: { officer: string; score: number; at: string }[];
  notes: { id: number; text: string; actor: string; at: string }[];
  history: TriageHistoryEntry[];
  /** What newer exports changed, newest first. */
  exportChanges: ExportChangeView[];
  /** The outcome notices prepared for the person (all of their applications), newest first. */
  notices: PersonNoticeView[];
}

/** One outcome notice in a person's history: what it told, and what became of it, when. */
export interface PersonNoticeView {
  id: number;
  outcome: NoticeOutcome;
  state: 'prepared' | 'sent' | 'bounced' | 'superseded';
  language: 'en' | 'fr';
  preparedAt: string;
  sentAt: string | null;
  bouncedAt: string | null;
  resentAt: string | null;
  supersededAt: string | null;
}

export interface TriageActionResult {
  actionId: number;
  /** Applications changed (a bulk action counts each). */
  changed: number;
}

export interface UndoResult {
  actionId: number;
  kind: TriageActionKind;
  /** Applications put back as they were. */
  restored: number;
  /** Application refs the undone action touched (the queue shows the first). */
  refs: number[];
}

export interface SavedView {
  id: number;
  name: string;
  queue: QueueId;
  filter: TriageFilter;
  sort: TriageSort;
  columns: TriageColumn[];
  updatedAt: string;
}

export { seenSchema };

export const triageMethods = {
  /** Counts per division queue and stage, and the current officer's own applications. */
  'triage.sidebar': { input: z.object({ campaignId }).strict(), output: returns<TriageSidebar>(), reads: reads('applications', 'triage') },
  /** One page of a queue, filtered, searched and sorted in the database. */
  'triage.list': {
    input: z
      .object({
        ...triageQuery,
        sort: triageSortSchema.default([]),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
        /** False when the caller knows the total already (reloading a later page): spares a count. */
        withTotal: z.boolean().default(true),
      })
      .strict(),
    output: returns<TriagePage>(), reads: reads('applications', 'triage'),
  },
  /** Every application ref of a view, in its order (select all, bulk actions). */
  'triage.refs': { input: z.object({ ...triageQuery, sort: triageSortSchema.default([]) }).strict(), output: returns<number[]>(), reads: reads('applications', 'triage') },
  'triage.detail': { input: z.object({ ref: z.number().int().positive() }).strict(), output: returns<TriageDetail>(), reads: reads('applications', 'triage', 'shortlists', 'notices') },
  /** Moves applications to a stage (with a reason for "not retained"), assigns them, or gives an unassigned one its division. One action, one undo. */
  'triage.decide': {
    input: z
      .object({
        refs: z.array(z.number().int().positive()).min(1).max(50_000),
        stage: z.enum(STAGE_IDS).optional(),
        reason: z.enum(NOT_RETAINED_REASONS).nullable().optional(),
        /** An officer's name, or null to take the assignment back. */
        assignee: z.string().trim().min(1).max(200).nullable().optional(),
        division: z.enum(DIVISION_CODES).optional(),
        seen: seenSchema,
      })
      .strict()
      .refine((v) => v.stage !== undefined || v.assignee !== undefined || v.division !== undefined, 'Say what to change: a stage, an assignment or a division'),
    output: returns<TriageActionResult>(),
  },
  /** Scores applications 1-5 on one rubric criterion (0: the overall score of a division without a rubric). */
  'triage.score': {
    input: z
      .object({
        refs: z.array(z.number().int().positive()).min(1).max(50_000),
        criterionId: z.number().int().min(0),
        score: z.number().int().min(SCORE_MIN).max(SCORE_MAX).nullable(),
        comment: z.string().trim().max(2000).optional(),
      })
      .strict(),
    output: returns<TriageActionResult>(),
  },
  'triage.note': {
    input: z.object({ ref: z.number().int().positive(), text: z.string().trim().min(1, 'Write the note').max(10_000), seen: seenSchema }).strict(),
    output: returns<TriageActionResult>(),
  },
  /** Undoes the current officer's last action in this campaign that is not undone yet. */
  'triage.undo': { input: z.object({ campaignId }).strict(), output: returns<UndoResult>() },
  'triage.rubric': { input: z.object({ campaignId, division: z.enum(DIVISION_CODES) }).strict(), output: returns<RubricCriterion[]>(), reads: reads('triage') },
  'triage.setRubric': {
    input: z
      .object({
        campaignId,
        division: z.enum(DIVISION_CODES),
        /** In order; an id keeps a criterion (renamed or not), no id adds one; criteria left out are retired (their scores stay). */
        criteria: z.array(z.object({ id: z.number().int().positive().optional(), label: z.string().trim().min(1).max(100) }).strict()).max(MAX_RUBRIC_CRITERIA),
      })
      .strict(),
    output: returns<RubricCriterion[]>(),
  },
  /** Values met in a queue for the filter lists (nationalities, sessions, universities…), most frequent first. */
  'triage.facets': { input: z.object({ campaignId, queue: z.enum(QUEUE_IDS) }).strict(), output: returns<Record<'nationality' | 'preferredSession' | 'fieldOfStudy' | 'university', CountRow[]>>(), reads: reads('applications') },
  'triage.views': { input: z.object({ campaignId }).strict(), output: returns<SavedView[]>(), reads: reads('triage') },
  'triage.saveView': {
    input: z
      .object({
        campaignId,
        name: z.string().trim().min(1, 'Name the view').max(100),
        queue: z.enum(QUEUE_IDS),
        filter: triageFilterSchema,
        sort: triageSortSchema,
        columns: z.array(z.enum(TRIAGE_COLUMNS)).min(1).max(TRIAGE_COLUMNS.length),
      })
      .strict(),
    output: returns<SavedView>(),
  },
  'triage.deleteView': { input: z.object({ id: z.number().int().positive() }).strict(), output: returns<{ deleted: boolean }>() },
} as const;
