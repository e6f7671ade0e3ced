import type { ApplicationRecord } from './application-fields';
import { parseDate, parseDateTime } from './datetime';
import { countryCode } from './country-names';
import { parseDivision, type DivisionCode } from './divisions';
import { parseFunding, parseLevel, parseStatus, parseWholeNumber, parseYesNo, type ApplicationStatus, type CefrLevel, type FundingTrack } from './listed-values';

/**
 * The parsed form of an application's fields: what rules and queries use. Each is null when the raw
 * text could not be read; the raw text is always kept beside it, so nothing is lost.
 */
export interface ParsedApplication {
  status: ApplicationStatus | null;
  submittedAt: string | null;
  divisionCode: DivisionCode | null;
  dateOfBirth: string | null;
  degreeDate: string | null;
  yearsCompleted: number | null;
  currentlyEnrolled: boolean | null;
  funding: FundingTrack | null;
  englishLevel: CefrLevel | null;
  frenchLevel: CefrLevel | null;
  /** ISO 3166-1 alpha-2 code of the nationality ("BE" for "Belgique", "Belgium", "BE"). */
  nationalityCode: string | null;
  /** Last and first name without accents or case: what names sort by ("Ābolinš" with the A's). */
  nameKey: string | null;
}

/** "Ābolinš, Anna" -> "abolins anna": letters as a reader sorts them, whatever the accents. */
export function nameKeyOf(lastName: string, firstName: string): string | null {
  const key = `${lastName.trim()} ${firstName.trim()}`.trim().normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return key === '' ? null : key;
}

/** `known` passes values the caller has parsed already (the importer checks the submission date first). */
export function parseApplication(record: ApplicationRecord, known: Partial<ParsedApplication> = {}): ParsedApplication {
  return {
    status: parseStatus(record.status),
    submittedAt: known.submittedAt !== undefined ? known.submittedAt : parseDateTime(record.submittedOn),
    divisionCode: parseDivision(record.division),
    dateOfBirth: parseDate(record.dateOfBirth),
    degreeDate: parseDate(record.degreeDate),
    yearsCompleted: parseWholeNumber(record.yearsCompleted),
    currentlyEnrolled: parseYesNo(record.currentlyEnrolled),
    funding: parseFunding(record.funding),
    englishLevel: parseLevel(record.englishLevel),
    frenchLevel: parseLevel(record.frenchLevel),
    nationalityCode: countryCode(record.nationality),
    nameKey: nameKeyOf(record.lastName, record.firstName),
  };
}
