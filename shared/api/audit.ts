import { z } from 'zod';
import { calendarDay, reads, returns } from './common';

/**
 * The audit log as the office reads it: who did what, when, on which application; exports of
 * personal data (which file, how many people), subject-access exports, erasures and purges
 * included. Newest first, a page at a time.
 */

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  /** What was done, as recorded: "screening.override", "privacy.erase"… (the page says it in words). */
  action: string;
  /** The Application ID acted on, or a file, a division, an import number; null when none (or erased). */
  subject: string | null;
  campaignId: number | null;
  /** What the entry recorded besides, as stored (a reason, counts, a file name). */
  details: unknown;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Entries matching the filter, all pages. */
  total: number;
  /** Every officer and action in the log, for the filters' lists. */
  officers: string[];
  actions: string[];
}

export const auditMethods = {
  'audit.list': {
    input: z
      .object({
        /** One campaign's entries and those of no campaign (backups, restores); null: every campaign. */
        campaignId: z.number().int().positive().nullable().default(null),
        officer: z.string().max(200).nullable().default(null),
        /** An action, or a family of them ("privacy" for privacy.*). */
        action: z.string().max(100).nullable().default(null),
        /** An Application ID (exact). */
        application: z.string().trim().max(100).nullable().default(null),
        /** Days, inclusive, as the officer's calendar gives them (UTC). */
        from: calendarDay.nullable().default(null),
        to: calendarDay.nullable().default(null),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: returns<AuditPage>(),
    reads: reads('database', 'backups', 'campaigns', 'applications', 'triage', 'shortlists', 'notices'),
  },
};
