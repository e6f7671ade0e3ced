import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, type Client } from '../shared/api/client';
import type { ImportResult, ScreeningLine } from '../shared/api/contract';
import { ApiCallError, backupProblemMessage } from '../shared/api/errors';
import { SETTING_KEYS, type CampaignSettings, type SettingKey } from '../shared/domain/settings';
import { APP_VERSION, osUserName } from './core/app-identity';
import { defaultDataDirectory, locationsFor } from './core/paths';
import { inProcessTransport, openCore } from './core/runtime';
import { writeDemoExport } from './core/demo/export-file';

/**
 * `cohort`: the same services as the app, on a database file, for scripts and for the office's
 * power users. Errors go to stderr with exit code 1; `--json` prints machine-readable output.
 */

const USAGE = `Usage: cohort <command> [options]

Commands:
  campaign list                      list the campaigns of the database
  campaign show [--campaign ID]      show a campaign and its settings
  campaign set [--campaign ID] [--name NAME] [KEY VALUE ...]
                                     change settings, e.g. "campaign set minimumAge 22"
                                     keys: ${SETTING_KEYS.join(', ')}
  demo [--count N] [--seed S] [--campaign ID]
                                     fill a campaign with N synthetic applications (default 2000)
  demo --csv FILE [--count N] [--seed S]
                                     write N synthetic applications as an e-recruitment export
                                     (to try the import); the database is not touched
  import [--campaign ID] FILE...     import e-recruitment exports (.csv, .txt, .xlsx) with the
                                     mapping saved for their layout, or the automatic one
  screen [--campaign ID]             screen the campaign; with --json, one line per application:
                                     {"applicationId", "verdict", "reasons"}; else a summary
  backup                             take a backup of the database now

Options for every command:
  --db FILE        the database file (default: the app's own database)
  --data-dir DIR   where backups go (default: beside the --db file, else the app's data folder)
  --json           machine-readable output
  --help           this text
`;

class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

function table(rows: Record<string, string | number>[]): string {
  if (rows.length === 0) return '(none)';
  const keys = Object.keys(rows[0] ?? {});
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(keys), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => String(r[k] ?? ''))))].join('\n');
}

/** A setting's value as typed on the command line, given the type of its default. */
function settingValue(key: SettingKey, raw: string, current: CampaignSettings): string | number {
  if (typeof current[key] === 'number') {
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new UsageError(`"${key}" takes a number, not "${raw}".`);
    return n;
  }
  return raw;
}

async function campaignIdOf(client: Client, given: string | undefined): Promise<number> {
  if (given !== undefined) {
    const id = Number(given);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`--campaign takes a campaign number, not "${given}".`);
    return id;
  }
  const list = await client.call('campaign.list', {});
  const first = list[0];
  if (!first) throw new UsageError('This database has no campaign.');
  return first.id;
}

/**
 * One line of `screen --json`, written as sample-export.expected.jsonl writes it (a space after
 * each colon and comma), so the two can be compared line for line.
 */
export function screeningLineJson(line: ScreeningLine): string {
  const parts = [`"applicationId": ${JSON.stringify(line.applicationId)}`, `"verdict": ${JSON.stringify(line.verdict)}`, `"reasons": [${line.reasons.map((r) => JSON.stringify(r)).join(', ')}]`];
  if (line.override) parts.push(`"override": {"verdict": ${JSON.stringify(line.override.verdict)}, "state": ${JSON.stringify(line.override.state)}}`);
  return `{${parts.join(', ')}}`;
}

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

