import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTICE_TEXTS } from '../../shared/domain/notice-default-texts';
import { NOTICE_OUTCOMES } from '../../shared/domain/notice-outcome';
import { parseTemplate, PLACEHOLDERS_OF, renderTemplate } from '../../shared/domain/notice-templates';

describe('notice templates', () => {
  it('fill each placeholder, and leave other text as written', () => {
    const parsed = parseTemplate('Dear {firstName} { lastName },\n{applications}', 'notRetained');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(renderTemplate(parsed.parts, { firstName: 'Zoë', lastName: 'Ōtake', applications: '- NIP-1 (DI)' })).toBe('Dear Zoë Ōtake,\n- NIP-1 (DI)');
  });

  it('refuse a misspelled placeholder with the one meant, one the outcome cannot use, and lone braces, saying where', () => {
    const parsed = parseTemplate('Dear {fristName}, session {session} {', 'notSelected');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.index, p.written, p.suggestion])).toEqual([
      [5, '{fristName}', 'firstName'],
      [26, '{session}', null],
      [36, '{', null],
    ]);
    expect(parsed.problems[0]?.message).toBe('{fristName} is not a placeholder Cohort knows; did you mean {firstName}?');
    expect(parsed.problems[1]?.message).toContain('{session} means nothing in this notice');
    expect(parseTemplate('{zzzzzzzzzz}', 'reserve')).toMatchObject({ ok: false, problems: [{ suggestion: null, message: '{zzzzzzzzzz} is not a placeholder Cohort knows.' }] });
  });

  it('text without braces renders as itself', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/[{}]/.test(s)), fc.constantFrom(...NOTICE_OUTCOMES), (text, outcome) => {
        const parsed = parseTemplate(text, outcome);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(renderTemplate(parsed.parts, {})).toBe(text);
      }),
    );
  });

  it('the defaults of every outcome, in English and French, parse and use only what their outcome has', () => {
    for (const outcome of NOTICE_OUTCOMES) {
      for (const language of ['en', 'fr'] as const) {
        const { subject, body } = DEFAULT_NOTICE_TEXTS[outcome][language];
        for (const text of [subject, body]) {
          const parsed = parseTemplate(text, outcome);
          expect(parsed.ok, `${outcome} ${language}: ${JSON.stringify(parsed)}`).toBe(true);
        }
        expect(body).toContain('{applications}');
      }
      expect(PLACEHOLDERS_OF[outcome]).toContain('officeContact');
    }
  });
});
