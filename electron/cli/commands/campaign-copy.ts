import { resolve } from 'node:path';
import { copyCampaignToFile, copyCampaignToServer, type CopySummary } from '../../../db/copy/copy-campaign';
import { isServerUrl, parseServerUrl } from '../../../db/postgres/server-url';
import { parseOfficerLogins } from '../../../db/copy/officer-logins';
import { UsageError, type CliCommand } from '../command';

/**
 * `cohort campaign copy` (issue 14): a campaign from a database file to the office server, or from
 * the server to a new file to take away (read-only there). The login's password: in the URL, or
 * COHORT_PASSWORD (kept out of the shell's history and the process list).
 */

/** Which officers' names became logins, and which were kept as written (their rows are nobody's login's on the server). */
function officersText(officers: NonNullable<CopySummary['officers']>): string {
  if (officers.length === 0) return '';
  const lines = officers.map((o) => (o.login !== null ? `  ${o.name} → ${o.login}` : `  ${o.name} (kept as written: --officer "${o.name}=LOGIN" makes it their login)`));
  return `\nOfficers:\n${lines.join('\n')}`;
}

function summaryText(summary: CopySummary, toServer: boolean): string {
  const seconds = (summary.ms / 1000).toFixed(1);
  const what = `Campaign "${summary.from.name}" (number ${summary.from.campaignId} in ${summary.from.where}) copied to ${summary.to.where}`;
  return toServer
    ? `${what} as campaign ${summary.to.campaignId} "${summary.to.name}": ${summary.rows.toLocaleString('en')} rows in ${summary.tables.length} tables, ${seconds} s.${officersText(summary.officers ?? [])}`
    : `${what}: ${summary.rows.toLocaleString('en')} rows in ${summary.tables.length} tables, ${seconds} s. The copy is read-only: changes are made at the office, on the server.`;
}

export const campaignCopyCommands: CliCommand[] = [
  {
    words: ['campaign', 'copy'],
    usage: `campaign copy --from FILE --to URL [--campaign ID|NAME] [--name NAME] [--ca FILE]
                    [--officer "NAME=LOGIN"]...
                                     copy a campaign of a database file to the office server (an
                                     administrator's login); --name gives it another name there;
                                     --officer makes an officer's name in the file their login
  campaign copy --from URL --campaign ID|NAME --to FILE [--ca FILE]
                                     copy a campaign of the server to a new file, read-only there;
                                     the password from the URL or COHORT_PASSWORD`,
    options: { from: { type: 'string' }, to: { type: 'string' }, campaign: { type: 'string' }, name: { type: 'string' }, ca: { type: 'string' }, officer: { type: 'string', multiple: true } },
    withoutDatabase: true,
    async run(ctx) {
      const from = ctx.option('from');
      const to = ctx.option('to');
      if (!from || !to) throw new UsageError('Give both ends: campaign copy --from FILE --to URL, or --from URL --campaign ID --to FILE.');
      if (isServerUrl(from) === isServerUrl(to)) throw new UsageError('One end is a database file and the other the server (postgres://login@host/database).');
      const toServer = isServerUrl(to);
      parseServerUrl(toServer ? to : from);
      const options = {
        campaign: ctx.option('campaign'),
        name: ctx.option('name'),
        password: process.env.COHORT_PASSWORD ?? null,
        caFile: ctx.option('ca'),
        officers: parseOfficerLogins(ctx.options('officer')),
        progress: (step: { table: string; rows: number }) => ctx.io.err(`  ${step.table}: ${step.rows.toLocaleString('en')} rows`),
      };
      if (!toServer && options.officers.size > 0) throw new UsageError('--officer is for a copy to the server (on a file, officers are the names they type).');
      if (!toServer && options.campaign === undefined) throw new UsageError('Say which campaign of the server to copy: --campaign ID or --campaign NAME.');
      ctx.io.err(`Copying from ${toServer ? resolve(from) : 'the server'} to ${toServer ? 'the server' : resolve(to)}…`);
      const summary = toServer ? await copyCampaignToServer(resolve(from), to, options) : await copyCampaignToFile(from, resolve(to), options);
      ctx.print(summary, summaryText(summary, toServer));
      return 0;
    },
  },
];
