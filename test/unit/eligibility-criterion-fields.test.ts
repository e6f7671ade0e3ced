import { describe, expect, it } from 'vitest';
import { APPLICATION_FIELDS, type ApplicationFieldKey, type ApplicationRecord } from '../../shared/domain/application-fields';
import { campaignContexts, screenApplication, screeningInput } from '../../shared/domain/eligibility';
import { CRITERION_FIELDS, criteriaWithoutColumns } from '../../shared/domain/eligibility/criterion-fields';
import { CRITERIA } from '../../shared/domain/eligibility/types';
import { DEFAULT_CAMPAIGN_SETTINGS, type CampaignSettings } from '../../shared/domain/settings';
import { sampleTable } from './support/sample-rows';

/** The reference sample's 80 rows as records: every kind of application the rules document shows. */
function sampleRecords(): ApplicationRecord[] {
  const { header, rows } = sampleTable();
  const keys = header.map((name) => APPLICATION_FIELDS.find((f) => f.en === name)?.key);
  return rows.map(
    (row) =>
      ({
        ...Object.fromEntries(APPLICATION_FIELDS.map((f) => [f.key, ''])),
        ...Object.fromEntries(keys.flatMap((key, i) => (key ? [[key, row[i] ?? '']] : []))),
      }) as ApplicationRecord,
  );
}

function criterionResults(records: ApplicationRecord[], settings: CampaignSettings, criterion: string) {
  const inputs = records.map(screeningInput);
  const { contextOf } = campaignContexts(inputs, settings);
  return inputs.map((input, i) => screenApplication(input, settings, contextOf(i)).criteria.find((c) => c.criterion === criterion));
}

describe('which columns each criterion reads (CRITERION_FIELDS)', () => {
  const settingsCases: [string, CampaignSettings][] = [
    ['the default settings', DEFAULT_CAMPAIGN_SETTINGS],
    ['eligibility judged on the deadline', { ...DEFAULT_CAMPAIGN_SETTINGS, eligibilityJudgedOn: 'deadline' }],
  ];

  it.each(settingsCases)('lists every column a criterion looks at: blanking all others changes no answer (%s)', (_name, settings) => {
    const records = sampleRecords();
    expect(records.length).toBeGreaterThan(50);
    for (const criterion of CRITERIA) {
      const keep = new Set<ApplicationFieldKey>(CRITERION_FIELDS[criterion].reads);
      const blanked = records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, keep.has(k as ApplicationFieldKey) ? v : ''])) as ApplicationRecord);
      // Blanked applications must stay apart for the limit: give each its own id when the id is not read.
      if (!keep.has('applicationId')) blanked.forEach((r, i) => (r.applicationId = `X-${i}`));
      expect(criterionResults(blanked, settings, criterion), criterion).toEqual(criterionResults(records, settings, criterion));
    }
  });

  it('names the criteria an export cannot judge, and the columns it lacks', () => {
    const all = new Set(APPLICATION_FIELDS.map((f) => f.key));
    expect(criteriaWithoutColumns(all)).toEqual([]);
    const noNationality = new Set([...all].filter((k) => k !== 'nationality'));
    expect(criteriaWithoutColumns(noNationality)).toEqual([{ criterion: 'nationality', missing: ['nationality'] }]);
    // The limit groups a person's applications by candidate account, e-mail, or name and birth date: any will do.
    const noCandidate = new Set([...all].filter((k) => k !== 'candidateId'));
    expect(criteriaWithoutColumns(noCandidate)).toEqual([]);
    const namesOnly = new Set([...all].filter((k) => k !== 'candidateId' && k !== 'email'));
    expect(criteriaWithoutColumns(namesOnly)).toEqual([]);
    const noIdentity = new Set([...namesOnly].filter((k) => k !== 'firstName'));
    expect(criteriaWithoutColumns(noIdentity)).toEqual([
      { criterion: 'applicationLimit', missing: [{ anyOf: [['candidateId'], ['email'], ['firstName', 'lastName', 'dateOfBirth']] }] },
    ]);
    const noSubmission = new Set([...all].filter((k) => k !== 'submittedOn'));
    expect(criteriaWithoutColumns(noSubmission).map((c) => c.criterion)).toEqual(['age', 'deadline']);
  });
});
