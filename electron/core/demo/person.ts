import type { DivisionCode } from '../../../shared/domain/divisions';
import { DAY_MS } from '../../../shared/domain/datetime';
import { dayFirstDate, isoDate } from './format';
import type { CallCalendar } from './calendar';
import {
  DEMO_COUNTRIES,
  DEMO_COUNTRY_BY_CODE,
  INTERNATIONAL_UNIVERSITIES,
  type Community,
  type CountryGroup,
  type DemoCountry,
} from './country-profiles';
import type { NameMaker, NameSex } from './names';
import { Weighted, type Rng } from './random';
import {
  DIVISION_FIELDS,
  FIELDS_OF_STUDY,
  FOREIGN_LANGUAGES,
  LANGUAGE_FR,
  emailWord,
  withoutAccents,
  type FieldKey,
} from './texts';

/**
 * One applicant's account: who they are and what they said about themselves. Every application
 * from the same account repeats these answers; only the position and its circumstances change.
 */
export interface Applicant {
  readonly seq: number;
  readonly candidateId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: string;
  readonly email: string;
  readonly phone: string;
  readonly gender: string;
  readonly nationality: string;
  readonly secondNationality: string;
  readonly residence: string;
  readonly university: string;
  readonly field: FieldKey;
  readonly highestDegree: string;
  readonly yearsCompleted: string;
  readonly currentlyEnrolled: string;
  readonly degreeDate: string;
  readonly englishLevel: string;
  readonly frenchLevel: string;
  readonly otherLanguages: string;
  /** How many languages they claim: the motivation mentions it. */
  readonly languageCount: number;
  /** Chance that a motivation of theirs is written in French. */
  readonly writesFrench: number;
  readonly preferredDivision: DivisionCode;
  readonly cvStyle: number;
  /** Kept to derive a second account of the same person. */
  readonly birth: { year: number; month: number; day: number };
  readonly birthReadable: boolean;
  readonly emailStyle: number;
}

export interface PersonContext {
  readonly rng: Rng;
  readonly names: NameMaker;
  readonly cal: CallCalendar;
}

// --- weighted tables, prepared once ---

const GROUPS = new Weighted<CountryGroup>([
  ['member', 82],
  ['partner', 10],
  ['other', 8],
]);

function countriesOf(group: CountryGroup): Weighted<DemoCountry> {
  return new Weighted(DEMO_COUNTRIES.filter((c) => c.group === group).map((c) => [c, c.weight] as const));
}

const COUNTRIES_BY_GROUP: Record<CountryGroup, Weighted<DemoCountry>> = {
  member: countriesOf('member'),
  partner: countriesOf('partner'),
  other: countriesOf('other'),
};

/** How each country gets written in the nationality field: mostly its English name. */
const SPELLINGS = new Map<string, Weighted<string>>(
  DEMO_COUNTRIES.map((c) => {
    const entries: Array<readonly [string, number]> = [
      [c.en, 100],
      [c.alpha2, 1.5],
      [c.alpha3, 0.6],
      [c.en.toUpperCase(), 1],
      [c.en.toLowerCase(), 1],
      [`${c.en} `, 1],
      ...c.extraSpellings,
    ];
    if (c.fr !== c.en) entries.push([c.fr, 3]);
    return [c.alpha2, new Weighted(entries)];
  }),
);

const COMMUNITIES = new Map<string, Weighted<Community>>(
  DEMO_COUNTRIES.map((c) => [c.alpha2, new Weighted(c.communities.map((m) => [m, m.weight] as const))]),
);

/** Where people live when not at home: Brussels first. */
const HOSTS = new Weighted<string>([
  ['FR', 4],
  ['DE', 4],
  ['NL', 3],
  ['GB', 3],
  ['IT', 1],
  ['ES', 1],
  ['AT', 1],
  ['CH', 1],
  ['US', 1],
]);

export const DIVISION_WEIGHTS = new Weighted<DivisionCode>([
  ['OPS', 20],
  ['PASP', 18],
  ['PDD', 17],
  ['DPP', 12],
  ['ESCD', 12],
  ['DI', 9],
  ['JISD', 7],
  ['EM', 5],
]);

const ALL_FIELDS = Object.keys(FIELDS_OF_STUDY) as FieldKey[];

