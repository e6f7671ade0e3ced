import { resolve } from 'node:path';
import { DIVISION_CODES } from '../../../shared/domain/divisions';
import { FUNNEL_STEPS } from '../../../shared/domain/report-facts';
import { SESSIONS } from '../../../shared/domain/selection-moves';
import { UsageError, type CliCommand } from '../command';
import { campaignIdOf, table } from '../format';

function oneOf<T extends string>(name: string, allowed: readonly T[], raw: string | undefined): T | null {
  if (raw === undefined) return null;
  const found = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!found) throw new UsageError(`--${name} takes one of ${allowed.join(', ')}, not "${raw}".`);
  return found;
}

export const reportCommands: CliCommand[] = [
  {
    words: ['report'],
    usage: `report [--campaign ID] [--division CODE] [--track nato|grant] [--session march|september] [--out FILE.xlsx [--language en|fr]]
                                     the season's figures: the funnel (counts of applications), member states,
                                     diversity at each stage, pace; --out writes the report as a workbook`,
    options: { campaign: { type: 'string' }, division: { type: 'string' }, track: { type: 'string' }, session: { type: 'string' }, out: { type: 'string' }, language: { type: 'string' } },
    async run({ client, option, print }) {
      const campaignId = await campaignIdOf(client, option('campaign'));
      const filter = { division: oneOf('division', DIVISION_CODES, option('division')), track: oneOf('track', ['nato', 'grant'] as const, option('track')), session: oneOf('session', SESSIONS, option('session')) };
      const report = await client.call('reports.get', { campaignId, ...filter });
      const funnel = Object.fromEntries(report.funnel.steps.map((s) => [s.step, s.count])) as Record<(typeof FUNNEL_STEPS)[number], number>;
      const out = option('out');
      let saved: string | null = null;
      if (out) {
        const language = oneOf('language', ['en', 'fr'] as const, option('language')) ?? 'en';
        const { file } = await client.call('reports.export', { campaignId, ...filter, compareWith: null, language, target: { kind: 'path', path: resolve(out) } });
        saved = file.kind === 'saved' ? file.path : null;
      }
      print(
        { campaign: report.campaignName, filter: report.filter, funnel, exits: report.funnel.exits, reach: report.reach, diversity: report.diversity, pace: report.pace, ...(saved ? { saved } : {}) },
        `${report.campaignName}\n\n${table(report.funnel.steps.map((s) => ({ step: s.step, applications: s.count, 'of the step before': s.ofPrevious === null ? '' : `${Math.round(s.ofPrevious * 100)}%` })))}\n\nMember states with no applicant: ${report.reach.noApplicant.join(', ') || 'none'}.\nMember states with no intern selected: ${report.reach.noneSelected.join(', ') || 'none'}.${saved ? `\n\nSaved ${saved}.` : ''}`,
      );
      return 0;
    },
  },
];
