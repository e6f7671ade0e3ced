import { z } from 'zod';
import { DIVISION_CODES } from '../domain/divisions';
import type { DiversityGroup, Dimension, FunnelFigures, OwedAgeBand, PaceFigures, ReachFigures, ReportFilter } from '../domain/report-figures';
import { SESSIONS } from '../domain/selection-moves';
import { campaignId, reads, returns } from './common';
import { fileTargetSchema, type FileOutput } from './files';

/**
 * The season report (issue 13): the funnel, reach across member states, diversity at each stage
 * and the office's pace, for a campaign and optionally one division, funding track and session.
 * Figures only: nothing in a report names a person.
 */

export interface SeasonReport {
  campaignId: number;
  campaignName: string;
  filter: ReportFilter;
  funnel: FunnelFigures;
  reach: ReachFigures;
  diversity: Record<Dimension, DiversityGroup[]>;
  pace: PaceFigures & { owedByAge: { band: OwedAgeBand; count: number }[] };
}

const filter = {
  division: z.enum(DIVISION_CODES as [string, ...string[]]).nullable().default(null),
  track: z.enum(['nato', 'grant']).nullable().default(null),
  session: z.enum(SESSIONS).nullable().default(null),
};

export const reportMethods = {
  'reports.get': { input: z.object({ campaignId, ...filter }).strict(), output: returns<SeasonReport>(), reads: reads('campaigns', 'applications', 'triage', 'shortlists', 'notices') },
  /**
   * The report as a workbook (one sheet per section, figures only, groups under 5 shown as
   * "fewer than 5"), in English or French; with a second campaign's figures beside, if asked.
   */
  'reports.export': {
    input: z.object({ campaignId, ...filter, compareWith: z.number().int().positive().nullable().default(null), language: z.enum(['en', 'fr']), target: fileTargetSchema }).strict(),
    output: returns<{ file: FileOutput }>(),
  },
};
