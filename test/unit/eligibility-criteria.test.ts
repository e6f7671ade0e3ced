import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../../shared/domain/application-fields';
import { explainEn, screenCampaign, type CriterionName, type CriterionResult, type ScreeningOutcome } from '../../shared/domain/eligibility';
import { DEFAULT_CAMPAIGN_SETTINGS, type CampaignSettings } from '../../shared/domain/settings';
import { input } from './support/screening-input';

function screenOne(fields: Partial<ApplicationRecord>, settings: Partial<CampaignSettings> = {}): ScreeningOutcome {
  const application = input(fields);
  const outcome = screenCampaign([application], { ...DEFAULT_CAMPAIGN_SETTINGS, ...settings }).get(application.raw.applicationId);
  if (!outcome) throw new Error('no outcome');
  return outcome;
}

function criterion(name: CriterionName, fields: Partial<ApplicationRecord>, settings: Partial<CampaignSettings> = {}): CriterionResult {
  const result = screenOne(fields, settings).criteria.find((c) => c.criterion === name);
  if (!result) throw new Error(`no ${name} result`);
  return result;
}

/** "pass", or the fail / review code. */
function judged(name: CriterionName, fields: Partial<ApplicationRecord>, settings: Partial<CampaignSettings> = {}): string {
  const r = criterion(name, fields, settings);
  return r.outcome === 'pass' ? 'pass' : `${r.outcome} ${r.code}`;
}

describe('the eligible base application', () => {
  it('passes every criterion, so each test below changes only what it is about', () => {
    const outcome = screenOne({});
    expect(outcome.verdict).toBe('eligible');
    expect(outcome.reasons).toEqual([]);
    expect(outcome.criteria.map((c) => [c.criterion, c.outcome])).toEqual([
      ['age', 'pass'],
      ['nationality', 'pass'],
      ['education', 'pass'],
      ['language', 'pass'],
      ['deadline', 'pass'],
      ['applicationLimit', 'pass'],
    ]);
  });
});

