/**
 * The country facts of eligibility-rules.md, in one place: the NATO member states with the date
 * each joined, and the Partnership for Peace partners whose nationals are referred to their
 * Delegation. Plain data keyed by ISO 3166-1 alpha-2 code; reading free-text country names is the
 * importer's job, not this module's.
 */

export interface MemberState {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly alpha2: string;
  readonly name: string;
  /** Date of accession, YYYY-MM-DD. */
  readonly accession: string;
}

export interface PartnerCountry {
  readonly alpha2: string;
  readonly name: string;
}

export const NATO_MEMBERS: readonly MemberState[] = [
  { alpha2: 'BE', name: 'Belgium', accession: '1949-04-04' },
  { alpha2: 'CA', name: 'Canada', accession: '1949-04-04' },
  { alpha2: 'DK', name: 'Denmark', accession: '1949-04-04' },
  { alpha2: 'FR', name: 'France', accession: '1949-04-04' },
  { alpha2: 'IS', name: 'Iceland', accession: '1949-04-04' },
  { alpha2: 'IT', name: 'Italy', accession: '1949-04-04' },
  { alpha2: 'LU', name: 'Luxembourg', accession: '1949-04-04' },
  { alpha2: 'NL', name: 'Netherlands', accession: '1949-04-04' },
  { alpha2: 'NO', name: 'Norway', accession: '1949-04-04' },
  { alpha2: 'PT', name: 'Portugal', accession: '1949-04-04' },
  { alpha2: 'GB', name: 'United Kingdom', accession: '1949-04-04' },
  { alpha2: 'US', name: 'United States', accession: '1949-04-04' },
  { alpha2: 'GR', name: 'Greece', accession: '1952-02-18' },
  { alpha2: 'TR', name: 'Türkiye', accession: '1952-02-18' },
  { alpha2: 'DE', name: 'Germany', accession: '1955-05-06' },
  { alpha2: 'ES', name: 'Spain', accession: '1982-05-30' },
  { alpha2: 'CZ', name: 'Czechia', accession: '1999-03-12' },
  { alpha2: 'HU', name: 'Hungary', accession: '1999-03-12' },
  { alpha2: 'PL', name: 'Poland', accession: '1999-03-12' },
  { alpha2: 'BG', name: 'Bulgaria', accession: '2004-03-29' },
  { alpha2: 'EE', name: 'Estonia', accession: '2004-03-29' },
  { alpha2: 'LV', name: 'Latvia', accession: '2004-03-29' },
  { alpha2: 'LT', name: 'Lithuania', accession: '2004-03-29' },
  { alpha2: 'RO', name: 'Romania', accession: '2004-03-29' },
  { alpha2: 'SK', name: 'Slovakia', accession: '2004-03-29' },
  { alpha2: 'SI', name: 'Slovenia', accession: '2004-03-29' },
  { alpha2: 'AL', name: 'Albania', accession: '2009-04-01' },
  { alpha2: 'HR', name: 'Croatia', accession: '2009-04-01' },
  { alpha2: 'ME', name: 'Montenegro', accession: '2017-06-05' },
  { alpha2: 'MK', name: 'North Macedonia', accession: '2020-03-27' },
  { alpha2: 'FI', name: 'Finland', accession: '2023-04-04' },
  { alpha2: 'SE', name: 'Sweden', accession: '2024-03-07' },
];

/** Partnership for Peace / EAPC partners as the 2026 call lists them. */
export const PFP_PARTNERS: readonly PartnerCountry[] = [
  { alpha2: 'AM', name: 'Armenia' },
  { alpha2: 'AT', name: 'Austria' },
  { alpha2: 'AZ', name: 'Azerbaijan' },
  { alpha2: 'BY', name: 'Belarus' },
  { alpha2: 'BA', name: 'Bosnia and Herzegovina' },
  { alpha2: 'GE', name: 'Georgia' },
  { alpha2: 'IE', name: 'Ireland' },
  { alpha2: 'KZ', name: 'Kazakhstan' },
  { alpha2: 'KG', name: 'Kyrgyzstan' },
  { alpha2: 'MT', name: 'Malta' },
  { alpha2: 'MD', name: 'Moldova' },
  { alpha2: 'RU', name: 'Russia' },
  { alpha2: 'RS', name: 'Serbia' },
  { alpha2: 'CH', name: 'Switzerland' },
  { alpha2: 'TJ', name: 'Tajikistan' },
  { alpha2: 'TM', name: 'Turkmenistan' },
  { alpha2: 'UA', name: 'Ukraine' },
  { alpha2: 'UZ', name: 'Uzbekistan' },
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MEMBER_BY_CODE: ReadonlyMap<string, MemberState> = new Map(NATO_MEMBERS.map((m) => [m.alpha2, m]));
const PARTNER_BY_CODE: ReadonlyMap<string, PartnerCountry> = new Map(PFP_PARTNERS.map((p) => [p.alpha2, p]));

/** The member state with this alpha-2 code (any case), or undefined. */
export function memberState(alpha2: string): MemberState | undefined {
  return MEMBER_BY_CODE.get(alpha2.toUpperCase());
}

/**
 * True when the country had joined NATO on `onDate` (YYYY-MM-DD, a calendar date, the accession
 * day itself included). Dates compare as text, which is exact for this fixed-width form.
 */
export function isMember(alpha2: string, onDate: string): boolean {
  // A malformed date would compare wrongly as text ("2024-3-7" > "2024-03-07"), so refuse it.
  if (!ISO_DATE.test(onDate)) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${onDate}"`);
  const member = memberState(alpha2);
  return member !== undefined && member.accession <= onDate;
}

/** True when the country is a Partnership for Peace partner (alpha-2, any case). */
export function isPartner(alpha2: string): boolean {
  return PARTNER_BY_CODE.has(alpha2.toUpperCase());
}
