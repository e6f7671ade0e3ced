import type { Criterion } from './types';
import { pass, review, shared } from './results';

/** Application limit: a person's applications after the first `applicationLimit` (by submission, then id) are for an officer. */
export const applicationLimitCriterion: Criterion = (_application, settings, context) => {
  const { personRank: rank, personCount: count } = context;
  const limit = settings.applicationLimit;
  return shared(`limit|${rank}|${count}|${limit}`, () => {
    const params = { rank, count, limit };
    return rank > limit ? review('applicationLimit', 'OVER_LIMIT', 'limit.over', params) : pass('applicationLimit', 'limit.within', params);
  });
};
