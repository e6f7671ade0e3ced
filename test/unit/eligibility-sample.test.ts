import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { APPLICATION_FIELDS, type ApplicationRecord } from '../../shared/domain/application-fields';
import { screenCampaign, screeningInput, type ScreeningInput } from '../../shared/domain/eligibility';
import { parseStatus } from '../../shared/domain/listed-values';
import { DEFAULT_CAMPAIGN_SETTINGS } from '../../shared/domain/settings';
import { expectedSample, referencePath } from './support/reference';

/** The reference export as records, keyed by the English headers of application-fields.ts. */
function sampleRecords(): ApplicationRecord[] {
  const parsed = Papa.parse<string[]>(readFileSync(referencePath('sample-export.csv'), 'utf8'), { skipEmptyLines: true });
  const [headers, ...rows] = parsed.data;
  if (!headers) throw new Error('The sample has no header row');
  const keys = headers.map((h) => {
    const field = APPLICATION_FIELDS.find((f) => f.en === h);
    if (!field) throw new Error(`Unknown header ${h}`);
    return field.key;
  });
  return rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] ?? ''])) as ApplicationRecord);
}

describe('screening the reference sample', () => {
  it('gives exactly the verdicts and reasons of sample-export.expected.jsonl, for every stored application', () => {
    const records = sampleRecords();
    // As the import does: drafts are skipped, neither stored nor screened.
    const stored = records.filter((r) => parseStatus(r.status) !== 'draft');
    const expected = expectedSample();
    expect(records.length - stored.length).toBe(expected.drafts);

    const inputs: ScreeningInput[] = stored.map(screeningInput);
    const outcomes = screenCampaign(inputs, DEFAULT_CAMPAIGN_SETTINGS);
    const actual = [...outcomes].map(([applicationId, o]) => ({ applicationId, verdict: o.verdict, reasons: o.reasons }));
    const wanted = [...expected.verdicts].sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1));
    expect(actual).toEqual(wanted);
    // Line by line as the CLI will print them, in the file's order.
    expect(expected.lines.map((line) => JSON.stringify(JSON.parse(line)))).toEqual(
      expected.verdicts.map((v) => {
        const o = outcomes.get(v.applicationId);
        return JSON.stringify({ applicationId: v.applicationId, verdict: o?.verdict, reasons: o?.reasons });
      }),
    );
  });

  it('groups each C-1000xx account as one person and counts the limit over stored applications only', () => {
    const stored = sampleRecords().filter((r) => parseStatus(r.status) !== 'draft');
    const outcomes = screenCampaign(stored.map(screeningInput), DEFAULT_CAMPAIGN_SETTINGS);
    for (const r of stored) {
      const sameAccount = stored.filter((o) => o.candidateId === r.candidateId).map((o) => o.applicationId).sort();
      expect(outcomes.get(r.applicationId)?.personKey).toBe(sameAccount[0]);
    }
    // Person 19: seven stored applications (the draft 00019-6 does not count); the 6th and 7th by submission are over.
    const over = stored.filter((r) => outcomes.get(r.applicationId)?.reasons.includes('OVER_LIMIT')).map((r) => r.applicationId).sort();
    expect(over).toEqual(['NIP-2026-00019-4', 'NIP-2026-00019-5', 'NIP-2026-00024-1', 'NIP-2026-00024-3', 'NIP-2026-00027-1', 'NIP-2026-00027-2', 'NIP-2026-00036-3']);
  });
});
