import { z } from 'zod';
import type { PersonNoticeView } from './triage';
import { campaignSettingsSchema } from '../domain/settings';
import { CORRECTABLE_FIELDS, type ApplicationFieldKey } from '../domain/application-fields';
import { type Stage } from '../domain/stages';
import { campaignId, reads, returns, seenSchema, type ApplicationHeading } from './common';

/** Screening: eligibility verdicts, officers' overrides, corrections of imported values, possible duplicates. */

export const VERDICTS = ['eligible', 'ineligible', 'review'] as const;
export type ScreeningVerdict = (typeof VERDICTS)[number];
export const SCREENING_TABS = ['review', 'ineligible', 'eligible', 'all'] as const;
export type ScreeningTab = (typeof SCREENING_TABS)[number];

export interface ScreeningRunSummary {
  screened: number;
  changed: number;
  staleOverrides: number;
  byVerdict: Record<ScreeningVerdict, number>;
  durationMs: number;
}

/** One criterion's judgement, with its explanation as a message key and values (see eligibility/explanation-keys.ts). */
export interface CriterionView {
  criterion: 'age' | 'nationality' | 'education' | 'language' | 'deadline' | 'applicationLimit';
  outcome: 'pass' | 'fail' | 'review';
  code?: string;
  explanation: { key: string; params: Record<string, string | number> };
}

export interface OverrideView {
  id: number;
  verdict: ScreeningVerdict;
  justification: string;
  automaticVerdict: ScreeningVerdict;
  automaticReasons: string[];
  /**
   * 'stale': the application's data changed after the override: an officer must decide again.
   * 'superseded': a later decision replaced it (kept on record).
   */
  state: 'active' | 'stale' | 'superseded';
  actor: string;
  at: string;
}

export interface ScreeningRow extends ApplicationHeading {
  submittedAt: string | null;
  /** The verdict that counts: the active override's, else the automatic one. */
  verdict: ScreeningVerdict;
  automaticVerdict: ScreeningVerdict;
  reasons: string[];
  override: OverrideView | null;
}

export interface ScreeningPage {
  rows: ScreeningRow[];
  /** Rows in this tab with this search, for paging. */
  total: number;
  counts: Record<ScreeningTab, number>;
  /** Applications with an override an officer must look at again. */
  staleOverrides: number;
}

export interface ScreeningDetail {
  row: ScreeningRow;
  /** Every export field as imported (raw text), by field key. */
  raw: Record<string, string>;
  /** The parsed forms the rules used (null: unreadable). */
  parsed: Record<string, string | number | boolean | null>;
  extra: Record<string, string>;
  criteria: CriterionView[];
  /** Every override ever made, newest first (the automatic result stays on record beside each). */
  overrides: OverrideView[];
  /** The person this application belongs to (identity rule of the rules document): all their applications. */
  person: { key: string; applications: { ref: number; applicationId: string; division: string; submittedAt: string | null; verdict: ScreeningVerdict }[] };
  rulesVersion: number;
  screenedAt: string;
  /** Officers' corrections of imported values, newest first. */
  corrections: CorrectionView[];
  /** What newer exports changed, newest first. */
  exportChanges: ExportChangeView[];
  /** The outcome notices prepared for the person (all of their applications), newest first. */
  notices: PersonNoticeView[];
}

/** What one newer export changed in an application (the application's history). */
export interface ExportChangeView {
  /** The import that brought the change; null when its record is gone. */
  importId: number | null;
  fileName: string | null;
  at: string;
  /** `field` is a field key, or 'extraAttributes' for the columns kept as extra attributes. */
  changes: { field: string; before: string | null; after: string | null }[];
}

export interface CorrectionView {
  id: number;
  field: ApplicationFieldKey;
  /** What the export said. */
  imported: string;
  corrected: string;
  reason: string;
  /** 'superseded': a later import or correction replaced it; 'withdrawn': set back to the export's value. */
  state: 'active' | 'superseded' | 'withdrawn';
  actor: string;
  at: string;
}

/** One side of a possible duplicate. */
export interface DuplicateSide {
  ref: number;
  applicationId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string;
  nationality: string;
  division: string;
  submittedAt: string | null;
  verdict: ScreeningVerdict;
  /** The person (identity rule plus confirmed pairs) it belongs to. */
  personKey: string;
}

export const DUPLICATE_SIGNALS = ['similarNames', 'swappedNames', 'emailVariant'] as const;
export type DuplicateSignalName = (typeof DUPLICATE_SIGNALS)[number];

