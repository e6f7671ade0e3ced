import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  brusselsDate,
  brusselsLocalMsToInstantMs,
  brusselsLocalToInstant,
  brusselsOffsetAtMs,
  brusselsWallClock,
  parseDate,
  parseDateTime,
  weekStart,
} from '../../shared/domain/datetime';

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

  it('gives the same Brussels date as Temporal for any instant, across the clock changes', () => {
    const from = Date.UTC(1900, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(brusselsDate(iso)).toBe(Temporal.Instant.from(iso).toZonedDateTimeISO('Europe/Brussels').toPlainDate().toString());
      }),
      { numRuns: 2000 },
    );
    // The hour either side of a change (the last Sunday of March 2027, 01:00 UTC).
    expect(brusselsDate('2027-03-27T22:59:59.999Z')).toBe('2027-03-27');
    expect(brusselsDate('2027-03-27T23:00:00.000Z')).toBe('2027-03-28');
    expect(brusselsDate('2027-10-30T21:59:59.999Z')).toBe('2027-10-30');
    expect(brusselsDate('2027-10-30T22:00:00.000Z')).toBe('2027-10-31');
  });
});

describe('Brussels time from milliseconds, as the demo generator uses it', () => {
  const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

  it('puts the 2026 deadline, 20 May 2025 23:59:59 in Brussels, at 21:59:59 UTC', () => {
    expect(iso(brusselsLocalMsToInstantMs(Date.UTC(2025, 4, 20, 23, 59, 59)))).toBe('2025-05-20T21:59:59');
    expect(iso(brusselsLocalMsToInstantMs(Date.UTC(2025, 0, 15, 12, 0, 0)))).toBe('2025-01-15T11:00:00');
  });

  it('reads a skipped hour one hour later and a repeated hour as its first occurrence', () => {
    expect(iso(brusselsLocalMsToInstantMs(Date.UTC(2025, 2, 30, 1, 59, 59)))).toBe('2025-03-30T00:59:59');
    expect(iso(brusselsLocalMsToInstantMs(Date.UTC(2025, 2, 30, 2, 30)))).toBe('2025-03-30T01:30:00');
    expect(iso(brusselsLocalMsToInstantMs(Date.UTC(2025, 2, 30, 3, 0)))).toBe('2025-03-30T01:00:00');
    expect(iso(brusselsLocalMsToInstantMs(Date.UTC(2025, 9, 26, 2, 30)))).toBe('2025-10-26T00:30:00');
    expect(iso(brusselsLocalMsToInstantMs(Date.UTC(2025, 9, 26, 3, 0)))).toBe('2025-10-26T02:00:00');
  });

  it('changes the offset at 01:00 UTC on the last Sundays of March and October', () => {
    expect(brusselsOffsetAtMs(Date.UTC(2025, 2, 30, 0, 59, 59, 999))).toBe(3_600_000);
    expect(brusselsOffsetAtMs(Date.UTC(2025, 2, 30, 1))).toBe(7_200_000);
    expect(brusselsOffsetAtMs(Date.UTC(2025, 9, 26, 0, 59, 59, 999))).toBe(7_200_000);
    expect(brusselsOffsetAtMs(Date.UTC(2025, 9, 26, 1))).toBe(3_600_000);
    // Offsets need not be whole hours: before 1892 Brussels kept local mean time, +00:17:30.
    expect(brusselsOffsetAtMs(Date.UTC(1880, 0, 1, 12))).toBe(1_050_000);
  });

  it('agrees with the time-zone database on wall-clock time, across clock changes', () => {
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const two = (n: number): string => String(n).padStart(2, '0');
    const mismatches: string[] = [];
    // A step of 97 minutes and 13 seconds visits every minute of the hour and both sides of each change.
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2027, 0, 1); t += 97 * 60_000 + 13_000) {
      const p = brusselsWallClock(t);
      const ours = `${two(p.day)}/${two(p.month)}/${p.year}, ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
      if (ours !== format.format(t)) mismatches.push(`${iso(t)}: ${ours}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('turns every Brussels wall-clock time back into the instant it came from', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2027, 0, 1); t += 97 * 60_000 + 13_000) {
      const p = brusselsWallClock(t);
      const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
      const back = brusselsLocalMsToInstantMs(local);
      // The repeated hour of October is read as its first occurrence, an hour early for the second.
      const expected = t + (brusselsOffsetAtMs(t) < brusselsOffsetAtMs(t - 3_600_000) ? -3_600_000 : 0);
      if (back !== expected) mismatches.push(iso(t));
    }
    expect(mismatches).toEqual([]);
  });
});