/** Age reached in the call year: mostly born ten years either side of 2000, a few under 21. */
const AGE_IN_CALL_YEAR = new Weighted<number>([
  [19, 0.4],
  [20, 1.6],
  [21, 6],
  [22, 11],
  [23, 15],
  [24, 16],
  [25, 15],
  [26, 12],
  [27, 9],
  [28, 6],
  [29, 4],
  [30, 1.5],
  [31, 1],
  [32, 0.8],
  [33, 0.6],
  [35, 0.5],
  [38, 0.3],
]);

const GENDERS = new Weighted<readonly [string, NameSex | null]>([
  [['Female', 'female'], 50],
  [['Male', 'male'], 42],
  [['Non-binary', null], 1.2],
  [['Prefer not to say', null], 3],
  [['', null], 1.5],
  [['F', 'female'], 0.6],
  [['M', 'male'], 0.5],
  [['Femme', 'female'], 0.3],
  [['Homme', 'male'], 0.3],
  [['female', 'female'], 0.3],
  [['Woman', 'female'], 0.2],
  [['Other', null], 0.2],
]);

const EMAIL_DOMAINS = new Weighted<string>([
  ['example.com', 30],
  ['example.org', 20],
  ['example.net', 15],
  ['mail.example', 15],
  ['student.example', 10],
  ['uni.example', 10],
]);

const EMAIL_STYLES = 7;

const DATE_STYLE = new Weighted<'iso' | 'slash' | 'dot' | 'unreadable' | 'empty'>([
  ['iso', 85],
  ['slash', 11],
  ['dot', 3],
  ['unreadable', 0.4],
  ['empty', 0.4],
]);

const ENGLISH_NATIVE = new Weighted<string>([
  ['Native', 60],
  ['Mother tongue', 15],
  ['C2', 20],
  ['native', 5],
]);
const ENGLISH_LEARNED = new Weighted<string>([
  ['C2', 18],
  ['C1', 34],
  ['B2', 22],
  ['B1', 7],
  ['A2', 2],
  ['A1', 0.5],
  ['Fluent', 2.5],
  ['', 2],
  [' C1 ', 1],
  ['c1', 1],
  ['b2', 1],
  ['Advanced', 0.5],
]);
const FRENCH_NATIVE = new Weighted<string>([
  ['Native', 35],
  ['Langue maternelle', 30],
  ['Mother tongue', 10],
  ['C2', 20],
  ['native', 5],
]);
/** Belgians, Luxembourgers and Swiss whose mother tongue is not French still learn it at school. */
const FRENCH_NEIGHBOUR = new Weighted<string>([
  ['C1', 30],
  ['C2', 15],
  ['B2', 30],
  ['B1', 15],
  ['', 5],
  ['Fluent', 3],
]);
const FRENCH_LEARNED = new Weighted<string>([
  ['', 30],
  ['A1', 8],
  ['A2', 11],
  ['B1', 17],
  ['B2', 15],
  ['C1', 10],
  ['C2', 4],
  ['Fluent', 1],
  ['Courant', 0.5],
  ['b1', 0.5],
]);
const FOREIGN = new Weighted<string>(FOREIGN_LANGUAGES);
const FOREIGN_LEVELS = new Weighted<string>([
  ['A1', 10],
  ['A2', 15],
  ['B1', 25],
  ['B2', 25],
  ['C1', 18],
  ['C2', 7],
]);

const YEARS_AGO_GRADUATED = new Weighted<number>([
  [0, 12],
  [1, 45],
  [2, 25],
  [3, 12],
  [4, 6],
]);
const UNREADABLE_DEGREE_DATES = ['June 2024', 'Summer 2024', '2024', '31/06/2024', 'expected 2026'];
const UNREADABLE_BIRTH_DATES = ['31/02/2001', '30/02/2000', '2001-02-30', '12/25/1999', '1999-13-01', '29/02/2001'];
const UNREADABLE_YEARS = ['3 years', '2,5', 'two', '3+'];
const YES = ['Y', 'yes', 'TRUE', 'Oui', 'y'];
const NO = ['N', 'no', 'FALSE', 'Non', 'n'];

// --- pieces of a person ---

function pickCountry(rng: Rng, group?: CountryGroup): DemoCountry {
  return COUNTRIES_BY_GROUP[group ?? GROUPS.pick(rng)].pick(rng);
}

function countryText(rng: Rng, country: DemoCountry): string {
  const spelling = SPELLINGS.get(country.alpha2);
  return spelling ? spelling.pick(rng) : country.en;
}

/** A slip of the keyboard: two neighbouring letters swapped ("Germnay"). */
function typo(rng: Rng, word: string): string {
  if (word.length < 4) return word;
  const i = rng.int(1, word.length - 3);
  return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
}

