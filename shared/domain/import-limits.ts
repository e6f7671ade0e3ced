import type { ApplicationFieldKey } from './application-fields';

/**
 * How big an e-recruitment export can be, generously: a file beyond these is not an export (a zip
 * bomb, a damaged or hostile file) and is refused before anything is stored, within seconds and a
 * bounded amount of memory. Measured on a 50,000-row synthetic export (`cohort demo --csv`, written
 * to .xlsx): 28 columns, 33 MB of CSV; in .xlsx sheet1.xml 51 MB, sharedStrings.xml 25 MB with
 * 331,589 strings, each part compressed about 6:1; the longest motivation 704 characters.
 */

/**
 * The longest text each field can hold, in characters. A real first name is far below 200, a
 * date below 50; the motivation is the only long free text (a page or two: 100,000 is ample).
 */
export const FIELD_LENGTH_LIMITS: Readonly<Record<ApplicationFieldKey, number>> = {
  applicationId: 100,
  candidateId: 100,
  firstName: 200,
  lastName: 200,
  dateOfBirth: 50,
  email: 320, // the longest address the e-mail standards allow
  phone: 100,
  gender: 100,
  nationality: 200,
  secondNationality: 200,
  residence: 200,
  division: 200,
  position: 500,
  funding: 200,
  preferredSession: 100,
  status: 100,
  submittedOn: 50,
  university: 500,
  fieldOfStudy: 500,
  highestDegree: 200,
  yearsCompleted: 50,
  currentlyEnrolled: 50,
  degreeDate: 50,
  englishLevel: 100,
  frenchLevel: 100,
  otherLanguages: 2_000,
  motivation: 100_000,
  cvFile: 1_000,
};

/** The longest value any cell may hold (a column kept as an extra, too): the motivation's limit. */
export const VALUE_LENGTH_LIMIT = Math.max(...Object.values(FIELD_LENGTH_LIMITS));

export const FILE_LIMITS = {
  /** Columns: Excel's own maximum (XFD); an export has about 30, some with questionnaire columns. */
  columns: 16_384,
  /** Rows: 20 times a large season (50,000 applications). */
  rows: 1_000_000,
  /** Characters of one CSV row, read before it is complete: a row cannot hold more than this without a value being too long. */
  rowCharacters: 4_000_000,
  /** Different texts in an .xlsx (its shared strings): six times a 50,000-row export's. */
  sharedStrings: 2_000_000,
  /** Cells of an .xlsx worksheet: 1,000,000 rows of about 30 values. */
  cells: 30_000_000,
  /** Unpacked size of the worksheet (51 MB for 50,000 rows). */
  worksheetBytes: 1024 * 1024 * 1024,
  /** Unpacked size of the shared strings (25 MB for 50,000 rows); they are kept in memory while reading. */
  sharedStringsBytes: 256 * 1024 * 1024,
  /** Unpacked size of any other part read (workbook, relationships, styles: kilobytes in an export). */
  otherPartBytes: 16 * 1024 * 1024,
  /** Unpacked size per packed byte beyond which a part is a zip bomb, not XML (real parts: about 6). */
  compressionRatio: 100,
  /** Below this unpacked size the ratio is not judged: small parts of repeated markup compress well. */
  ratioJudgedFrom: 1024 * 1024,
} as const;

/**
 * What the store of rejected rows keeps of each value (rows sent back as a CSV to fix): enough to
 * find the row, not megabytes per row. A longer value is cut, and says so.
 */
export const REJECTED_VALUE_LIMIT = 2_000;
/** At most this many characters of values per rejected row; values past it are cut to nothing, and say so. */
export const REJECTED_ROW_LIMIT = 100_000;
