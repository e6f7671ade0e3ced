import type { ApplicationRecord } from '../application-fields';
import { parseApplication } from '../parse-application';
import type { CampaignSettings } from '../settings';
import { ageCriterion } from './age';
import { applicationLimitCriterion } from './application-limit';
import { campaignClock, judgingDate } from './dates';
import { deadlineCriterion } from './deadline';
import { educationCriterion } from './education';
import { languageCriterion } from './language';
import { nationalityCriterion } from './nationality';
import { indexPersons, type PersonIndex } from './persons';
import type { Criterion, CriterionResult, ReasonCode, ScreeningContext, ScreeningInput, ScreeningOutcome, Verdict } from './types';

/**
 * The version of the rules this engine implements: stored beside each verdict, so a later change
 * of the rules can tell which verdicts it would give differently.
 */
export const ELIGIBILITY_RULES_VERSION = 1;

/** The criteria in the order their results are listed. */
export const CRITERION_FUNCTIONS: readonly Criterion[] = [
  ageCriterion,
  nationalityCriterion,
  educationCriterion,
  languageCriterion,
  deadlineCriterion,
  applicationLimitCriterion,
];

/** An application as the rules see it, from its raw fields. */
export function screeningInput(record: ApplicationRecord): ScreeningInput {
  return { raw: record, parsed: parseApplication(record) };
}

/** Ineligible when a criterion failed, else review when one asked for it, else eligible; reasons sorted. */
export function verdictOf(criteria: readonly CriterionResult[]): { verdict: Verdict; reasons: ReasonCode[] } {
  let failed = false;
  let reviewed = false;
  const reasons: ReasonCode[] = [];
  for (const c of criteria) {
    if (c.outcome === 'fail') failed = true;
    else if (c.outcome === 'review') reviewed = true;
    if (c.code !== undefined) reasons.push(c.code);
  }
  // Codes are plain ASCII, so code-unit order is alphabetical order, on every machine and locale.
  reasons.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { verdict: failed ? 'ineligible' : reviewed ? 'review' : 'eligible', reasons };
}

/** Every criterion on one application, given its context (person rank and judging date). */
export function screenApplication(application: ScreeningInput, settings: CampaignSettings, context: ScreeningContext): { verdict: Verdict; reasons: ReasonCode[]; criteria: CriterionResult[] } {
  const criteria = CRITERION_FUNCTIONS.map((criterion) => criterion(application, settings, context));
  return { ...verdictOf(criteria), criteria };
}

export interface ScreenOptions {
  /** Pairs of application ids an officer confirmed as one person beyond the identity rule. */
  confirmedLinks?: Iterable<readonly [string, string]>;
}

/** A campaign's applications grouped into persons, with what each application is judged in. */
export interface CampaignContexts {
  readonly persons: PersonIndex;
  /** The context of the application at an input position. */
  contextOf(index: number): ScreeningContext;
}

/**
 * Everything screening needs beyond the application itself: persons (the limit counts across the
 * campaign) and each application's judging context. `persons` may be given when already worked out
 * for the same applications and links (it does not depend on the settings).
 */
export function campaignContexts(applications: readonly ScreeningInput[], settings: CampaignSettings, options: ScreenOptions & { persons?: PersonIndex } = {}): CampaignContexts {
  const clock = campaignClock(settings);
  const persons = options.persons ?? indexPersons(applications, options.confirmedLinks);
  return {
    persons,
    contextOf(i) {
      const t = persons.submittedMsOf[i] ?? Number.POSITIVE_INFINITY;
      const ms = Number.isFinite(t) ? t : null;
      return {
        judgingDate: judgingDate(ms, settings, clock),
        submittedMs: ms,
        deadlineMs: clock.deadlineMs,
        deadlineText: clock.deadlineText,
        personRank: persons.rankOf[i] ?? 1,
        personCount: persons.countOf[i] ?? 1,
      };
    },
  };
}

/**
 * Screens a whole campaign: every stored application of it (the limit counts them all). Pure and
 * deterministic; the result, keyed by application id in id order, does not depend on input order.
 */
export function screenCampaign(applications: readonly ScreeningInput[], settings: CampaignSettings, options: ScreenOptions = {}): Map<string, ScreeningOutcome> {
  const { persons, contextOf } = campaignContexts(applications, settings, options);
  const outcomes = new Map<string, ScreeningOutcome>();
  for (const i of persons.byId) {
    const application = applications[i];
    if (!application) continue;
    const { verdict, reasons, criteria } = screenApplication(application, settings, contextOf(i));
    outcomes.set(application.raw.applicationId, { verdict, reasons, criteria, personKey: persons.keyOf[i] ?? application.raw.applicationId });
  }
  return outcomes;
}
