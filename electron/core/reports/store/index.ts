import type { SqliteDatabase } from '../../../../db/connection';
import type { ReportFact } from '../../../../shared/domain/report-facts';
import type { Synchronous } from '../../synchronous-store';
import { sqliteReports } from './sqlite-reports';

export { pgFactsOf, pgLiveFacts, pgReportStore } from './pg-reports';

/** The season report's store: the facts it counts (shared/domain/report-facts.ts), nothing else. */
export interface ReportStore {
  facts(campaignId: number): Promise<ReportFact[]>;
}

export function sqliteReportStore(sqlite: SqliteDatabase): Synchronous<ReportStore> {
  const reports = sqliteReports(sqlite);
  return { facts: (campaignId) => reports.facts(campaignId) };
}
