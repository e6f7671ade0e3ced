import { openSqlite } from '../../db/connection';
import { DIMENSIONS, diversity, funnel, NO_FILTER, pace, reach } from '../../shared/domain/report-figures';
import { seasonReport } from '../../electron/core/reports/season-report';
import { sqliteReports } from '../../electron/core/reports/store/sqlite-reports';

/**
 * The season report (issue 13) on a 50,000-application campaign: the first report (every
 * application's facts read, every section counted), then each section again as a filter or a
 * second look asks for it, from the facts kept.
 */
export interface ReportTimes {
  applications: number;
  firstMs: number;
  sectionMs: Record<'funnel' | 'reach' | 'diversity' | 'pace', number>;
  filteredMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function timed(work: () => unknown, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export function measureReports(databasePath: string): ReportTimes {
  const sqlite = openSqlite(databasePath);
  try {
    const store = sqliteReports(sqlite);
    const campaign = { id: 1, name: 'bench' };
    const started = performance.now();
    const facts = store.facts(1);
    seasonReport(campaign, facts, [], NO_FILTER);
    const firstMs = performance.now() - started;
    const sectionMs = {
      funnel: timed(() => funnel(store.facts(1))),
      reach: timed(() => reach(store.facts(1))),
      diversity: timed(() => DIMENSIONS.map((d) => diversity(store.facts(1), d))),
      pace: timed(() => pace(store.facts(1))),
    };
    const filteredMs = timed(() => seasonReport(campaign, store.facts(1), [], { division: 'OPS', track: null, session: null }));
    return { applications: facts.length, firstMs, sectionMs, filteredMs };
  } finally {
    sqlite.close();
  }
}
