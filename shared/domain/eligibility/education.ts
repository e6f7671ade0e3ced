import type { Criterion } from './types';
import { yearBefore } from './dates';
import { fail, pass, review, shared } from './results';

/**
 * Years of university an enrolled applicant must have completed (route A). eligibility-rules.md
 * states it as a number of the call, but the campaign settings have no field for it yet.
 */
export const MINIMUM_YEARS_COMPLETED = 2;

/**
 * Education: route A (enrolled, with enough years completed) or route B (a degree obtained within
 * the year up to the application date). Data too incomplete to rule either out is for an officer.
 */
export const educationCriterion: Criterion = (application, _settings, context) => {
  const { currentlyEnrolled: enrolled, yearsCompleted: years, degreeDate } = application.parsed;
  const minimumYears = MINIMUM_YEARS_COMPLETED;
  if (enrolled === true && years !== null && years >= minimumYears) {
    return shared(`education|enrolled|${years}|${minimumYears}`, () => pass('education', 'education.enrolled', { yearsCompleted: years, minimumYears }));
  }

  const applicationDate = context.judgingDate;
  const before = applicationDate === null ? null : yearBefore(applicationDate);
  if (degreeDate !== null && applicationDate !== null && before !== null && before < degreeDate && degreeDate <= applicationDate) {
    return pass('education', 'education.recentDegree', { degreeDate, yearBefore: before, applicationDate });
  }

  if (enrolled === null) return review('education', 'EDUCATION_UNKNOWN', 'education.enrolledUnknown', { value: application.raw.currentlyEnrolled.trim() });
  if (enrolled && years === null) return review('education', 'EDUCATION_UNKNOWN', 'education.yearsUnknown', { value: application.raw.yearsCompleted.trim() });
  const rawDegreeDate = application.raw.degreeDate.trim();
  if (degreeDate === null && rawDegreeDate !== '') return review('education', 'EDUCATION_UNKNOWN', 'education.degreeDateUnreadable', { value: rawDegreeDate });
  if (degreeDate !== null && applicationDate === null) {
    return review('education', 'EDUCATION_UNKNOWN', 'education.noApplicationDate', { submittedOn: application.raw.submittedOn.trim() });
  }

  const routeA = enrolled ? 'fewYears' : 'notEnrolled';
  const routeB = degreeDate === null ? 'noDegree' : degreeDate > (applicationDate ?? '') ? 'degreeInFuture' : 'degreeTooOld';
  return fail('education', 'EDUCATION', `education.fail.${routeA}.${routeB}` as const, {
    yearsCompleted: years ?? '',
    minimumYears,
    degreeDate: degreeDate ?? '',
    yearBefore: before ?? '',
    applicationDate: applicationDate ?? '',
  });
};
