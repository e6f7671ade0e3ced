import type pg from 'pg';
import type { ReportFact } from '../../../../shared/domain/report-facts';
import { inTransaction, read } from '../../../../db/postgres/transaction';
import { factsCache, factsSql, keptFacts, POSTGRES_FACTS, toFacts, type FactRow } from './facts-of';
import type { ReportStore } from './index';

/**
 * The season report's facts on the office server (team mode): the same query and rows as SQLite's
 * (facts-of.ts), in PostgreSQL's words.
 *
 * A campaign's facts are read in one REPEATABLE READ transaction: its live applications and the
 * facts kept of those erased or purged are then of one moment, so an erasure committing in between
 * (which moves an application's facts from one to the other) is counted once, never twice or not at
 * all. They are kept while nothing has been committed on the server since (its snapshot, the
 * transactions it has seen end and those under way, is the same): any write takes a transaction id
 * and changes it, so a filter or a second section costs one round trip, not a read of the campaign.
 */

const OF_CAMPAIGN = factsSql('a.campaign_id = $1', POSTGRES_FACTS);
const OF_APPLICATIONS = factsSql('a.id = ANY($1::integer[])', POSTGRES_FACTS);
const SNAPSHOT = 'SELECT pg_current_snapshot()::text AS snapshot';

async function factRows(client: pg.ClientBase, text: string, value: number | readonly number[]): Promise<FactRow[]> {
  return (await client.query<FactRow>({ text, values: [value], rowMode: 'array' })).rows;
}

/** The live facts of some applications (those about to be erased), on the connection of the erasure's own transaction. */
export async function pgFactsOf(client: pg.ClientBase, refs: readonly number[]): Promise<ReportFact[]> {
  return toFacts(await factRows(client, OF_APPLICATIONS, refs));
}

/** The live facts of a campaign's applications (about to be purged), on the connection of the purge's own transaction. */
export async function pgLiveFacts(client: pg.ClientBase, campaignId: number): Promise<ReportFact[]> {
  return toFacts(await factRows(client, OF_CAMPAIGN, campaignId));
}

export function pgReportStore(pool: pg.Pool): ReportStore {
  const cached = factsCache();
  return {
    async facts(campaignId) {
      const [now] = await read<{ snapshot: string }>(pool, SNAPSHOT);
      const kept = now ? cached.get(campaignId, now.snapshot) : null;
      if (kept) return kept;
      const { snapshot, facts } = await inTransaction(pool, async (c) => {
        await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const [seen] = (await c.query<{ snapshot: string }>(SNAPSHOT)).rows;
        const live = await pgLiveFacts(c, campaignId);
        // Applications erased or purged left their facts behind, with nothing that names anyone.
        const left = (await c.query<{ fact_json: string }>('SELECT fact_json FROM report_facts_kept WHERE campaign_id = $1', [campaignId])).rows;
        return { snapshot: seen?.snapshot ?? '', facts: [...live, ...keptFacts(left.map((r) => r.fact_json))] };
      });
      cached.set(campaignId, snapshot, facts);
      return facts;
    },
  };
}
