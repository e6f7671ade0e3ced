import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../electron/core/screening/run';

describe('the input fingerprint overrides are checked against', () => {
  // Databases hold these values: if the function changed, every override would turn stale.
  it('gives the values stored by earlier versions', () => {
    expect(fingerprint('')).toBe('wvjl67o803');
    expect(fingerprint('abc')).toBe('1dtlchkfkb1');
    expect(fingerprint('NIP-1\u0000Zoë\u0000')).toBe('12cwaaosfgm');
  });
});
