import type { ApplicationFieldKey } from '../application-fields';
import type { CriterionName } from './types';

/**
 * Which export columns each criterion reads: the one place that says it, so the import can warn,
 * before anything is stored, which rules an export cannot be judged on (a file without a
 * Nationality column makes every application "To review" for nationality). A test screens
 * applications with every other column blanked and checks each criterion's answer is unchanged,
 * so a criterion that starts reading another column fails there until it is listed here.
 *
 * `needs`: without one of these the criterion cannot be judged for anyone (`anyOf`: any one of
 * these sets of columns will do, each set whole). `reads`: everything it may look at.
 */
export type Need = ApplicationFieldKey | { readonly anyOf: readonly (readonly ApplicationFieldKey[])[] };

export interface CriterionFields {
  needs: readonly Need[];
  reads: readonly ApplicationFieldKey[];
}

export const CRITERION_FIELDS: Record<CriterionName, CriterionFields> = {
  // Age on the date eligibility is judged: the submission's date, unless the settings say the deadline.
  age: { needs: ['dateOfBirth', 'submittedOn'], reads: ['dateOfBirth', 'submittedOn'] },
  // Membership is judged on the judging date (a country that joined later was not a member then).
  nationality: { needs: ['nationality'], reads: ['nationality', 'secondNationality', 'submittedOn'] },
  education: { needs: ['currentlyEnrolled', 'yearsCompleted', 'degreeDate'], reads: ['currentlyEnrolled', 'yearsCompleted', 'degreeDate', 'submittedOn'] },
  language: { needs: ['englishLevel', 'frenchLevel'], reads: ['englishLevel', 'frenchLevel'] },
  deadline: { needs: ['funding', 'submittedOn'], reads: ['funding', 'submittedOn'] },
  // One person's applications are counted together: by candidate account, e-mail, or name and birth date.
  applicationLimit: {
    needs: [{ anyOf: [['candidateId'], ['email'], ['firstName', 'lastName', 'dateOfBirth']] }],
    reads: ['candidateId', 'email', 'firstName', 'lastName', 'dateOfBirth', 'submittedOn', 'applicationId'],
  },
};

export interface UnjudgedCriterion {
  criterion: CriterionName;
  /** What the criterion needs that no column of the file is mapped to. */
  missing: Need[];
}

function isMet(need: Need, mapped: ReadonlySet<ApplicationFieldKey>): boolean {
  return typeof need === 'string' ? mapped.has(need) : need.anyOf.some((set) => set.every((field) => mapped.has(field)));
}

/** The criteria an export with these mapped fields cannot fully judge, and which columns it lacks. */
export function criteriaWithoutColumns(mapped: ReadonlySet<ApplicationFieldKey>): UnjudgedCriterion[] {
  const out: UnjudgedCriterion[] = [];
  for (const [criterion, fields] of Object.entries(CRITERION_FIELDS) as [CriterionName, CriterionFields][]) {
    const missing = fields.needs.filter((need) => !isMet(need, mapped));
    if (missing.length > 0) out.push({ criterion, missing });
  }
  return out;
}
