import type { SqliteDatabase } from '../../../../db/connection';
import type { ReportFact } from '../../../../shared/domain/report-facts';
import { factsCache, factsSql, keptFacts, SQLITE_APPLICATION_FACTS, SQLITE_CAMPAIGN_FACTS, toFacts, type FactRow } from './facts-of';

/**
 * The facts of a campaign's applications as the season report counts them (report-facts.ts), in
 * one read, with the facts kept of applications erased or purged since. The facts are kept until
 * the database changes (this connection or another program), so a filter or a second section
 * costs no read. The query is both engines' (facts-of.ts), through SQLite's indexes.
 */
export function sqliteReports(sqlite: SqliteDatabase) {
  const ofCampaign = sqlite.prepare<[number], FactRow>(factsSql('a.campaign_id = ?', SQLITE_CAMPAIGN_FACTS)).raw();
  const ofApplications = sqlite.prepare<[string], FactRow>(factsSql('a.id IN (SELECT value FROM json_each(?))', SQLITE_APPLICATION_FACTS)).raw();
  const keptFactsOf = sqlite.prepare<[number], string>('SELECT fact_json FROM report_facts_kept WHERE campaign_id = ?').pluck();
  const changes = sqlite.prepare('SELECT total_changes()').pluck();
  const cached = factsCache();

  function read(campaignId: number): ReportFact[] {
    // Applications erased or purged left their facts behind, with nothing that names anyone.
    return [...toFacts(ofCampaign.all(campaignId)), ...keptFacts(keptFactsOf.all(campaignId))];
  }

  return {
    /** Every application's facts; the same answer while the database is unchanged. */
    facts(campaignId: number): ReportFact[] {
      const version = `${sqlite.pragma('data_version', { simple: true }) as number} ${changes.get() as number}`;
      const kept = cached.get(campaignId, version);
      if (kept) return kept;
      const facts = read(campaignId);
      cached.set(campaignId, version, facts);
      return facts;
    },

    /** The live facts of some applications (those about to be erased), from the database as it is. */
    factsOf(refs: readonly number[]): ReportFact[] {
      return toFacts(ofApplications.all(JSON.stringify(refs)));
    },

    /** The live facts of a campaign's applications (about to be purged), without the cache. */
    liveFacts(campaignId: number): ReportFact[] {
      return toFacts(ofCampaign.all(campaignId));
    },
  };
}
