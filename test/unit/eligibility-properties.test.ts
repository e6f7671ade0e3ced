import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../../shared/domain/application-fields';
import { screenCampaign, type ScreeningInput } from '../../shared/domain/eligibility';
import { DEFAULT_CAMPAIGN_SETTINGS, type CampaignSettings } from '../../shared/domain/settings';
import { input } from './support/screening-input';

/**
 * Applications drawn from small pools, so that identities collide often (shared accounts, e-mails
 * in other cases, names with and without accents, same submission instants) and every criterion
 * sees its edge values.
 */
const fields = fc.record({
  candidateId: fc.constantFrom('C-1', 'C-2', 'C-3', 'C-4', ' C-1 ', ''),
  email: fc.constantFrom('a@example.org', 'A@Example.org ', 'b@example.org', 'c@example.org', ''),
  firstName: fc.constantFrom('Zoë', 'Zoe', 'ZOE', 'Ana', 'Ána', ''),
  lastName: fc.constantFrom('Silva', 'Van den Berg', 'van  den berg', ''),
  dateOfBirth: fc.constantFrom('2001-08-12', '12/08/2001', '2004-02-29', '2004-05-21', '31/02/2001', '', '2030-01-01'),
  nationality: fc.constantFrom('Belgium', 'Sweden', 'Switzerland', 'Atlantis', 'India', 'Türkiye', 'UK', ''),
  secondNationality: fc.constantFrom('', '', 'France', 'Serbia', 'Atlantis'),
  funding: fc.constantFrom('NATO-funded', 'Grant', 'Erasmus+', 'nato'),
  submittedOn: fc.constantFrom('2024-03-06T23:30:00Z', '2025-03-01T10:00:00Z', '2025-05-20T21:59:59Z', '2025-05-20T22:00:00Z', '2025-05-20T23:00:00+02:00', '2025-02-28 12:00'),
  currentlyEnrolled: fc.constantFrom('Yes', 'No', '', 'Maybe'),
  yearsCompleted: fc.constantFrom('1', '2', '3', '', 'two'),
  degreeDate: fc.constantFrom('', '2024-05-20', '2024-05-21', '2025-06-01', '31/02/2024'),
  englishLevel: fc.constantFrom('C1', 'B2', 'Fluent', '', 'Native'),
  frenchLevel: fc.constantFrom('C2', 'A1', '', 'Langue maternelle'),
});

/** A campaign of applications with unique ids. */
const campaign = fc.array(fields, { maxLength: 40 }).map((list) => list.map((f, i) => input({ ...f, applicationId: `NIP-${String(i).padStart(3, '0')}` })));

const settings = fc.record({
  applicationLimit: fc.integer({ min: 1, max: 6 }),
  eligibilityJudgedOn: fc.constantFrom<CampaignSettings['eligibilityJudgedOn']>('applicationDate', 'deadline'),
  minimumAge: fc.constantFrom(18, 21),
  requiredLanguageLevel: fc.constantFrom<CampaignSettings['requiredLanguageLevel']>('B2', 'C1', 'native'),
}).map((s): CampaignSettings => ({ ...DEFAULT_CAMPAIGN_SETTINGS, ...s }));

function entries(applications: readonly ScreeningInput[], s: CampaignSettings) {
  return [...screenCampaign(applications, s)];
}

describe('screening, whatever the campaign', () => {
  it('is deterministic and does not depend on the order of the applications', () => {
    fc.assert(
      fc.property(
        campaign.chain((apps) => fc.tuple(fc.constant(apps), fc.shuffledSubarray(apps, { minLength: apps.length, maxLength: apps.length }))),
        settings,
        ([apps, shuffled], s) => {
          const first = entries(apps, s);
          expect(entries(apps, s)).toEqual(first);
          expect(entries(shuffled, s)).toEqual(first);
        },
      ),
    );
  });

  it("never changes another person's outcome when an unrelated person's application is added", () => {
    const stranger = fields.map((f) => ({ ...f, candidateId: 'C-STRANGER', email: 'stranger@example.org', firstName: 'Unrelated', lastName: 'Newcomer' }));
    fc.assert(
      fc.property(campaign, stranger, fc.nat(), fc.constantFrom('NIP-000', 'NIP-500', 'AAA'), settings, (apps, extraFields, position, extraId, s) => {
        // The newcomer's id may sort before, among or after the others'; it must differ from all of them.
        const applicationId = apps.some((a) => a.raw.applicationId === extraId) ? `${extraId}-new` : extraId;
        const extra = input({ ...extraFields, applicationId } satisfies Partial<ApplicationRecord>);
        const withExtra = [...apps];
        withExtra.splice(position % (apps.length + 1), 0, extra);
        const before = screenCampaign(apps, s);
        const after = screenCampaign(withExtra, s);
        for (const [id, outcome] of before) expect(after.get(id)).toEqual(outcome);
        expect(after.get(applicationId)?.personKey).toBe(applicationId);
      }),
    );
  });

  it('gives verdicts that follow from the criteria, with sorted reasons, and one person per account and e-mail', () => {
    fc.assert(
      fc.property(campaign, settings, (apps, s) => {
        const outcomes = screenCampaign(apps, s);
        expect([...outcomes.keys()]).toEqual(apps.map((a) => a.raw.applicationId).sort());
        for (const o of outcomes.values()) {
          const codes = o.criteria.flatMap((c) => (c.code ? [c.code] : []));
          expect(o.reasons).toEqual([...codes].sort());
          const verdict = o.criteria.some((c) => c.outcome === 'fail') ? 'ineligible' : o.criteria.some((c) => c.outcome === 'review') ? 'review' : 'eligible';
          expect(o.verdict).toBe(verdict);
        }
        for (const a of apps) {
          for (const b of apps) {
            const sameAccount = a.raw.candidateId.trim() !== '' && a.raw.candidateId.trim() === b.raw.candidateId.trim();
            const sameEmail = a.raw.email.trim() !== '' && a.raw.email.trim().toLowerCase() === b.raw.email.trim().toLowerCase();
            if (sameAccount || sameEmail) expect(outcomes.get(a.raw.applicationId)?.personKey).toBe(outcomes.get(b.raw.applicationId)?.personKey);
          }
        }
        // No person has more than `limit` applications within the limit.
        const within = new Map<string, number>();
        for (const o of outcomes.values()) if (!o.reasons.includes('OVER_LIMIT')) within.set(o.personKey, (within.get(o.personKey) ?? 0) + 1);
        for (const n of within.values()) expect(n).toBeLessThanOrEqual(s.applicationLimit);
      }),
    );
  });
});
