import { sql, type Kysely } from 'kysely';
import type { ServerInfo } from '../../../shared/api/contract';
import type { Database } from '../../../db/schema';
import { parseServerUrl } from '../../../db/postgres/server-url';
import type { OpenDatabase } from '../session';

/**
 * What the app and Settings say about the office server (team mode), in place of a file's path,
 * size and backups: which server, as whom, its schema, and whether it answers now.
 */

/** How long the lost-server banner's check waits for the server: a network that drops packets must not hold it. */
export const REACH_TIMEOUT_MS = 3_000;

/** The server and the officer's login; null on a file. */
export function serverInfoOf(open: OpenDatabase): ServerInfo | null {
  if (open.engine !== 'postgres' || open.login === null) return null;
  const address = parseServerUrl(open.path);
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return { address: `${host}:${address.port}/${address.database}`, login: open.login };
}

/** The version `cohort server init` brought the server's schema to (checked when the workstation connected). */
export async function serverSchemaVersion(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ version: number }>`SELECT version FROM cohort_schema`.execute(db);
  return Number(rows[0]?.version ?? 0);
}

/** The database's size on the server, as PostgreSQL counts it. */
export async function serverSizeBytes(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ size: number }>`SELECT pg_database_size(current_database()) AS size`.execute(db);
  return Number(rows[0]?.size ?? 0);
}

/** Whether a query reaches the server now (false on any failure, or after REACH_TIMEOUT_MS). */
export async function serverAnswers(db: Kysely<Database>, timeoutMs = REACH_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([sql`SELECT 1`.execute(db).then(() => true, () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}
