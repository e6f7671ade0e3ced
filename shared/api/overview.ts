import { z } from 'zod';
import type { DivisionProgress, NextStep, VerdictCounts } from '../domain/season-progress';
import { campaignId, reads, returns, type CountRow } from './common';

/** The Overview: where a campaign's season stands, and the next step. */

export type { DivisionProgress, NextStep, VerdictCounts };

export interface Overview {
  campaignId: number;
  campaignName: string;
  applications: number;
  /** Distinct applicant accounts (candidate id, or e-mail when the id is missing). */
  applicants: number;
  /** Applications whose candidate account sent more than one. */
  repeatApplications: number;
  /** NATO-funded applications submitted after the campaign's deadline. */
  lateNatoFunded: number;
  byDivision: CountRow[];
  byFunding: CountRow[];
  bySession: CountRow[];
  /** Countries (ISO alpha-2), however the export spelled them; null: a nationality naming no country. */
  topNationalities: CountRow[];
  /** Submissions per ISO week (Monday, YYYY-MM-DD), oldest first. */
  byWeek: CountRow[];
  firstSubmission: string | null;
  lastSubmission: string | null;
  /** The verdicts that count (an officer's override, else the automatic one). */
  verdicts: VerdictCounts;
  /** Triage per division queue (eligible applications), the unassigned queue last. */
  divisions: DivisionProgress[];
  nextStep: NextStep;
}

export const overviewMethods = {
  'overview.get': { input: z.object({ campaignId }).strict(), output: returns<Overview>(), reads: reads('campaigns', 'applications', 'triage', 'shortlists', 'notices') },
} as const;
