import type { CliCommand } from '../command';
import { campaignIdOf, screeningLineJson, table } from '../format';

export const screeningCommands: CliCommand[] = [
  {
    words: ['screen'],
    usage: `screen [--campaign ID]             screen the campaign; with --json, one line per application:
                                     {"applicationId", "verdict", "reasons"}; else a summary`,
    options: { campaign: { type: 'string' } },
    async run({ client, io, json, option }) {
      const campaignId = await campaignIdOf(client, option('campaign'));
      const summary = await client.call('screening.run', { campaignId });
      const lines = await client.call('screening.lines', { campaignId });
      if (json) {
        for (const line of lines) io.out(screeningLineJson(line));
        return 0;
      }
      const byReason = new Map<string, number>();
      for (const line of lines) for (const reason of line.reasons) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
      io.out(
        `${summary.screened.toLocaleString('en')} applications screened (${summary.changed.toLocaleString('en')} results changed) in ${summary.durationMs} ms\n\n` +
          `${table((['eligible', 'review', 'ineligible'] as const).map((verdict) => ({ verdict, applications: summary.byVerdict[verdict] })))}\n\n` +
          table([...byReason].sort(([a], [b]) => a.localeCompare(b)).map(([reason, applications]) => ({ reason, applications }))) +
          (summary.staleOverrides > 0 ? `\n\n${summary.staleOverrides} override(s) must be decided again: the application's data changed.` : ''),
      );
      return 0;
    },
  },
];
