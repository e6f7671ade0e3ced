import { resolve } from 'node:path';
import { writeDemoExport } from '../../core/demo/export-file';
import type { CliCommand } from '../command';
import { campaignIdOf, wholeNumber } from '../format';

export const demoCommands: CliCommand[] = [
  {
    words: ['demo'],
    usage: `demo --csv FILE [--count N] [--seed S]
                                     write N synthetic applications as an e-recruitment export
                                     (to try the import); the database is not touched`,
    options: { csv: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' } },
    withoutDatabase: true,
    when: ({ option }) => option('csv') !== undefined,
    async run({ option, print }) {
      const file = option('csv') ?? '';
      const count = wholeNumber('--count', option('count'), 2000);
      const seed = option('seed');
      const rows = await writeDemoExport(resolve(file), { count, seed: seed === undefined ? undefined : Number(seed) });
      print({ file, rows }, `Wrote ${rows.toLocaleString('en')} demo rows to ${file}.`);
      return 0;
    },
  },
  {
    words: ['demo'],
    usage: `demo [--count N] [--seed S] [--campaign ID]
                                     fill a campaign with N synthetic applications (default 2000), in
                                     mid-season: screened, triaged in part, shortlists sent`,
    options: { count: { type: 'string' }, seed: { type: 'string' }, campaign: { type: 'string' } },
    async run({ client, subscribe, io, json, option, print }) {
      const count = wholeNumber('--count', option('count'), 2000);
      const seed = option('seed');
      const campaign = option('campaign');
      let lastShown = 0;
      const unsubscribe = subscribe((event) => {
        if (!json && event.type === 'progress' && event.done - lastShown >= event.total / 10) {
          lastShown = event.done;
          io.err(`  ${event.done.toLocaleString('en')} / ${event.total.toLocaleString('en')}`);
        }
      });
      try {
        const result = await client.call('demo.load', {
          count,
          midSeason: true,
          ...(seed !== undefined ? { seed: Number(seed) } : {}),
          ...(campaign !== undefined ? { campaignId: await campaignIdOf(client, campaign) } : {}),
        });
        print(result, `Loaded ${result.inserted.toLocaleString('en')} demo applications into campaign ${result.campaignId} in ${(result.durationMs / 1000).toFixed(1)} s.`);
      } finally {
        unsubscribe();
      }
      return 0;
    },
  },
];
