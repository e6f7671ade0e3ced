import { resolve } from 'node:path';
import { NOTICE_OUTCOMES, type NoticeOutcome } from '../../../shared/domain/notice-outcome';
import { UsageError, type CliCommand } from '../command';
import { campaignIdOf, table, wholeNumber } from '../format';

/** The outcome as the command line writes it: not-retained for notRetained. */
function outcomeOf(raw: string | undefined): NoticeOutcome {
  const found = NOTICE_OUTCOMES.find((o) => o.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) === raw || o === raw);
  if (!found) throw new UsageError(`--outcome takes one of ${NOTICE_OUTCOMES.map((o) => o.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)).join(', ')}${raw ? `, not "${raw}"` : ''}.`);
  return found;
}

export const noticeCommands: CliCommand[] = [
  {
    words: ['notices', 'status'],
    usage: 'notices status [--campaign ID]     notices owed, prepared, sent, bounced, superseded, per outcome',
    options: { campaign: { type: 'string' } },
    async run({ client, option, print }) {
      const status = await client.call('notices.status', { campaignId: await campaignIdOf(client, option('campaign')) });
      print(status, `${table(NOTICE_OUTCOMES.map((o) => ({ outcome: o, ...status.byOutcome[o] })))}${status.oldestOwedSince ? `\n\nOwed since ${status.oldestOwedSince} at the oldest.` : ''}`);
      return 0;
    },
  },
  {
    words: ['notices', 'prepare'],
    usage: `notices prepare --outcome ineligible|not-retained|not-selected|reserve|selected --format eml|csv --out DIR
                                     write the notices owed: one e-mail draft per person, or one CSV;
                                     prints {"batch", "prepared", "files", "withoutAddress"}`,
    options: { outcome: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, office: { type: 'string' }, campaign: { type: 'string' } },
    async run({ client, option, print }) {
      const format = option('format');
      if (format !== 'eml' && format !== 'csv') throw new UsageError('--format takes eml or csv.');
      const out = option('out');
      if (!out) throw new UsageError('Say which folder to write into: --out DIR.');
      const batch = await client.call('notices.prepare', {
        campaignId: await campaignIdOf(client, option('campaign')),
        outcome: outcomeOf(option('outcome')),
        format,
        office: option('office') ?? null,
        target: { kind: 'folder', path: resolve(out) },
      });
      const files = batch.file.kind === 'savedFolder' ? batch.file.files : batch.file.kind === 'saved' ? [batch.file.fileName] : [];
      print(
        { batch: batch.batchId, prepared: batch.prepared, files, withoutAddress: batch.withoutAddress },
        `Batch ${batch.batchId}: ${batch.prepared} notice(s) prepared, ${files.length} file(s) in ${out}; ${batch.withoutAddress.length} without an e-mail address (write to them by letter).`,
      );
      return 0;
    },
  },
  {
    words: ['notices', 'mark-sent'],
    usage: 'notices mark-sent --batch ID [--except APPLICATION_ID...]\n                                     the batch went out, all of it or all but these',
    options: { batch: { type: 'string' }, except: { type: 'string', multiple: true } },
    async run({ client, option, options, args, print }) {
      const except = [...options('except'), ...args];
      const result = await client.call('notices.markSent', { batchId: wholeNumber('--batch', option('batch')), except });
      print(result, `${result.sent} notice(s) marked sent.`);
      return 0;
    },
  },
  {
    words: ['notices', 'mark-bounced'],
    usage: 'notices mark-bounced APPLICATION_ID...  the notices sent for these applications came back',
    options: { campaign: { type: 'string' } },
    async run({ client, option, args, print }) {
      if (args.length === 0) throw new UsageError('Name the applications whose notice bounced.');
      const result = await client.call('notices.markBounced', { campaignId: await campaignIdOf(client, option('campaign')), applicationIds: args });
      print(result, `${result.bounced} notice(s) marked bounced.${result.notFound.length > 0 ? ` No notice sent for: ${result.notFound.join(', ')}.` : ''}`);
      return result.notFound.length > 0 ? 1 : 0;
    },
  },
];
