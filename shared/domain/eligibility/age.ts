import type { Criterion } from './types';
import { birthdayAfter } from './dates';
import { fail, pass, review } from './results';

/**
 * Age: the birthday of the minimum age (21st by default) falls on or before the application date.
 * A date of birth that is empty, unreadable or after the application date is for an officer.
 */
export const ageCriterion: Criterion = (application, settings, context) => {
  const birthDate = application.parsed.dateOfBirth;
  const raw = application.raw.dateOfBirth.trim();
  if (birthDate === null) {
    return raw === '' ? review('age', 'AGE_UNKNOWN', 'age.missing') : review('age', 'AGE_UNKNOWN', 'age.unreadable', { value: raw });
  }
  const applicationDate = context.judgingDate;
  if (applicationDate === null) return review('age', 'AGE_UNKNOWN', 'age.noApplicationDate', { submittedOn: application.raw.submittedOn.trim() });
  if (birthDate > applicationDate) return review('age', 'AGE_UNKNOWN', 'age.bornAfterApplicationDate', { birthDate, applicationDate });
  const birthday = birthdayAfter(birthDate, settings.minimumAge);
  const params = { birthDate, birthday, applicationDate, minimumAge: settings.minimumAge };
  return birthday <= applicationDate ? pass('age', 'age.pass', params) : fail('age', 'AGE', 'age.fail', params);
};
