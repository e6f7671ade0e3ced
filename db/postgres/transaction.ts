import type pg from 'pg';
import { ConflictError, ServerUnreachableError } from '../../shared/api/errors';

/**
 * Work on the office server, in words an officer understands when it fails: the server lost
 * (network, restart) or a permission the server refused (an officer's login importing, say).
 */

/** node-postgres' errors carry PostgreSQL's SQLSTATE (`code`), or Node's for the network. */
function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The server is gone or going: connection failures (08…), shutdowns (57P01-57P03), the network. */
export function isServerLost(error: unknown): boolean {
  const code = sqlState(error);
  if (code !== undefined) return NETWORK_CODES.has(code) || code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03';
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(message);
}

/** The server's own refusal of something the login may not do (GRANTs: server-admin.ts). */
export class NotAllowedOnServerError extends ConflictError {
  constructor() {
    super('Your login on the office server may not do this (only office administrators may). Nothing was changed: ask an office administrator.', 'NotAllowed');
  }
}

/** The error an officer is shown for a failure on the server; others pass as they are. */
export function serverError(error: unknown): unknown {
  if (isServerLost(error)) return new ServerUnreachableError();
  if (sqlState(error) === '42501') return new NotAllowedOnServerError();
  return error;
}

/**
 * A connection from the pool; a server that cannot be reached is tried again for a few seconds
 * (a restart) before the request fails with ServerUnreachable. Nothing has been sent yet, so
 * trying again cannot do anything twice.
 */
export async function connection(pool: pg.Pool, tries = 4, waitMs = 750): Promise<pg.PoolClient> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pool.connect();
    } catch (error) {
      if (!isServerLost(error) || attempt >= tries) throw serverError(error);
      await new Promise((resolve) => setTimeout(resolve, waitMs * attempt));
    }
  }
}

/**
 * One transaction (READ COMMITTED; the work takes the row locks it needs, SELECT … FOR NO KEY
 * UPDATE, so no read-then-write relies on nothing else running in between). Any failure rolls it
 * back whole. A connection lost during the work is released as broken, not returned to the pool.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await connection(pool);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    if (isServerLost(error)) broken = error instanceof Error ? error : new Error(String(error));
    else await client.query('ROLLBACK').catch(() => undefined);
    throw serverError(error);
  } finally {
    client.release(broken);
  }
}

/** One read, with the same failures in words. */
export async function read<R extends pg.QueryResultRow>(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = await connection(pool);
  let broken: Error | undefined;
  try {
    return (await client.query<R>(sql, params)).rows;
  } catch (error) {
    if (isServerLost(error)) broken = error instanceof Error ? error : new Error(String(error));
    throw serverError(error);
  } finally {
    client.release(broken);
  }
}
