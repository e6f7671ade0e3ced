import { FAIL_CODES } from './eligibility/types';
import type { CefrLevel, FundingTrack } from './listed-values';
import { levelRank } from './listed-values';
import type { Session } from './selection-moves';
import type { ProcessStage } from './stages';

/**
 * What the season reports count, one fact per application, with nothing that names anyone: the
 * division, track and session, the groups a person falls in (nationality, gender as the export
 * gives it, age band, degree level, language profile), how far the application went and where it
 * left, and a few dates. The store reads them; report-figures.ts counts them. Kept as they are when
 * an applicant's personal data is erased or a campaign purged, so the season's figures stay.
 */

/** The funnel, in order: each step counts the applications that reached it. */
export const FUNNEL_STEPS = ['applications', 'eligible', 'proposed', 'shortlisted', 'interviewed', 'selected', 'accepted'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** Where an application left the process (null: still in it, or placed). */
export const EXITS = ['ineligible', 'notRetained', 'notSelected', 'declined', 'withdrawn'] as const;
export type Exit = (typeof EXITS)[number];

export const AGE_BANDS = ['under22', '22to24', '25to27', '28to30', 'over30'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const DEGREE_LEVELS = ['none', 'bachelor', 'master', 'doctorate'] as const;
export type DegreeLevel = (typeof DEGREE_LEVELS)[number];

/** English and French at B2 or above (the level the office reads a CV in), one of them, or neither. */
export const LANGUAGE_PROFILES = ['both', 'englishOnly', 'frenchOnly', 'neither'] as const;
export type LanguageProfile = (typeof LANGUAGE_PROFILES)[number];

export interface ReportFact {
  division: string | null;
  track: FundingTrack | null;
  session: Session | null;
  /** ISO 3166-1 alpha-2; null when the nationality could not be read. */
  nationality: string | null;
  /** As the export gives it, trimmed; '' when not given. */
  gender: string;
  ageBand: AgeBand | null;
  degree: DegreeLevel | null;
  languages: LanguageProfile;
  /** How far it went: an index into FUNNEL_STEPS. */
  reached: number;
  left: Exit | null;
  /** Why it left: the first failed criterion (ineligible) or the triage reason (not retained). */
  why: string | null;
  /** Dates (YYYY-MM-DD): submitted, the verdict that counts given, first sent on a shortlist, first told the outcome. */
  submitted: string | null;
  decided: string | null;
  shortlisted: string | null;
  told: string | null;
}

/** Age in whole years on a day, both YYYY-MM-DD. */
function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

export function ageBand(birth: string | null, on: string | null): AgeBand | null {
  if (!birth || !on || !/^\d{4}-\d{2}-\d{2}/.test(birth)) return null;
  const age = ageOn(birth.slice(0, 10), on.slice(0, 10));
  if (age < 22) return 'under22';
  if (age <= 24) return '22to24';
  if (age <= 27) return '25to27';
  if (age <= 30) return '28to30';
  return 'over30';
}

const DEGREES: Readonly<Record<string, DegreeLevel>> = {
  none: 'none',
  aucun: 'none',
  bachelor: 'bachelor',
  licence: 'bachelor',
  master: 'master',
  doctorate: 'doctorate',
  doctorat: 'doctorate',
  phd: 'doctorate',
};

/** The export's highest degree (None, Bachelor, Master, Doctorate; French spellings too); null when unreadable. */
export function degreeLevel(raw: string | null): DegreeLevel | null {
  const key = (raw ?? '').trim().toLowerCase().replace(/[^a-z]/g, '');
  return DEGREES[key] ?? null;
}

export function languageProfile(english: CefrLevel | null, french: CefrLevel | null): LanguageProfile {
  const good = (level: CefrLevel | null) => level !== null && levelRank(level) >= levelRank('B2');
  if (good(english) && good(french)) return 'both';
  if (good(english)) return 'englishOnly';
  if (good(french)) return 'frenchOnly';
  return 'neither';
}

/** March or September, from the session a selection set or the one the applicant preferred. */
export function sessionOf(selected: string | null, preferred: string | null): Session | null {
  if (selected === 'march' || selected === 'september') return selected;
  const text = (preferred ?? '').trim().toLowerCase();
  if (text.startsWith('mar')) return 'march';
  if (text.startsWith('sep')) return 'september';
  return null;
}

const step = (name: FunnelStep) => FUNNEL_STEPS.indexOf(name);

/** How far a stage shows an application went (an eligible one). */
const STAGE_REACHED: Readonly<Record<ProcessStage, FunnelStep>> = {
  new: 'eligible',
  inReview: 'eligible',
  proposed: 'proposed',
  notRetained: 'eligible',
  shortlisted: 'shortlisted',
  interview: 'interviewed',
  selected: 'selected',
  reserve: 'shortlisted',
  notSelected: 'shortlisted',
  offerMade: 'selected',
  offerAccepted: 'accepted',
  offerDeclined: 'selected',
  withdrawn: 'eligible',
};

const STAGE_EXIT: Partial<Readonly<Record<ProcessStage, Exit>>> = {
  notRetained: 'notRetained',
  notSelected: 'notSelected',
  offerDeclined: 'declined',
  withdrawn: 'withdrawn',
};

/**
 * How far an application went and where it left, from its verdict, its stage and what it left
 * behind (an interview date, a shortlist it was sent on, an offer): a withdrawn application counts
 * at every step it had reached.
 */
export function progress(input: {
  verdict: 'eligible' | 'ineligible' | 'review';
  stage: ProcessStage;
  reasons: readonly string[];
  notRetainedReason: string | null;
  interviewed: boolean;
  shortlisted: boolean;
  offered: boolean;
}): { reached: number; left: Exit | null; why: string | null } {
  // The first criterion failed (an ineligible application may also carry questions the data left open).
  if (input.verdict === 'ineligible') return { reached: step('applications'), left: 'ineligible', why: input.reasons.find((r) => (FAIL_CODES as readonly string[]).includes(r)) ?? null };
  if (input.verdict === 'review') return { reached: step('applications'), left: null, why: null };
  let reached = step(STAGE_REACHED[input.stage]);
  if (input.shortlisted) reached = Math.max(reached, step('shortlisted'));
  if (input.interviewed) reached = Math.max(reached, step('interviewed'));
  if (input.offered) reached = Math.max(reached, step('selected'));
  const left = STAGE_EXIT[input.stage] ?? null;
  return { reached, left, why: left === 'notRetained' ? input.notRetainedReason : null };
}
