import type { Criterion } from './types';
import { brusselsDateTimeText } from './dates';
import { fail, pass, review, shared } from './results';

/**
 * Deadline: a NATO-funded application submitted after the deadline instant is late; the
 * grant-funded track is open all year; an unknown funding value leaves the deadline unjudged.
 */
export const deadlineCriterion: Criterion = (application, _settings, context) => {
  const funding = application.parsed.funding;
  if (funding !== 'nato') {
    const value = application.raw.funding.trim();
    return shared(`deadline|${funding ?? '?'}|${value}`, () =>
      funding === 'grant' ? pass('deadline', 'deadline.grant', { value }) : review('deadline', 'FUNDING_UNKNOWN', 'deadline.fundingUnknown', { value }),
    );
  }
  const deadline = context.deadlineText;
  const ms = context.submittedMs;
  if (ms === null) return review('deadline', 'SUBMISSION_UNKNOWN', 'deadline.submissionUnknown', { value: application.raw.submittedOn.trim(), deadline });
  const params = { submittedAt: brusselsDateTimeText(ms), deadline };
  return ms > context.deadlineMs ? fail('deadline', 'LATE', 'deadline.late', params) : pass('deadline', 'deadline.onTime', params);
};
