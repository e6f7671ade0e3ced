import { resolve } from 'node:path';
import type { BackupsTouched, WalState } from '../../../shared/api/privacy';
import { UsageError, type CliCommand, type CliContext } from '../command';
import { campaignIdOf, table, wholeNumber } from '../format';

function required(ctx: CliContext, name: string): string {
  const value = ctx.option(name);
  if (value === undefined || value.trim() === '') throw new UsageError(`Give --${name}.`);
  return value;
}

/** What became of the backups and the -wal, in words. */
function leftBehind(backups: BackupsTouched, wal: WalState): string {
  const lines = [
    backups.rewritten.length > 0 ? `Backups rewritten without the data: ${backups.rewritten.join(', ')}.` : 'No backup held the data.',
    ...backups.removed.map((b) => `Backup removed (${b.why === 'olderSchema' ? 'made by an older version, it cannot be rewritten' : 'it could not be read'}): ${b.file}.`),
    wal === 'cleared' ? 'Nothing of it is left in the database file or its -wal.' : 'Another program has the database open: the -wal file is emptied when it closes.',
  ];
  return lines.join('\n');
}

/** Progress of a long job on stderr (not with --json). */
function showProgress(ctx: CliContext, job: string): () => void {
  let last = '';
  return ctx.subscribe((event) => {
    if (ctx.json || event.type !== 'progress' || event.job !== job) return;
    const line = event.phase === 'removing' ? `  removing ${event.done.toLocaleString('en')} / ${event.total.toLocaleString('en')}` : `  ${event.phase ?? ''}${event.phase === 'backups' ? ` ${event.done} / ${event.total}` : ''}`;
    if (line !== last && (event.phase !== 'removing' || event.done === event.total || event.done % 10_000 === 0)) ctx.io.err(line);
    last = line;
  });
}

export const privacyCommands: CliCommand[] = [
  {
    words: ['person', 'export'],
    usage: `person export --application ID --out FILE.json [--campaign ID]
                                     everything Cohort holds about the person (subject access), as JSON`,
    options: { application: { type: 'string' }, out: { type: 'string' }, campaign: { type: 'string' } },
    async run(ctx) {
      const campaignId = await campaignIdOf(ctx.client, ctx.option('campaign'));
      const applicationId = required(ctx, 'application');
      const out = required(ctx, 'out');
      const result = await ctx.client.call('privacy.exportPerson', { campaignId, applicationId, target: { kind: 'path', path: resolve(out) } });
      const path = result.file.kind === 'saved' ? result.file.path : out;
      ctx.print({ saved: path, tables: result.tables, rows: result.rows }, `Saved ${path}: ${result.rows} rows from ${result.tables} tables.`);
      return 0;
    },
  },
  {
    words: ['person', 'erase'],
    usage: `person erase --application ID --reason TEXT [--campaign ID]
                                     erase the person's personal data (all their applications), from the
                                     database and its backups; the reason is kept, so it must not name them`,
    options: { application: { type: 'string' }, reason: { type: 'string' }, campaign: { type: 'string' } },
    async run(ctx) {
      const campaignId = await campaignIdOf(ctx.client, ctx.option('campaign'));
      const stop = showProgress(ctx, 'erase');
      try {
        const result = await ctx.client.call('privacy.erasePerson', { campaignId, applicationId: required(ctx, 'application'), reason: required(ctx, 'reason') });
        ctx.print(result, `Erased ${result.erased.length === 1 ? '1 application' : `${result.erased.length} applications`}: ${result.erased.map((e) => `${e.applicationId} (${e.campaignName})`).join(', ')}.\n${leftBehind(result.backups, result.wal)}`);
      } finally {
        stop();
      }
      return 0;
    },
  },
  {
    words: ['campaign', 'retention'],
    usage: `campaign retention [--campaign ID] [--closed-on YYYY-MM-DD | --reopen] [--months N]
                                     how long the campaign's personal data is kept after it closed`,
    options: { campaign: { type: 'string' }, 'closed-on': { type: 'string' }, reopen: { type: 'boolean' }, months: { type: 'string' } },
    async run(ctx) {
      const campaignId = await campaignIdOf(ctx.client, ctx.option('campaign'));
      const closedOn = ctx.flag('reopen') ? null : ctx.option('closed-on');
      const months = ctx.option('months');
      const state =
        closedOn === undefined && months === undefined
          ? await ctx.client.call('privacy.retention', { campaignId })
          : await ctx.client.call('privacy.setRetention', { campaignId, ...(closedOn !== undefined ? { closedOn } : {}), ...(months !== undefined ? { retentionMonths: wholeNumber('--months', months) } : {}) });
      ctx.print(
        state,
        table([
          { setting: 'closed on', value: state.closedOn ?? 'open' },
          { setting: 'months kept', value: state.retentionMonths },
          { setting: 'purge due on', value: state.purgeDueOn ?? '' },
          { setting: 'purge due', value: state.due ? 'yes' : 'no' },
          { setting: 'purged at', value: state.purgedAt ?? '' },
          { setting: 'applications holding personal data', value: state.applications },
        ]),
      );
      return 0;
    },
  },
  {
    words: ['campaign', 'purge'],
    usage: `campaign purge [--campaign ID] [--before-due]
                                     remove every applicant's personal data from the campaign (and its
                                     backups) once its retention has passed; the report's figures stay`,
    options: { campaign: { type: 'string' }, 'before-due': { type: 'boolean' } },
    async run(ctx) {
      const campaignId = await campaignIdOf(ctx.client, ctx.option('campaign'));
      const stop = showProgress(ctx, 'purge');
      try {
        const result = await ctx.client.call('privacy.purgeCampaign', { campaignId, beforeDue: ctx.flag('before-due') });
        ctx.print(result, `Removed the personal data of ${result.applications.toLocaleString('en')} applications from campaign ${campaignId}.\n${leftBehind(result.backups, result.wal)}`);
      } finally {
        stop();
      }
      return 0;
    },
  },
];
