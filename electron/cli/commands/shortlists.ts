import { basename, resolve } from 'node:path';
import { DIVISION_CODES, type DivisionCode } from '../../../shared/domain/divisions';
import { DEFAULT_REPLY_DAYS } from '../../../shared/api/shortlists';
import { brusselsDate, DAY_MS } from '../../../shared/domain/datetime';
import { UsageError, type CliCommand } from '../command';
import { campaignIdOf, table, wholeNumber } from '../format';

function division(raw: string | undefined): DivisionCode {
  const code = raw?.trim().toUpperCase();
  if (!code || !(DIVISION_CODES as string[]).includes(code)) throw new UsageError(`--division takes one of ${DIVISION_CODES.join(', ')}${raw ? `, not "${raw}"` : ''}.`);
  return code as DivisionCode;
}

export const shortlistCommands: CliCommand[] = [
  {
    words: ['shortlist', 'create'],
    usage: `shortlist create --division CODE [--position TEXT] [--campaign ID]
                                     a shortlist of the division's proposed applications; prints its id`,
    options: { division: { type: 'string' }, position: { type: 'string' }, campaign: { type: 'string' } },
    async run({ client, option, print }) {
      const campaignId = await campaignIdOf(client, option('campaign'));
      const created = await client.call('shortlists.create', { campaignId, division: division(option('division')), position: option('position') ?? null });
      print(created, `Shortlist ${created.id} of ${created.division}: ${created.candidates} candidate(s), a draft.`);
      return 0;
    },
  },
  {
    words: ['shortlist', 'list'],
    usage: 'shortlist list [--campaign ID]     the shortlists, their state and last workbook sent',
    options: { campaign: { type: 'string' } },
    async run({ client, option, print }) {
      const list = await client.call('shortlists.list', { campaignId: await campaignIdOf(client, option('campaign')) });
      print(
        list,
        table(list.map((s) => ({ id: s.id, division: s.division, position: s.position ?? '', state: s.state, candidates: s.candidates, sent: s.lastExport?.at.slice(0, 10) ?? '', 'reply by': s.lastExport?.replyBy ?? '' }))),
      );
      return 0;
    },
  },
  {
    words: ['shortlist', 'show'],
    usage: 'shortlist show ID                  a shortlist\'s candidates: applicationId, candidateCode, stage',
    async run({ client, args, json, print }) {
      const detail = await client.call('shortlists.get', { id: wholeNumber('The shortlist ID', args[0]) });
      const candidates = detail.entries.map((e) => ({ applicationId: e.applicationId, candidateCode: e.candidateCode, stage: e.stage }));
      print(json ? { ...detail, candidates } : detail, `Shortlist ${detail.id} of ${detail.division} (${detail.state})\n\n${table(candidates.map((c, i) => ({ '#': i + 1, ...c })))}`);
      return 0;
    },
  },
  {
    words: ['export', 'shortlist'],
    usage: `export shortlist ID [--blind] --out FILE.xlsx [--manager NAME --manager-email ADDRESS] [--reply-by YYYY-MM-DD]
                                     write the workbook for the division's hiring manager (.eml: an
                                     e-mail draft with it attached) and record it as sent`,
    options: { blind: { type: 'boolean' }, out: { type: 'string' }, manager: { type: 'string' }, 'manager-email': { type: 'string' }, 'reply-by': { type: 'string' } },
    async run({ client, args, option, flag, print }) {
      const id = wholeNumber('The shortlist ID', args[0]);
      const out = option('out');
      if (!out) throw new UsageError('Say where to write the workbook: --out FILE.xlsx (or FILE.eml for an e-mail draft).');
      const name = option('manager');
      const email = option('manager-email');
      if (email && !name) throw new UsageError('Give the hiring manager\'s name with --manager as well as their address.');
      const replyBy = option('reply-by') ?? brusselsDate(new Date(Date.now() + DEFAULT_REPLY_DAYS * DAY_MS).toISOString());
      const path = resolve(out);
      const result = await client.call('shortlists.export', {
        id,
        blind: flag('blind'),
        manager: name ? { name, email: email ?? null } : null,
        replyBy,
        format: path.toLowerCase().endsWith('.eml') ? 'eml' : 'xlsx',
        target: { kind: 'path', path },
      });
      print(result, `Wrote ${basename(path)}: ${result.export.candidates} candidate(s), reply by ${result.export.replyBy}. The shortlist is sent.`);
      return 0;
    },
  },
  {
    words: ['import', 'decisions'],
    usage: `import decisions FILE.xlsx         apply a hiring manager's reply; prints {"shortlist", "applied",
                                     "unchanged", "changes"}; refused whole, nothing applied, when a row is wrong`,
    async run({ client, args, io, json, print }) {
      const file = args[0];
      if (!file || args.length > 1) throw new UsageError('Name one reply workbook to import.');
      const preview = await client.call('shortlists.replyPreview', { path: resolve(file) });
      if (preview.issues.length > 0) {
        await client.call('shortlists.replyCancel', { jobId: preview.jobId });
        for (const issue of preview.issues) io.err(`cohort: ${file}: ${issue.message}`);
        io.err(`cohort: ${file}: nothing was applied.`);
        return 1;
      }
      const result = await client.call('shortlists.replyCommit', { jobId: preview.jobId });
      const changes = result.changes.map((c) => ({ applicationId: c.applicationId, candidateCode: c.candidateCode, from: c.from, to: c.to, comment: c.comment }));
      const summary = { shortlist: result.shortlistId, applied: result.applied, unchanged: result.unchanged, changes };
      if (json) io.out(JSON.stringify(summary, null, 2));
      else print(summary, `${file}: ${result.applied} change(s) applied to shortlist ${result.shortlistId}, ${result.unchanged} unchanged\n${changes.map((c) => `  ${c.candidateCode} (${c.applicationId}): ${c.from} -> ${c.to}${c.comment ? `, "${c.comment}"` : ''}`).join('\n')}`);
      return 0;
    },
  },
];
