import type { ApplicationRecord } from '../application-fields';
import type { CampaignSettings } from '../settings';
import type { ParsedApplication } from '../parse-application';
import type { ExplanationKey } from './explanation-keys';

/** The raw fields the rules read: for identity, for nationality (which has no parsed form), and to tell empty from unreadable. */
export type ScreeningRawField =
  | 'applicationId'
  | 'candidateId'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'dateOfBirth'
  | 'nationality'
  | 'secondNationality'
  | 'funding'
  | 'submittedOn'
  | 'yearsCompleted'
  | 'currentlyEnrolled'
  | 'degreeDate'
  | 'englishLevel'
  | 'frenchLevel';

/** The parsed fields the rules read (parseApplication's output, or the parsed columns of a stored row). */
export type ScreeningParsedField =
  | 'submittedAt'
  | 'dateOfBirth'
  | 'degreeDate'
  | 'yearsCompleted'
  | 'currentlyEnrolled'
  | 'funding'
  | 'englishLevel'
  | 'frenchLevel';

/**
 * One application as the rules see it: raw text as imported and the parsed form beside it. A whole
 * ApplicationRecord and ParsedApplication fit; a stored row needs only these columns.
 */
export interface ScreeningInput {
  readonly raw: Readonly<Pick<ApplicationRecord, ScreeningRawField>>;
  readonly parsed: Readonly<Pick<ParsedApplication, ScreeningParsedField>>;
}

export type CriterionName = 'age' | 'nationality' | 'education' | 'language' | 'deadline' | 'applicationLimit';
export const CRITERIA: readonly CriterionName[] = ['age', 'nationality', 'education', 'language', 'deadline', 'applicationLimit'];

/** Codes of a failed criterion: the application is ineligible. */
export const FAIL_CODES = ['AGE', 'NATIONALITY', 'NATIONALITY_PARTNER', 'EDUCATION', 'LANGUAGE', 'LATE'] as const;
/**
 * Codes of a criterion the data cannot decide: an officer must look. SUBMISSION_UNKNOWN is not in
 * eligibility-rules.md: it only arises for a NATO-funded application without a readable submission
 * instant, which the import never stores.
 */
export const REVIEW_CODES = ['AGE_UNKNOWN', 'NATIONALITY_UNKNOWN', 'EDUCATION_UNKNOWN', 'LANGUAGE_UNKNOWN', 'FUNDING_UNKNOWN', 'OVER_LIMIT', 'SUBMISSION_UNKNOWN'] as const;
export type FailCode = (typeof FAIL_CODES)[number];
export type ReviewCode = (typeof REVIEW_CODES)[number];
export type ReasonCode = FailCode | ReviewCode;
export const REASON_CODES: readonly ReasonCode[] = [...FAIL_CODES, ...REVIEW_CODES];

/** A message key and its values, so the UI can say it in English or French (explain-en.ts has the English). */
export interface Explanation {
  key: ExplanationKey;
  params: Record<string, string | number>;
}

/**
 * One criterion's judgement. Read-only: results that many applications share word for word are one
 * frozen object (see results.ts).
 */
export type CriterionResult =
  | { criterion: CriterionName; outcome: 'pass'; code?: undefined; explanation: Explanation }
  | { criterion: CriterionName; outcome: 'fail'; code: FailCode; explanation: Explanation }
  | { criterion: CriterionName; outcome: 'review'; code: ReviewCode; explanation: Explanation };

/** What a criterion knows beyond the application: worked out once per campaign or per person. */
export interface ScreeningContext {
  /**
   * The date eligibility is judged on (YYYY-MM-DD): the Brussels date of the submission, or the
   * deadline's date when the settings say so. Null when the submission instant is unreadable.
   */
  judgingDate: string | null;
  /** The application's submission instant (UTC ms), read once from parsed.submittedAt; null when unreadable. */
  submittedMs: number | null;
  /** The NATO-funded deadline as an instant (UTC ms), inclusive. */
  deadlineMs: number;
  /** The same deadline as Brussels wall-clock text ("2025-05-20 23:59:59"), for explanations. */
  deadlineText: string;
  /** This application's place (1-based) among its person's applications, by submission then id. */
  personRank: number;
  /** How many applications the person has. */
  personCount: number;
}

export type Criterion = (application: ScreeningInput, settings: CampaignSettings, context: ScreeningContext) => CriterionResult;

export type Verdict = 'eligible' | 'ineligible' | 'review';

export interface ScreeningOutcome {
  verdict: Verdict;
  /** Every fail and review code raised, sorted. */
  reasons: ReasonCode[];
  /** One result per criterion, in the order of CRITERIA. */
  criteria: CriterionResult[];
  /** The person the application belongs to: the lowest application id of the group. */
  personKey: string;
}
