import type pg from 'pg';
import { pgDuplicates } from './pg-duplicates';
import { pgOverrides } from './pg-overrides';
import { pgOwed } from './pg-owed';
import { pgScreeningReads } from './pg-reads';
import { pgScreeningRun } from './pg-run';
import type { ScreeningStore } from './index';

/**
 * Screening's store on the office server (team mode): the tabs, the detail and the CLI's lines
 * (pg-reads.ts), a run's inputs and results (pg-run.ts), overrides under row locks
 * (pg-overrides.ts), duplicate decisions (pg-duplicates.ts), and screening owed, counted by
 * PostgreSQL's triggers (pg-owed.ts, PostgreSQL migration 3). The rules and what a run writes are
 * ../run.ts's, the same as on SQLite. That a campaign is screened by one workstation at a time is
 * not the store's to say: the run takes the campaign's lock (team/campaign-work.ts).
 */
export function pgScreeningStore(pool: pg.Pool): ScreeningStore {
  const run = pgScreeningRun(pool);
  return {
    ...pgScreeningReads(pool),
    ...pgOverrides(pool),
    ...run,
    ...pgDuplicates(pool, run.possibleDuplicates),
    ...pgOwed(pool),
  };
}
