import type pg from 'pg';
import { describeServer } from '../../../db/postgres/server-url';
import { openServerPool, poolConfig, serverKysely, type ServerPoolOptions } from '../../../db/postgres/pool';
import { PG_LATEST_SCHEMA_VERSION } from '../../../db/postgres/migrations';
import { connection, serverError } from '../../../db/postgres/transaction';
import { ConflictError, NotOnServerError } from '../../../shared/api/errors';
import type { SqliteDatabase } from '../../../db/connection';
import type { OpenDatabase } from '../session';
import { announcer, listenForChanges, newWorkstationId, type FeedListener } from './change-feed';
import { serverCampaignWork } from './campaign-work';
import { serverStores } from './server-stores';

/** A workstation's connection to the office server: the open database the services see, and what to close. */
export interface ServerConnection {
  open: OpenDatabase;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** The server's schema must be the one this Cohort knows: `cohort server init` (IT) brings it up to date. */
async function checkSchema(pool: pg.Pool): Promise<void> {
  const client = await connection(pool);
  try {
    // No cohort_schema table (42P01): a server IT has not set up; anything else is the server's error, said as such.
    const { rows } = await client.query<{ version: number }>('SELECT version FROM cohort_schema').catch((error: unknown) => {
      if ((error as { code?: unknown }).code === '42P01') return { rows: [] as { version: number }[] };
      throw serverError(error);
    });
    const version = rows[0]?.version ?? 0;
    if (version === 0) throw new ConflictError('This server has no Cohort database yet. Ask the office’s IT to run “cohort server init” on it.', 'ServerNotInitialised');
    if (version !== PG_LATEST_SCHEMA_VERSION) {
      throw new ConflictError(
        version > PG_LATEST_SCHEMA_VERSION
          ? `The office server was set up by a newer Cohort (schema ${version}; this one knows ${PG_LATEST_SCHEMA_VERSION}). Update Cohort on this computer.`
          : `The office server's Cohort database is older than this Cohort (schema ${version}; this one needs ${PG_LATEST_SCHEMA_VERSION}). Ask the office’s IT to run “cohort server init” again.`,
        'ServerSchemaDiffers',
      );
    }
  } finally {
    client.release();
  }
}

export async function openServerConnection(url: string, options: ServerPoolOptions, listener: FeedListener): Promise<ServerConnection> {
  const { pool, address } = openServerPool(url, options);
  try {
    await checkSchema(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = serverKysely(pool);
  const self = newWorkstationId();
  const feed = listenForChanges(poolConfig(address, { ...options, max: 1 }), self, listener);
  const open: OpenDatabase = {
    engine: 'postgres',
    path: describeServer(address),
    get sqlite(): SqliteDatabase {
      throw new NotOnServerError('This part of Cohort');
    },
    db,
    stores: serverStores(pool, db),
    login: address.user,
    announce: announcer(pool, self),
    campaignWork: serverCampaignWork(pool),
  };
  return {
    open,
    pool,
    async close() {
      await feed.close();
      await db.destroy();
    },
  };
}
