import { readFileSync } from 'node:fs';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema';
import { parseServerUrl, tlsOptions, type ServerAddress } from './server-url';

// Integers the schema keeps as bigint (count(*), sums) come back as strings by default: as numbers
// here, like SQLite's (no count of a campaign comes near 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export interface ServerPoolOptions {
  /** The office's CA (a PEM file), when its certificates are not in the system's store. */
  caFile?: string;
  /** From the keychain in the app; the URL's or PGPASSWORD otherwise. */
  password?: string;
  /** Connections one workstation keeps (the worker, with background work beside requests). */
  max?: number;
  /** How long a statement waits for another workstation's row lock (LOCK_WAIT_MS; shorter in tests). */
  lockWaitMs?: number;
}

/** The connection options of node-postgres for an address: its TLS rule, the office CA, the password. */
export function poolConfig(address: ServerAddress, options: ServerPoolOptions = {}): pg.PoolConfig {
  const password = options.password ?? address.password ?? undefined;
  return {
    host: address.host,
    port: address.port,
    database: address.database,
    user: address.user,
    ...(password !== undefined ? { password } : {}),
    ssl: tlsOptions(address.sslmode, options.caFile ? readFileSync(options.caFile, 'utf8') : undefined),
    application_name: 'Cohort',
    max: options.max ?? 6,
    // A lost server shows as an error on the next request, not as a request that never ends.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  };
}

/**
 * How long a workstation's statement waits for a row another workstation has locked (its decision
 * on the same application, being saved) before it gives up and says so (LockWaitTimeout, in words):
 * saving takes milliseconds, so a wait this long means a stuck transaction, not a busy colleague.
 * Campaign-wide work waits for another workstation's run without this bound (campaign-work.ts).
 */
export const LOCK_WAIT_MS = 15_000;

/** A pool of connections to the office server for one workstation. */
export function openServerPool(url: string, options: ServerPoolOptions = {}): { pool: pg.Pool; address: ServerAddress } {
  const address = parseServerUrl(url);
  const pool = new pg.Pool({
    ...poolConfig(address, options),
    options: `-c lock_timeout=${Math.round(options.lockWaitMs ?? LOCK_WAIT_MS)}`,
    // A connection whose network died without a word is noticed by the operating system, rather
    // than a request waiting on it until TCP gives up (minutes).
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle connection the server dropped (restart, network) is replaced on the next request; the
  // error must not take the process down.
  pool.on('error', () => undefined);
  // The same for a connection this workstation holds between two statements: the next statement on
  // it fails, and is told as the server lost (transaction.ts), rather than the error ending the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return { pool, address };
}

/** Kysely over the pool, with the same camelCase names as on SQLite (db/connection.ts). */
export function serverKysely(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}
