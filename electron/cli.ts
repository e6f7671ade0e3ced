import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { createClient, type Client } from '../shared/api/client';
import { ApiCallError, backupProblemMessage } from '../shared/api/errors';
import { APP_VERSION, osUserName } from './core/app-identity';
import { defaultDataDirectory, describeLocation, locationsFor } from './core/paths';
import { inProcessTransport, openCore } from './core/runtime';
import { UsageError, type CliCommand, type CliContext, type Io, type OptionSpec } from './cli/command';
import { COMMANDS } from './cli/commands';

export { screeningLineJson } from './cli/format';

/**
 * `cohort`: the same services as the app, on a database file, for scripts and for the office's
 * power users. Each domain's commands are in cli/commands/; this file reads the arguments, opens
 * the database and runs the command named. Errors go to stderr with exit code 1 (2 for a mistake
 * in the call, with the usage); `--json` prints machine-readable output.
 */

const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  db: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
};

const USAGE = `Usage: cohort <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}

Options for every command:
  --db FILE|URL    the database file (default: the app's own database), or the office
                   server as postgres://login@host:5432/database (TLS verified unless the
                   URL says sslmode=disable; password from the URL or COHORT_PASSWORD)
  --data-dir DIR   where backups go (default: beside the --db file, else the app's data folder)
  --json           machine-readable output
  --help           this text
`;

/** Every option any command takes: parseArgs reads them all, each command reads its own. */
function allOptions(): Record<string, OptionSpec> {
  const options: Record<string, OptionSpec> = { ...COMMON_OPTIONS };
  for (const command of COMMANDS) Object.assign(options, command.options);
  return options;
}

/** The command the words name (the longest match), and the words left for it. */
function findCommand(words: string[], has: Pick<CliContext, 'option' | 'flag'>): { command: CliCommand; args: string[] } | null {
  let best: CliCommand | null = null;
  for (const command of COMMANDS) {
    if (!command.words.every((w, i) => words[i] === w)) continue;
    if (command.when && !command.when(has)) continue;
    if (!best || command.words.length > best.words.length) best = command;
  }
  return best ? { command: best, args: words.slice(best.words.length) } : null;
}

const NO_DATABASE = new Proxy({} as Client, {
  get() {
    throw new Error('This command runs without a database.');
  },
});

export async function runCli(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: allOptions() });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const option = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : Array.isArray(value) ? value.at(-1) : undefined;
  };
  const options = (name: string): string[] => {
    const value = values[name];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
  };
  const flag = (name: string): boolean => values[name] === true;
  if (flag('help') || positionals.length === 0) {
    (flag('help') ? io.out : io.err)(USAGE);
    return flag('help') ? 0 : 2;
  }
  const found = findCommand(positionals, { option, flag });
  if (!found) {
    io.err(`cohort: Unknown command "${positionals.slice(0, 2).join(' ')}".\n\n${USAGE}`);
    return 2;
  }
  const json = flag('json');
  const print = (data: unknown, human: string) => io.out(json ? JSON.stringify(data, null, 2) : human);
  const context = (client: Client, subscribe: CliContext['subscribe']): CliContext => ({ client, subscribe, io, json, option, options, flag, args: found.args, print });

  try {
    if (found.command.withoutDatabase) return await found.command.run(context(NO_DATABASE, () => () => {}));
  } catch (error) {
    return failure(error, io);
  }

  const { dataDirectory, databasePath, backupDirectory } = locationsFor({ db: option('db'), dataDir: option('data-dir') }, () =>
    defaultDataDirectory(process.platform, env, homedir()),
  );
  let core;
  try {
    // On the office server, the password: the URL's, else COHORT_PASSWORD, else PGPASSWORD (node-postgres reads it).
    const password = env.COHORT_PASSWORD;
    core = await openCore({ databasePath, dataDirectory, backupDirectory, userName: osUserName(), appVersion: APP_VERSION, server: password ? { password } : {} });
  } catch (error) {
    io.err(`cohort: cannot open ${describeLocation(databasePath)}: ${(error as Error).message}`);
    return 1;
  }
  // A backup folder that is full or cannot be written does not stop the command: it warns.
  const backupProblem = core.session.backupProblem;
  if (backupProblem) io.err(`cohort: warning: ${backupProblemMessage(backupProblem)}`);
  try {
    return await found.command.run(context(createClient(inProcessTransport(core)), (listener) => core.subscribe(listener)));
  } catch (error) {
    return failure(error, io);
  } finally {
    await core.close();
  }
}

/** A command's failure in words: the usage for a mistake in the call, the reason for the rest. */
function failure(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.err(`cohort: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  io.err(`cohort: ${error instanceof ApiCallError ? error.message : (error as Error).message}`);
  return 1;
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
