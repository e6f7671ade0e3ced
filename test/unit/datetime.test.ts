import { describe, expect, it } from 'vitest';
import { brusselsDate, brusselsLocalToInstant, parseDate, parseDateTime, weekStart } from '../../shared/domain/datetime';

describe('dates as the export writes them', () => {
  it.each([
    ['2004-03-02', '2004-03-02'],
    ['02/03/2004', '2004-03-02'],
    ['2.3.2004', '2004-03-02'],
    [' 29/02/2004 ', '2004-02-29'],
    ['29/02/2001', null],
    ['31/02/2001', null],
    ['2004/03/02', null],
    ['', null],
    ['March 2, 2004', null],
  ])('%j -> %j', (raw, expected) => expect(parseDate(raw)).toBe(expected));
});

describe('date-times: no offset means Brussels time', () => {
  it.each([
    ['2025-04-06T05:48:00Z', '2025-04-06T05:48:00.000Z'],
    ['2025-04-06 07:48', '2025-04-06T05:48:00.000Z'],
    ['2025-01-06T07:48:30', '2025-01-06T06:48:30.000Z'],
    ['2025-05-20T23:59:59+02:00', '2025-05-20T21:59:59.000Z'],
    ['06/04/2025 07:48', '2025-04-06T05:48:00.000Z'],
    ['06.04.2025 07:48:10', '2025-04-06T05:48:10.000Z'],
    // the hour skipped on 30 March 2025 is read one hour later; the repeated hour as its first occurrence
    ['2025-03-30T02:30:00', '2025-03-30T01:30:00.000Z'],
    ['2025-10-26T02:30:00', '2025-10-26T00:30:00.000Z'],
    ['31/04/2025 10:00', null],
    ['2025-04-06', null],
    ['yesterday', null],
    ['2025-04-06T24:00:00Z', null],
    ['2025-04-06T10:00:00.5+01:00', '2025-04-06T09:00:00.500Z'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00.000Z'],
  ])('%j -> %j', (raw, expected) => expect(parseDateTime(raw)).toBe(expected));

  it('gives the Brussels calendar date of an instant, and the deadline as an instant', () => {
    expect(brusselsDate('2025-05-20T22:30:00Z')).toBe('2025-05-21');
    expect(brusselsLocalToInstant('2025-05-20T23:59:59')).toBe('2025-05-20T21:59:59.000Z');
    expect(weekStart('2025-04-06')).toBe('2025-03-31');
  });
});
