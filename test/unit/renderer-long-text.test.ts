import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstPart } from '../../renderer/components/long-text';

describe('the first part of a long text', () => {
  it('keeps a text whole up to a tenth over the limit', () => {
    expect(firstPart('a'.repeat(110), 100)).toHaveLength(110);
    expect(firstPart('word '.repeat(23), 100).length).toBeLessThanOrEqual(100);
  });

  it('ends at the last word before the limit', () => {
    const text = 'I would like to contribute to the work of the Alliance. '.repeat(200);
    const part = firstPart(text, 5_000);
    expect(text.startsWith(part)).toBe(true);
    expect(part.length).toBeLessThanOrEqual(5_000);
    expect(part.length).toBeGreaterThan(4_900);
    expect(text[part.length]).toMatch(/\s/);
  });

  it('is always a prefix no longer than the limit, never splits a word when a break is near, nor a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '😀', 'Ā'), minLength: 0, maxLength: 600 }), fc.integer({ min: 20, max: 300 }), (text, limit) => {
        const part = firstPart(text, limit);
        expect(text.startsWith(part)).toBe(true);
        if (text.length <= limit * 1.1) {
          expect(part).toBe(text);
          return;
        }
        expect(part.length).toBeLessThanOrEqual(limit);
        expect(/[\uD800-\uDBFF]$/.test(part)).toBe(false);
        const head = text.slice(0, limit);
        const lastBreak = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'));
        if (lastBreak >= limit * 0.8) expect(/^\s/.test(text.slice(part.length)) || part.length === lastBreak).toBe(true);
      }),
    );
  });
});