describe('age', () => {
  const born = { dateOfBirth: '2004-03-02' };

  it('passes when the 21st birthday is the application date itself', () => {
    expect(judged('age', { ...born, submittedOn: '2025-03-02T10:00:00Z' })).toBe('pass');
  });

  it('passes when the 21st birthday was the day before', () => {
    expect(judged('age', { ...born, submittedOn: '2025-03-03T10:00:00Z' })).toBe('pass');
  });

  it('fails AGE when the 21st birthday is the day after, and says so in plain words', () => {
    const r = criterion('age', { ...born, submittedOn: '2025-03-01T10:00:00Z' });
    expect(r).toMatchObject({ outcome: 'fail', code: 'AGE', explanation: { key: 'age.fail', params: { birthDate: '2004-03-02', birthday: '2025-03-02', applicationDate: '2025-03-01', minimumAge: 21 } } });
    expect(explainEn({ key: 'age.fail', params: { birthDate: '2004-03-02', birthday: '2025-03-02', applicationDate: '2025-02-28', minimumAge: 21 } })).toBe(
      'Born 2004-03-02: turns 21 on 2025-03-02, after the application date 2025-02-28',
    );
  });

  it('takes the application date in Brussels, not in UTC', () => {
    // 23:30 UTC on 1 March is 00:30 on 2 March in Brussels: the birthday.
    expect(judged('age', { ...born, submittedOn: '2025-03-01T23:30:00Z' })).toBe('pass');
    expect(judged('age', { ...born, submittedOn: '2025-03-01T22:59:59Z' })).toBe('fail AGE');
  });

  it('gives someone born on 29 February their birthday on 1 March in a common year', () => {
    const leapling = { dateOfBirth: '2004-02-29' };
    expect(judged('age', { ...leapling, submittedOn: '2025-02-28T12:00:00Z' })).toBe('fail AGE');
    expect(criterion('age', { ...leapling, submittedOn: '2025-02-28T12:00:00Z' }).explanation.params.birthday).toBe('2025-03-01');
    expect(judged('age', { ...leapling, submittedOn: '2025-03-01T12:00:00Z' })).toBe('pass');
  });

  it('gives someone born on 29 February their birthday on 29 February in a leap year', () => {
    const leapling = { dateOfBirth: '2000-02-29' };
    expect(judged('age', { ...leapling, submittedOn: '2024-02-28T12:00:00Z' }, { minimumAge: 24 })).toBe('fail AGE');
    expect(judged('age', { ...leapling, submittedOn: '2024-02-29T12:00:00Z' }, { minimumAge: 24 })).toBe('pass');
  });

  it('uses the minimum age of the settings', () => {
    expect(judged('age', { dateOfBirth: '2007-03-02', submittedOn: '2025-03-02T10:00:00Z' }, { minimumAge: 18 })).toBe('pass');
    expect(judged('age', { dateOfBirth: '2007-03-02', submittedOn: '2025-03-01T10:00:00Z' }, { minimumAge: 18 })).toBe('fail AGE');
  });

  it('asks for review (AGE_UNKNOWN) when the date of birth is empty, unreadable or after the application date', () => {
    expect(criterion('age', { dateOfBirth: '' })).toMatchObject({ outcome: 'review', code: 'AGE_UNKNOWN', explanation: { key: 'age.missing' } });
    expect(criterion('age', { dateOfBirth: '31/02/2001' })).toMatchObject({ outcome: 'review', code: 'AGE_UNKNOWN', explanation: { key: 'age.unreadable', params: { value: '31/02/2001' } } });
    expect(criterion('age', { dateOfBirth: '2025-04-11', submittedOn: '2025-04-10T10:00:00Z' })).toMatchObject({ code: 'AGE_UNKNOWN', explanation: { key: 'age.bornAfterApplicationDate' } });
    // Born on the application date itself is a (very) young applicant, not an impossible date.
    expect(judged('age', { dateOfBirth: '2025-04-10', submittedOn: '2025-04-10T10:00:00Z' })).toBe('fail AGE');
  });

  it('reads day-first dates of birth as the import does', () => {
    expect(judged('age', { dateOfBirth: '02/03/2004', submittedOn: '2025-03-02T10:00:00Z' })).toBe('pass');
    expect(judged('age', { dateOfBirth: '02.03.2004', submittedOn: '2025-03-01T10:00:00Z' })).toBe('fail AGE');
  });

  it('judges on the deadline date when the settings say so', () => {
    const late = { dateOfBirth: '2004-05-20', submittedOn: '2025-03-01T10:00:00Z' };
    expect(judged('age', late)).toBe('fail AGE');
    expect(criterion('age', late, { eligibilityJudgedOn: 'deadline' })).toMatchObject({ outcome: 'pass', explanation: { params: { applicationDate: '2025-05-20' } } });
    expect(judged('age', { dateOfBirth: '2004-05-21', submittedOn: '2025-03-01T10:00:00Z' }, { eligibilityJudgedOn: 'deadline' })).toBe('fail AGE');
  });
});

