import type { CefrLevel, FundingTrack } from '../../../../shared/domain/listed-values';
import { ageBand, degreeLevel, languageProfile, progress, sessionOf, type ReportFact } from '../../../../shared/domain/report-facts';
import type { ProcessStage } from '../../../../shared/domain/stages';
import { EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';
import { POSTGRES_FIGURES, SQLITE_FIGURES } from '../../overview/store/figures-dialect';

/**
 * An application's season-report fact on either engine: the query (one text, with each engine's
 * own words where they must differ), the row it reads (the same columns in the same order, as an
 * array) and the fact the row makes. One of each for both engines (sqlite-reports.ts,
 * pg-reports.ts), so the same campaign gives the same figures on either.
 */

/** What the facts' query writes in each engine's own way. */
export interface FactsDialect {
  /** `applications a`, and on SQLite the index a whole campaign is read through. */
  applications: string;
  /** `screening_results r`, the same. */
  results: string;
  /** Joins `o`, the officer's decision that stands (figures-dialect.ts). */
  activeOverride: string;
  /** A condition as 0 or 1: SQLite's comparisons are integers already, PostgreSQL's booleans. */
  flag(condition: string): string;
  /** The day the application was first sent on a shortlist (its earliest export), and first told its outcome (its earliest notice sent). */
  firstShortlisted: string;
  firstTold: string;
  /** What those two join to `a`, if anything. */
  joins: string;
}

/**
 * A whole campaign on SQLite is read through applications_report_facts and
 * screening_results_report (SQLite's 0013), which hold every column read here: the rows themselves,
 * with the applicants' free text and each criterion's explanation, are not read at all (the first
 * report of a 50,000-application campaign read 260 MB).
 */
export const SQLITE_CAMPAIGN_FACTS: FactsDialect = {
  applications: 'applications a INDEXED BY applications_report_facts',
  results: 'screening_results r INDEXED BY screening_results_report',
  activeOverride: SQLITE_FIGURES.activeOverride,
  flag: (condition) => condition,
  // Looked up per application, in SQLite's indexes of the applications ever shortlisted or told.
  firstShortlisted: '(SELECT substr(min(x.at), 1, 10) FROM shortlist_export_entries se JOIN shortlist_exports x ON x.id = se.export_id WHERE se.application_ref = a.id)',
  firstTold: '(SELECT substr(min(n.sent_at), 1, 10) FROM notice_applications na JOIN notices n ON n.id = na.notice_id WHERE na.application_ref = a.id)',
  joins: '',
};

/** A few applications on SQLite, found by their keys. */
export const SQLITE_APPLICATION_FACTS: FactsDialect = { ...SQLITE_CAMPAIGN_FACTS, applications: 'applications a', results: 'screening_results r' };

export const POSTGRES_FACTS: FactsDialect = {
  applications: 'applications a',
  results: 'screening_results r',
  activeOverride: POSTGRES_FIGURES.activeOverride,
  flag: (condition) => `(${condition})::int`,
  // PostgreSQL would run a lookup per application (50,000 of them: 0.4 s): every application's first day, once, joined.
  firstShortlisted: 'substr(first_shortlisted.at, 1, 10)',
  firstTold: 'substr(first_told.at, 1, 10)',
  joins: `LEFT JOIN (SELECT se.application_ref, min(x.at) AS at FROM shortlist_export_entries se JOIN shortlist_exports x ON x.id = se.export_id
                  GROUP BY se.application_ref) first_shortlisted ON first_shortlisted.application_ref = a.id
       LEFT JOIN (SELECT na.application_ref, min(n.sent_at) AS at FROM notice_applications na JOIN notices n ON n.id = na.notice_id
                  GROUP BY na.application_ref) first_told ON first_told.application_ref = a.id`,
};

/** The facts' query over the applications `where` selects (with a bound parameter). */
export function factsSql(where: string, dialect: FactsDialect): string {
  return `SELECT a.division_code, a.funding_parsed, d.session, a.preferred_session, a.nationality_code, a.gender, a.date_of_birth_parsed, a.highest_degree,
         a.english_level_parsed, a.french_level_parsed, substr(a.submitted_at, 1, 10),
         (${EFFECTIVE_VERDICT}), r.reasons_json, coalesce(t.stage, 'new'), t.reason, ${dialect.flag('d.interview_date IS NOT NULL')}, ${dialect.flag('d.offer_made_at IS NOT NULL')},
         CASE WHEN (${EFFECTIVE_VERDICT}) = 'review' THEN NULL ELSE substr(coalesce(o.at, r.screened_at), 1, 10) END,
         ${dialect.firstShortlisted},
         ${dialect.firstTold}
       FROM ${dialect.applications}
       JOIN ${dialect.results} ON r.application_ref = a.id ${dialect.activeOverride}
       LEFT JOIN triage_states t ON t.application_ref = a.id
       LEFT JOIN selection_details d ON d.application_ref = a.id
       ${dialect.joins}
       WHERE ${where}`;
}

export type FactRow = [
  division: string | null,
  funding: FundingTrack | null,
  selectedSession: string | null,
  preferredSession: string | null,
  nationality: string | null,
  gender: string | null,
  birth: string | null,
  degree: string | null,
  english: CefrLevel | null,
  french: CefrLevel | null,
  submitted: string | null,
  verdict: 'eligible' | 'ineligible' | 'review',
  reasonsJson: string,
  stage: ProcessStage,
  notRetainedReason: string | null,
  interviewed: 0 | 1,
  offered: 0 | 1,
  decided: string | null,
  shortlisted: string | null,
  told: string | null,
];

export function toFacts(rows: readonly FactRow[]): ReportFact[] {
  return rows.map(
    ([division, funding, selectedSession, preferredSession, nationality, gender, birth, degree, english, french, submitted, verdict, reasonsJson, stage, notRetainedReason, interviewed, offered, decided, shortlisted, told]) => ({
      division,
      track: funding,
      session: sessionOf(selectedSession, preferredSession),
      nationality,
      gender: (gender ?? '').trim(),
      ageBand: ageBand(birth, submitted),
      degree: degreeLevel(degree),
      languages: languageProfile(english, french),
      ...progress({ verdict, stage, reasons: verdict === 'ineligible' ? (JSON.parse(reasonsJson) as string[]) : [], notRetainedReason, interviewed: interviewed === 1, shortlisted: shortlisted !== null, offered: offered === 1 }),
      submitted,
      decided,
      shortlisted,
      told,
    }),
  );
}

/** The facts kept of applications erased or purged (report_facts_kept.fact_json), nothing in them naming anyone. */
export function keptFacts(json: readonly string[]): ReportFact[] {
  return json.map((text) => JSON.parse(text) as ReportFact);
}

/**
 * A few campaigns' facts (the one shown and the one it is compared with), each with the version of
 * the database it was read at, the latest used last: a filter or a second section costs no read
 * while the database is unchanged.
 */
export function factsCache(campaigns = 3) {
  const cached = new Map<number, { version: string; facts: ReportFact[] }>();
  return {
    /** The facts read at this version, if they are the ones kept. */
    get(campaignId: number, version: string): ReportFact[] | null {
      const entry = cached.get(campaignId);
      if (entry?.version !== version) return null;
      cached.delete(campaignId);
      cached.set(campaignId, entry);
      return entry.facts;
    },
    set(campaignId: number, version: string, facts: ReportFact[]): void {
      cached.delete(campaignId);
      cached.set(campaignId, { version, facts });
      for (const oldest of cached.keys()) if (cached.size > campaigns) cached.delete(oldest);
    },
  };
}
