import { describe, expect, it } from 'vitest';
import { languagesText, workbookCandidate, type CandidateSource } from '../../electron/core/shortlists/workbook-candidate';
import { ageOn } from '../../shared/domain/eligibility/dates';

const source: CandidateSource = {
  candidateCode: 'DI-001-5',
  firstName: 'Ana',
  lastName: 'Silva',
  email: 'ana@example.pt',
  gender: 'Female',
  nationalityCode: 'PT',
  nationality: 'portuguese',
  dateOfBirth: '2004-02-29',
  applicationDate: '2025-02-28',
  university: 'Universidade de Lisboa',
  fieldOfStudy: 'Law',
  highestDegree: 'Master',
  degreeDate: '2025-07-01',
  englishLevel: 'C1',
  frenchLevel: 'none',
  otherLanguages: 'Portuguese native, Spanish B2',
  preferredSession: 'March',
  score: 4.5,
  note: null,
  motivation: 'Because.',
};

describe('a candidate’s row of the workbook', () => {
  it('names the country, gives the age on the application date and the languages in one cell', () => {
    expect(workbookCandidate(source)).toMatchObject({ nationality: 'Portugal', age: 20, languages: 'English C1 · Portuguese native, Spanish B2', officeScore: 4.5 });
    expect(workbookCandidate({ ...source, nationalityCode: null, dateOfBirth: null })).toMatchObject({ nationality: 'portuguese', age: null });
  });

  it('counts birthdays as the rules do (29 February turns a year older on 1 March)', () => {
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
    expect(ageOn('2000-06-15', '2025-06-14')).toBe(24);
    expect(ageOn('2000-06-15', '2025-06-15')).toBe(25);
  });

  it('says nothing of languages it was not told', () => {
    expect(languagesText({ englishLevel: null, frenchLevel: null, otherLanguages: '  ' })).toBeNull();
    expect(languagesText({ englishLevel: 'native', frenchLevel: 'B2', otherLanguages: null })).toBe('English native · French B2');
  });
});