describe('nationality', () => {
  it('passes a member state, written in English, French, as a code or a common name, whatever the case, accents and spaces', () => {
    for (const value of ['United Kingdom', 'Royaume-Uni', ' pays-bas ', 'NETHERLANDS', 'The Netherlands', 'Turkey', 'Türkiye', 'turkiye', 'Turquie', 'Czech Republic', 'UK', 'Great Britain', 'USA', 'United States of America', 'États-Unis', 'etats-unis', 'Republic of North Macedonia', 'GBR', 'de', 'Allemagne']) {
      expect(judged('nationality', { nationality: value }), value).toBe('pass');
    }
  });

  it('passes a member state + partner dual national, whichever field holds which', () => {
    expect(judged('nationality', { nationality: 'Switzerland', secondNationality: 'France' })).toBe('pass');
    expect(judged('nationality', { nationality: 'France', secondNationality: 'Switzerland' })).toBe('pass');
  });

  it('passes an unknown country with a member state as second nationality', () => {
    expect(judged('nationality', { nationality: 'Atlantis', secondNationality: 'Germany' })).toBe('pass');
    expect(judged('nationality', { nationality: 'Germany', secondNationality: 'Atlantis' })).toBe('pass');
  });

  it('asks for review (NATIONALITY_UNKNOWN) for an unknown country without a member state beside it, or no nationality at all', () => {
    expect(criterion('nationality', { nationality: 'Atlantis' })).toMatchObject({ outcome: 'review', code: 'NATIONALITY_UNKNOWN', explanation: { key: 'nationality.unrecognised', params: { value: 'Atlantis' } } });
    // The rules put the unknown value before the partner referral.
    expect(judged('nationality', { nationality: 'Atlantis', secondNationality: 'Serbia' })).toBe('review NATIONALITY_UNKNOWN');
    expect(judged('nationality', { nationality: 'Mexico', secondNationality: 'Atlantis' })).toBe('review NATIONALITY_UNKNOWN');
    expect(criterion('nationality', { nationality: '', secondNationality: '' })).toMatchObject({ code: 'NATIONALITY_UNKNOWN', explanation: { key: 'nationality.empty' } });
    expect(judged('nationality', { nationality: '  ', secondNationality: '' })).toBe('review NATIONALITY_UNKNOWN');
    // A name two countries share is no country at all.
    expect(judged('nationality', { nationality: 'Congo' })).toBe('review NATIONALITY_UNKNOWN');
  });

  it('fails NATIONALITY_PARTNER for a partner country, alone or beside a non-member', () => {
    expect(criterion('nationality', { nationality: 'Switzerland' })).toMatchObject({ outcome: 'fail', code: 'NATIONALITY_PARTNER', explanation: { params: { country: 'CH' } } });
    expect(judged('nationality', { nationality: 'India', secondNationality: 'Moldova' })).toBe('fail NATIONALITY_PARTNER');
    expect(judged('nationality', { nationality: 'Russia' })).toBe('fail NATIONALITY_PARTNER');
  });

  it('fails NATIONALITY for any other country', () => {
    expect(judged('nationality', { nationality: 'India' })).toBe('fail NATIONALITY');
    expect(criterion('nationality', { nationality: 'India', secondNationality: 'Mexico' }).explanation.key).toBe('nationality.notMemberEither');
  });

  it('counts Sweden from its accession on 7 March 2024, in Brussels time', () => {
    expect(criterion('nationality', { nationality: 'Sweden', submittedOn: '2024-03-06T12:00:00Z' })).toMatchObject({
      outcome: 'fail',
      code: 'NATIONALITY',
      explanation: { key: 'nationality.notYetMember', params: { country: 'SE', accession: '2024-03-07', applicationDate: '2024-03-06' } },
    });
    expect(judged('nationality', { nationality: 'Sweden', submittedOn: '2024-03-07T12:00:00Z' })).toBe('pass');
    // 23:30 UTC on 6 March is 00:30 on 7 March in Brussels.
    expect(judged('nationality', { nationality: 'Sweden', submittedOn: '2024-03-06T23:30:00Z' })).toBe('pass');
    expect(judged('nationality', { nationality: 'Suède', submittedOn: '2024-03-06T22:59:59Z' })).toBe('fail NATIONALITY');
  });
});

describe('education', () => {
  const degree = { currentlyEnrolled: 'No', yearsCompleted: '5', submittedOn: '2025-04-13T10:00:00Z' };

  it('route A: passes an enrolled applicant with at least two years completed', () => {
    expect(judged('education', { currentlyEnrolled: 'Yes', yearsCompleted: '2' })).toBe('pass');
    expect(judged('education', { currentlyEnrolled: 'oui', yearsCompleted: '4' })).toBe('pass');
    expect(criterion('education', { currentlyEnrolled: 'Yes', yearsCompleted: '1' })).toMatchObject({ code: 'EDUCATION', explanation: { key: 'education.fail.fewYears.noDegree' } });
    expect(criterion('education', { currentlyEnrolled: 'No', yearsCompleted: '3' })).toMatchObject({ code: 'EDUCATION', explanation: { key: 'education.fail.notEnrolled.noDegree' } });
  });

  it('route B: fails a degree exactly one year before the application date', () => {
    expect(criterion('education', { ...degree, degreeDate: '2024-04-13' })).toMatchObject({ code: 'EDUCATION', explanation: { key: 'education.fail.notEnrolled.degreeTooOld', params: { yearBefore: '2024-04-13' } } });
  });

  it('route B: passes a degree one year less a day before, and one on the application date itself', () => {
    expect(judged('education', { ...degree, degreeDate: '2024-04-14' })).toBe('pass');
    expect(judged('education', { ...degree, degreeDate: '14/04/2024' })).toBe('pass');
    expect(judged('education', { ...degree, degreeDate: '2025-04-13' })).toBe('pass');
  });

  it('route B: fails a degree date in the future', () => {
    expect(criterion('education', { ...degree, degreeDate: '2025-04-14' })).toMatchObject({ code: 'EDUCATION', explanation: { key: 'education.fail.notEnrolled.degreeInFuture' } });
  });

  it('route B: a year before 29 February is 28 February', () => {
    const leap = { ...degree, submittedOn: '2024-02-29T10:00:00Z' };
    expect(judged('education', { ...leap, degreeDate: '2023-02-28' })).toBe('fail EDUCATION');
    expect(judged('education', { ...leap, degreeDate: '2023-03-01' })).toBe('pass');
  });

  it('passes on a recent degree even when enrolment is unreadable', () => {
    expect(judged('education', { currentlyEnrolled: '', yearsCompleted: '', degreeDate: '2025-01-10' })).toBe('pass');
  });

  it('asks for review (EDUCATION_UNKNOWN) exactly as the rules list', () => {
    expect(criterion('education', { currentlyEnrolled: '' })).toMatchObject({ code: 'EDUCATION_UNKNOWN', explanation: { key: 'education.enrolledUnknown' } });
    expect(judged('education', { currentlyEnrolled: 'Maybe' })).toBe('review EDUCATION_UNKNOWN');
    expect(criterion('education', { currentlyEnrolled: 'Yes', yearsCompleted: '' })).toMatchObject({ code: 'EDUCATION_UNKNOWN', explanation: { key: 'education.yearsUnknown' } });
    expect(judged('education', { currentlyEnrolled: 'Yes', yearsCompleted: 'two' })).toBe('review EDUCATION_UNKNOWN');
    expect(criterion('education', { currentlyEnrolled: 'No', degreeDate: '31/02/2024' })).toMatchObject({ code: 'EDUCATION_UNKNOWN', explanation: { key: 'education.degreeDateUnreadable' } });
    // Not enrolled: the years completed do not matter, so unreadable years are no question.
    expect(judged('education', { currentlyEnrolled: 'No', yearsCompleted: '' })).toBe('fail EDUCATION');
  });
});

