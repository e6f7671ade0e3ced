import type { ExplanationKey } from './explanation-keys';
import type { Explanation, ReasonCode } from './types';

/**
 * English renderings of the explanations, for the CLI and logs (the UI has its own catalogues in
 * English and French). `{name}` stands for the explanation's parameter of that name. Levels are
 * written as codes (A1…C2, `native`, `none`); countries as ISO alpha-2 codes.
 */
export const EXPLANATION_EN: Readonly<Record<ExplanationKey, string>> = {
  'age.pass': 'Born {birthDate}: turns {minimumAge} on {birthday}, on or before the application date {applicationDate}',
  'age.fail': 'Born {birthDate}: turns {minimumAge} on {birthday}, after the application date {applicationDate}',
  'age.missing': 'No date of birth given',
  'age.unreadable': 'The date of birth "{value}" is not a readable date',
  'age.bornAfterApplicationDate': 'Born {birthDate}, after the application date {applicationDate}: the date of birth must be wrong',
  'age.noApplicationDate': 'The submission date "{submittedOn}" is not readable, so there is no application date to judge the age on',

  'nationality.pass': '"{value}" ({country}) has been a NATO member since {accession}, before or on the application date {applicationDate}',
  'nationality.empty': 'No nationality given',
  'nationality.unrecognised': '"{value}" is not a recognised country',
  'nationality.partner': '"{value}" ({country}) is a partner country: the applicant is referred to their Delegation',
  'nationality.notYetMember': '"{value}" ({country}) joined NATO on {accession}, after the application date {applicationDate}',
  'nationality.notMember': '"{value}" is not a NATO member state',
  'nationality.notMemberEither': 'Neither "{nationality}" nor "{secondNationality}" is a NATO member state',
  'nationality.noApplicationDate': 'The submission date "{submittedOn}" is not readable, so membership on the application date cannot be judged',

  'education.enrolled': 'Currently enrolled with {yearsCompleted} years of university completed ({minimumYears} needed)',
  'education.recentDegree': 'Degree obtained on {degreeDate}: after {yearBefore} and on or before the application date {applicationDate}',
  'education.enrolledUnknown': 'Whether the applicant is currently enrolled is not readable ("{value}")',
  'education.yearsUnknown': 'Currently enrolled, but the years of university completed are not readable ("{value}")',
  'education.degreeDateUnreadable': 'The degree date "{value}" is not a readable date',
  'education.noApplicationDate': 'The submission date "{submittedOn}" is not readable, so the degree date cannot be judged',
  'education.fail.notEnrolled.noDegree': 'Not currently enrolled and no degree date given',
  'education.fail.notEnrolled.degreeTooOld': 'Not currently enrolled, and the degree of {degreeDate} is not after {yearBefore} (a year before the application date {applicationDate})',
  'education.fail.notEnrolled.degreeInFuture': 'Not currently enrolled, and the degree date {degreeDate} is after the application date {applicationDate}',
  'education.fail.fewYears.noDegree': 'Enrolled with {yearsCompleted} years of university completed ({minimumYears} needed) and no degree date given',
  'education.fail.fewYears.degreeTooOld':
    'Enrolled with {yearsCompleted} years of university completed ({minimumYears} needed), and the degree of {degreeDate} is not after {yearBefore} (a year before the application date {applicationDate})',
  'education.fail.fewYears.degreeInFuture':
    'Enrolled with {yearsCompleted} years of university completed ({minimumYears} needed), and the degree date {degreeDate} is after the application date {applicationDate}',

  'language.passEnglish': 'English at level {level} (at least {requiredLevel} needed)',
  'language.passFrench': 'French at level {level} (at least {requiredLevel} needed)',
  'language.unknownEnglish': 'The English level "{value}" is not a level of the scale',
  'language.unknownFrench': 'The French level "{value}" is not a level of the scale',
  'language.unknownBoth': 'Neither the English level "{englishValue}" nor the French level "{frenchValue}" is a level of the scale',
  'language.fail': 'English {englishLevel} and French {frenchLevel}: neither reaches {requiredLevel}',

  'deadline.grant': 'Grant-funded ("{value}"): no deadline applies',
  'deadline.onTime': 'NATO-funded, submitted {submittedAt} Brussels time, by the deadline {deadline}',
  'deadline.late': 'NATO-funded, submitted {submittedAt} Brussels time, after the deadline {deadline}',
  'deadline.fundingUnknown': 'The funding "{value}" is neither NATO-funded nor grant-funded, so the deadline is not judged',
  'deadline.submissionUnknown': 'NATO-funded, but the submission date "{value}" is not readable (deadline {deadline})',

  'limit.within': "Application {rank} of the person's {count}: within the limit",
  'limit.over': "Application {rank} of the person's {count}: beyond the limit of {limit}",
};

/** Short English names of the reason codes, for summaries. */
export const REASON_EN: Readonly<Record<ReasonCode, string>> = {
  AGE: 'Under the minimum age',
  NATIONALITY: 'Not a national of a member state',
  NATIONALITY_PARTNER: 'National of a partner country',
  EDUCATION: 'Education requirement not met',
  LANGUAGE: 'Language requirement not met',
  LATE: 'Submitted after the deadline',
  AGE_UNKNOWN: 'Date of birth to check',
  NATIONALITY_UNKNOWN: 'Nationality to check',
  EDUCATION_UNKNOWN: 'Education to check',
  LANGUAGE_UNKNOWN: 'Language level to check',
  FUNDING_UNKNOWN: 'Funding to check',
  OVER_LIMIT: 'Over the application limit',
  SUBMISSION_UNKNOWN: 'Submission date to check',
};

/** An explanation in English. A parameter the template does not name is ignored; a missing one shows as `{name}`. */
export function explainEn(explanation: Explanation): string {
  return EXPLANATION_EN[explanation.key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = explanation.params[name];
    return value === undefined ? whole : String(value);
  });
}
