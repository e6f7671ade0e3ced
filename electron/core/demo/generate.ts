import { generateMersenne32Randomizer } from '@faker-js/faker';
import type { ApplicationRecord } from '../../../shared/domain/application-fields';
import { DIVISIONS, type DivisionCode } from '../../../shared/domain/divisions';
import { callCalendar, submissionInstant, submittedText, type CallCalendar, type Track } from './calendar';
import { NameMaker } from './names';
import { DIVISION_WEIGHTS, newApplicant, secondAccount, type Applicant, type PersonContext } from './person';
import { Rng, Weighted } from './random';
import { AWKWARD_MOTIVATIONS, FIELDS_OF_STUDY, divisionTopics, motivationText } from './texts';

/**
 * Synthetic applications for a whole campaign, shaped like an e-recruitment export (every field as
 * text, see e-recruitment-export.md): names that fit each nationality, the spellings and slips real
 * exports carry, people applying several times, second accounts, drafts and late submissions.
 * Same seed, same campaign. A generator, so 50,000 records never sit in memory at once.
 */

export interface DemoOptions {
  /** Exactly this many applications. */
  count: number;
  /** Defaults to DEFAULT_DEMO_SEED, so the demo campaign is the same on every machine. */
  seed?: number;
  /** The programme year (2026 for the call that runs in 2025). */
  year?: number;
}

export const DEFAULT_DEMO_SEED = 2026;
export const DEFAULT_DEMO_YEAR = 2026;

/** Applications per person: about one person in ten applies more than once, a few beyond the limit of 5. */
const APPLICATIONS_PER_PERSON = new Weighted<number>([
  [1, 89.5],
  [2, 4.8],
  [3, 2.6],
  [4, 1.4],
  [5, 0.8],
  [6, 0.5],
  [7, 0.4],
]);

/** Share of people who, instead of being new, open a second account of someone seen recently. */
const SECOND_ACCOUNT_SHARE = 0.02;
/** How far back a second account may reach; bounds memory. */
const RECENT_PEOPLE = 64;

/** Open posts per division: the big divisions offer more. */
const POSTS: Record<DivisionCode, number> = { OPS: 40, PASP: 38, PDD: 36, DPP: 24, ESCD: 26, DI: 20, JISD: 14, EM: 12 };
const DIVISION_NAME = new Map<DivisionCode, { en: string; fr: string }>(DIVISIONS.map((d) => [d.code, d]));

const NATO_FUNDING = new Weighted<string>([
  ['NATO-funded', 90],
  ['NATO funded', 4],
  ['NATO', 2],
  ["Financé par l'OTAN", 1],
  ['nato-funded', 1],
  ['Financement OTAN', 0.5],
]);
const GRANT_FUNDING = new Weighted<string>([
  ['Grant-funded', 90],
  ['Grant funded', 4],
  ['Grant', 3],
  ['Subvention', 1],
  ['GRANT-FUNDED', 1],
]);
/** Values the rules do not know: they exercise the FUNDING_UNKNOWN review. */
const UNKNOWN_FUNDING = ['Erasmus+', '', 'Self-funded', 'Both'];

const SUBMITTED_STATUS = new Weighted<string>([
  ['Submitted', 99.5],
  ['submitted', 0.3],
  ['SUBMITTED', 0.2],
]);

const NATO_TRACK_SHARE = 0.68;
const DRAFT_SHARE = 0.035;
const LATE_SHARE_OF_NATO = 0.03;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function checkedOptions(options: DemoOptions): { count: number; seed: number; year: number } {
  const { count, seed = DEFAULT_DEMO_SEED, year = DEFAULT_DEMO_YEAR } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0, got ${count}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  if (!Number.isInteger(year) || year < 2001 || year > 2999) throw new RangeError(`year must be 2001–2999, got ${year}`);
  return { count, seed, year };
}

export function* generateDemoApplications(options: DemoOptions): Generator<ApplicationRecord> {
  const { count, seed, year } = checkedOptions(options);
  const randomizer = generateMersenne32Randomizer(seed);
  const rng = new Rng(randomizer);
  const cal = callCalendar(year);
  const ctx: PersonContext = { rng, names: new NameMaker(randomizer, rng), cal };

  const recent: Applicant[] = [];
  let emitted = 0;
  let seq = 0;
  while (emitted < count) {
    seq += 1;
    const original = recent.length > 0 && rng.chance(SECOND_ACCOUNT_SHARE) ? rng.pick(recent) : undefined;
    const person = original ? secondAccount(ctx, original, seq) : newApplicant(ctx, seq);
    const applications = APPLICATIONS_PER_PERSON.pick(rng);
    for (let n = 1; n <= applications && emitted < count; n++) {
      yield application(rng, cal, person, n);
      emitted += 1;
    }
    if (!original) {
      if (recent.length < RECENT_PEOPLE) recent.push(person);
      else recent[seq % RECENT_PEOPLE] = person;
    }
  }
}

