import { levelRank, type CefrLevel } from './listed-values';
import type { ProcessStage } from './stages';

/**
 * What a person is told at the end, from all of their applications (people apply up to five
 * times, to several divisions): one outcome per person, never one per application. The call
 * promises to tell every unsuccessful applicant; the office must never tell someone "no" while any
 * of their applications is still being decided, nor while they hold a place anywhere.
 *
 * Pure: the notices service gives it each person's applications (the identity groups of screening,
 * with the duplicates officers confirmed) and keeps what was told.
 */

export const NOTICE_OUTCOMES = ['ineligible', 'notRetained', 'notSelected', 'reserve', 'selected', 'offerWithdrawn'] as const;
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];

/** The outcomes that say "no": never told to a person with a place, or with anything undecided. */
export const REJECTIONS: ReadonlySet<NoticeOutcome> = new Set(['ineligible', 'notRetained', 'notSelected', 'offerWithdrawn']);

export interface PersonApplication {
  ref: number;
  /** The screening verdict as it stands (an officer's override included). */
  verdict: 'eligible' | 'review' | 'ineligible';
  stage: ProcessStage;
  /** For a withdrawn application: whether the office withdrew an offer (else the applicant withdrew). */
  offerWithdrawnByOffice?: boolean;
}

/** Stages where the office, a hiring manager or the applicant still has to decide something. */
const UNDECIDED: ReadonlySet<ProcessStage> = new Set(['new', 'inReview', 'proposed', 'shortlisted', 'interview']);
/** Stages of a person who has, or is being given, a place. */
const PLACED: ReadonlySet<ProcessStage> = new Set(['selected', 'offerMade', 'offerAccepted']);

export function isUndecided(application: PersonApplication): boolean {
  return application.verdict === 'review' || (application.verdict === 'eligible' && UNDECIDED.has(application.stage));
}

/**
 * The outcome a person is owed now, or null when nothing is to be told yet (something is still
 * being decided) or ever (every application withdrawn or declined by the applicant: they know).
 */
export function personOutcome(applications: readonly PersonApplication[]): NoticeOutcome | null {
  const eligible = applications.filter((a) => a.verdict === 'eligible');
  // A place first: told even while another division is still deciding (the offer cannot wait).
  if (eligible.some((a) => PLACED.has(a.stage))) return 'selected';
  if (applications.some(isUndecided)) return null;
  if (eligible.some((a) => a.stage === 'reserve')) return 'reserve';
  if (eligible.some((a) => a.stage === 'withdrawn' && a.offerWithdrawnByOffice)) return 'offerWithdrawn';
  if (eligible.some((a) => a.stage === 'notSelected')) return 'notSelected';
  if (eligible.some((a) => a.stage === 'notRetained')) return 'notRetained';
  // What is left of the eligible was withdrawn or declined by the applicant: nothing to tell them.
  if (eligible.length > 0) return null;
  return applications.length > 0 ? 'ineligible' : null;
}

/**
 * The language a person is written to: French when the French level of their latest application
 * is higher than its English level, English otherwise. An empty or unreadable level counts lowest,
 * so a tie (both unreadable, both C1) is English. The officer may change it per person.
 */
export function noticeLanguage(latest: { englishLevel: CefrLevel | null; frenchLevel: CefrLevel | null }): 'en' | 'fr' {
  const rank = (level: CefrLevel | null) => (level === null ? -1 : levelRank(level));
  return rank(latest.frenchLevel) > rank(latest.englishLevel) ? 'fr' : 'en';
}

/**
 * What a notice tells rests on, in a fixed order: a change of it makes the notice wrong. For a
 * place, which applications hold one (the offer made, then accepted, and the other applications
 * withdrawn by that acceptance, change nothing the person was told); for any other outcome, each
 * application's verdict, reasons and stage.
 */
export function noticeBasis(applications: readonly (PersonApplication & { reasons?: readonly string[] })[]): string {
  const sorted = [...applications].sort((a, b) => a.ref - b.ref);
  if (personOutcome(applications) === 'selected') {
    return JSON.stringify(sorted.filter((a) => a.verdict === 'eligible' && PLACED.has(a.stage)).map((a) => [a.ref, 'placed']));
  }
  return JSON.stringify(sorted.map((a) => [a.ref, a.verdict, [...(a.reasons ?? [])].sort(), a.stage, a.offerWithdrawnByOffice === true]));
}

export interface NoticeTold {
  id: number;
  outcome: NoticeOutcome;
  state: 'prepared' | 'sent' | 'bounced' | 'superseded';
  basis: string;
  /** It went out (it may since have bounced or been superseded). */
  sent: boolean;
}

export interface NoticeStatus {
  /** The outcome to tell now, or null: nothing (more) to tell. */
  owed: NoticeOutcome | null;
  /** When what is owed replaces an earlier notice (a reserve later selected, a corrected verdict): its outcome. */
  replaces: NoticeOutcome | null;
  /** Notices no longer true: a verdict or decision changed after they were prepared or sent. */
  superseded: number[];
}

/**
 * Where a person stands with their notices. A notice stands while what it was derived from is
 * unchanged; once a verdict, a reason or a decision changes, it is superseded, and the outcome
 * as it now is owed (saying that it replaces the earlier one). A notice that stands is never
 * prepared again.
 */
export function noticeStatus(outcome: NoticeOutcome | null, basis: string, told: readonly NoticeTold[]): NoticeStatus {
  const live = told.filter((n) => n.state !== 'superseded');
  const superseded = live.filter((n) => n.basis !== basis || n.outcome !== outcome).map((n) => n.id);
  const standing = live.filter((n) => !superseded.includes(n.id));
  const owed = outcome !== null && !standing.some((n) => n.outcome === outcome) ? outcome : null;
  const earlier = [...told].reverse().find((n) => n.sent);
  return { owed, replaces: owed !== null && earlier ? earlier.outcome : null, superseded };
}
