import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../shared/api/client';
import { inProcessTransport, openCore } from '../../electron/core/runtime';
import { useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('the log of the services', () => {
  it('stays quiet about what the user is told (a bad file, a bad request), so no stack trace or personal data lands in it', async () => {
    const dir = tempDir();
    const logged: unknown[] = [];
    const core = await openCore({
      databasePath: join(dir, 'cohort.sqlite'),
      backupDirectory: join(dir, 'backups'),
      userName: 't',
      appVersion: 't',
      log: (message, error) => logged.push([message, error]),
    });
    try {
      const client = createClient(inProcessTransport(core));
      const campaignId = (await client.call('campaign.list', {}))[0]!.id;
      const binary = join(dir, 'export.csv');
      writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0]));
      expect(await client.tryCall('import.inspect', { campaignId, path: binary })).toMatchObject({ ok: false });
      expect(await client.tryCall('import.inspect', { campaignId, path: join(dir, 'missing.csv') })).toMatchObject({ ok: false });
      expect(await client.tryCall('campaign.get', { campaignId: 999 })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
      expect(await client.tryCall('campaign.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'Validation' } });
      await core.settled();
      // A slow request may be noted (its method and time only); nothing else.
      expect(logged.filter((entry) => !/^request [\w.]+ took \d+ ms$/.test(String((entry as unknown[])[0])))).toEqual([]);
    } finally {
      await core.close();
    }
  });
});
