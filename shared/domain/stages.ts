/**
 * Where an eligible application stands in its division's process. One place for the stages, their
 * order and which ones close the application. Triage (issue 5) uses the first four; shortlists,
 * interviews and selection add theirs after `proposed` without changing the ones here.
 */
export const STAGES = [
  { id: 'new', phase: 'triage', closed: false },
  { id: 'inReview', phase: 'triage', closed: false },
  { id: 'proposed', phase: 'triage', closed: false },
  { id: 'notRetained', phase: 'triage', closed: true },
] as const;

export type Stage = (typeof STAGES)[number]['id'];
export type StagePhase = (typeof STAGES)[number]['phase'];
export const STAGE_IDS = STAGES.map((s) => s.id) as [Stage, ...Stage[]];
/** An application nobody has looked at yet has no stored state: it is `new`. */
export const INITIAL_STAGE: Stage = 'new';

/**
 * After triage, for the applications a division's hiring manager sees (issue 11): on a shortlist
 * that was sent → interviewed → selected, on the reserve list or not selected → an offer made →
 * accepted or declined; withdrawn by the applicant at any point. Joined to STAGES once the triage
 * pages show only the triage phase's stages.
 */
export const SELECTION_STAGES = [
  { id: 'shortlisted', phase: 'selection', closed: false },
  { id: 'interview', phase: 'selection', closed: false },
  { id: 'selected', phase: 'selection', closed: false },
  { id: 'reserve', phase: 'selection', closed: false },
  { id: 'notSelected', phase: 'selection', closed: true },
  { id: 'offerMade', phase: 'offer', closed: false },
  { id: 'offerAccepted', phase: 'offer', closed: true },
  { id: 'offerDeclined', phase: 'offer', closed: true },
  { id: 'withdrawn', phase: 'any', closed: true },
] as const;
export type SelectionStage = (typeof SELECTION_STAGES)[number]['id'];
export const SELECTION_STAGE_IDS = SELECTION_STAGES.map((s) => s.id) as [SelectionStage, ...SelectionStage[]];

/** Any stage an application can be in, triage's and after. */
export type ProcessStage = Stage | SelectionStage;

/** Why an application is not retained: a short list, so the office can count and explain. */
export const NOT_RETAINED_REASONS = ['profileMismatch', 'languages', 'studiesField', 'motivation', 'otherCandidatesStronger', 'other'] as const;
export type NotRetainedReason = (typeof NOT_RETAINED_REASONS)[number];

/** A division's rubric: at most this many criteria, each scored 1 to 5. */
export const MAX_RUBRIC_CRITERIA = 5;
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** The queue of applications whose division could not be read. */
export const UNASSIGNED_QUEUE = 'unassigned';
