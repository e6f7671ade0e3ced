import { expect } from 'vitest';
import type { TestApp } from './temp';

/**
 * The Notices page's counts as kept (each person worked out again after their own changes, as the
 * triggers of migration 0012 mark them) against the counts worked out from scratch: every person
 * marked stale, as a database fresh from that migration starts.
 */
export async function expectCountsAsFromScratch(app: TestApp, campaignId = 1): Promise<void> {
  const kept = await app.client.call('notices.status', { campaignId });
  await app.run('DELETE FROM notice_standing');
  await app.run('INSERT INTO notice_standing_stale (campaign_id, person_key) SELECT DISTINCT campaign_id, person_key FROM screening_results WHERE true ON CONFLICT DO NOTHING');
  expect(kept).toEqual(await app.client.call('notices.status', { campaignId }));
}
