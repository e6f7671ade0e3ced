import type { Randomizer } from '@faker-js/faker';

/**
 * Small random helpers over one seeded randomizer. The demo generator and every faker instance it
 * uses draw from the same randomizer, so one seed fixes the whole campaign.
 */
export class Rng {
  constructor(private readonly randomizer: Randomizer) {}

  /** A float in [0, 1). */
  next(): number {
    return this.randomizer.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.randomizer.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.randomizer.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.randomizer.next() * items.length)];
    if (item === undefined) throw new RangeError('Cannot pick from an empty list');
    return item;
  }
}

/** A weighted choice, prepared once (cumulative weights, binary search per pick). */
export class Weighted<T> {
  private readonly values: T[] = [];
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    let sum = 0;
    for (const [value, weight] of entries) {
      if (!(weight > 0)) continue;
      sum += weight;
      this.values.push(value);
      this.cumulative.push(sum);
    }
    if (this.values.length === 0) throw new RangeError('A weighted choice needs a positive weight');
    this.total = sum;
  }

  pick(rng: Rng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}
