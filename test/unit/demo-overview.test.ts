import { describe, expect, it } from 'vitest';
import { DIVISION_CODES } from '../../shared/domain/divisions';
import { openTestApp, tableCounts, useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('demo data and the overview', () => {
  it('stores exactly the requested number of applications, drafts skipped, with progress', async () => {
    const app = await openTestApp(tempDir());
    const progress: number[] = [];
    app.core.subscribe((e) => {
      if (e.type === 'progress' && e.job === 'demo') progress.push(e.done);
    });
    const result = await app.client.call('demo.load', { count: 2000, seed: 42 });
    expect(result).toMatchObject({ campaignId: 1, inserted: 2000 });
    expect(progress.at(-1)).toBe(2000);
    expect(progress.length).toBeGreaterThan(2);
    const drafts = await app.rows<{ n: number }>("SELECT count(*) AS n FROM applications WHERE lower(status) IN ('draft', 'brouillon')");
    expect(drafts.map((r) => Number(r.n))).toEqual([0]);
    expect((await app.client.call('app.info', {})).isEmpty).toBe(false);
    await app.core.close();
  });

  it('overview counts add up and show a realistic season', async () => {
    const app = await openTestApp(tempDir());
    await app.client.call('demo.load', { count: 2000, seed: 7 });
    const o = await app.client.call('overview.get', { campaignId: 1 });
    const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
    expect(o.applications).toBe(2000);
    expect(sum(o.byDivision)).toBe(2000);
    expect(sum(o.byFunding)).toBe(2000);
    expect(sum(o.bySession)).toBe(2000);
    expect(sum(o.byWeek)).toBeLessThanOrEqual(2000);
    expect(o.byDivision.map((r) => r.key)).toEqual(expect.arrayContaining(DIVISION_CODES));
    expect(o.byFunding.map((r) => r.key)).toEqual(expect.arrayContaining(['nato', 'grant']));
    expect(o.applicants).toBeLessThan(2000); // some people apply more than once
    expect(o.repeatApplications).toBeGreaterThan(0);
    expect(o.lateNatoFunded).toBeGreaterThan(0);
    expect(o.topNationalities.length).toBeLessThanOrEqual(10);
    expect(o.firstSubmission! < o.lastSubmission!).toBe(true);
    await app.core.close();
  });

  it('refuses to load demo data into a campaign that already has applications, writing nothing', async () => {
    const app = await openTestApp(tempDir());
    await app.client.call('demo.load', { count: 100, seed: 1 });
    const before = await tableCounts(app.core);
    const again = await app.client.tryCall('demo.load', { count: 100, seed: 2 });
    expect(again).toMatchObject({ ok: false, error: { code: 'Conflict', kind: 'CampaignNotEmpty' } });
    expect(await tableCounts(app.core)).toEqual(before);
    await app.core.close();
  });

  it('the same seed gives the same campaign', async () => {
    const a = await openTestApp(tempDir());
    const b = await openTestApp(tempDir());
    await a.client.call('demo.load', { count: 300, seed: 9 });
    await b.client.call('demo.load', { count: 300, seed: 9 });
    const rows = (app: typeof a) => app.rows('SELECT application_id, first_name, last_name, submitted_on FROM applications ORDER BY id');
    expect(await rows(a)).toEqual(await rows(b));
    await a.core.close();
    await b.core.close();
  });
});