export interface DuplicatePair {
  a: DuplicateSide;
  b: DuplicateSide;
  /** Why they look alike (empty for a decided pair that no longer looks alike). */
  signals: DuplicateSignalName[];
  decision: { decision: 'confirmed' | 'dismissed'; actor: string; at: string } | null;
}

export interface DuplicateList {
  /** Pairs the identity rule does not join that look like one person, not yet decided. */
  open: DuplicatePair[];
  /** Pairs an officer confirmed or dismissed, newest first. */
  decided: DuplicatePair[];
}

/** What a change of settings would do to verdicts, before it is saved. */
export interface SettingsImpact {
  screened: number;
  /** Applications whose automatic verdict would change, by from -> to; largest first. */
  moves: { from: ScreeningVerdict; to: ScreeningVerdict; count: number }[];
  /**
   * Applications an officer has triaged (a stage beyond New, a score, an assignee) that would leave
   * the division queues, by stage and division (null: Unassigned); largest first. They keep their
   * triage state, and come back at their stage if a later change makes them eligible again.
   */
  leavingQueues: { stage: Stage; division: string | null; count: number }[];
}

/** One line of `cohort screen --json`. */
export interface ScreeningLine {
  applicationId: string;
  verdict: ScreeningVerdict;
  reasons: string[];
  override?: { verdict: ScreeningVerdict; state: 'active' | 'stale' };
}

export const screeningMethods = {
  /** Screens the whole campaign and stores what changed (runs by itself after imports and setting changes). */
  'screening.run': { input: z.object({ campaignId }).strict(), output: returns<ScreeningRunSummary>() },
  /** One page of a screening tab, filtered in the database. */
  'screening.list': {
    input: z
      .object({
        campaignId,
        tab: z.enum(SCREENING_TABS),
        search: z.string().max(200).default(''),
        reason: z.string().max(40).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: returns<ScreeningPage>(), reads: reads('campaigns', 'applications'),
  },
  'screening.detail': { input: z.object({ ref: z.number().int().positive() }).strict(), output: returns<ScreeningDetail>(), reads: reads('applications', 'triage', 'notices') },
  /** Overrides the verdict of one or many applications; the justification is mandatory and audited. */
  'screening.override': {
    input: z
      .object({
        refs: z.array(z.number().int().positive()).min(1).max(10_000),
        verdict: z.enum(VERDICTS),
        justification: z.string().trim().min(10, 'Write a justification of at least 10 characters').max(2000),
        /** Each application's standing override the officer saw (its id, 0 for none: ScreeningRow.override): one overridden meanwhile refuses the whole request. */
        seen: seenSchema,
      })
      .strict(),
    output: returns<{ overridden: number }>(),
  },
  /** Screens the campaign with other settings, in memory, and says which verdicts would move. Writes nothing. */
  'screening.previewSettings': {
    input: z.object({ campaignId, settings: campaignSettingsSchema.partial() }).strict(),
    output: returns<SettingsImpact>(), reads: reads('campaigns', 'applications', 'triage'),
  },
  /** Corrects one imported value (raw text) with a reason; the campaign is screened again. */
  'application.correct': {
    input: z
      .object({
        ref: z.number().int().positive(),
        field: z.enum(CORRECTABLE_FIELDS),
        value: z.string().max(20_000),
        reason: z.string().trim().min(3, 'Say why, in a few words').max(2000),
        /** The value as the officer saw it: when it changed meanwhile (another officer, a newer export), the correction is refused, naming who changed it and when (ChangedMeanwhile). */
        seen: z.string().max(20_000).optional(),
      })
      .strict(),
    output: returns<{ changed: boolean }>(),
  },
  /** Applications the identity rule does not join that look like one person, and officers' decisions on them. */
  'screening.duplicates': { input: z.object({ campaignId }).strict(), output: returns<DuplicateList>(), reads: reads('applications') },
  /** Confirms (one person: the limit counts them together), dismisses, or reopens a pair; the campaign is screened again. */
  'screening.decideDuplicate': {
    input: z
      .object({ a: z.number().int().positive(), b: z.number().int().positive(), decision: z.enum(['confirmed', 'dismissed', 'undecided']) })
      .strict()
      .refine((v) => v.a !== v.b, 'A pair needs two different applications'),
    output: returns<{ decided: boolean }>(),
  },
  /** Every stored application's automatic verdict, by Application ID (the CLI's screen --json). */
  'screening.lines': { input: z.object({ campaignId }).strict(), output: returns<ScreeningLine[]>(), reads: reads('campaigns', 'applications') },
} as const;
