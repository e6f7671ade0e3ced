import { readFileSync } from 'node:fs';
import pg from 'pg';
import { PG_LATEST_SCHEMA_VERSION } from '../db/postgres/migrations';
import { poolConfig } from '../db/postgres/pool';
import { parseServerUrl } from '../db/postgres/server-url';
import { CaFileUnreadableError, connectFailureOf, NotCohortServerError, ServerSchemaError } from './connect-failure';
import type { ConnectFailure } from '../shared/api/connection-bridge';

/**
 * Connect's test, before the app switches: one connection with the same options the worker will
 * use (TLS rule, office CA, password), then the schema's version, as the workstation's login. It
 * reaches the real server, so what it reports is what the worker would meet; but here the driver's
 * and TLS's own error codes are still at hand, so each failure is said in words (connect-failure.ts).
 */

export interface ProbeOptions {
  password: string;
  caFile: string | null;
  /** How long to wait for the server: a network that drops packets must not hold Settings. */
  timeoutMs?: number;
}

/** Null when the server answers as a Cohort server this login may use; why not otherwise. */
export async function probeServer(url: string, options: ProbeOptions): Promise<ConnectFailure | null> {
  if (options.caFile !== null) {
    try {
      readFileSync(options.caFile, 'utf8');
    } catch (error) {
      return connectFailureOf(new CaFileUnreadableError(options.caFile, error));
    }
  }
  const address = parseServerUrl(url);
  const { max: _max, idleTimeoutMillis: _idle, ...config } = poolConfig(address, { password: options.password, ...(options.caFile !== null ? { caFile: options.caFile } : {}) });
  const client = new pg.Client({ ...config, connectionTimeoutMillis: options.timeoutMs ?? 8_000 });
  // An error after connecting (the server closing) must not take the main process down.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ version: number }>('SELECT version FROM cohort_schema');
    const version = Number(rows[0]?.version ?? 0);
    if (version === 0) throw new NotCohortServerError();
    if (version !== PG_LATEST_SCHEMA_VERSION) throw new ServerSchemaError(version, PG_LATEST_SCHEMA_VERSION);
    return null;
  } catch (error) {
    return connectFailureOf(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
