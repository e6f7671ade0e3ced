import type { Criterion } from './types';
import { pass, review, shared } from './results';

/** Application limit: a person's applications after the first `applicationLimit` (by submission, then id) are for an officer. */
export const applicationLimitCriterion: Criterion = (_application, settings, context) => {
  const { personRank: rank, personCount: count } = context;
  const limit = settings.applicationLimit;
  // Within the limit, the result does not name it: a change of the limit then leaves the results
  // of the applications it does not concern as they were (nothing to store again for them).
  if (rank <= limit) return shared(`limit|within|${rank}|${count}`, () => pass('applicationLimit', 'limit.within', { rank, count }));
  return shared(`limit|over|${rank}|${count}|${limit}`, () => review('applicationLimit', 'OVER_LIMIT', 'limit.over', { rank, count, limit }));
};
