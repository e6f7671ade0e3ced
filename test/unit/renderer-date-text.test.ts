import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datePattern, formatDateText, parseDateText } from '../../renderer/i18n/date-text';

describe('dates typed and shown in the interface’s language (day first)', () => {
  it('shows a stored date and date-time day first, whatever the browser’s locale', () => {
    expect(formatDateText('2025-05-20', false)).toBe('20/05/2025');
    expect(formatDateText('2025-05-20T23:59:59', true)).toBe('20/05/2025 23:59:59');
    expect(formatDateText('', true)).toBe('');
    expect(datePattern('fr', false)).toBe('JJ/MM/AAAA');
    expect(datePattern('en', true)).toBe('DD/MM/YYYY hh:mm:ss');
  });

  it('reads what an officer types: day first, with / . or -, seconds optional; refuses what is not a date', () => {
    expect(parseDateText('20/05/2025', false)).toBe('2025-05-20');
    expect(parseDateText('1.4.2025', false)).toBe('2025-04-01');
    expect(parseDateText('2025-05-20', false)).toBe('2025-05-20');
    expect(parseDateText('20/05/2025 23:59', true)).toBe('2025-05-20T23:59:00');
    expect(parseDateText('20/05/2025 23h59', true)).toBe('2025-05-20T23:59:00');
    expect(parseDateText('20/05/2025 23:59:59', true)).toBe('2025-05-20T23:59:59');
    for (const bad of ['31/02/2025', '05/20/2025', '20/05/25', '20/05/2025 24:00', 'tomorrow', '']) expect(parseDateText(bad, true), bad).toBeNull();
    expect(parseDateText('20/05/2025 10:00', false)).toBeNull();
  });

  it('reads back every date it shows', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 19);
        expect(parseDateText(formatDateText(iso, true), true)).toBe(iso);
        expect(parseDateText(formatDateText(iso.slice(0, 10), false), false)).toBe(iso.slice(0, 10));
      }),
    );
  });
});
