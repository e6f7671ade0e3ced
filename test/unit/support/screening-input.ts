import { APPLICATION_FIELDS, type ApplicationRecord } from '../../../shared/domain/application-fields';
import { screeningInput, type ScreeningInput } from '../../../shared/domain/eligibility';

/**
 * An application that passes every criterion under the default settings (a Belgian, 25, enrolled
 * in a third year, English C1, NATO-funded, submitted well before the deadline); tests change the
 * fields they are about.
 */
export const ELIGIBLE: ApplicationRecord = {
  ...(Object.fromEntries(APPLICATION_FIELDS.map((f) => [f.key, ''])) as ApplicationRecord),
  applicationId: 'NIP-2026-90000-1',
  candidateId: 'C-900000',
  firstName: 'Anna',
  lastName: 'Peeters',
  dateOfBirth: '2000-01-15',
  email: 'anna.peeters@example.org',
  nationality: 'Belgium',
  division: 'OPS',
  funding: 'NATO-funded',
  status: 'Submitted',
  submittedOn: '2025-04-10T10:00:00Z',
  yearsCompleted: '2',
  currentlyEnrolled: 'Yes',
  englishLevel: 'C1',
  frenchLevel: 'B1',
};

export function record(fields: Partial<ApplicationRecord> = {}): ApplicationRecord {
  return { ...ELIGIBLE, ...fields };
}

/** A screening input from the eligible application with some fields changed, parsed as the import parses. */
export function input(fields: Partial<ApplicationRecord> = {}): ScreeningInput {
  return screeningInput(record(fields));
}
