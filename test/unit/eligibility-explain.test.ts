import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { APPLICATION_FIELDS, type ApplicationRecord } from '../../shared/domain/application-fields';
import { EXPLANATION_EN, EXPLANATION_KEYS, REASON_CODES, REASON_EN, explainEn, screenCampaign, type Explanation, type ScreeningInput } from '../../shared/domain/eligibility';
import { DEFAULT_CAMPAIGN_SETTINGS } from '../../shared/domain/settings';
import { referencePath } from './support/reference';
import { input } from './support/screening-input';

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** Applications meant to reach every explanation at least once. */
function corpus(): ScreeningInput[] {
  const variations: Partial<ApplicationRecord>[] = [
    {},
    { dateOfBirth: '2010-01-01' },
    { dateOfBirth: '' },
    { dateOfBirth: '31/02/2001' },
    { dateOfBirth: '2026-01-01' },
    { submittedOn: 'unreadable', nationality: 'France', currentlyEnrolled: 'No', degreeDate: '2025-01-01' },
    { nationality: '' },
    { nationality: 'Atlantis' },
    { nationality: 'Serbia' },
    { nationality: 'Sweden', submittedOn: '2024-01-10T10:00:00Z' },
    { nationality: 'India' },
    { nationality: 'India', secondNationality: 'Mexico' },
    { currentlyEnrolled: 'No', degreeDate: '2025-01-01' },
    { currentlyEnrolled: '' },
    { currentlyEnrolled: 'Yes', yearsCompleted: '' },
    { currentlyEnrolled: 'No', degreeDate: '32/01/2025' },
    { currentlyEnrolled: 'No', degreeDate: '' },
    { currentlyEnrolled: 'No', degreeDate: '2020-01-01' },
    { currentlyEnrolled: 'No', degreeDate: '2030-01-01' },
    { yearsCompleted: '1', degreeDate: '' },
    { yearsCompleted: '1', degreeDate: '2020-01-01' },
    { yearsCompleted: '1', degreeDate: '2030-01-01' },
    { englishLevel: 'B1', frenchLevel: 'C2' },
    { englishLevel: 'Fluent', frenchLevel: 'A1' },
    { englishLevel: 'A1', frenchLevel: 'Courant' },
    { englishLevel: 'Fluent', frenchLevel: 'Courant' },
    { englishLevel: 'B2', frenchLevel: '' },
    { funding: 'Grant' },
    { submittedOn: '2025-06-01T10:00:00Z' },
    { funding: 'Erasmus+' },
  ];
  const many = [1, 2, 3, 4, 5, 6].map((n) => ({ candidateId: 'C-MANY', submittedOn: `2025-04-0${n}T10:00:00Z` }));
  return [...variations, ...many].map((fields, i) => input({ ...fields, applicationId: `X-${String(i).padStart(3, '0')}` }));
}

function sample(): ScreeningInput[] {
  const [headers, ...rows] = Papa.parse<string[]>(readFileSync(referencePath('sample-export.csv'), 'utf8'), { skipEmptyLines: true }).data;
  const keys = (headers ?? []).map((h) => APPLICATION_FIELDS.find((f) => f.en === h)?.key ?? 'cvFile');
  return rows.filter((r) => r[keys.indexOf('status')] !== 'Draft').map((row) => input(Object.fromEntries(keys.map((k, i) => [k, row[i] ?? ''])) as Partial<ApplicationRecord>));
}

describe('explanations in English', () => {
  it('has a template for every key each explanation produced, with every placeholder filled', () => {
    const explanations: Explanation[] = [...screenCampaign(corpus(), DEFAULT_CAMPAIGN_SETTINGS).values(), ...screenCampaign(sample(), DEFAULT_CAMPAIGN_SETTINGS).values()].flatMap((o) =>
      o.criteria.map((c) => c.explanation),
    );
    const produced = new Set<string>();
    for (const e of explanations) {
      produced.add(e.key);
      expect(EXPLANATION_EN[e.key], e.key).toBeTypeOf('string');
      // Every placeholder is filled (a template may leave a parameter out: the UI's may use it).
      for (const name of placeholders(EXPLANATION_EN[e.key])) expect(e.params, `${e.key} {${name}}`).toHaveProperty(name);
      expect(explainEn(e)).not.toMatch(/\{\w+\}/);
    }
    // The corpus reaches every key: none is dead, so none goes untested.
    expect([...produced].sort()).toEqual([...EXPLANATION_KEYS].sort());
  });

  it('has no template without a key, and a name for every reason code', () => {
    expect(Object.keys(EXPLANATION_EN).sort()).toEqual([...EXPLANATION_KEYS].sort());
    expect(Object.keys(REASON_EN).sort()).toEqual([...REASON_CODES].sort());
  });

  it('fills the parameters in', () => {
    expect(explainEn({ key: 'limit.over', params: { rank: 6, count: 7, limit: 5 } })).toBe("Application 6 of the person's 7: beyond the limit of 5");
  });
});
