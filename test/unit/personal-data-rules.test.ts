import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERASED, onlyPerson, withoutPerson } from '../../electron/core/privacy/audit-mentions';
import { reasonMentions } from '../../shared/domain/erasure-reason';
import { isPurgeDue, purgeDueOn } from '../../shared/domain/retention';

describe('a campaign’s retention', () => {
  it('runs the months given from the day it closed, as a calendar counts months', () => {
    expect(purgeDueOn(null, 24)).toBeNull();
    expect(purgeDueOn('2025-09-30', 24)).toBe('2027-09-30');
    expect(purgeDueOn('2024-08-31', 6)).toBe('2025-02-28');
    expect(purgeDueOn('2023-08-31', 6)).toBe('2024-02-29');
    expect(isPurgeDue('2025-09-30', 24, '2027-09-29')).toBe(false);
    expect(isPurgeDue('2025-09-30', 24, '2027-09-30')).toBe(true);
    expect(isPurgeDue(null, 1, '2099-01-01')).toBe(false);
  });
});

describe('an erasure’s reason', () => {
  const person = { names: ['Zoë', 'Van der Berg', 'Ana'], identifiers: ['zoe.vdb@example.org', 'NIP-2026-00005-1', '1999-04-12'] };

  it('is refused when it holds a name (any case, any accent, a whole word) or an identifier', () => {
    expect(reasonMentions('Asked by ZOE on the phone', person)).toEqual(['Zoë']);
    expect(reasonMentions('Letter from Mr van der BERG', person)).toEqual(['Van der Berg']);
    expect(reasonMentions('Mail of zoe.vdb@example.org', person)).toContain('zoe.vdb@example.org');
    expect(reasonMentions('About nip-2026-00005-1', person)).toEqual(['NIP-2026-00005-1']);
    expect(reasonMentions('born 1999-04-12', person)).toEqual(['1999-04-12']);
  });

  it('is accepted when a name only appears inside another word, or not at all', () => {
    expect(reasonMentions('Request by e-mail of 3 March (a banana)', person)).toEqual([]);
    expect(reasonMentions('Data-protection request DPO-2027-014', person)).toEqual([]);
    expect(reasonMentions('Demande de suppression du 3 mars, van le service juridique', { names: ['de Souza', 'van der Berg'], identifiers: [] })).toEqual([]);
  });

  it('never names the person when accepted: a reason built around any name of theirs is refused', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-zÀ-ÿ]{4,12}$/), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (name, before, after) => {
        expect(reasonMentions(`${before} ${name} ${after}`, { names: [name], identifiers: [] })).toEqual([name]);
      }),
    );
  });
});

describe('an audit entry naming a person among others', () => {
  const marks = { terms: new Set(['nip-1', 'anna@example.org']), refs: new Set([7]) };

  it('loses them from every list and text, and keeps the others', () => {
    expect(withoutPerson({ sent: 3, except: ['NIP-1', 'NIP-12'] }, marks)).toEqual({ sent: 3, except: ['NIP-12'] });
    expect(withoutPerson({ order: [7, 8, 9], exportId: 7 }, marks)).toEqual({ order: [8, 9], exportId: 7 });
    expect(withoutPerson({ file: 'personal data NIP-1.json' }, marks)).toEqual({ file: `personal data ${ERASED}.json` });
    expect(withoutPerson({ to: ['Anna@Example.org'] }, marks)).toEqual({ to: [] });
  });

  it('shows the person only what is theirs in such a list', () => {
    expect(onlyPerson({ sent: 3, except: ['NIP-1', 'NIP-12'] }, marks)).toEqual({ sent: 3, except: ['NIP-1'] });
    expect(onlyPerson({ refs: [6, 7] }, marks)).toEqual({ refs: [7] });
    expect(onlyPerson({ reason: 'text', counts: { added: 2 } }, marks)).toEqual({ reason: 'text', counts: { added: 2 } });
  });
});
