import { describe, expect, it } from 'vitest';
import { openTestApp, useTempDir } from './support/temp';
import { sampleTable, writeExport } from './support/sample-rows';

const tempDir = useTempDir();

describe('tables show and filter what the export means, not how it was written', () => {
  it('finds "BE", "Belgique" and "Belgium" under one country, and sorts names by their letters without accents', async () => {
    const app = await openTestApp(tempDir());
    const { client } = app;
    try {
      const { header, rows } = sampleTable();
      const col = (name: string) => header.indexOf(name);
      // Eligible applicants of the sample, given Belgian nationalities written three ways and names with accents.
      const template = rows.find((r) => r[col('Application ID')] === 'NIP-2026-00005-1')!;
      const people: [string, string, string][] = [
        ['Zola', 'Emile', 'BE'],
        ['Ābolinš', 'Anna', 'Belgique'],
        ['Özil', 'Mesut', 'Belgium'],
        ['Éluard', 'Paul', 'belgium'],
        ['Berg', 'Bo', 'Norway'],
      ];
      const made = people.map(([last, first, nationality], i) => {
        const row = [...template];
        row[col('Application ID')] = `NIP-BE-${i}`;
        row[col('Candidate ID')] = `C-BE-${i}`;
        row[col('Email')] = `be${i}@example.org`;
        row[col('Last Name')] = last;
        row[col('First Name')] = first;
        row[col('Nationality')] = nationality;
        return row;
      });
      const path = writeExport(app.dir, 'be.csv', header, made);
      const job = await client.call('import.inspect', { campaignId: 1, path });
      await client.call('import.preview', { jobId: job.jobId, mapping: job.mapping });
      await client.call('import.commit', { jobId: job.jobId });
      await client.call('screening.run', { campaignId: 1 });

      const all = await client.call('triage.list', { campaignId: 1, queue: 'all', sort: [{ column: 'name', descending: false }], limit: 100 });
      expect(all.rows.map((r) => r.lastName)).toEqual(['Ābolinš', 'Berg', 'Éluard', 'Özil', 'Zola']);
      expect(all.rows.find((r) => r.lastName === 'Ābolinš')).toMatchObject({ nationality: 'Belgique', nationalityCode: 'BE' });
      // Levels and funding as the rules read them, beside the export's words.
      expect(all.rows[0]).toMatchObject({ englishLevel: ' C1 ', englishCefr: 'C1', frenchCefr: 'C1', funding: 'NATO-funded', fundingTrack: 'nato' });

      const belgians = await client.call('triage.list', { campaignId: 1, queue: 'all', filter: { nationality: ['BE'] }, limit: 100 });
      expect(belgians.rows.map((r) => r.nationality).sort()).toEqual(['BE', 'Belgique', 'Belgium', 'belgium']);
      const facets = await client.call('triage.facets', { campaignId: 1, queue: 'all' });
      expect(facets.nationality).toEqual(expect.arrayContaining([{ key: 'BE', count: 4 }, { key: 'NO', count: 1 }]));

      // The Overview counts countries too, not spellings.
      const overview = await client.call('overview.get', { campaignId: 1 });
      expect(overview.topNationalities).toEqual(expect.arrayContaining([{ key: 'BE', count: 4 }, { key: 'NO', count: 1 }]));

      const screening = await client.call('screening.list', { campaignId: 1, tab: 'all', search: 'NIP-BE-1', limit: 1 });
      expect(screening.rows[0]).toMatchObject({ nationality: 'Belgique', nationalityCode: 'BE', divisionCode: expect.any(String) });
    } finally {
      await app.core.close();
    }
  });
});
