import { describe, expect, it } from 'vitest';
import { workingDaysBetween } from '../../electron/core/notices/working-days';

describe('working days in Brussels', () => {
  it('count Monday to Friday, Belgian public holidays left out', () => {
    // Friday 2027-03-26 to Friday 2027-04-02: Easter Monday (29 March) is a holiday.
    expect(workingDaysBetween('2027-03-26', '2027-04-02')).toBe(4);
    // Across Christmas and New Year 2026-2027.
    expect(workingDaysBetween('2026-12-24', '2027-01-04')).toBe(5);
    // Ascension (6 May 2027) and Whit Monday (17 May 2027).
    expect(workingDaysBetween('2027-05-03', '2027-05-17')).toBe(8);
    expect(workingDaysBetween('2027-05-03', '2027-05-03')).toBe(0);
    expect(workingDaysBetween('2027-05-04', '2027-05-03')).toBe(0);
  });
});
