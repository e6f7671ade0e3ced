/**
 * Listed values of the export (e-recruitment-export.md), matched ignoring case and surrounding
 * spaces. One place for each list.
 */

function norm(raw: string | null | undefined): string {
  return (raw ?? '').trim().toLowerCase();
}

export type ApplicationStatus = 'submitted' | 'draft';

const STATUS: Record<string, ApplicationStatus> = {
  submitted: 'submitted',
  soumise: 'submitted',
  draft: 'draft',
  brouillon: 'draft',
};

export function parseStatus(raw: string | null | undefined): ApplicationStatus | null {
  return STATUS[norm(raw)] ?? null;
}

export type YesNo = boolean;
const YES_NO: Record<string, boolean> = { yes: true, y: true, true: true, oui: true, no: false, n: false, false: false, non: false };

export function parseYesNo(raw: string | null | undefined): YesNo | null {
  return YES_NO[norm(raw)] ?? null;
}

export type FundingTrack = 'nato' | 'grant';
const FUNDING: Record<string, FundingTrack> = {
  'nato-funded': 'nato',
  'nato funded': 'nato',
  nato: 'nato',
  "financé par l'otan": 'nato',
  'financement otan': 'nato',
  'grant-funded': 'grant',
  'grant funded': 'grant',
  grant: 'grant',
  subvention: 'grant',
};

export function parseFunding(raw: string | null | undefined): FundingTrack | null {
  return FUNDING[norm(raw).replace(/’/g, "'")] ?? null;
}

/** Language levels from none to native, in order. */
export const CEFR_LEVELS = ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** A level's place in CEFR_LEVELS: a higher rank is a better command of the language. */
export function levelRank(level: CefrLevel): number {
  return CEFR_LEVELS.indexOf(level);
}

/** The levels at least as good as `level`. */
export function levelsAtLeast(level: CefrLevel): CefrLevel[] {
  return CEFR_LEVELS.slice(levelRank(level));
}
const LEVELS: Record<string, CefrLevel> = {
  a1: 'A1',
  a2: 'A2',
  b1: 'B1',
  b2: 'B2',
  c1: 'C1',
  c2: 'C2',
  native: 'native',
  'mother tongue': 'native',
  'langue maternelle': 'native',
  // An empty level means no knowledge of the language (eligibility-rules.md).
  '': 'none',
};

/** A language level, or null for anything else ("Fluent"): that is a question for an officer. */
export function parseLevel(raw: string | null | undefined): CefrLevel | null {
  return LEVELS[norm(raw)] ?? null;
}

/** A whole number of years; null for "two", "2.5" or empty. */
export function parseWholeNumber(raw: string | null | undefined): number | null {
  const text = (raw ?? '').trim();
  return /^\d{1,3}$/.test(text) ? Number(text) : null;
}
