import type { ApplicationRecord } from './application-fields';
import { parseDate, parseDateTime } from './datetime';
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
  };
}
