import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../shared/api/client';
import { inProcessTransport, openCore } from '../../electron/core/runtime';
import { openTestApp, useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('a context per request', () => {
  it('each request carries its caller: two clients of one database, each decision under its own name (on the server: the login)', async () => {
    const app = await openTestApp(tempDir());
    const alice = createClient(inProcessTransport(app.core, { userName: 'alice' }));
    const bob = createClient(inProcessTransport(app.core, { userName: 'bob' }));
    try {
      await alice.call('demo.load', { count: 200, seed: 3 });
      const rows = (await alice.call('triage.list', { campaignId: 1, queue: 'all', limit: 2 })).rows;
      await alice.call('triage.note', { ref: rows[0]!.ref, text: 'Strong motivation' });
      if (app.engine === 'postgres') {
        // On the office server an officer is their login, whoever's OS user asks: the name cannot be changed in Cohort.
        expect(await bob.tryCall('app.setOfficerName', { name: 'Robert Martin' })).toMatchObject({ ok: false, error: { kind: 'OfficerIsLogin' } });
        await bob.call('triage.note', { ref: rows[0]!.ref, text: 'Agreed' });
        const detail = await alice.call('triage.detail', { ref: rows[0]!.ref });
        expect(detail.notes.map((n) => [n.actor, n.text])).toEqual(expect.arrayContaining([['tester', 'Strong motivation'], ['tester', 'Agreed']]));
        expect((await app.rows<{ actor: string }>('SELECT DISTINCT actor FROM audit_log')).map((r) => r.actor)).toEqual(['tester']);
        expect((await bob.call('app.info', {})).officer).toBe('tester');
        return;
      }
      // Bob records the name his decisions carry; Alice's stay hers.
      await bob.call('app.setOfficerName', { name: 'Robert Martin' });
      await bob.call('triage.note', { ref: rows[0]!.ref, text: 'Agreed' });
      await bob.call('campaign.create', { name: 'Autumn' });

      const detail = await alice.call('triage.detail', { ref: rows[0]!.ref });
      expect(detail.notes.map((n) => [n.actor, n.text])).toEqual(
        expect.arrayContaining([
          ['alice', 'Strong motivation'],
          ['Robert Martin', 'Agreed'],
        ]),
      );
      const actors = (await app.rows<{ actor: string }>('SELECT DISTINCT actor FROM audit_log ORDER BY actor')).map((r) => r.actor);
      expect(actors).toEqual(expect.arrayContaining(['alice', 'Robert Martin']));
      expect((await alice.call('app.info', {})).officer).toBe('alice');
      expect((await bob.call('app.info', {})).officer).toBe('Robert Martin');
      // The process's own client is the OS user it runs as.
      expect((await app.client.call('app.info', {})).officer).toBe('tester');
    } finally {
      await app.core.close();
    }
  });

  it('logs a request slower than 200 ms with its method and time, never its input', async () => {
    const dir = tempDir();
    const logged: string[] = [];
    const core = await openCore({ databasePath: join(dir, 'cohort.sqlite'), backupDirectory: join(dir, 'backups'), userName: 't', appVersion: 't', log: (m) => logged.push(m) });
    try {
      const client = createClient(inProcessTransport(core));
      // Five thousand applications cannot be made in 200 ms (the raw insert alone runs at ~15,000 a second).
      await client.call('demo.load', { count: 5000, seed: 424242 });
      await client.call('campaign.list', {});
      const slow = logged.filter((m) => m.startsWith('request '));
      expect(slow).toEqual(expect.arrayContaining([expect.stringMatching(/^request demo\.load took \d+ ms$/)]));
      expect(slow.join('\n')).not.toContain('424242');
    } finally {
      await core.close();
    }
  });
});
