import type { Client } from '../../shared/api/client';
import type { ApiEvent } from '../../shared/api/contract';

/**
 * One `cohort` command: the words that name it, its lines of the usage text, and what it does with
 * the services' client. Each domain keeps its commands in commands/<domain>.ts; commands/index.ts
 * joins them, and cli.ts reads the arguments and runs the one named.
 */

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** An option a command takes, as node:util's parseArgs reads it. */
export type OptionSpec = { type: 'string'; multiple?: boolean } | { type: 'boolean' };

export interface CliContext {
  /** The services, through the same contract as the app (absent for a command `withoutDatabase`). */
  client: Client;
  /** Progress and change events of the services, for commands that show progress on stderr. */
  subscribe(listener: (event: ApiEvent) => void): () => void;
  io: Io;
  /** --json was given: print data, not sentences. */
  json: boolean;
  /** A string option's value (the last one given). */
  option(name: string): string | undefined;
  /** Every value of an option given several times (--except A --except B). */
  options(name: string): string[];
  flag(name: string): boolean;
  /** The words after the command's own. */
  args: string[];
  /** Prints `json` with --json, else `human`. */
  print(json: unknown, human: string): void;
}

export interface CliCommand {
  /** "campaign list" → ['campaign', 'list']. */
  words: readonly string[];
  /** Its lines in `cohort --help`: the form, then what it does. */
  usage: string;
  /** The options it reads besides those of every command (--db, --data-dir, --json, --help). */
  options?: Readonly<Record<string, OptionSpec>>;
  /** Runs without opening a database (writing a demo export file). */
  withoutDatabase?: boolean;
  /** When two commands share their words, which one this call is for (demo --csv). */
  when?: (ctx: Pick<CliContext, 'option' | 'flag'>) => boolean;
  /** Exit code: 0 done, 1 failed (the reason on stderr). The client is absent only `withoutDatabase`. */
  run(ctx: CliContext): Promise<number>;
}

/** A mistake in how the command was called: the usage is shown, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
