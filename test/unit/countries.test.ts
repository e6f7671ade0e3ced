import { describe, expect, it } from 'vitest';
import { NATO_MEMBERS, PFP_PARTNERS, isMember, isPartner, memberState } from '../../shared/domain/countries';

// The accession dates as eligibility-rules.md groups them, copied by hand: a second reading of the
// same text, so a slip in countries.ts shows up here.
const ACCESSIONS: Record<string, string[]> = {
  '1949-04-04': ['BE', 'CA', 'DK', 'FR', 'IS', 'IT', 'LU', 'NL', 'NO', 'PT', 'GB', 'US'],
  '1952-02-18': ['GR', 'TR'],
  '1955-05-06': ['DE'],
  '1982-05-30': ['ES'],
  '1999-03-12': ['CZ', 'HU', 'PL'],
  '2004-03-29': ['BG', 'EE', 'LV', 'LT', 'RO', 'SK', 'SI'],
  '2009-04-01': ['AL', 'HR'],
  '2017-06-05': ['ME'],
  '2020-03-27': ['MK'],
  '2023-04-04': ['FI'],
  '2024-03-07': ['SE'],
};

const PARTNERS = 'AM AT AZ BY BA GE IE KZ KG MT MD RU RS CH TJ TM UA UZ'.split(' ');

describe('NATO member states', () => {
  it('lists the 32 members once each, with the accession dates of the rules', () => {
    expect(NATO_MEMBERS).toHaveLength(32);
    expect(new Set(NATO_MEMBERS.map((m) => m.alpha2)).size).toBe(32);
    for (const [date, codes] of Object.entries(ACCESSIONS)) {
      for (const code of codes) expect(memberState(code)?.accession, code).toBe(date);
    }
    expect(Object.values(ACCESSIONS).flat()).toHaveLength(32);
  });

  it('writes codes as two capital letters and dates as real YYYY-MM-DD days', () => {
    for (const m of NATO_MEMBERS) {
      expect(m.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(new Date(`${m.accession}T00:00:00Z`).toISOString().slice(0, 10)).toBe(m.accession);
      expect(m.name.length).toBeGreaterThan(2);
    }
  });

  it('counts a member from its accession day, not the day before', () => {
    expect(isMember('SE', '2024-03-07')).toBe(true);
    expect(isMember('SE', '2024-03-06')).toBe(false);
    expect(isMember('FI', '2023-04-04')).toBe(true);
    expect(isMember('FI', '2023-04-03')).toBe(false);
    expect(isMember('MK', '2020-03-26')).toBe(false);
    expect(isMember('BE', '1949-04-04')).toBe(true);
    expect(isMember('BE', '1949-04-03')).toBe(false);
  });

  it('reads codes in any case and knows no member it was not told of', () => {
    expect(isMember('se', '2025-05-20')).toBe(true);
    expect(memberState('gb')?.name).toBe('United Kingdom');
    expect(isMember('UA', '2025-05-20')).toBe(false);
    expect(isMember('BR', '2025-05-20')).toBe(false);
    expect(isMember('', '2025-05-20')).toBe(false);
  });

  it('refuses a date that would compare wrongly as text', () => {
    expect(() => isMember('SE', '2024-3-7')).toThrow(RangeError);
    expect(() => isMember('SE', '07/03/2024')).toThrow(RangeError);
  });
});

describe('Partnership for Peace partners', () => {
  it('lists the 18 partners of the rules, none of them a member', () => {
    expect(PFP_PARTNERS.map((p) => p.alpha2).sort()).toEqual([...PARTNERS].sort());
    for (const p of PFP_PARTNERS) expect(memberState(p.alpha2), p.alpha2).toBeUndefined();
  });

  it('answers isPartner by code, any case', () => {
    expect(isPartner('UA')).toBe(true);
    expect(isPartner('ch')).toBe(true);
    expect(isPartner('IE')).toBe(true);
    expect(isPartner('SE')).toBe(false);
    expect(isPartner('BR')).toBe(false);
  });

  it('names them in English', () => {
    expect(PFP_PARTNERS.find((p) => p.alpha2 === 'UA')?.name).toBe('Ukraine');
    expect(PFP_PARTNERS.find((p) => p.alpha2 === 'BA')?.name).toBe('Bosnia and Herzegovina');
  });
});
