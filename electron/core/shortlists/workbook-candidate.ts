import { countryName } from '../../../shared/domain/country-names';
import { ageOn } from '../../../shared/domain/eligibility/dates';
import type { CefrLevel } from '../../../shared/domain/listed-values';
import type { WorkbookCandidate } from './workbook/columns';

/** What the shortlist store reads of an application for its workbook row. */
export interface CandidateSource {
  candidateCode: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  gender: string | null;
  /** The country the nationality names (ISO alpha-2), else null: the text as written is shown. */
  nationalityCode: string | null;
  nationality: string | null;
  /** "YYYY-MM-DD", read; null when unreadable. */
  dateOfBirth: string | null;
  /** The application date (Brussels), "YYYY-MM-DD". */
  applicationDate: string | null;
  university: string | null;
  fieldOfStudy: string | null;
  highestDegree: string | null;
  degreeDate: string | null;
  englishLevel: CefrLevel | null;
  frenchLevel: CefrLevel | null;
  /** As written: "German B2, Polish native". */
  otherLanguages: string | null;
  preferredSession: string | null;
  score: number | null;
  note: string | null;
  motivation: string | null;
}

/** "English C1 · French B2 · German B2": the levels read, then the other languages as written. */
export function languagesText(source: Pick<CandidateSource, 'englishLevel' | 'frenchLevel' | 'otherLanguages'>): string | null {
  const parts: string[] = [];
  if (source.englishLevel && source.englishLevel !== 'none') parts.push(`English ${source.englishLevel}`);
  if (source.frenchLevel && source.frenchLevel !== 'none') parts.push(`French ${source.frenchLevel}`);
  const other = source.otherLanguages?.trim();
  if (other) parts.push(other);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** A candidate's row of the hiring manager's workbook, in its language (English first). */
export function workbookCandidate(source: CandidateSource): WorkbookCandidate {
  return {
    candidateCode: source.candidateCode,
    firstName: source.firstName,
    lastName: source.lastName,
    email: source.email,
    gender: source.gender,
    nationality: source.nationalityCode ? countryName(source.nationalityCode, 'en') : source.nationality,
    age: source.dateOfBirth && source.applicationDate ? ageOn(source.dateOfBirth, source.applicationDate) : null,
    university: source.university,
    fieldOfStudy: source.fieldOfStudy,
    highestDegree: source.highestDegree,
    degreeDate: source.degreeDate,
    languages: languagesText(source),
    preferredSession: source.preferredSession,
    officeScore: source.score,
    officeNote: source.note,
    motivation: source.motivation,
  };
}
