import { describe, expect, it } from 'vitest';
import type { Client } from '../../shared/api/client';
import { sampleTable, writeExport } from './support/sample-rows';
import { openTestApp, tableCounts, useTempDir } from './support/temp';

const tempDir = useTempDir();

/**
 * Six applications: five of John Smith (one candidate account), and a sixth, the latest, from
 * another account and e-mail, signed "Jonh Smith" with the same date of birth: the identity rule
 * does not join it, but it looks like the same person.
 */
function writeSmithExport(dir: string): string {
  const { header, rows } = sampleTable();
  const template = rows.find((r) => r[0] === 'NIP-2026-00005-1');
  if (!template) throw new Error('template row missing');
  const col = (name: string) => header.indexOf(name);
  const make = (n: number, values: Record<string, string>) => {
    const row = [...template];
    row[col('Application ID')] = `DUP-${n}`;
    row[col('Date of Birth')] = '2001-05-05';
    row[col('Submitted On')] = `2025-01-0${n}T10:00`;
    for (const [name, value] of Object.entries(values)) row[col(name)] = value;
    return row;
  };
  const smith = { 'Candidate ID': 'C-900001', 'First Name': 'John', 'Last Name': 'Smith', Email: 'john.smith@example.org' };
  const out = [1, 2, 3, 4, 5].map((n) => make(n, smith));
  out.push(make(6, { 'Candidate ID': 'C-900002', 'First Name': 'Jonh', 'Last Name': 'Smith', Email: 'jsmith@example.net' }));
  return writeExport(dir, 'smith.csv', header, out);
}

async function importFile(client: Client, path: string) {
  const inspection = await client.call('import.inspect', { campaignId: 1, path });
  await client.call('import.preview', { jobId: inspection.jobId, mapping: inspection.mapping });
  return client.call('import.commit', { jobId: inspection.jobId });
}

describe('possible duplicates', () => {
  it('lists a look-alike pair; confirming it joins the person and re-runs the limit; taking it back undoes that', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    await importFile(app.client, writeSmithExport(dir));
    const list = await app.client.call('screening.duplicates', { campaignId: 1 });
    expect(list.decided).toEqual([]);
    expect(list.open).toHaveLength(1);
    const pair = list.open[0]!;
    expect([pair.a.applicationId, pair.b.applicationId]).toEqual(['DUP-1', 'DUP-6']);
    expect(pair.signals).toEqual(['similarNames']);
    expect(pair.b).toMatchObject({ verdict: 'eligible', personKey: 'DUP-6' });

    await app.client.call('screening.decideDuplicate', { a: pair.a.ref, b: pair.b.ref, decision: 'confirmed' });
    let sixth = await app.client.call('screening.detail', { ref: pair.b.ref });
    expect(sixth.row).toMatchObject({ verdict: 'review', reasons: ['OVER_LIMIT'] });
    expect(sixth.person.key).toBe('DUP-1');
    expect(sixth.person.applications).toHaveLength(6);
    const after = await app.client.call('screening.duplicates', { campaignId: 1 });
    expect(after.open).toEqual([]);
    expect(after.decided).toEqual([expect.objectContaining({ signals: ['similarNames'], decision: expect.objectContaining({ decision: 'confirmed', actor: 'tester' }) })]);
    const audit = await app.rows<{ subject: string; details_json: string }>("SELECT subject, details_json FROM audit_log WHERE action = 'screening.duplicate'");
    expect(audit.map((a) => a.subject)).toEqual(['DUP-1 + DUP-6']);
    expect(JSON.parse(audit[0]!.details_json)).toMatchObject({ before: 'undecided', after: 'confirmed' });

    await app.client.call('screening.decideDuplicate', { a: pair.a.ref, b: pair.b.ref, decision: 'undecided' });
    sixth = await app.client.call('screening.detail', { ref: pair.b.ref });
    expect(sixth.row).toMatchObject({ verdict: 'eligible', reasons: [] });
    expect((await app.client.call('screening.duplicates', { campaignId: 1 })).open).toHaveLength(1);
    await app.core.close();
  });

  it('a dismissed pair is not listed again and changes no verdict', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    await importFile(app.client, writeSmithExport(dir));
    const pair = (await app.client.call('screening.duplicates', { campaignId: 1 })).open[0]!;
    await app.client.call('screening.decideDuplicate', { a: pair.b.ref, b: pair.a.ref, decision: 'dismissed' });
    const list = await app.client.call('screening.duplicates', { campaignId: 1 });
    expect(list.open).toEqual([]);
    expect(list.decided[0]?.decision?.decision).toBe('dismissed');
    expect((await app.client.call('screening.detail', { ref: pair.b.ref })).row.verdict).toBe('eligible');
    await app.core.close();
  });

  it('refuses a pair of one application, or of unknown ones, writing nothing', async () => {
    const dir = tempDir();
    const app = await openTestApp(dir);
    await importFile(app.client, writeSmithExport(dir));
    await app.client.call('screening.run', { campaignId: 1 });
    const before = await tableCounts(app.core);
    expect(await app.client.tryCall('screening.decideDuplicate', { a: 1, b: 1, decision: 'confirmed' })).toMatchObject({ ok: false, error: { code: 'Validation' } });
    expect(await app.client.tryCall('screening.decideDuplicate', { a: 1, b: 99_999, decision: 'confirmed' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await tableCounts(app.core)).toEqual(before);
    await app.core.close();
  });
});
