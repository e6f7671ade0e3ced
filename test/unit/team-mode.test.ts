// Engines: its own — what only the server has, on a server of its own that it restarts; it starts from files it copies over.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { ChangedEvent } from '../../shared/api/contract';
import { usePostgresDatabase } from './support/postgres';
import { startTestServer } from './support/postgres-server';
import { openTestApp, useTempDir } from './support/temp';
import { serverWithCampaign, workstation } from './support/two-officers';

/**
 * What only the office server has, on a real PostgreSQL (the run's own throwaway server): the
 * change feed between workstations, the roles its GRANTs enforce, and a server that restarts.
 * These cannot run on SQLite: there, one computer's windows share one process, there is no login
 * to refuse, and nothing to restart. The decisions both engines share: working-together.test.ts.
 */

const tempDir = useTempDir();
const database = usePostgresDatabase();

async function team(serverUrl?: string) {
  const url = serverUrl ?? (await database()).url;
  const laptop = await openTestApp(tempDir());
  await laptop.client.call('demo.load', { count: 400, seed: 11 });
  await laptop.client.call('screening.run', { campaignId: 1 });
  await laptop.core.close();
  const campaignId = await serverWithCampaign(url, laptop.databasePath);
  const marie = await workstation(url, 'marie', 'm-secret', tempDir());
  const jan = await workstation(url, 'jan', 'j-secret', tempDir());
  const page = await marie.client.call('triage.list', { campaignId, queue: 'all', sort: [{ column: 'applicationId', descending: false }], limit: 12 });
  return {
    url,
    campaignId,
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
    expect(await heard).toMatchObject({ topics: ['triage'], refs: [ref], campaignId: t.campaignId });
    expect((await t.jan.client.call('triage.detail', { ref })).state.stage).toBe('proposed');
    await t.close();
  });

  it('an officer may not change a campaign’s settings, import or purge: the server itself refuses (in words through the app, and a raw SQL attempt)', async () => {
    const t = await team();
    const loaded = await t.marie.client.call('campaign.get', { campaignId: t.campaignId });
    expect(await t.marie.client.tryCall('campaign.update', { campaignId: t.campaignId, name: 'Renamed' })).toMatchObject({ ok: false, error: { kind: 'NotAllowed' } });
    expect((await t.jan.client.call('campaign.get', { campaignId: t.campaignId })).name).toBe(loaded.name);
    // What the app does not offer an officer on the server, their login cannot do behind its back either.
    // Jan's decision, note and score, which Marie's login may not rewrite behind the app's back.
    const ref = (await t.jan.client.call('triage.list', { campaignId: t.campaignId, queue: 'OPS', limit: 1 })).rows[0]!.ref;
    await t.jan.client.call('triage.decide', { refs: [ref], stage: 'inReview' });
    await t.jan.client.call('triage.note', { ref, text: 'Jan’s note' });
    await t.jan.client.call('triage.score', { refs: [ref], criterionId: 0, score: 4 });
    const officer = new URL(t.url);
    officer.username = 'marie';
    officer.password = 'm-secret';
    const marie = new pg.Client({ connectionString: officer.href });
    await marie.connect();
    try {
      for (const attempt of [
        `UPDATE campaigns SET settings_json = '{}' WHERE id = ${t.campaignId}`,
        `INSERT INTO imports (campaign_id, file_name, file_size, sha256, format, mapping_json, total_rows, added, updated, unchanged, skipped_drafts, rejected, actor, started_at, finished_at)
         VALUES (${t.campaignId}, 'x.csv', 1, 'x', 'csv', '{}', 1, 1, 0, 0, 0, 0, 'marie', 'x', 'x')`,
        `INSERT INTO applications (campaign_id, application_id, source, created_at, updated_at) VALUES (${t.campaignId}, 'NIP-X', 'import', 'x', 'x')`,
        `DELETE FROM applications WHERE campaign_id = ${t.campaignId}`,
        `UPDATE campaigns SET purged_at = 'now' WHERE id = ${t.campaignId}`,
        // History is added to, never rewritten; rows naming an officer are theirs alone.
        `DELETE FROM triage_actions WHERE actor = 'jan'`,
        `UPDATE triage_actions SET actor = 'marie' WHERE actor = 'jan'`,
        `UPDATE triage_actions SET undone_at = 'now', undone_by = 'marie' WHERE actor = 'jan'`,
        `UPDATE application_notes SET removed_at = 'now' WHERE actor = 'jan'`,
        `UPDATE officer_scores SET score = 1 WHERE officer = 'jan'`,
        `DELETE FROM officer_scores WHERE officer = 'jan'`,
        `INSERT INTO audit_log (campaign_id, at, actor, action) VALUES (${t.campaignId}, 'now', 'jan', 'triage.stage')`,
        `UPDATE audit_log SET actor = 'marie'`,
      ]) {
        await expect(marie.query(attempt)).rejects.toMatchObject({ code: '42501' });
      }
    } finally {
      await marie.end();
    }
    await t.close();
  });
});

describe('losing the server', () => {
  // Its own server (a few seconds to start): restarting the run's shared one would cut every other test's connections.
  it('a restart mid-session loses no decision the app said was saved; a decision during it is refused in words or saved; the other workstation hears again', async () => {
    const server = await startTestServer({ own: true });
    try {
      const t = await team(server.url);
      const { refs } = t;
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

      expect([...said.values()].filter(Boolean).length).toBeGreaterThanOrEqual(8);
      const final = await t.jan.client.call('triage.list', { campaignId: t.campaignId, queue: 'all', sort: [{ column: 'applicationId', descending: false }], limit: 12 });
      // Saved when the app said so, and only then.
      for (const row of final.rows) expect({ ref: row.ref, stage: row.stage }).toEqual({ ref: row.ref, stage: said.get(row.ref) ? 'proposed' : 'new' });
      await t.close();
    } finally {
      await server.stop();
    }
  }, 60_000);
});
