import type pg from 'pg';
import { read } from '../../../../db/postgres/transaction';
import type { ScreeningStore } from './index';

/**
 * Screening owed on the office server: the same two counters as on SQLite (sqlite-owed.ts), kept by
 * PostgreSQL's own triggers (PostgreSQL migration 3), so a change counts in the transaction that
 * makes it, whichever workstation makes it. Plain SQL but for the placeholders.
 */

export function pgOwed(pool: pg.Pool): Pick<ScreeningStore, 'owedCount' | 'isOwed' | 'campaignsOwing'> {
  return {
    async owedCount(campaignId) {
      const [row] = await read<{ owed: number }>(pool, 'SELECT screening_owed AS owed FROM campaigns WHERE id = $1', [campaignId]);
      return row?.owed ?? 0;
    },
    async isOwed(campaignId) {
      return (await read(pool, 'SELECT 1 FROM campaigns WHERE id = $1 AND screening_owed <> screening_done', [campaignId])).length > 0;
    },
    async campaignsOwing() {
      return (await read<{ id: number }>(pool, 'SELECT id FROM campaigns WHERE screening_owed <> screening_done ORDER BY id')).map((r) => r.id);
    },
  };
}

/**
 * Records, in the transaction that stores the results, that they follow every change counted up to
 * `owed` (as markScreened on SQLite): a change made since keeps the campaign owed, and a run that
 * read less never moves the record back.
 */
export async function markScreened(client: pg.ClientBase, campaignId: number, owed: number): Promise<void> {
  await client.query('UPDATE campaigns SET screening_done = $1 WHERE id = $2 AND screening_done < $1', [owed, campaignId]);
}
