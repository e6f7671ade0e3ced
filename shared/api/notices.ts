import { z } from 'zod';
import { NOTICE_OUTCOMES, type NoticeOutcome } from '../domain/notice-outcome';
import type { TemplateProblem } from '../domain/notice-templates';
import { campaignId, reads, returns } from './common';
import { fileTargetSchema, type FileOutput } from './files';

/**
 * Outcome notices: what each person is owed (one notice per person and outcome, never per
 * application), prepared as e-mail drafts or a mail-merge CSV, marked sent, bounced; superseded
 * when a decision changes after they went out. Nothing is sent from Cohort.
 */

/** How long the office gives itself to tell someone, in working days. */
export const NOTICE_DUE_WORKING_DAYS = 10;

export const NOTICE_STATES = ['owed', 'prepared', 'sent', 'bounced', 'superseded'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export type NoticeCounts = Record<NoticeState, number>;

/** A batch with notices prepared and not yet marked sent: the office has drafts to send. */
export interface OpenBatch {
  batchId: number;
  outcome: NoticeOutcome;
  format: 'eml' | 'csv';
  /** When it was prepared (an instant), and by whom. */
  at: string;
  actor: string;
  /** Its notices still waiting to be marked sent. */
  prepared: number;
}

export interface NoticeSummary {
  byOutcome: Record<NoticeOutcome, NoticeCounts>;
  /** Oldest first. */
  openBatches: OpenBatch[];
  /** People owed a notice, per division they applied to (a person applying to two counts in both). */
  owedByDivision: Record<string, number>;
  /** When the longest-owed notice became due ("YYYY-MM-DD"), null when none is owed. */
  oldestOwedSince: string | null;
  /** Working days (Brussels: weekends and Belgian public holidays left out) it has been owed. */
  oldestOwedWorkingDays: number | null;
  /** People owed a notice for longer than NOTICE_DUE_WORKING_DAYS. */
  overdue: number;
  people: number;
}

export interface NoticeText {
  subject: string;
  body: string;
  /** False while the campaign uses Cohort's own text. */
  edited: boolean;
}

export type NoticeTemplates = Record<NoticeOutcome, Record<'en' | 'fr', NoticeText>>;

export interface PreparedBatch {
  batchId: number;
  outcome: NoticeOutcome;
  prepared: number;
  file: FileOutput;
  /** People owed this notice who have no e-mail address: to be written to by letter. */
  withoutAddress: { applications: string[] }[];
}

/** The refusal of a template with mistakes, with each one (for the editor to show where). */
export interface TemplateProblems {
  subject: TemplateProblem[];
  body: TemplateProblem[];
}

/** A template's words filled for one person owed that outcome, as the editor shows them while typing. */
export interface NoticePreview {
  subject: string;
  body: string;
  /** Whose notice it shows; null when nobody has this outcome yet (placeholders then stay as written). */
  person: { name: string; applicationIds: string[] } | null;
  problems: TemplateProblems;
}

const language = z.enum(['en', 'fr']);
const outcome = z.enum(NOTICE_OUTCOMES);

export const noticeMethods = {
  'notices.status': { input: z.object({ campaignId }).strict(), output: returns<NoticeSummary>(), reads: reads('applications', 'triage', 'notices') },
  'notices.templates': { input: z.object({ campaignId }).strict(), output: returns<NoticeTemplates>(), reads: reads('notices') },
  /** Saves a notice's text; refused, with each problem, when a placeholder is unknown or means nothing for the outcome. */
  'notices.setTemplate': {
    input: z.object({ campaignId, outcome, language, subject: z.string().trim().min(1, 'Write a subject').max(300), body: z.string().trim().min(1, 'Write the text').max(20_000) }).strict(),
    output: returns<NoticeTemplates>(),
  },
  /** A template being edited, filled for a real person with that outcome (nothing is saved). */
  'notices.preview': {
    input: z.object({ campaignId, outcome, language, subject: z.string().max(300), body: z.string().max(20_000) }).strict(),
    output: returns<NoticePreview>(),
    reads: reads('applications', 'triage', 'notices'),
  },
  /** The language a person is written in, chosen by an officer over the rule. */
  'notices.setLanguage': { input: z.object({ campaignId, applicationId: z.string().trim().min(1).max(100), language }).strict(), output: returns<{ language: 'en' | 'fr' }>() },
  /** Prepares the notices owed for one outcome: e-mail drafts (one per person) or one CSV for a mail merge. */
  'notices.prepare': {
    input: z.object({ campaignId, outcome, format: z.enum(['eml', 'csv']), office: z.string().trim().max(500).nullable().default(null), target: fileTargetSchema }).strict(),
    output: returns<PreparedBatch>(),
  },
  /** Marks a batch sent, all of it or all but the notices naming these applications. */
  'notices.markSent': {
    input: z.object({ batchId: z.number().int().positive(), except: z.array(z.string().trim().min(1).max(100)).max(50_000).default([]) }).strict(),
    output: returns<{ sent: number }>(),
  },
  /** Marks as sent again the bounced notices of these applications (to a corrected address, or by letter). */
  'notices.markResent': { input: z.object({ campaignId, applicationIds: z.array(z.string().trim().min(1).max(100)).min(1).max(50_000) }).strict(), output: returns<{ resent: number; notFound: string[] }>() },
  /** Marks as bounced the notices sent for these applications. */
  'notices.markBounced': { input: z.object({ campaignId, applicationIds: z.array(z.string().trim().min(1).max(100)).min(1).max(50_000) }).strict(), output: returns<{ bounced: number; notFound: string[] }>() },
};