export async function runCli(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        campaign: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        name: { type: 'string' },
        csv: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, sub, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }

  if (command === 'demo' && values.csv !== undefined) {
    const count = values.count === undefined ? 2000 : Number(values.count);
    if (!Number.isInteger(count) || count < 1) {
      io.err('cohort: --count takes a whole number of applications.');
      return 2;
    }
    const rows = await writeDemoExport(resolve(values.csv), { count, seed: values.seed === undefined ? undefined : Number(values.seed) });
    io.out(values.json ? JSON.stringify({ file: values.csv, rows }) : `Wrote ${rows.toLocaleString('en')} demo rows to ${values.csv}.`);
    return 0;
  }

  const { dataDirectory, databasePath, backupDirectory } = locationsFor({ db: values.db, dataDir: values['data-dir'] }, () =>
    defaultDataDirectory(process.platform, env, homedir()),
  );
  const print = (json: unknown, human: string) => io.out(values.json ? JSON.stringify(json, null, 2) : human);

  let core;
  try {
    core = await openCore({
      databasePath,
      dataDirectory,
      backupDirectory,
      userName: osUserName(),
      appVersion: APP_VERSION,
    });
  } catch (error) {
    io.err(`cohort: cannot open ${databasePath}: ${(error as Error).message}`);
    return 1;
  }
  // A backup folder that is full or cannot be written does not stop the command: it warns.
  const backupProblem = core.session.backupProblem;
  if (backupProblem) io.err(`cohort: warning: ${backupProblemMessage(backupProblem)}`);
  const client = createClient(inProcessTransport(core));
  try {
    if (command === 'campaign' && sub === 'list') {
      const list = await client.call('campaign.list', {});
      print(list, table(list.map((c) => ({ id: c.id, name: c.name, applications: c.applicationCount, created: c.createdAt.slice(0, 10) }))));
    } else if (command === 'campaign' && sub === 'show') {
      const campaign = await client.call('campaign.get', { campaignId: await campaignIdOf(client, values.campaign) });
      print(
        campaign,
        `Campaign ${campaign.id}: ${campaign.name}\n\n${table(Object.entries(campaign.settings).map(([setting, value]) => ({ setting, value: String(value) })))}`,
      );
    } else if (command === 'campaign' && sub === 'set') {
      const campaignId = await campaignIdOf(client, values.campaign);
      const current = await client.call('campaign.get', { campaignId });
      if (rest.length % 2 !== 0) throw new UsageError('Give each setting as KEY VALUE.');
      const settings: Partial<Record<SettingKey, string | number>> = {};
      for (let i = 0; i < rest.length; i += 2) {
        const key = rest[i] as string;
        if (!(SETTING_KEYS as string[]).includes(key)) throw new UsageError(`There is no setting "${key}". Settings: ${SETTING_KEYS.join(', ')}.`);
        settings[key as SettingKey] = settingValue(key as SettingKey, rest[i + 1] as string, current.settings);
      }
      if (Object.keys(settings).length === 0 && values.name === undefined) throw new UsageError('Nothing to change: give --name or KEY VALUE pairs.');
      const updated = await client.call('campaign.update', {
        campaignId,
        ...(values.name !== undefined ? { name: values.name } : {}),
        settings: settings as Partial<CampaignSettings>,
      });
      print(updated, `Campaign ${updated.id} updated.`);
    } else if (command === 'demo') {
      const count = values.count === undefined ? 2000 : Number(values.count);
      const seed = values.seed === undefined ? undefined : Number(values.seed);
      let lastShown = 0;
      const unsubscribe = core.subscribe((event) => {
        if (!values.json && event.type === 'progress' && event.done - lastShown >= event.total / 10) {
          lastShown = event.done;
          io.err(`  ${event.done.toLocaleString('en')} / ${event.total.toLocaleString('en')}`);
        }
      });
      const result = await client.call('demo.load', {
        count,
        ...(seed !== undefined ? { seed } : {}),
        ...(values.campaign !== undefined ? { campaignId: await campaignIdOf(client, values.campaign) } : {}),
      });
      unsubscribe();
      print(result, `Loaded ${result.inserted.toLocaleString('en')} demo applications into campaign ${result.campaignId} in ${(result.durationMs / 1000).toFixed(1)} s.`);
    } else if (command === 'import') {
      const files = [sub, ...rest].filter((f): f is string => typeof f === 'string');
      if (files.length === 0) throw new UsageError('Name at least one file to import.');
      const campaignId = await campaignIdOf(client, values.campaign);
      let failed = false;
      // Progress on stderr (stdout stays machine-readable with --json): each tenth of the file.
      let shown = '';
      const unsubscribe = core.subscribe((event) => {
        if (event.type !== 'progress' || event.job !== 'import' || event.total === 0) return;
        const step = `${event.phase}:${Math.floor((10 * event.done) / event.total)}`;
        if (step === shown) return;
        shown = step;
        io.err(`  ${event.phase === 'writing' ? 'writing' : 'reading'} ${Math.round((100 * event.done) / event.total)}% (${(event.rows ?? 0).toLocaleString('en')} rows)`);
      });
      for (const file of files) {
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
        if (values.json) io.out(JSON.stringify(summary));
        else {
          io.out(
            `${file}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skippedDrafts} drafts skipped, ${rejectedRows.length} rejected`,
          );
          for (const r of rejectedRows) io.out(`  row ${r.row}${r.column ? `, column "${r.column}"` : ''}: ${r.message}`);
        }
      }
      unsubscribe();
      return failed ? 1 : 0;
    } else if (command === 'screen') {
      const campaignId = await campaignIdOf(client, values.campaign);
      const summary = await client.call('screening.run', { campaignId });
      const lines = await client.call('screening.lines', { campaignId });
      if (values.json) {
        for (const line of lines) io.out(screeningLineJson(line));
      } else {
        const byReason = new Map<string, number>();
        for (const line of lines) for (const reason of line.reasons) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
        io.out(
          `${summary.screened.toLocaleString('en')} applications screened (${summary.changed.toLocaleString('en')} results changed) in ${summary.durationMs} ms\n\n` +
            `${table((['eligible', 'review', 'ineligible'] as const).map((verdict) => ({ verdict, applications: summary.byVerdict[verdict] })))}\n\n` +
            table([...byReason].sort(([a], [b]) => a.localeCompare(b)).map(([reason, applications]) => ({ reason, applications }))) +
            (summary.staleOverrides > 0 ? `\n\n${summary.staleOverrides} override(s) must be decided again: the application's data changed.` : ''),
        );
      }
    } else if (command === 'backup') {
      const info = await client.call('database.backupNow', {});
      print(info, `Backup written to ${info.path}`);
    } else {
      throw new UsageError(`Unknown command "${[command, sub].filter(Boolean).join(' ')}".`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`cohort: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ApiCallError) {
      io.err(`cohort: ${error.message}`);
      return 1;
    }
    io.err(`cohort: ${(error as Error).message}`);
    return 1;
  } finally {
    await core.close();
  }
}

// Run when bundled as dist/node/cli.cjs (not when imported by tests).
if (typeof require !== 'undefined' && require.main === module) {
  void runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}
