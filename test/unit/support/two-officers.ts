import { join } from 'node:path';
import pg from 'pg';
import { createClient, type Client } from '../../../shared/api/client';
import { inProcessTransport, openCore, type Core } from '../../../electron/core/runtime';
import { copyCampaignToServer } from '../../../db/copy/copy-campaign';
import { addOfficer, initServer } from '../../../db/postgres/server-admin';
import { serverTableCounts, tableCounts } from './temp';
import { asLogin, type Engine } from './engine';

export { asLogin, type Engine };

/**
 * Two officers, Marie and Jan, on one screened demo campaign, on either engine: the same tests
 * run on both (working-together.test.ts). On this computer's SQLite they are two callers of one
 * app; on the office server two workstations (each its own Core, pool and change feed), logged in
 * as themselves, the campaign moved over from a laptop by an administrator.
 */

export interface TwoOfficers {
  engine: Engine;
  campaignId: number;
  marie: Client;
  jan: Client;
  /** Rows of every table: a refused request changed none. */
  counts(): Promise<Record<string, number>>;
  /** An office administrator (settings are theirs): on the server a third workstation, opened when first asked for. */
  admin(): Promise<Client>;
  /** What a plain SQL query (no parameters, SQL both engines run) reads from the database, once the work left for after requests is done. */
  rows<R>(sql: string): Promise<R[]>;
  close(): Promise<void>;
}

/** A laptop's screened demo campaign (a file, whichever engine the run tests: it is copied to the server). */
async function screenedDemo(dir: string, count: number): Promise<string> {
  const databasePath = join(dir, 'cohort.sqlite');
  const laptop = await openCore({ databasePath, backupDirectory: join(dir, 'backups'), userName: 'tester', appVersion: 'test' });
  const client = createClient(inProcessTransport(laptop));
  await client.call('demo.load', { count, seed: 11 });
  await client.call('screening.run', { campaignId: 1 });
  await laptop.close();
  return databasePath;
}

/** An office server set up by IT (schema, roles; officers marie and jan, an administrator), the campaign copied over. */
export async function serverWithCampaign(serverUrl: string, file: string): Promise<number> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await initServer(admin);
    await addOfficer(admin, 'marie', { admin: false, password: 'm-secret' });
    await addOfficer(admin, 'jan', { admin: false, password: 'j-secret' });
    await addOfficer(admin, 'office_admin', { admin: true, password: 'a-secret' });
  } finally {
    await admin.end();
  }
  return (await copyCampaignToServer(file, asLogin(serverUrl, 'office_admin', 'a-secret'))).to.campaignId;
}

export async function workstation(serverUrl: string, login: string, password: string, dir: string): Promise<{ core: Core; client: Client }> {
  const core = await openCore({ databasePath: asLogin(serverUrl, login, password), backupDirectory: join(dir, 'backups'), userName: `${login}-os`, appVersion: 'test' });
  return { core, client: createClient(inProcessTransport(core)) };
}

async function serverCounts(serverUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await serverTableCounts(async <R>(text: string) => (await client.query(text)).rows as R[]);
  } finally {
    await client.end();
  }
}

/** `serverUrl`: a superuser's URL of an empty database (postgres only). */
export async function twoOfficers(engine: Engine, dir: () => string, serverUrl?: () => Promise<string>, count = 400): Promise<TwoOfficers> {
  const file = await screenedDemo(dir(), count);
  if (engine === 'sqlite') {
    const core = await openCore({ databasePath: file, backupDirectory: join(dir(), 'backups'), userName: 'tester', appVersion: 'test' });
    return {
      engine,
      campaignId: 1,
      marie: createClient(inProcessTransport(core, { userName: 'marie' })),
      jan: createClient(inProcessTransport(core, { userName: 'jan' })),
      counts: () => tableCounts(core),
      admin: async () => createClient(inProcessTransport(core, { userName: 'office_admin' })),
      async rows<R>(sql: string) {
        await core.settled();
        return core.session.open.sqlite.prepare(sql).all() as R[];
      },
      close: () => core.close(),
    };
  }
  if (!serverUrl) throw new Error('twoOfficers on postgres needs a server');
  const url = await serverUrl();
  const campaignId = await serverWithCampaign(url, file);
  const marie = await workstation(url, 'marie', 'm-secret', dir());
  const jan = await workstation(url, 'jan', 'j-secret', dir());
  let admin: { core: Core; client: Client } | undefined;
  const settled = () => Promise.all([marie.core.settled(), jan.core.settled(), admin?.core.settled()]);
  return {
    engine,
    campaignId,
    marie: marie.client,
    jan: jan.client,
    counts: async () => {
      await settled();
      return serverCounts(url);
    },
    async admin() {
      admin ??= await workstation(url, 'office_admin', 'a-secret', dir());
      return admin.client;
    },
    async rows<R>(sql: string) {
      await settled();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql)).rows as R[];
      } finally {
        await client.end();
      }
    },
    async close() {
      await marie.core.close();
      await jan.core.close();
      await admin?.core.close();
    },
  };
}
