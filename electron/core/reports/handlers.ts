import type { ReportFilter } from '../../../shared/domain/report-figures';
import type { RequestContext } from '../context';
import type { HandlerTable, WaitTable } from '../dispatch';
import { writeOutput, xlsxFile } from '../files/output';
import { seasonReport } from './season-report';
import { reportWorkbook } from './workbook';

type ReportMethod = 'reports.get' | 'reports.export';

/** A report counts verdicts: screening settles first. */
export const reportWaits: WaitTable<ReportMethod> = {
  'reports.get': 'background',
  'reports.export': 'background',
};

async function reportOf(ctx: RequestContext, campaignId: number, filter: ReportFilter) {
  const { stores } = ctx.session.open;
  const campaign = await stores.campaigns.load(campaignId);
  return seasonReport({ id: campaignId, name: campaign.name }, await stores.reports.facts(campaignId), await stores.notices.owedSince(campaignId), filter);
}

export const reportHandlers: HandlerTable<ReportMethod> = {
  async 'reports.get'({ campaignId, division, track, session }, ctx) {
    return reportOf(ctx, campaignId, { division, track, session });
  },

  async 'reports.export'({ campaignId, division, track, session, compareWith, language, target }, ctx) {
    const filter = { division, track, session };
    const report = await reportOf(ctx, campaignId, filter);
    const other = compareWith === null ? null : await reportOf(ctx, compareWith, filter);
    const bytes = await reportWorkbook(report, other, language);
    const file = writeOutput(target, xlsxFile(`${report.campaignName} - ${language === 'fr' ? 'bilan' : 'report'}.xlsx`, bytes));
    return { file };
  },
};
