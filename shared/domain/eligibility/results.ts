import type { ExplanationKey } from './explanation-keys';
import type { CriterionName, CriterionResult, FailCode, ReviewCode } from './types';

type Params = Record<string, string | number>;

export function pass(criterion: CriterionName, key: ExplanationKey, params: Params = {}): CriterionResult {
  return { criterion, outcome: 'pass', explanation: { key, params } };
}

export function fail(criterion: CriterionName, code: FailCode, key: ExplanationKey, params: Params = {}): CriterionResult {
  return { criterion, outcome: 'fail', code, explanation: { key, params } };
}

export function review(criterion: CriterionName, code: ReviewCode, key: ExplanationKey, params: Params = {}): CriterionResult {
  return { criterion, outcome: 'review', code, explanation: { key, params } };
}

/**
 * Results that thousands of applications share word for word ("application 1 of 1, limit 5",
 * "English at level C1") are made once and frozen: 50,000 applications times six criteria
 * otherwise fill the young heap with copies, and collecting them costs more than judging.
 * `id` must name everything the result holds. Bounded, so odd input cannot grow it without limit.
 */
const sharedResults = new Map<string, CriterionResult>();
const SHARED_LIMIT = 50_000;

export function shared(id: string, make: () => CriterionResult): CriterionResult {
  let result = sharedResults.get(id);
  if (result === undefined) {
    result = make();
    Object.freeze(result.explanation.params);
    Object.freeze(result.explanation);
    Object.freeze(result);
    if (sharedResults.size >= SHARED_LIMIT) sharedResults.clear();
    sharedResults.set(id, result);
  }
  return result;
}