function dateText(rng: Rng, d: { year: number; month: number; day: number }): string {
  switch (DATE_STYLE.pick(rng)) {
    case 'iso':
      return isoDate(d);
    case 'slash':
      return dayFirstDate(d, '/');
    case 'dot':
      return dayFirstDate(d, '.');
    case 'unreadable':
      return rng.pick(UNREADABLE_BIRTH_DATES);
    case 'empty':
      return '';
  }
}

function dateParts(utcMs: number): { year: number; month: number; day: number } {
  const d = new Date(utcMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function phone(rng: Rng, callingCode: string): string {
  const r = rng.next();
  if (r < 0.01) return '';
  const digits = String(rng.int(callingCode === '1' ? 2_000_000_000 : 100_000_000, callingCode === '1' ? 9_999_999_999 : 999_999_999));
  const grouped =
    digits.length === 10
      ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
      : `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)} ${digits.slice(7)}`;
  if (r < 0.7) return `+${callingCode} ${grouped}`;
  if (r < 0.92) return `+${callingCode}${digits}`;
  if (r < 0.97) return `00${callingCode} ${grouped}`;
  return `(+${callingCode}) ${digits}`;
}

export function emailAddress(rng: Rng, first: string, last: string, seq: number, style: number): string {
  const f = emailWord(first) || 'applicant';
  const l = emailWord(last) || 'x';
  let local: string;
  switch (style) {
    case 0:
      local = `${f}.${l}${seq}`;
      break;
    case 1:
      local = `${f}${l}${seq}`;
      break;
    case 2:
      local = `${f.charAt(0)}${l}${seq}`;
      break;
    case 3:
      local = `${l}.${f}${seq}`;
      break;
    case 4:
      local = `${f}_${l}${seq}`;
      break;
    case 5:
      local = `${f}.${l}.${seq}`;
      break;
    default:
      local = `${l}${f.charAt(0)}${seq}`;
  }
  const address = `${local}@${EMAIL_DOMAINS.pick(rng)}`;
  const r = rng.next();
  // The same person types their address differently now and then: the rules compare it trimmed, any case.
  if (r < 0.02) return address.charAt(0).toUpperCase() + address.slice(1).replace('@e', '@E');
  if (r < 0.025) return `${address} `;
  return address;
}

interface Education {
  highestDegree: string;
  yearsCompleted: string;
  currentlyEnrolled: string;
  degreeDate: string;
}

/** Years between school and university, or lost on the way: most go straight through. */
const STUDY_GAP = new Weighted<number>([
  [0, 50],
  [1, 25],
  [2, 15],
  [3, 10],
]);

function education(rng: Rng, cal: CallCalendar, age: number): Education {
  // Studies end: most stop counting at five years (a master's), a few go on.
  const cap = rng.chance(0.75) ? 5 : rng.chance(0.8) ? 6 : 7;
  const years = Math.max(0, Math.min(cap, age - 18 - STUDY_GAP.pick(rng)));
  let degree: 'None' | 'Bachelor' | 'Master' | 'Doctorate' = 'None';
  const rd = rng.next();
  if (years >= 5) degree = rd < 0.55 ? (age >= 28 && rng.chance(0.1) ? 'Doctorate' : 'Master') : rd < 0.95 ? 'Bachelor' : 'None';
  else if (years >= 3) degree = rd < 0.6 ? 'Bachelor' : 'None';
  const enrolledChance = { None: 0.95, Bachelor: 0.7, Master: 0.3, Doctorate: 0.2 }[degree];
  const enrolled = rng.chance(enrolledChance);

  let degreeDate = '';
  if (degree !== 'None') {
    const ago = YEARS_AGO_GRADUATED.pick(rng);
    // Graduating this year means a winter degree, or one expected in summer (after the application).
    const month = ago === 0 ? rng.pick([1, 2, 3, 6, 7]) : rng.pick([6, 6, 7, 7, 9, 9, 1, 2, 12]);
    // Nobody holds a master's degree at 19: the degree date follows the date of birth.
    const earliest = cal.callYear - age + (degree === 'Bachelor' ? 21 : degree === 'Master' ? 23 : 26);
    const d = { year: Math.min(cal.callYear, Math.max(cal.callYear - ago, earliest)), month, day: rng.int(1, 28) };
    const r = rng.next();
    if (r < 0.88) degreeDate = isoDate(d);
    else if (r < 0.97) degreeDate = dayFirstDate(d, '/');
    else if (r < 0.99) degreeDate = dayFirstDate(d, '.');
    else degreeDate = rng.pick(UNREADABLE_DEGREE_DATES);
  }

  let yearsCompleted = String(years);
  const ry = rng.next();
  if (ry < 0.012) yearsCompleted = '';
  else if (ry < 0.016) yearsCompleted = rng.pick(UNREADABLE_YEARS);

  let currentlyEnrolled = enrolled ? 'Yes' : 'No';
  const re = rng.next();
  if (re < 0.02) currentlyEnrolled = rng.pick(enrolled ? YES : NO);
  else if (re < 0.027) currentlyEnrolled = '';
  else if (re < 0.03) currentlyEnrolled = 'Part-time';

  return { highestDegree: degree, yearsCompleted, currentlyEnrolled, degreeDate };
}

interface Languages {
  englishLevel: string;
  frenchLevel: string;
  otherLanguages: string;
  languageCount: number;
}

function languages(rng: Rng, country: DemoCountry, community: Community): Languages {
  const englishLevel = (community.englishNative ? ENGLISH_NATIVE : ENGLISH_LEARNED).pick(rng);
  const neighbour = country.alpha2 === 'BE' || country.alpha2 === 'LU' || country.alpha2 === 'CH';
  const frenchLevel = (community.frenchNative ? FRENCH_NATIVE : neighbour ? FRENCH_NEIGHBOUR : FRENCH_LEARNED).pick(rng);

  const entries: Array<readonly [string, string]> = [];
  if (community.language !== 'English' && community.language !== 'French') entries.push([community.language, 'Native']);
  if (country.alpha2 === 'LU') entries.push(['German', 'C2']);
  const extra = rng.chance(0.55) ? (rng.chance(0.3) ? 2 : 1) : 0;
  for (let i = 0; i < extra; i++) {
    const language = FOREIGN.pick(rng);
    if (!entries.some(([name]) => name === language)) entries.push([language, FOREIGN_LEVELS.pick(rng)]);
  }
  const languageCount = entries.length + (englishLevel.trim() ? 1 : 0) + (frenchLevel.trim() ? 1 : 0);

  let otherLanguages = '';
  const r = rng.next();
  if (entries.length === 0 || r < 0.1) otherLanguages = '';
  else if (r < 0.75) otherLanguages = entries.map(([l, v]) => `${l}: ${v}`).join('; ');
  else if (r < 0.9) otherLanguages = entries.map(([l, v]) => `${l} (${v === 'Native' ? 'native' : v})`).join(', ');
  else if (r < 0.96)
    otherLanguages = entries
      .map(([l, v]) => `${LANGUAGE_FR[l] ?? l} : ${v === 'Native' ? 'langue maternelle' : v}`)
      .join(' ; ');
  else otherLanguages = entries.map(([l]) => l).join(', ');

  return { englishLevel, frenchLevel, otherLanguages, languageCount: Math.max(2, languageCount) };
}

// --- the person ---

export function newApplicant(ctx: PersonContext, seq: number): Applicant {
  const { rng, cal } = ctx;
  const country = pickCountry(rng);
  const community = COMMUNITIES.get(country.alpha2)?.pick(rng) ?? country.communities[0];
  if (!community) throw new Error(`No community for ${country.alpha2}`);

  const [gender, genderSex] = GENDERS.pick(rng);
  const sex: NameSex = genderSex ?? (rng.chance(0.5) ? 'female' : 'male');
  const name = ctx.names.name(community.names, sex);
  let firstName = name.first;
  let lastName = name.last;
  const rn = rng.next();
  if (rn < 0.01) lastName = lastName.toUpperCase();
  else if (rn < 0.014) firstName = `${firstName} `;

  const age = AGE_IN_CALL_YEAR.pick(rng);
  const birthYear = cal.callYear - age;
  const yearStart = Date.UTC(birthYear, 0, 1);
  const yearLength = Math.round((Date.UTC(birthYear + 1, 0, 1) - yearStart) / DAY_MS);
  const birth = dateParts(yearStart + rng.int(0, yearLength - 1) * DAY_MS);
  const dateOfBirth = dateText(rng, birth);
  const birthReadable = dateOfBirth !== '' && !UNREADABLE_BIRTH_DATES.includes(dateOfBirth);

  let nationality = countryText(rng, country);
  const rnat = rng.next();
  if (rnat < 0.005) nationality = '';
  else if (rnat < 0.008) nationality = typo(rng, country.en);

  let secondNationality = '';
  let second: DemoCountry | undefined;
  if (rng.chance(0.07)) {
    second = pickCountry(rng);
    if (second.alpha2 !== country.alpha2) secondNationality = countryText(rng, second);
    else second = undefined;
  }

  const rr = rng.next();
  let residenceCode = country.alpha2;
  if (rr < 0.27) residenceCode = 'BE';
  else if (rr < 0.37) residenceCode = HOSTS.pick(rng);
  else if (rr < 0.42 && second) residenceCode = second.alpha2;
  const residenceCountry = DEMO_COUNTRY_BY_CODE.get(residenceCode) ?? country;
  const residence = rng.chance(0.96) ? residenceCountry.en : countryText(rng, residenceCountry);

  const preferredDivision = DIVISION_WEIGHTS.pick(rng);
  const field = rng.chance(0.55) ? rng.pick(DIVISION_FIELDS[preferredDivision]) : rng.pick(ALL_FIELDS);
  const studiesAtHome = residenceCode === 'BE' && country.alpha2 !== 'BE' ? rng.chance(0.5) : rng.chance(0.78);
  const university = studiesAtHome
    ? rng.pick(country.universities)
    : residenceCode === 'BE'
      ? rng.pick(DEMO_COUNTRY_BY_CODE.get('BE')?.universities ?? INTERNATIONAL_UNIVERSITIES)
      : rng.pick(INTERNATIONAL_UNIVERSITIES);

  const edu = education(rng, cal, age);
  const langs = languages(rng, country, community);
  const frenchGood = langs.frenchLevel.trim() === 'C1' || langs.frenchLevel.trim() === 'C2';
  const writesFrench = community.frenchNative ? 0.65 : frenchGood ? 0.2 : 0.03;
  const emailStyle = rng.int(0, EMAIL_STYLES - 1);

  return {
    seq,
    candidateId: candidateId(seq),
    firstName,
    lastName,
    dateOfBirth,
    email: emailAddress(rng, firstName, lastName, seq, emailStyle),
    phone: phone(rng, country.callingCode),
    gender,
    nationality,
    secondNationality,
    residence,
    university,
    field,
    ...edu,
    ...langs,
    writesFrench,
    preferredDivision,
    cvStyle: rng.int(0, 99),
    birth,
    birthReadable,
    emailStyle,
  };
}

/**
 * The same person opening a second account: a new candidate id and e-mail, the same name and date
 * of birth, though the name may now be typed without its accents and the date in another form.
 */
export function secondAccount(ctx: PersonContext, original: Applicant, seq: number): Applicant {
  const { rng } = ctx;
  let firstName = original.firstName;
  let lastName = original.lastName;
  const plain = withoutAccents(firstName + lastName) !== firstName + lastName;
  if (plain && rng.chance(0.6)) {
    firstName = withoutAccents(firstName);
    lastName = withoutAccents(lastName);
  } else if (rng.chance(0.2)) {
    lastName = lastName.toUpperCase();
  }
  // Some write their name differently from one account to the next: letters swapped by a typo, or
  // first and last name in each other's place. The identity rule cannot join those; the office
  // should see them among the possible duplicates.
  const lookAlike = rng.next();
  if (lookAlike < 0.12 && firstName.length >= 4) {
    const i = rng.int(1, firstName.length - 3);
    firstName = firstName.slice(0, i) + (firstName[i + 1] ?? '') + (firstName[i] ?? '') + firstName.slice(i + 2);
  } else if (lookAlike < 0.18) {
    [firstName, lastName] = [lastName, firstName];
  }
  let dateOfBirth = original.dateOfBirth;
  if (original.birthReadable && rng.chance(0.3)) {
    dateOfBirth = rng.chance(0.5) ? isoDate(original.birth) : dayFirstDate(original.birth, '/');
  }
  const emailStyle = (original.emailStyle + rng.int(1, EMAIL_STYLES - 1)) % EMAIL_STYLES;
  return {
    ...original,
    seq,
    candidateId: candidateId(seq),
    firstName,
    lastName,
    dateOfBirth,
    email: emailAddress(rng, firstName, lastName, seq, emailStyle),
    emailStyle,
    preferredDivision: rng.chance(0.5) ? original.preferredDivision : DIVISION_WEIGHTS.pick(rng),
    cvStyle: rng.int(0, 99),
  };
}

function candidateId(seq: number): string {
  return `C-${100000 + seq}`;
}
