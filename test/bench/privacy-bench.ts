import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite } from '../../db/connection';
import { createClient } from '../../shared/api/client';
import { inProcessTransport, openCore } from '../../electron/core/runtime';

/**
 * Purging a 50,000-application campaign (issue 13: under 60 s, backups included, with progress):
 * through the services, on a copy of the bench's campaign with three backups of it beside, each
 * rewritten by the purge. The baseline, in the same process: SQLite alone deleting the campaign's
 * applications (its foreign keys and triggers doing the rest) and compacting the file, once.
 */
export interface PurgeTimes {
  applications: number;
  backups: number;
  ms: number;
  /** Progress events received, and the phases they named. */
  progressEvents: number;
  phases: string[];
  baselineMs: number;
}

export async function measurePurge(databasePath: string, dir: string): Promise<PurgeTimes> {
  // A copy, checkpointed first, so that the bench's campaign stays for the sections after this one.
  const source = openSqlite(databasePath);
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  const baselinePath = join(dir, 'baseline.sqlite');
  copyFileSync(databasePath, baselinePath);
  const baseline = openSqlite(baselinePath);
  let started = performance.now();
  baseline.transaction(() => baseline.prepare('DELETE FROM applications WHERE campaign_id = 1').run())();
  baseline.exec('VACUUM');
  const baselineMs = performance.now() - started;
  baseline.close();

  const path = join(dir, 'purge.sqlite');
  const backupDirectory = join(dir, 'backups');
  copyFileSync(databasePath, path);
  mkdirSync(backupDirectory, { recursive: true });
  const core = await openCore({ databasePath: path, backupDirectory, userName: 'bench', appVersion: 'bench' });
  const client = createClient(inProcessTransport(core));
  await client.call('database.backupNow', {});
  await client.call('database.backupNow', {});
  await core.settled();
  const backups = (await client.call('database.listBackups', {})).length;
  const applications = (await client.call('privacy.retention', { campaignId: 1 })).applications;
  let progressEvents = 0;
  const phases = new Set<string>();
  const stop = core.subscribe((event) => {
    if (event.type === 'progress' && event.job === 'purge') {
      progressEvents++;
      phases.add(event.phase ?? '');
    }
  });
  started = performance.now();
  await client.call('privacy.purgeCampaign', { campaignId: 1, beforeDue: true });
  const ms = performance.now() - started;
  stop();
  await core.close();
  return { applications, backups, ms, progressEvents, phases: [...phases], baselineMs };
}
