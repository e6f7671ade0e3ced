import { describe, expect, it } from 'vitest';
import { openTestApp, useTempDir } from './support/temp';
import { sampleTable, writeExport } from './support/sample-rows';

const tempDir = useTempDir();

describe('what a newer export changes', () => {
  it('is listed in the preview per application (a name or birth date change warned), then kept in the application’s history', async () => {
    const app = await openTestApp(tempDir());
    const { client } = app;
    try {
      const { header, rows } = sampleTable();
      const col = (name: string) => header.indexOf(name);
      const first = writeExport(app.dir, 'export-1.csv', header, rows);
      const one = await client.call('import.inspect', { campaignId: 1, path: first });
      await client.call('import.preview', { jobId: one.jobId, mapping: one.mapping });
      await client.call('import.commit', { jobId: one.jobId });

      // The next export: one applicant's university changed, another's last name and birth date.
      const changed = rows.map((r) => [...r]);
      const submitted = changed.filter((r) => r[col('Status')] !== 'Draft');
      const [a, b] = [submitted[0]!, submitted[1]!];
      a[col('University')] = 'KU Leuven';
      const oldLast = b[col('Last Name')];
      b[col('Last Name')] = 'Someone-Else';
      b[col('Date of Birth')] = '1999-09-09';
      const second = writeExport(app.dir, 'export-2.csv', header, changed);
      const two = await client.call('import.inspect', { campaignId: 1, path: second });
      const preview = await client.call('import.preview', { jobId: two.jobId, mapping: two.mapping });
      expect(preview.counts.updated).toBe(2);
      expect(preview.identityChanges).toBe(1);
      const byId = new Map(preview.updates.map((u) => [u.applicationId, u]));
      expect(byId.get(a[col('Application ID')]!)).toMatchObject({ identityChanged: false, changes: [{ field: 'university', after: 'KU Leuven' }] });
      const identity = byId.get(b[col('Application ID')]!)!;
      expect(identity.identityChanged).toBe(true);
      expect(identity.changes).toEqual(
        expect.arrayContaining([
          { field: 'lastName', before: oldLast, after: 'Someone-Else' },
          expect.objectContaining({ field: 'dateOfBirth', after: '1999-09-09' }),
        ]),
      );
      await client.call('import.commit', { jobId: two.jobId });

      const list = await client.call('screening.list', { campaignId: 1, tab: 'all', search: b[col('Application ID')]!, limit: 1 });
      const detail = await client.call('screening.detail', { ref: list.rows[0]!.ref });
      expect(detail.exportChanges).toHaveLength(1);
      expect(detail.exportChanges[0]).toMatchObject({ fileName: 'export-2.csv' });
      expect(detail.exportChanges[0]!.changes.map((c) => c.field)).toEqual(['lastName', 'dateOfBirth']);
      const triage = await client.call('triage.detail', { ref: list.rows[0]!.ref });
      expect(triage.exportChanges).toEqual(detail.exportChanges);
    } finally {
      await app.core.close();
    }
  });
});
