import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli';
import { expectedSample, referencePath } from './support/reference';
import { openTestApp, tableCounts, useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('screening the reference sample', () => {
  it('cohort screen --json gives exactly the lines of sample-export.expected.jsonl', async () => {
    const dir = tempDir();
    const db = join(dir, 'x.sqlite');
    expect((await cli(['import', '--db', db, referencePath('sample-export.csv')], dir)).code).toBe(0);
    const { code, out } = await cli(['screen', '--db', db, '--json'], dir);
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n')).toEqual(expectedSample().lines);
  });

  it('without --json, a summary by verdict and reason', async () => {
    const dir = tempDir();
    const db = join(dir, 'x.sqlite');
    await cli(['import', '--db', db, referencePath('sample-export.csv')], dir);
    const { out } = await cli(['screen', '--db', db], dir);
    expect(out).toMatch(/eligible\s+\d+/);
    expect(out).toMatch(/OVER_LIMIT\s+\d+/);
  });
});

describe('overrides', () => {
  async function sampleApp() {
    const app = await openTestApp(tempDir());
    const inspection = await app.client.call('import.inspect', { campaignId: 1, path: referencePath('sample-export.csv') });
    await app.client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
    await app.client.call('import.commit', { jobId: inspection.jobId });
    return app;
  }

  it('needs a justification, keeps the automatic result beside it, and is audited', async () => {
    const app = await sampleApp();
    const page = await app.client.call('screening.list', { campaignId: 1, tab: 'review' });
    const target = page.rows[0]!;
    const before = await tableCounts(app.core);
    const refused = await app.client.tryCall('screening.override', { refs: [target.ref], verdict: 'eligible', justification: 'ok' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'Validation' } });
    expect(await tableCounts(app.core)).toEqual(before);

    await app.client.call('screening.override', { refs: [target.ref], verdict: 'eligible', justification: 'Fluent English confirmed at interview' });
    const detail = await app.client.call('screening.detail', { ref: target.ref });
    expect(detail.row).toMatchObject({ verdict: 'eligible', automaticVerdict: 'review', override: { state: 'active', actor: 'tester' } });
    expect(detail.overrides[0]).toMatchObject({ automaticVerdict: 'review', automaticReasons: target.reasons });
    const audit = await app.rows<{ details_json: string }>("SELECT actor, subject, details_json FROM audit_log WHERE action = 'screening.override'");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details_json)).toMatchObject({ before: 'review', after: 'eligible', justification: 'Fluent English confirmed at interview' });
    const after = await app.client.call('screening.list', { campaignId: 1, tab: 'review' });
    expect(after.counts.review).toBe(page.counts.review - 1);
    await app.core.close();
  });

  it('survives re-screening unchanged data, and asks again when the data changed', async () => {
    const app = await sampleApp();
    const target = (await app.client.call('screening.list', { campaignId: 1, tab: 'review' })).rows[0]!;
    await app.client.call('screening.override', { refs: [target.ref], verdict: 'eligible', justification: 'Checked with the division, accepted' });
    await app.client.call('campaign.update', { campaignId: 1, settings: { applicationLimit: 3 } }); // re-screens everything
    await app.client.call('screening.run', { campaignId: 1 });
    expect((await app.client.call('screening.detail', { ref: target.ref })).row.override?.state).toBe('active');

    // The application's data changes (a corrected export): the override goes stale.
    await app.run("UPDATE applications SET date_of_birth = '1990-01-01' WHERE id = ?", [target.ref]);
    const run = await app.client.call('screening.run', { campaignId: 1 });
    expect(run.staleOverrides).toBe(1);
    const detail = await app.client.call('screening.detail', { ref: target.ref });
    expect(detail.row.override?.state).toBe('stale');
    expect(detail.row.verdict).toBe(detail.row.automaticVerdict);
    await app.core.close();
  });

  it('bulk overrides a selection in one transaction', async () => {
    const app = await sampleApp();
    const reason = (await app.client.call('screening.list', { campaignId: 1, tab: 'review' })).rows[0]!.reasons[0]!;
    const review = await app.client.call('screening.list', { campaignId: 1, tab: 'review', reason });
    expect(review.rows.every((r) => r.reasons.includes(reason))).toBe(true);
    const refs = review.rows.map((r) => r.ref);
    expect(refs.length).toBeGreaterThan(0);
    const result = await app.client.call('screening.override', { refs, verdict: 'eligible', justification: 'Accept "Fluent" as C1 for this call' });
    expect(result.overridden).toBe(refs.length);
    const missing = await app.client.tryCall('screening.override', { refs: [refs[0]!, 999_999], verdict: 'ineligible', justification: 'this must not be half applied' });
    expect(missing.ok).toBe(false);
    expect((await app.client.call('screening.detail', { ref: refs[0]! })).row.verdict).toBe('eligible');
    await app.core.close();
  });
});

describe('the preview of a settings change', () => {
  it('counts how verdicts would move, writes nothing, and matches what saving then does', async () => {
    const app = await openTestApp(tempDir());
    const inspection = await app.client.call('import.inspect', { campaignId: 1, path: referencePath('sample-export.csv') });
    await app.client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
    await app.client.call('import.commit', { jobId: inspection.jobId });
    const before = await app.client.call('screening.list', { campaignId: 1, tab: 'all' });
    const counts = await tableCounts(app.core);

    const impact = await app.client.call('screening.previewSettings', { campaignId: 1, settings: { applicationLimit: 3 } });
    expect(await tableCounts(app.core)).toEqual(counts);
    const toReview = impact.moves.filter((m) => m.to === 'review').reduce((n, m) => n + m.count, 0);
    expect(toReview).toBeGreaterThan(0);

    await app.client.call('campaign.update', { campaignId: 1, settings: { applicationLimit: 3 } });
    const after = await app.client.call('screening.list', { campaignId: 1, tab: 'all' });
    const moved = impact.moves.reduce((n, m) => n + m.count, 0);
    const changed = before.rows.filter((r, i) => after.rows[i]!.automaticVerdict !== r.automaticVerdict).length;
    expect(changed).toBe(moved);
    expect((await app.client.call('screening.previewSettings', { campaignId: 1, settings: { applicationLimit: 3 } })).moves).toEqual([]);
    await app.core.close();
  });
});