describe('language', () => {
  it('passes C1, C2 or native in English or French, ignoring case and spaces', () => {
    for (const [english, french] of [
      ['C1', ''],
      [' c2 ', 'A1'],
      ['', 'C1'],
      ['Native', ''],
      ['B1', 'Langue maternelle'],
      ['mother tongue', 'B2'],
    ]) {
      expect(judged('language', { englishLevel: english, frenchLevel: french }), `${english}/${french}`).toBe('pass');
    }
  });

  it('fails LANGUAGE below C1 in both, an empty level meaning no knowledge', () => {
    expect(criterion('language', { englishLevel: 'B2', frenchLevel: '' })).toMatchObject({ code: 'LANGUAGE', explanation: { params: { englishLevel: 'B2', frenchLevel: 'none', requiredLevel: 'C1' } } });
  });

  it("asks for review (LANGUAGE_UNKNOWN) for 'Fluent', unless the other language passes", () => {
    expect(criterion('language', { englishLevel: 'Fluent', frenchLevel: 'B1' })).toMatchObject({ outcome: 'review', code: 'LANGUAGE_UNKNOWN', explanation: { key: 'language.unknownEnglish', params: { value: 'Fluent' } } });
    expect(judged('language', { englishLevel: 'B2', frenchLevel: 'Courant' })).toBe('review LANGUAGE_UNKNOWN');
    expect(judged('language', { englishLevel: 'Fluent', frenchLevel: 'C1' })).toBe('pass');
  });

  it('keeps apart texts that only a separator would tell apart', () => {
    expect(criterion('language', { englishLevel: 'x|?y', frenchLevel: 'z' }).explanation.params).toEqual({ englishValue: 'x|?y', frenchValue: 'z' });
    expect(criterion('language', { englishLevel: 'x', frenchLevel: 'y|?z' }).explanation.params).toEqual({ englishValue: 'x', frenchValue: 'y|?z' });
  });

  it('uses the required level of the settings', () => {
    expect(judged('language', { englishLevel: 'B2', frenchLevel: '' }, { requiredLanguageLevel: 'B2' })).toBe('pass');
    expect(judged('language', { englishLevel: 'C2', frenchLevel: '' }, { requiredLanguageLevel: 'native' })).toBe('fail LANGUAGE');
    expect(judged('language', { englishLevel: '', frenchLevel: 'Native' }, { requiredLanguageLevel: 'native' })).toBe('pass');
  });
});

