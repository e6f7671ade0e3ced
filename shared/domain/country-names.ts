// The library's package entry (entry-node.js) registers all ~80 locales; index.js registers none, so
// importing it and the two locale files we read keeps the bundles small and the lookup to en + fr.
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';

/**
 * Reading a nationality as a country (eligibility-rules.md, "Nationality"): any English or French
 * name i18n-iso-countries lists (official and alternative), the ISO 3166-1 alpha-2 or alpha-3 code,
 * or one of the common names the rules list; ignoring case, accents and surrounding spaces.
 */

countries.registerLocale(en);
countries.registerLocale(fr);

/** The common names eligibility-rules.md adds to the library's, with the country each means. */
export const COMMON_COUNTRY_NAMES: Readonly<Record<string, string>> = {
  Turkey: 'TR',
  'Czech Republic': 'CZ',
  UK: 'GB',
  'Great Britain': 'GB',
  USA: 'US',
  'United States of America': 'US',
  'The Netherlands': 'NL',
  'Republic of North Macedonia': 'MK',
  Moldova: 'MD',
  'États-Unis': 'US',
};

/** Case, accents (NFKD then combining marks removed) and surrounding spaces do not matter. */
export function foldCountryText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase();
}

function buildLookup(): ReadonlyMap<string, string> {
  const codeOf = new Map<string, string>();
  // A folded text that the library gives to two countries ("Congo": CG and CD) names neither: it
  // is left unrecognised, so an officer looks at it rather than the app guessing.
  const ambiguous = new Set<string>();
  const add = (text: string, alpha2: string): void => {
    const key = foldCountryText(text);
    if (key === '' || ambiguous.has(key)) return;
    const known = codeOf.get(key);
    if (known === undefined) codeOf.set(key, alpha2);
    else if (known !== alpha2) {
      codeOf.delete(key);
      ambiguous.add(key);
    }
  };
  for (const lang of ['en', 'fr']) {
    for (const [alpha2, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of names) add(name, alpha2);
    }
  }
  for (const [alpha3, alpha2] of Object.entries(countries.getAlpha3Codes())) {
    add(alpha2, alpha2);
    add(alpha3, alpha2);
  }
  // The rules' own list is authoritative: it overrides whatever the library says.
  for (const [name, alpha2] of Object.entries(COMMON_COUNTRY_NAMES)) codeOf.set(foldCountryText(name), alpha2);
  return codeOf;
}

const CODE_BY_TEXT = buildLookup();

/**
 * Texts already read, as written: a campaign spells its countries a few hundred ways, and folding
 * (NFKD) each of 100,000 values again costs more than screening them. Bounded, so odd input
 * cannot grow it without limit.
 */
const readBefore = new Map<string, string | null>();
const READ_BEFORE_LIMIT = 20_000;

/** The ISO 3166-1 alpha-2 code (upper case) of a country as written, or null when it is not one. */
export function countryCode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let code = readBefore.get(raw);
  if (code === undefined) {
    code = CODE_BY_TEXT.get(foldCountryText(raw)) ?? null;
    if (readBefore.size >= READ_BEFORE_LIMIT) readBefore.clear();
    readBefore.set(raw, code);
  }
  return code;
}

/** A country's name in English or French from its alpha-2 code (the code itself if unknown). */
export function countryName(alpha2: string, language: 'en' | 'fr'): string {
  return countries.getName(alpha2, language, { select: 'official' }) ?? alpha2;
}
