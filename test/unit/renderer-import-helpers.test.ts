import { describe, expect, it } from 'vitest';
import type { ColumnTarget, ImportColumn } from '../../shared/api/contract';
import { addSample, estimateProgress, RATE_WINDOW_MS, type ProgressSample } from '../../renderer/api/progressRate';
import {
  columnMatches,
  fieldLabel,
  findMappingProblems,
  hasProblems,
  parseTargetValue,
  searchTextOf,
  targetValue,
} from '../../renderer/dialogs/import/mapping';

/** The import wizard's pure parts: what it says about a mapping, and how it measures progress. */

const field = (f: Extract<ColumnTarget, { kind: 'field' }>['field']): ColumnTarget => ({ kind: 'field', field: f });

describe('mapping problems (said before the services refuse the mapping)', () => {
  it('a mapping without Application ID is held back', () => {
    const problems = findMappingProblems([field('firstName'), { kind: 'extra' }, { kind: 'ignore' }]);
    expect(problems.missingApplicationId).toBe(true);
    expect(problems.duplicates).toEqual([]);
    expect(hasProblems(problems)).toBe(true);
  });

  it('names every column of a field mapped more than once, and each column knows the others', () => {
    const problems = findMappingProblems([field('applicationId'), field('email'), field('firstName'), field('email'), field('email')]);
    expect(problems.missingApplicationId).toBe(false);
    expect(problems.duplicates).toEqual([{ field: 'email', columns: [1, 3, 4] }]);
    expect(problems.othersByColumn.get(3)).toEqual([1, 4]);
    expect(problems.othersByColumn.has(2)).toBe(false);
  });

  it('reports duplicates in the order of the export layout', () => {
    const problems = findMappingProblems([field('email'), field('email'), field('applicationId'), field('lastName'), field('lastName')]);
    expect(problems.duplicates.map((d) => d.field)).toEqual(['lastName', 'email']);
  });

  it('a mapping with one Application ID and no field twice goes on; extras and ignored columns may repeat', () => {
    const problems = findMappingProblems([field('applicationId'), { kind: 'extra' }, { kind: 'extra' }, { kind: 'ignore' }, { kind: 'ignore' }]);
    expect(hasProblems(problems)).toBe(false);
  });
});

describe('targets as select values', () => {
  it('round-trips every kind of target, and refuses what is not one', () => {
    for (const target of [field('cvFile'), { kind: 'ignore' }, { kind: 'extra' }] as ColumnTarget[]) {
      expect(parseTargetValue(targetValue(target))).toEqual(target);
    }
    expect(parseTargetValue('field:nonsense')).toBeNull();
    expect(parseTargetValue('delete')).toBeNull();
  });

  it('labels fields in the language of the interface, as the export names them', () => {
    expect(fieldLabel('email', 'en')).toBe('Email');
    expect(fieldLabel('email', 'fr')).toBe('Courriel');
  });
});

describe('finding a column among thousands', () => {
  const column: ImportColumn = { index: 27, header: 'Pays de résidence', letter: 'AB', examples: ['Belgique', 'Zürich'], detected: 'residence' };
  const text = searchTextOf(column);
  it('matches the letter exactly, and header or examples ignoring case and accents', () => {
    expect(columnMatches(column, text, 'ab')).toBe(true);
    expect(columnMatches(column, text, 'AC')).toBe(false);
    expect(columnMatches(column, text, 'RESIDENCE')).toBe(true);
    expect(columnMatches(column, text, 'zurich')).toBe(true);
    expect(columnMatches(column, text, 'nationality')).toBe(false);
    expect(columnMatches(column, text, '  ')).toBe(true);
  });
});

describe('progress: rows per second and time left', () => {
  const sample = (at: number, done: number, rows: number | null): ProgressSample => ({ at, done, rows });

  it('says nothing until enough time has passed to measure', () => {
    expect(estimateProgress([sample(0, 0, 0)], 100)).toEqual({ rowsPerSecond: null, secondsLeft: null });
    expect(estimateProgress([sample(0, 0, 0), sample(300, 10, 100)], 100)).toEqual({ rowsPerSecond: null, secondsLeft: null });
  });

  it('measures rows per second from rows, and time left from the units still to do', () => {
    const estimate = estimateProgress([sample(0, 0, 0), sample(2000, 40, 10_000)], 100);
    expect(estimate.rowsPerSecond).toBe(5000);
    expect(estimate.secondsLeft).toBe(3);
  });

  it('gives no time left while nothing moves, and no rate without row counts', () => {
    expect(estimateProgress([sample(0, 10, null), sample(2000, 10, null)], 100)).toEqual({ rowsPerSecond: null, secondsLeft: null });
  });

  it('follows the recent rate: samples older than the window are dropped, keeping the one just before it', () => {
    let samples: ProgressSample[] = [];
    // Slow at first (1 unit/s for 10 s), then fast (10 units/s).
    for (let t = 0; t <= 10_000; t += 1000) samples = addSample(samples, sample(t, t / 1000, null));
    for (let t = 11_000; t <= 20_000; t += 1000) samples = addSample(samples, sample(t, 10 + ((t - 10_000) / 1000) * 10, null));
    expect(samples[0]?.at).toBe(20_000 - RATE_WINDOW_MS);
    const estimate = estimateProgress(samples, 200);
    expect(estimate.secondsLeft).toBeCloseTo((200 - 110) / 10);
  });
});
