import type pg from 'pg';
import { isServerLost, ServerLostAtSaveError, storageError } from '../../shared/api/errors';

/**
 * Work on the office server, in words an officer understands when it fails: the server lost
 * (network, restart) or a permission the server refused (an officer's login importing, say).
 */

/** The error an officer is shown for a failure on the server (lost, or a permission refused); others pass as they are. */
export function serverError(error: unknown): unknown {
  return storageError(error) ?? error;
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
  const client = await begun(pool);
  let broken: Error | undefined;
  try {
    const result = await work(client);
    try {
      await client.query('COMMIT');
    } catch (error) {
      // Lost while committing: the server may have saved it or not. Said so, never "nothing was saved".
      if (isServerLost(error)) {
        broken = error instanceof Error ? error : new Error(String(error));
        throw new ServerLostAtSaveError();
      }
      throw error;
    }
    return result;
  } catch (error) {
    if (error instanceof ServerLostAtSaveError) throw error;
    if (isServerLost(error)) broken = error instanceof Error ? error : new Error(String(error));
    else await client.query('ROLLBACK').catch(() => undefined);
    throw serverError(error);
  } finally {
    client.release(broken);
  }
}

/**
 * A connection with a transaction begun. A pooled connection the server dropped while it sat idle
 * (a restart) fails on its first statement: BEGIN, before any work was sent, so it is dropped and
 * another taken.
 */
async function begun(pool: pg.Pool, tries = 3): Promise<pg.PoolClient> {
  for (let attempt = 1; ; attempt++) {
    const client = await connection(pool);
    try {
      await client.query('BEGIN');
      return client;
    } catch (error) {
      const lost = isServerLost(error);
      client.release(lost ? (error instanceof Error ? error : new Error(String(error))) : undefined);
      if (!lost || attempt >= tries) throw serverError(error);
    }
  }
}

/** One read, with the same failures in words; tried again on another connection when the server dropped this one (a read changes nothing). */
export async function read<R extends pg.QueryResultRow>(pool: pg.Pool, sql: string, params: unknown[] = [], tries = 3): Promise<R[]> {
  for (let attempt = 1; ; attempt++) {
    const client = await connection(pool);
    try {
      const { rows } = await client.query<R>(sql, params);
      client.release();
      return rows;
    } catch (error) {
      const lost = isServerLost(error);
      client.release(lost ? (error instanceof Error ? error : new Error(String(error))) : undefined);
      if (!lost || attempt >= tries) throw serverError(error);
    }
  }
}
