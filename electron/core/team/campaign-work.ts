import type pg from 'pg';
import { isServerLost } from '../../../shared/api/errors';
import { connection, serverError } from '../../../db/postgres/transaction';

/**
 * Campaign-wide work (re-screening a campaign; later the search index) runs on one workstation at a
 * time (issue 14): on the office server, under a PostgreSQL advisory lock per job and campaign.
 *
 * A session lock (pg_try_advisory_lock) held on a connection of its own for the whole run, not a
 * transaction lock (pg_advisory_xact_lock) inside the run's write transaction: a run reads the
 * campaign (50,000 rows), works out every result in the workstation, then writes. Locking only the
 * write would let two workstations both read and compute the whole campaign and both write it;
 * holding one transaction open across the computing would keep a snapshot open on the server for
 * seconds for nothing. The session lock is the server's: a workstation that dies or loses the
 * network drops its connection, and the server releases the lock with it — no lock outlives its run.
 *
 * A workstation that finds the lock held waits for it, then runs `work` told that another
 * workstation held it meanwhile (`ranElsewhere`): the work decides whether anything is left to do
 * (a re-screen finds the results current unless a change came after them).
 */

/** Which work: its own lock per campaign. */
export type CampaignJob = 'screening';

export interface CampaignWork {
  once<T>(job: CampaignJob, campaignId: number, work: (ranElsewhere: boolean) => Promise<T>): Promise<T>;
}

/**
 * A file on this computer: one worker process writes it, and its background tasks already run each
 * campaign's screening once at a time (background.ts). Nothing else to wait for.
 */
export const localCampaignWork: CampaignWork = {
  once: (_job, _campaignId, work) => work(false),
};

/** The lock's first key: one class of advisory locks per job, apart from the single-key ones elsewhere (rubrics, the schema, copies). */
const JOB_KEY: Record<CampaignJob, string> = { screening: 'cohort screening' };

export function serverCampaignWork(pool: pg.Pool): CampaignWork {
  return {
    async once(job, campaignId, work) {
      const client = await connection(pool);
      const key = [JOB_KEY[job], campaignId];
      // Released as broken unless unlocked: a pooled connection must never keep holding the lock.
      let broken: Error | undefined = new Error('the campaign lock was not released');
      try {
        const [taken] = (await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock(hashtext($1), $2) AS taken', key)).rows;
        const ranElsewhere = taken?.taken !== true;
        // Held by another workstation: wait for its run to end (the lock is then this one's), however
        // long it takes — a campaign's re-screening may take a minute, more than a row lock may (pool.ts).
        if (ranElsewhere) {
          await client.query('SET lock_timeout = 0');
          await client.query('SELECT pg_advisory_lock(hashtext($1), $2)', key);
          await client.query('RESET lock_timeout');
        }
        try {
          return await work(ranElsewhere);
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1), $2)', key);
          broken = undefined;
        }
      } catch (error) {
        if (isServerLost(error) && error instanceof Error) broken = error;
        throw serverError(error);
      } finally {
        client.release(broken);
      }
    },
  };
}
