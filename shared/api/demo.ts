import { z } from 'zod';
import { campaignId, returns } from './common';

/** Demo data: a realistic synthetic season, to try Cohort safely. */

export interface DemoResult {
  campaignId: number;
  inserted: number;
  durationMs: number;
}

export const demoMethods = {
  'demo.load': {
    input: z
      .object({
        /** Into this campaign; by default the first campaign of the database. */
        campaignId: campaignId.optional(),
        count: z.number().int().min(1).max(100_000).default(2000),
        seed: z.number().int().min(0).max(2 ** 31).optional(),
        /** A season under way: screened, triaged in part, shortlists sent and one answered, a conflict to settle. */
        midSeason: z.boolean().default(false),
      })
      .strict(),
    output: returns<DemoResult>(),
  },
} as const;
