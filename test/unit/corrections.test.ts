import { describe, expect, it } from 'vitest';
import type { Client } from '../../shared/api/client';
import { referencePath } from './support/reference';
import { sampleTable, writeExport } from './support/sample-rows';
import { openTestApp, tableCounts, useTempDir } from './support/temp';

const tempDir = useTempDir();
const TARGET = 'NIP-2026-00004-1'; // nationality "Atlantis": review, NATIONALITY_UNKNOWN

async function importFile(client: Client, path: string) {
  const inspection = await client.call('import.inspect', { campaignId: 1, path });
  await client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
  return client.call('import.commit', { jobId: inspection.jobId });
}

async function refOf(client: Client, applicationId: string): Promise<number> {
  const page = await client.call('screening.list', { campaignId: 1, tab: 'all', search: applicationId });
  const row = page.rows.find((r) => r.applicationId === applicationId);
  if (!row) throw new Error(`${applicationId} not found`);
  return row.ref;
}

describe('correcting an imported value', () => {
  it('rewrites raw and parsed values, re-screens, and keeps the export’s value, the revision and the audit', async () => {
    const app = await openTestApp(tempDir());
    await importFile(app.client, referencePath('sample-export.csv'));
    const ref = await refOf(app.client, TARGET);
    expect((await app.client.call('screening.detail', { ref })).row).toMatchObject({ verdict: 'review', reasons: ['NATIONALITY_UNKNOWN'] });

    await app.client.call('application.correct', { ref, field: 'nationality', value: 'Belgium', reason: 'Passport seen: Belgian' });
    const detail = await app.client.call('screening.detail', { ref });
    expect(detail.raw.nationality).toBe('Belgium');
    expect(detail.row).toMatchObject({ verdict: 'eligible', reasons: [] });
    expect(detail.corrections).toEqual([
      expect.objectContaining({ field: 'nationality', imported: 'Atlantis', corrected: 'Belgium', reason: 'Passport seen: Belgian', state: 'active', actor: 'tester' }),
    ]);
    expect(await app.rows('SELECT field, old_value, new_value, actor, import_id FROM application_revisions WHERE application_ref = ?', [ref])).toEqual([
      { field: 'nationality', old_value: 'Atlantis', new_value: 'Belgium', actor: 'tester', import_id: null },
    ]);
    const audit = await app.rows<{ subject: string; details_json: string }>("SELECT subject, details_json FROM audit_log WHERE action = 'application.correct'");
    expect(audit.map((a) => a.subject)).toEqual([TARGET]);
    expect(JSON.parse(audit[0]!.details_json)).toMatchObject({ field: 'nationality', before: 'Atlantis', after: 'Belgium', reason: 'Passport seen: Belgian' });

    // Parsed values follow the raw text: a corrected date of birth is read again.
    await app.client.call('application.correct', { ref, field: 'dateOfBirth', value: '20/01/2004', reason: 'Typo in the form' });
    expect((await app.client.call('screening.detail', { ref })).parsed.dateOfBirth).toBe('2004-01-20');
    await app.core.close();
  });

  it('refuses a correction without a reason, of the Application ID, or of an unknown application, writing nothing', async () => {
    const app = await openTestApp(tempDir());
    await importFile(app.client, referencePath('sample-export.csv'));
    const ref = await refOf(app.client, TARGET);
    const before = await tableCounts(app.core);
    expect(await app.client.tryCall('application.correct', { ref, field: 'nationality', value: 'Belgium', reason: ' ' })).toMatchObject({ ok: false, error: { code: 'Validation' } });
    expect(
      await app.client.tryCall('application.correct', { ref, field: 'applicationId' as 'nationality', value: 'X', reason: 'because' }),
    ).toMatchObject({ ok: false, error: { code: 'Validation' } });
    expect(await app.client.tryCall('application.correct', { ref: 999_999, field: 'nationality', value: 'Belgium', reason: 'because' })).toMatchObject({
      ok: false,
      error: { code: 'NotFound' },
    });
    expect(await tableCounts(app.core)).toEqual(before);
    await app.core.close();
  });

  it('survives re-importing the same export; a changed export wins and supersedes it', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    await importFile(app.client, referencePath('sample-export.csv'));
    const ref = await refOf(app.client, TARGET);
    await app.client.call('application.correct', { ref, field: 'nationality', value: 'Belgium', reason: 'Passport seen: Belgian' });

    const again = await importFile(app.client, referencePath('sample-export.csv'));
    expect(again.counts).toMatchObject({ added: 0, updated: 0, unchanged: 79 });
    let detail = await app.client.call('screening.detail', { ref });
    expect(detail.raw.nationality).toBe('Belgium');
    expect(detail.corrections[0]?.state).toBe('active');

    const { header, rows } = sampleTable();
    const column = header.indexOf('Nationality');
    const changed = rows.map((r) => (r[0] === TARGET ? r.map((v, i) => (i === column ? 'France' : v)) : r));
    const result = await importFile(app.client, writeExport(dir, 'corrected-export.csv', header, changed));
    expect(result.counts).toMatchObject({ updated: 1, unchanged: 78 });
    detail = await app.client.call('screening.detail', { ref });
    expect(detail.raw.nationality).toBe('France');
    expect(detail.corrections[0]?.state).toBe('superseded');
    await app.core.close();
  });

  it('refuses a correction of a value changed since the officer saw it (another officer, a newer export), naming who and when, writing nothing', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    await importFile(app.client, referencePath('sample-export.csv'));
    const ref = await refOf(app.client, TARGET);
    expect(await app.client.call('application.correct', { ref, field: 'nationality', value: 'Belgium', reason: 'Passport seen', seen: 'Atlantis' })).toEqual({ changed: true });
    let before = await tableCounts(app.core);
    // A second window still showing "Atlantis".
    const stale = await app.client.tryCall('application.correct', { ref, field: 'nationality', value: 'Netherlands', reason: 'Passport seen', seen: 'Atlantis' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'Conflict', kind: 'ChangedMeanwhile', details: { applicationId: TARGET, by: 'tester' } } });
    expect(!stale.ok && stale.error.message).toMatch(/changed by tester at \d{4}-.*Nothing was corrected/);
    expect(await tableCounts(app.core)).toEqual(before);

    // A newer export changed it meanwhile: said so, with the file.
    const { header, rows } = sampleTable();
    const column = header.indexOf('Nationality');
    await importFile(app.client, writeExport(dir, 'newer.csv', header, rows.map((r) => (r[0] === TARGET ? r.map((v, i) => (i === column ? 'France' : v)) : r))));
    before = await tableCounts(app.core);
    const afterImport = await app.client.tryCall('application.correct', { ref, field: 'nationality', value: 'Germany', reason: 'Passport seen', seen: 'Belgium' });
    expect(!afterImport.ok && afterImport.error.message).toMatch(/changed by tester \(importing “newer\.csv”\)/);
    expect(await tableCounts(app.core)).toEqual(before);
    // Another field than the one changed is not held back.
    expect(await app.client.call('application.correct', { ref, field: 'university', value: 'KU Leuven', reason: 'Typo', seen: (await app.client.call('screening.detail', { ref })).raw.university })).toEqual({
      changed: true,
    });
    await app.core.close();
  });

  it('setting the export’s value back withdraws the correction; an override on the old data goes stale', async () => {
    const app = await openTestApp(tempDir());
    await importFile(app.client, referencePath('sample-export.csv'));
    const ref = await refOf(app.client, TARGET);
    await app.client.call('screening.override', { refs: [ref], verdict: 'ineligible', justification: 'Atlantis is not a country we know' });
    await app.client.call('application.correct', { ref, field: 'nationality', value: 'Belgium', reason: 'Passport seen: Belgian' });
    expect((await app.client.call('screening.detail', { ref })).row.override?.state).toBe('stale');
    await app.client.call('application.correct', { ref, field: 'nationality', value: 'Atlantis', reason: 'Wrong passport, sorry' });
    const detail = await app.client.call('screening.detail', { ref });
    expect(detail.raw.nationality).toBe('Atlantis');
    expect(detail.corrections.map((c) => c.state)).toEqual(['withdrawn']);
    await app.core.close();
  });
});