describe('deadline', () => {
  const nato = { funding: 'NATO-funded' };

  it('accepts a NATO-funded application at 23:59:59 Brussels time on the deadline, given in UTC or with an offset', () => {
    for (const submittedOn of ['2025-05-20T21:59:59Z', '2025-05-20T23:59:59+02:00', '2025-05-20T17:59:59-04:00', '2025-05-20 23:59:59', '20/05/2025 23:59:59']) {
      expect(criterion('deadline', { ...nato, submittedOn }), submittedOn).toMatchObject({ outcome: 'pass', explanation: { key: 'deadline.onTime', params: { submittedAt: '2025-05-20 23:59:59' } } });
    }
  });

  it('fails LATE one second later', () => {
    for (const submittedOn of ['2025-05-20T22:00:00Z', '2025-05-21T00:00:00+02:00', '2025-05-20T18:00:00-04:00', '2025-05-21 00:00:00', '21.05.2025 00:00']) {
      expect(criterion('deadline', { ...nato, submittedOn }), submittedOn).toMatchObject({ outcome: 'fail', code: 'LATE', explanation: { params: { submittedAt: '2025-05-21 00:00:00', deadline: '2025-05-20 23:59:59' } } });
    }
  });

  it('reads every funding spelling of the rules, in any case', () => {
    for (const funding of ['NATO-funded', 'nato funded', 'NATO', "Financé par l'OTAN", 'FINANCEMENT OTAN']) {
      expect(judged('deadline', { funding, submittedOn: '2025-05-20T22:00:00Z' }), funding).toBe('fail LATE');
    }
    for (const funding of ['Grant-funded', 'grant funded', 'GRANT', 'Subvention']) {
      expect(judged('deadline', { funding, submittedOn: '2025-09-01T10:00:00Z' }), funding).toBe('pass');
    }
  });

  it('asks for review (FUNDING_UNKNOWN) for any other funding value, without judging the deadline', () => {
    for (const funding of ['Erasmus+', '', 'Self-funded']) {
      expect(criterion('deadline', { funding, submittedOn: '2025-09-01T10:00:00Z' }), funding).toMatchObject({ outcome: 'review', code: 'FUNDING_UNKNOWN' });
    }
  });

  it('uses the deadline of the settings', () => {
    expect(judged('deadline', { ...nato, submittedOn: '2025-06-30T21:59:59Z' }, { natoFundedDeadline: '2025-06-30T23:59:59' })).toBe('pass');
    expect(judged('deadline', { ...nato, submittedOn: '2025-06-30T22:00:00Z' }, { natoFundedDeadline: '2025-06-30T23:59:59' })).toBe('fail LATE');
    // In winter Brussels is UTC+1.
    expect(judged('deadline', { ...nato, submittedOn: '2025-01-31T22:59:59Z' }, { natoFundedDeadline: '2025-01-31T23:59:59' })).toBe('pass');
    expect(judged('deadline', { ...nato, submittedOn: '2025-01-31T23:00:00Z' }, { natoFundedDeadline: '2025-01-31T23:59:59' })).toBe('fail LATE');
  });
});

describe('an application without a readable submission instant (the import never stores one)', () => {
  it('is for an officer wherever the application date matters, and passes what does not need it', () => {
    const outcome = screenOne({ submittedOn: 'soon' });
    expect(outcome.verdict).toBe('review');
    expect(outcome.reasons).toEqual(['AGE_UNKNOWN', 'NATIONALITY_UNKNOWN', 'SUBMISSION_UNKNOWN']);
    expect(screenOne({ submittedOn: 'soon', funding: 'Grant' }, { eligibilityJudgedOn: 'deadline' }).verdict).toBe('eligible');
  });
});

describe('results shared by many applications', () => {
  it('are read-only, so no caller can change another application\'s explanation', () => {
    const a = criterion('applicationLimit', {});
    expect(criterion('applicationLimit', { applicationId: 'other' })).toEqual(a);
    expect(Reflect.set(a.explanation.params, 'count', 99)).toBe(false);
    expect(criterion('applicationLimit', {}).explanation.params.count).toBe(1);
  });
});

describe('the verdict', () => {
  it('is ineligible when any criterion fails, even with reviews beside it; reasons sorted', () => {
    const outcome = screenOne({ nationality: 'Serbia', englishLevel: 'Fluent', frenchLevel: '', dateOfBirth: '', funding: 'Erasmus+' });
    expect(outcome.verdict).toBe('ineligible');
    expect(outcome.reasons).toEqual(['AGE_UNKNOWN', 'FUNDING_UNKNOWN', 'LANGUAGE_UNKNOWN', 'NATIONALITY_PARTNER']);
  });

  it('is review when criteria only ask for review', () => {
    expect(screenOne({ englishLevel: 'Fluent', frenchLevel: '' })).toMatchObject({ verdict: 'review', reasons: ['LANGUAGE_UNKNOWN'] });
  });
});
