import { isPartner, memberState } from '../countries';
import { countryCode } from '../country-names';
import type { Criterion } from './types';
import { fail, pass, review, shared } from './results';

/**
 * Nationality, in the order eligibility-rules.md gives: a member state on the application date
 * passes; otherwise an unrecognised value (or none at all) is for an officer; otherwise a partner
 * country is referred to its Delegation; otherwise the applicant is not a NATO national.
 */
export const nationalityCriterion: Criterion = (application, _settings, context) => {
  const first = application.raw.nationality.trim();
  const second = application.raw.secondNationality.trim();
  if (first === '' && second === '') return review('nationality', 'NATIONALITY_UNKNOWN', 'nationality.empty');
  const values = first === '' ? [second] : second === '' ? [first] : [first, second];
  const codes = values.map((v) => countryCode(v));

  const applicationDate = context.judgingDate;
  let unrecognised: string | null = null;
  let partner = -1;
  let notYetMember = -1;
  for (let i = 0; i < values.length; i++) {
    const code = codes[i] ?? null;
    const value = values[i] ?? '';
    if (code === null) {
      unrecognised ??= value;
      continue;
    }
    const member = memberState(code);
    if (member) {
      // Membership depends on the date; without one only an officer can tell.
      if (applicationDate === null) return review('nationality', 'NATIONALITY_UNKNOWN', 'nationality.noApplicationDate', { submittedOn: application.raw.submittedOn.trim() });
      if (member.accession <= applicationDate) {
        const { accession } = member;
        return shared(`nationality|pass|${value}|${applicationDate}`, () => pass('nationality', 'nationality.pass', { value, country: code, accession, applicationDate }));
      }
      if (notYetMember < 0) notYetMember = i;
    } else if (partner < 0 && isPartner(code)) partner = i;
  }

  if (unrecognised !== null) return review('nationality', 'NATIONALITY_UNKNOWN', 'nationality.unrecognised', { value: unrecognised });
  if (partner >= 0) {
    const value = values[partner] ?? '';
    const country = codes[partner] ?? '';
    return shared(`nationality|partner|${value}`, () => fail('nationality', 'NATIONALITY_PARTNER', 'nationality.partner', { value, country }));
  }
  if (notYetMember >= 0 && applicationDate !== null) {
    // A member state that had not joined yet on the application date (Sweden before 7 March 2024).
    const code = codes[notYetMember] ?? '';
    return fail('nationality', 'NATIONALITY', 'nationality.notYetMember', { value: values[notYetMember] ?? '', country: code, accession: memberState(code)?.accession ?? '', applicationDate });
  }
  if (values.length === 2) return fail('nationality', 'NATIONALITY', 'nationality.notMemberEither', { nationality: first, secondNationality: second });
  return fail('nationality', 'NATIONALITY', 'nationality.notMember', { value: values[0] ?? '' });
};
