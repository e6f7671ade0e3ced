import type { SeasonReport } from '../../../shared/api/reports';
import { brusselsDate } from '../../../shared/domain/datetime';
import type { ReportFact } from '../../../shared/domain/report-facts';
import { DIMENSIONS, diversity, filterFacts, funnel, OWED_AGE_BANDS, pace, reach, type OwedAgeBand, type ReportFilter } from '../../../shared/domain/report-figures';
import { workingDaysBetween } from '../notices/working-days';

/** The band of a notice owed this many working days. */
function owedBand(days: number): OwedAgeBand {
  if (days <= 5) return 'upTo5';
  if (days <= 10) return '6to10';
  if (days <= 20) return '11to20';
  return 'over20';
}

/** The whole report from a campaign's facts and the days its owed notices are owed since. */
export function seasonReport(
  campaign: { id: number; name: string },
  facts: readonly ReportFact[],
  owedSince: readonly { day: string; count: number }[],
  filter: ReportFilter,
  today = brusselsDate(new Date().toISOString()),
): SeasonReport {
  const shown = filterFacts(facts, filter);
  const owed = new Map<OwedAgeBand, number>();
  for (const { day, count } of owedSince) {
    const band = owedBand(workingDaysBetween(day, today));
    owed.set(band, (owed.get(band) ?? 0) + count);
  }
  return {
    campaignId: campaign.id,
    campaignName: campaign.name,
    filter,
    funnel: funnel(shown),
    reach: reach(shown),
    diversity: Object.fromEntries(DIMENSIONS.map((d) => [d, diversity(shown, d)])) as SeasonReport['diversity'],
    pace: { ...pace(shown), owedByAge: OWED_AGE_BANDS.map((band) => ({ band, count: owed.get(band) ?? 0 })) },
  };
}
