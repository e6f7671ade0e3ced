import { describe, expect, it } from 'vitest';
import { candidateCode, readCandidateCode } from '../../shared/domain/candidate-codes';

describe('candidate codes', () => {
  it('are the division, a number and a check digit, read back however they were typed', () => {
    expect(candidateCode('DI', 42)).toMatch(/^DI-042-\d$/);
    expect(candidateCode('ESCD', 1234)).toMatch(/^ESCD-1234-\d$/);
    const code = candidateCode('PASP', 7);
    expect(readCandidateCode(` ${code.toLowerCase()} `)).toBe(code);
    expect(readCandidateCode('not a code')).toBeNull();
  });

  it('catch every mistyped digit and every swap of neighbouring digits, for the first thousand codes', () => {
    let checked = 0;
    for (let n = 1; n < 1000; n++) {
      const code = candidateCode('DI', n);
      const digits = code.replace(/\D/g, '');
      const write = (d: string) => `DI-${d.slice(0, -1)}-${d.slice(-1)}`;
      for (let i = 0; i < digits.length; i++) {
        for (let v = 0; v <= 9; v++) {
          if (String(v) === digits[i]) continue;
          const typo = write(digits.slice(0, i) + String(v) + digits.slice(i + 1));
          expect(readCandidateCode(typo), typo).toBeNull();
          checked++;
        }
        if (i + 1 < digits.length && digits[i] !== digits[i + 1]) {
          const swapped = write(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2));
          expect(readCandidateCode(swapped), swapped).toBeNull();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(35_000);
  });
});
