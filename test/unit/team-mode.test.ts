import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../shared/api/client';
import type { ChangedEvent } from '../../shared/api/contract';
import { inProcessTransport, openCore, type Core } from '../../electron/core/runtime';
import { copyCampaignToServer } from '../../db/copy/copy-campaign';
import { addOfficer, initServer } from '../../db/postgres/server-admin';
import { usePostgresDatabase } from './support/postgres';
import { startTestServer } from './support/postgres-server';
import { openTestApp, useTempDir } from './support/temp';

/**
 * Team mode on a real PostgreSQL (the run's own throwaway server): two workstations, each an
 * officer logged in as themselves, deciding on one campaign moved over from a laptop. The same
 * decisions on one computer's SQLite: working-together.test.ts.
 */

const tempDir = useTempDir();
const database = usePostgresDatabase();

function as(url: string, login: string, password: string): string {
  const next = new URL(url);
  next.username = login;
  next.password = password;
  return next.href;
}

interface Team {
  url: string;
  marie: { core: Core; client: Client };
  jan: { core: Core; client: Client };
  refs: number[];
  close(): Promise<void>;
}

async function workstation(url: string, login: string, password: string): Promise<{ core: Core; client: Client }> {
  const core = await openCore({ databasePath: as(url, login, password), backupDirectory: join(tempDir(), 'backups'), userName: `${login}-os`, appVersion: 'test' });
  return { core, client: createClient(inProcessTransport(core)) };
}

/** A server set up by IT, a laptop's screened campaign copied over by an administrator, two officers at their workstations. */
async function team(serverUrl?: string): Promise<Team> {
  const url = serverUrl ?? (await database()).url;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await initServer(admin);
    await addOfficer(admin, 'marie', { admin: false, password: 'm-secret' });
    await addOfficer(admin, 'jan', { admin: false, password: 'j-secret' });
    await addOfficer(admin, 'office_admin', { admin: true, password: 'a-secret' });
  } finally {
    await admin.end();
  }
  const laptop = await openTestApp(tempDir());
  await laptop.client.call('demo.load', { count: 400, seed: 11 });
  await laptop.client.call('screening.run', { campaignId: 1 });
  await laptop.core.close();
  await copyCampaignToServer(laptop.databasePath, as(url, 'office_admin', 'a-secret'));
  const marie = await workstation(url, 'marie', 'm-secret');
  const jan = await workstation(url, 'jan', 'j-secret');
  const [campaign] = await marie.client.call('campaign.list', {});
  const page = await marie.client.call('triage.list', { campaignId: campaign!.id, queue: 'OPS', sort: [{ column: 'applicationId', descending: false }], limit: 3 });
  return {
    url,
    marie,
    jan,
    refs: page.rows.map((r) => r.ref),
    async close() {
      await marie.core.close();
      await jan.core.close();
    },
  };
}

