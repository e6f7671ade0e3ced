import { resolve } from 'node:path';
import type { Client } from '../../../shared/api/client';
import type { ImportResult } from '../../../shared/api/contract';
import { UsageError, type CliCommand } from '../command';
import { campaignIdOf } from '../format';

/** One file through the same steps as the app: inspect, preview with the offered mapping, commit. */
async function importOne(client: Client, campaignId: number, path: string): Promise<ImportResult | { error: string }> {
  const inspection = await client.tryCall('import.inspect', { campaignId, path });
  if (!inspection.ok) return { error: inspection.error.message };
  const { jobId, mapping } = inspection.value;
  const preview = await client.tryCall('import.preview', { jobId, mapping });
  if (!preview.ok) {
    await client.tryCall('import.cancel', { jobId });
    return { error: preview.error.message };
  }
  const committed = await client.tryCall('import.commit', { jobId });
  return committed.ok ? committed.value : { error: committed.error.message };
}

export const importCommands: CliCommand[] = [
  {
    words: ['import'],
    usage: `import [--campaign ID] FILE...     import e-recruitment exports (.csv, .txt, .xlsx) with the
                                     mapping saved for their layout, or the automatic one`,
    options: { campaign: { type: 'string' } },
    async run({ client, subscribe, io, json, option, args }) {
      if (args.length === 0) throw new UsageError('Name at least one file to import.');
      const campaignId = await campaignIdOf(client, option('campaign'));
      let failed = false;
      // Progress on stderr (stdout stays machine-readable with --json): each tenth of the file.
      let shown = '';
      const unsubscribe = subscribe((event) => {
        if (event.type !== 'progress' || event.job !== 'import' || event.total === 0) return;
        const step = `${event.phase}:${Math.floor((10 * event.done) / event.total)}`;
        if (step === shown) return;
        shown = step;
        io.err(`  ${event.phase === 'writing' ? 'writing' : 'reading'} ${Math.round((100 * event.done) / event.total)}% (${(event.rows ?? 0).toLocaleString('en')} rows)`);
      });
      try {
        for (const file of args) {
          const result = await importOne(client, campaignId, resolve(file));
          if ('error' in result) {
            failed = true;
            io.err(`cohort: ${file}: ${result.error} Nothing was stored from this file.`);
            continue;
          }
          const { counts, rejectedRows } = result;
          const summary = {
            file,
            imported: counts.added,
            updated: counts.updated,
            unchanged: counts.unchanged,
            skippedDrafts: counts.skippedDrafts,
            rejected: rejectedRows.map((r) => ({ row: r.row, column: r.column, message: r.message })),
          };
          if (json) io.out(JSON.stringify(summary));
          else {
            io.out(`${file}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skippedDrafts} drafts skipped, ${rejectedRows.length} rejected`);
            for (const r of rejectedRows) io.out(`  row ${r.row}${r.column ? `, column "${r.column}"` : ''}: ${r.message}`);
          }
        }
      } finally {
        unsubscribe();
      }
      return failed ? 1 : 0;
    },
  },
];
