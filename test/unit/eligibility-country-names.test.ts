import { describe, expect, it } from 'vitest';
import { NATO_MEMBERS, PFP_PARTNERS } from '../../shared/domain/countries';
import { COMMON_COUNTRY_NAMES, countryCode } from '../../shared/domain/country-names';

describe('reading a nationality as a country', () => {
  it('reads every member and partner by the name countries.ts gives it', () => {
    for (const c of [...NATO_MEMBERS, ...PFP_PARTNERS]) expect(countryCode(c.name), c.name).toBe(c.alpha2);
  });

  it("reads the rules' examples and common names", () => {
    expect(countryCode('United Kingdom')).toBe('GB');
    expect(countryCode('Netherlands')).toBe('NL');
    expect(countryCode('Royaume-Uni')).toBe('GB');
    expect(countryCode('Pays-Bas')).toBe('NL');
    for (const [name, code] of Object.entries(COMMON_COUNTRY_NAMES)) expect(countryCode(name), name).toBe(code);
    expect(Object.keys(COMMON_COUNTRY_NAMES)).toHaveLength(10);
  });

  it('reads official and alternative names in English and French', () => {
    expect(countryCode('Russian Federation')).toBe('RU');
    expect(countryCode('Moldova, Republic of')).toBe('MD');
    expect(countryCode('Moldavie')).toBe('MD');
    expect(countryCode("États-Unis d'Amérique")).toBe('US');
    expect(countryCode('Allemagne')).toBe('DE');
    expect(countryCode('Suisse')).toBe('CH');
  });

  it('reads ISO alpha-2 and alpha-3 codes', () => {
    expect(countryCode('DE')).toBe('DE');
    expect(countryCode('deu')).toBe('DE');
    expect(countryCode('CHE')).toBe('CH');
    expect(countryCode('se')).toBe('SE');
  });

  it('ignores case, accents and surrounding spaces, not letters', () => {
    expect(countryCode('  türkiye ')).toBe('TR');
    expect(countryCode('TURKIYE')).toBe('TR');
    expect(countryCode('etats-unis')).toBe('US');
    expect(countryCode('ROYAUME-UNI')).toBe('GB');
    expect(countryCode('République Tchèque')).toBe('CZ');
    expect(countryCode('republique tcheque')).toBe('CZ');
    expect(countryCode('Belgum')).toBeNull();
  });

  it('recognises nothing in empty text, unknown places, or a name two countries share', () => {
    for (const value of ['', '   ', 'Atlantis', 'Europe', 'Congo']) expect(countryCode(value), value).toBeNull();
    expect(countryCode(null)).toBeNull();
    expect(countryCode('Republic of the Congo')).toBe('CG');
    expect(countryCode('Democratic Republic of the Congo')).toBe('CD');
  });
});