function application(rng: Rng, cal: CallCalendar, person: Applicant, n: number): ApplicationRecord {
  const applicationId = `NIP-${cal.year}-${pad(person.seq, 5)}-${n}`;
  const division = n === 1 && rng.chance(0.6) ? person.preferredDivision : DIVISION_WEIGHTS.pick(rng);
  const names = DIVISION_NAME.get(division) ?? { en: division, fr: division };

  const rd = rng.next();
  const divisionText = rd < 0.8 ? division : rd < 0.98 ? names.en : rd < 0.99 ? division.toLowerCase() : ` ${division} `;

  const track: Track = rng.chance(NATO_TRACK_SHARE) ? 'nato' : 'grant';
  const rf = rng.next();
  const funding = rf < 0.003 ? rng.pick(UNKNOWN_FUNDING) : (track === 'nato' ? NATO_FUNDING : GRANT_FUNDING).pick(rng);

  const draft = rng.chance(DRAFT_SHARE);
  const late = track === 'nato' && rng.chance(LATE_SHARE_OF_NATO);
  const instant = submissionInstant(rng, cal, track, late);
  // Drafts mostly have no submission date yet; a few keep the date of a withdrawn submission.
  const submittedOn = draft && rng.chance(0.7) ? '' : submittedText(rng, instant);

  const rs = rng.next();
  const preferredSession = rs < 0.35 ? `March ${cal.year}` : rs < 0.7 ? `September ${cal.year}` : 'Either';

  const motivation = rng.chance(0.004)
    ? rng.pick(AWKWARD_MOTIVATIONS)
    : motivationText(
        {
          french: rng.chance(person.writesFrench),
          firstName: person.firstName.trim(),
          division,
          divisionEn: names.en,
          divisionFr: names.fr,
          field: person.field,
          university: person.university,
          languageCount: person.languageCount,
          topics: divisionTopics(division, rng),
        },
        rng,
      );

  return {
    applicationId,
    candidateId: person.candidateId,
    firstName: person.firstName,
    lastName: person.lastName,
    dateOfBirth: person.dateOfBirth,
    email: person.email,
    phone: person.phone,
    gender: person.gender,
    nationality: person.nationality,
    secondNationality: person.secondNationality,
    residence: person.residence,
    division: divisionText,
    position: `${division}/${cal.year}/${pad(rng.int(1, POSTS[division]), 3)} Intern`,
    funding,
    preferredSession,
    status: draft ? 'Draft' : SUBMITTED_STATUS.pick(rng),
    submittedOn,
    university: person.university,
    fieldOfStudy: fieldName(person),
    highestDegree: person.highestDegree,
    yearsCompleted: person.yearsCompleted,
    currentlyEnrolled: person.currentlyEnrolled,
    degreeDate: person.degreeDate,
    englishLevel: person.englishLevel,
    frenchLevel: person.frenchLevel,
    otherLanguages: person.otherLanguages,
    motivation,
    cvFile: cvFile(person, applicationId, cal.callYear),
  };
}

function fieldName(person: Applicant): string {
  return FIELDS_OF_STUDY[person.field][0];
}

/** The CV's file name as uploaded: each person has their habit, some systems rename it. */
function cvFile(person: Applicant, applicationId: string, callYear: number): string {
  const first = person.firstName.trim();
  const last = person.lastName.trim();
  const style = person.cvStyle;
  if (style < 30) return `CV_${last}_${first}.pdf`;
  if (style < 45) return `cv_${applicationId}.pdf`;
  if (style < 60) return `${first} ${last} - CV.pdf`;
  if (style < 68) return `Curriculum Vitae ${first} ${last}.pdf`;
  if (style < 76) return `CV ${callYear}.pdf`;
  if (style < 84) return `${first.toLowerCase()}_${last.toLowerCase()}_cv.docx`;
  if (style < 89) return `Resume_${last}.pdf`;
  if (style < 93) return `CV (${(style % 3) + 1}).pdf`;
  return `CV_Europass_${last}_${first}.pdf`;
}
