import type { ScreeningRawField } from '../../../../shared/domain/eligibility';
import type { CefrLevel, FundingTrack } from '../../../../shared/domain/listed-values';
import { columnOf, PARSED_COLUMNS } from '../../applications/store';
import { fingerprint } from '../run';
import type { StoredRow } from './index';

/**
 * A screening input from a stored application's row, the same on every engine: the raw fields the
 * rules read and their fingerprint (an override stands while it is the same, so the text it is
 * taken of must not differ between engines: a campaign copied to the server keeps its overrides),
 * and the parsed forms. Both engines' stores read their rows through it.
 */

/** The raw fields the rules read, in the order they are fingerprinted. */
export const RAW_FIELDS: readonly ScreeningRawField[] = [
  'applicationId',
  'candidateId',
  'firstName',
  'lastName',
  'email',
  'dateOfBirth',
  'nationality',
  'secondNationality',
  'funding',
  'submittedOn',
  'yearsCompleted',
  'currentlyEnrolled',
  'degreeDate',
  'englishLevel',
  'frenchLevel',
];
const PARSED_READ = ['submittedAt', 'dateOfBirth', 'degreeDate', 'yearsCompleted', 'currentlyEnrolled', 'funding', 'englishLevel', 'frenchLevel'] as const;

/** The columns to select, after the id: `SELECT id, ${INPUT_COLUMNS} FROM applications …`, read as arrays. */
export const INPUT_COLUMNS = [...RAW_FIELDS.map(columnOf), ...PARSED_READ.map((k) => PARSED_COLUMNS[k])].join(', ');

/** One row selected with INPUT_COLUMNS (as an array: id first) as a screening input. */
export function storedRowOf(row: readonly unknown[]): StoredRow {
  const raw = {} as Record<ScreeningRawField, string>;
  let text = '';
  for (let i = 0; i < RAW_FIELDS.length; i++) {
    const value = row[i + 1];
    const field = RAW_FIELDS[i] as ScreeningRawField;
    raw[field] = typeof value === 'string' ? value : String(value ?? '');
    text += `${raw[field]}\u0000`;
  }
  const p = 1 + RAW_FIELDS.length;
  const enrolled = row[p + 4];
  return {
    id: Number(row[0]),
    inputHash: fingerprint(text),
    input: {
      raw,
      parsed: {
        submittedAt: (row[p] as string | null) ?? null,
        dateOfBirth: (row[p + 1] as string | null) ?? null,
        degreeDate: (row[p + 2] as string | null) ?? null,
        yearsCompleted: (row[p + 3] as number | null) ?? null,
        currentlyEnrolled: enrolled === null || enrolled === undefined ? null : enrolled === 1,
        funding: (row[p + 5] as FundingTrack | null) ?? null,
        englishLevel: (row[p + 6] as CefrLevel | null) ?? null,
        frenchLevel: (row[p + 7] as CefrLevel | null) ?? null,
      },
    },
  };
}
