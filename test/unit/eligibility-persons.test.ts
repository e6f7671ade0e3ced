import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../../shared/domain/application-fields';
import { foldName, groupPersons, screenCampaign, type ScreeningInput } from '../../shared/domain/eligibility';
import { DEFAULT_CAMPAIGN_SETTINGS } from '../../shared/domain/settings';
import { input } from './support/screening-input';

let next = 0;
/** An application of its own person (own candidate id and e-mail) unless the fields say otherwise. */
function app(fields: Partial<ApplicationRecord>): ScreeningInput {
  next += 1;
  return input({ applicationId: `APP-${String(next).padStart(4, '0')}`, candidateId: `C-${next}`, email: `person${next}@example.org`, firstName: `First${next}`, lastName: `Last${next}`, ...fields });
}

function reasonsById(applications: ScreeningInput[]): Record<string, string[]> {
  return Object.fromEntries([...screenCampaign(applications, DEFAULT_CAMPAIGN_SETTINGS)].map(([id, o]) => [id, o.reasons]));
}

describe('folding names', () => {
  it('removes accents, case and extra spaces, and unfolds compatibility characters', () => {
    expect(foldName('  Zoë   VAN  den Berg ')).toBe('zoe van den berg');
    expect(foldName('Ｊｏｓé')).toBe('jose');
    expect(foldName('Ìﬁona')).toBe('ifiona');
  });
});

describe('who is the same person', () => {
  it('joins the 5th and 6th application of a person only through a name written with and without accents', () => {
    const spellings: [string, string][] = [
      ['Zoë', 'Van den Berg'],
      ['Zoe', 'Van den Berg'],
      ['ZOË', 'VAN DEN BERG'],
      [' zoe ', 'van  den berg'],
      ['Zoë', 'Van den Bérg'],
      ['Zoé', 'Van Den Berg'],
    ];
    // Each with its own account and e-mail, submitted a day apart.
    const applications = spellings.map(([firstName, lastName], i) =>
      app({ firstName, lastName, dateOfBirth: '2001-08-12', submittedOn: `2025-04-${String(10 + i).padStart(2, '0')}T10:00:00Z` }),
    );
    const ids = applications.map((a) => a.raw.applicationId);
    const outcomes = screenCampaign(applications, DEFAULT_CAMPAIGN_SETTINGS);
    expect(new Set(ids.map((id) => outcomes.get(id)?.personKey))).toEqual(new Set([ids[0]]));
    expect(ids.map((id) => outcomes.get(id)?.verdict)).toEqual(['eligible', 'eligible', 'eligible', 'eligible', 'eligible', 'review']);
    expect(outcomes.get(ids[4] ?? '')?.criteria.at(-1)).toMatchObject({ outcome: 'pass', explanation: { key: 'limit.within', params: { rank: 5, count: 6 } } });
    expect(outcomes.get(ids[5] ?? '')?.criteria.at(-1)).toMatchObject({ outcome: 'review', code: 'OVER_LIMIT', explanation: { key: 'limit.over', params: { rank: 6, count: 6, limit: 5 } } });
  });

  it('does not join by name without a readable date of birth, nor with a different one', () => {
    const a = app({ firstName: 'Ana', lastName: 'Silva', dateOfBirth: '31/02/2001' });
    const b = app({ firstName: 'Ana', lastName: 'Silva', dateOfBirth: '31/02/2001' });
    const c = app({ firstName: 'Ana', lastName: 'Silva', dateOfBirth: '2001-02-01' });
    const d = app({ firstName: 'Ana', lastName: 'Silva', dateOfBirth: '2001-02-02' });
    const { personOf } = groupPersons([a, b, c, d]);
    expect(new Set(personOf.values()).size).toBe(4);
  });

  it('does not join two applications that share only a date of birth and have no names', () => {
    const a = app({ firstName: '', lastName: '', dateOfBirth: '2001-02-01' });
    const b = app({ firstName: ' ', lastName: '', dateOfBirth: '2001-02-01' });
    expect(groupPersons([a, b]).personOf.get(b.raw.applicationId)).toBe(b.raw.applicationId);
  });

  it('joins by e-mail trimmed and in any case, and by candidate id', () => {
    const a = app({ email: 'Ana.Silva@Example.org' });
    const b = app({ email: '  ana.silva@example.ORG ' });
    const c = app({ candidateId: b.raw.candidateId });
    const { personOf } = groupPersons([a, b, c]);
    expect([personOf.get(b.raw.applicationId), personOf.get(c.raw.applicationId)]).toEqual([a.raw.applicationId, a.raw.applicationId]);
  });

  it('is transitive: candidate id to e-mail to name', () => {
    const a = app({});
    const b = app({ candidateId: a.raw.candidateId });
    const c = app({ email: b.raw.email, firstName: 'Mária', lastName: 'Kowalczyk', dateOfBirth: '1987-02-15' });
    const d = app({ firstName: 'Maria', lastName: 'Kowalczyk', dateOfBirth: '1987-02-15' });
    const e = app({});
    const { personOf, applicationsOf } = groupPersons([d, c, e, b, a]);
    expect(applicationsOf.get(a.raw.applicationId)).toHaveLength(4);
    expect(personOf.get(d.raw.applicationId)).toBe(a.raw.applicationId);
    expect(personOf.get(e.raw.applicationId)).toBe(e.raw.applicationId);
  });

  it('joins applications an officer confirmed as one person', () => {
    const a = app({});
    const b = app({});
    expect(groupPersons([a, b], [[a.raw.applicationId, b.raw.applicationId]]).personOf.get(b.raw.applicationId)).toBe(a.raw.applicationId);
    expect(groupPersons([a, b], [[a.raw.applicationId, 'not-there']]).personOf.get(b.raw.applicationId)).toBe(b.raw.applicationId);
  });

  it('refuses an application id given twice', () => {
    const a = app({});
    expect(() => groupPersons([a, a])).toThrow(/twice/);
  });
});

describe('the application limit', () => {
  it('counts by submission instant, then by application id compared as text', () => {
    const same = { candidateId: 'C-LIMIT', submittedOn: '2025-04-10T10:00:00Z' };
    // "A-10" sorts before "A-9" as text.
    const applications = ['A-9', 'A-10', 'A-11', 'A-2', 'A-3', 'A-4'].map((applicationId) => app({ ...same, applicationId }));
    const reasons = reasonsById(applications);
    expect(Object.entries(reasons).filter(([, r]) => r.includes('OVER_LIMIT')).map(([id]) => id)).toEqual(['A-9']);

    const earliest = app({ candidateId: 'C-LIMIT', applicationId: 'A-99', submittedOn: '2025-04-10T09:59:59Z' });
    const after = reasonsById([...applications, earliest]);
    expect(Object.entries(after).filter(([, r]) => r.includes('OVER_LIMIT')).map(([id]) => id).sort()).toEqual(['A-4', 'A-9']);
  });

  it('counts ineligible applications too, and follows the limit of the settings', () => {
    const applications = [1, 2, 3, 4].map((day) => app({ candidateId: 'C-THREE', nationality: day === 1 ? 'India' : 'Belgium', submittedOn: `2025-04-0${day}T10:00:00Z` }));
    const outcomes = screenCampaign(applications, { ...DEFAULT_CAMPAIGN_SETTINGS, applicationLimit: 3 });
    expect(applications.map((a) => outcomes.get(a.raw.applicationId)?.reasons)).toEqual([['NATIONALITY'], [], [], ['OVER_LIMIT']]);
  });
});