describe('team mode on the office server', () => {
  it('two officers deciding the same application from the same version: one is refused with who and when; the queue and detail read the same on the server', async () => {
    const t = await team();
    const ref = t.refs[0]!;
    const seen = (await t.jan.client.call('triage.detail', { ref })).version;
    // Both at once: the server serialises them on the application's row; exactly one wins.
    const [a, b] = await Promise.all([
      t.marie.client.tryCall('triage.decide', { refs: [ref], stage: 'proposed', seen: [{ ref, version: seen }] }),
      t.jan.client.tryCall('triage.decide', { refs: [ref], stage: 'notRetained', reason: 'other', seen: [{ ref, version: seen }] }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refused = a.ok ? b : a;
    const winner = a.ok ? 'marie' : 'jan';
    expect(refused).toMatchObject({ ok: false, error: { code: 'Conflict', kind: 'ChangedMeanwhile', details: { count: 1, by: winner } } });
    const detail = await t.jan.client.call('triage.detail', { ref });
    expect(detail).toMatchObject({ version: 1, changedBy: winner, state: { stage: winner === 'marie' ? 'proposed' : 'notRetained' } });
    // Who decided is the server login, in the history and the audit log.
    expect(detail.history.map((h) => h.actor)).toEqual([winner]);
    await t.close();
  });

  it('a bulk action is refused whole when one application changed; a score by each officer is kept; undo takes back only one’s own', async () => {
    const t = await team();
    const [campaign] = await t.jan.client.call('campaign.list', {});
    const campaignId = campaign!.id;
    const page = await t.jan.client.call('triage.list', { campaignId, queue: 'OPS', sort: [{ column: 'applicationId', descending: false }], limit: 3 });
    const seen = page.rows.map((r) => ({ ref: r.ref, version: r.version }));
    await t.marie.client.call('triage.note', { ref: t.refs[1]!, text: 'Called her: she prefers September.' });
    const refused = await t.jan.client.tryCall('triage.decide', { refs: t.refs, assignee: 'jan', seen });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'ChangedMeanwhile', details: { count: 1, applicationId: page.rows[1]!.applicationId, by: 'marie' } } });
    const after = await t.jan.client.call('triage.list', { campaignId, queue: 'OPS', sort: [{ column: 'applicationId', descending: false }], limit: 3 });
    expect(after.rows.map((r) => [r.assignee, r.version])).toEqual([[null, 0], [null, 1], [null, 0]]);

    const ref = t.refs[0]!;
    const [motivation, languages] = await t.marie.client.call('triage.setRubric', { campaignId, division: 'OPS', criteria: [{ label: 'Motivation' }, { label: 'Languages' }] });
    await Promise.all([
      t.marie.client.call('triage.score', { refs: [ref], criterionId: motivation!.id, score: 4 }).then(() => t.marie.client.call('triage.score', { refs: [ref], criterionId: languages!.id, score: 5 })),
      t.jan.client.call('triage.score', { refs: [ref], criterionId: motivation!.id, score: 2 }),
    ]);
    const row = async () => (await t.jan.client.call('triage.list', { campaignId, queue: 'OPS', sort: [{ column: 'applicationId', descending: false }], limit: 1 })).rows[0]!;
    expect(await row()).toMatchObject({ score: 3.3, scoredBy: 2 });
    expect((await t.jan.client.call('triage.detail', { ref })).officerScores.map((s) => [s.officer, s.score])).toEqual([['jan', 2], ['marie', 4.5]]);
    await t.marie.client.call('triage.undo', { campaignId });
    expect(await row()).toMatchObject({ score: 3, scoredBy: 2 });
    await t.close();
  });

  // Pushed by the server (LISTEN/NOTIFY), not polled: how fast is the bench's to measure (team load).
  it('a second workstation hears a decision through the server, naming the application, and reads it', async () => {
    const t = await team();
    const ref = t.refs[2]!;
    const heard = new Promise<ChangedEvent>((resolve) => {
      const stop = t.jan.core.subscribe((event) => {
        if (event.type === 'changed' && event.topics.includes('triage') && event.refs?.includes(ref)) {
          stop();
          resolve(event);
        }
      });
    });
    // The feed listens on its own connection: give it the moment it takes to start.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await t.marie.client.call('triage.decide', { refs: [ref], stage: 'proposed' });
    expect(await heard).toMatchObject({ topics: ['triage'], refs: [ref] });
    expect((await t.jan.client.call('triage.detail', { ref })).state.stage).toBe('proposed');
    await t.close();
  });

  it('an officer may not change a campaign’s settings: the server refuses, in words; parts not built for the server yet refuse too', async () => {
    const t = await team();
    const [campaign] = await t.marie.client.call('campaign.list', {});
    const loaded = await t.marie.client.call('campaign.get', { campaignId: campaign!.id });
    const refused = await t.marie.client.tryCall('campaign.update', { campaignId: campaign!.id, name: 'Renamed' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'NotAllowed' } });
    expect((await t.jan.client.call('campaign.get', { campaignId: campaign!.id })).name).toBe(loaded.name);
    expect(await t.marie.client.tryCall('reports.get', { campaignId: campaign!.id })).toMatchObject({ ok: false, error: { kind: 'NotOnServer' } });
    await t.close();
  });
});

describe('losing the server', () => {
  // Its own server (a few seconds to start): restarting the run's shared one would cut every other test's connections.
  it('a restart mid-session loses no decision the app said was saved; a decision during it is refused in words or saved; the other workstation hears again', async () => {
    const server = await startTestServer({ own: true });
    try {
      const t = await team(server.url);
      const [campaign] = await t.marie.client.call('campaign.list', {});
      const page = await t.marie.client.call('triage.list', { campaignId: campaign!.id, queue: 'all', sort: [{ column: 'applicationId', descending: false }], limit: 12 });
      const refs = page.rows.map((r) => r.ref);
      const said = new Map<number, boolean>();
      const decide = async (ref: number) => {
        const result = await t.marie.client.tryCall('triage.decide', { refs: [ref], stage: 'proposed', seen: [{ ref, version: 0 }] });
        if (!result.ok) expect(result.error.kind).toBe('ServerUnreachable');
        said.set(ref, result.ok);
      };
      for (const ref of refs.slice(0, 4)) await decide(ref);
      // Decisions go on while the server stops and starts again.
      const restarting = server.restart();
      for (const ref of refs.slice(4, 8)) await decide(ref);
      await restarting;
      const heard = new Promise<void>((resolve) => {
        const stop = t.jan.core.subscribe((event) => {
          if (event.type === 'changed' && event.refs?.includes(refs[11]!)) {
            stop();
            resolve();
          }
        });
      });
      // Jan's feed connects again by itself (every second); give it that long before deciding.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      for (const ref of refs.slice(8)) await decide(ref);
      await heard;

      expect([...said.entries()].filter(([, ok]) => ok).length).toBeGreaterThanOrEqual(8);
      const final = await t.jan.client.call('triage.list', { campaignId: campaign!.id, queue: 'all', sort: [{ column: 'applicationId', descending: false }], limit: 12 });
      for (const row of final.rows) {
        // Saved when the app said so, and only then.
        expect({ ref: row.ref, stage: row.stage }).toEqual({ ref: row.ref, stage: said.get(row.ref) ? 'proposed' : 'new' });
      }
      await t.close();
    } finally {
      await server.stop();
    }
  }, 60_000);
});
