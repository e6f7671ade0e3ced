import type { SqliteDatabase } from '../../../../db/connection';
import type { CefrLevel, FundingTrack } from '../../../../shared/domain/listed-values';
import { ageBand, degreeLevel, languageProfile, progress, sessionOf, type ReportFact } from '../../../../shared/domain/report-facts';
import type { ProcessStage } from '../../../../shared/domain/stages';
import { ACTIVE_OVERRIDE, EFFECTIVE_VERDICT } from '../../screening/store/sqlite-effective-verdict';

type FactRow = [
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

/**
 * The facts' query over the applications `where` selects (a bound parameter or two). A whole
 * campaign is read through applications_report_facts and screening_results_report (0013), which
 * hold every column read here: the rows themselves, with the applicants' free text and each
 * criterion's explanation, are not read at all (the first report of a 50,000-application campaign
 * read 260 MB).
 */
function factsSql(where: string, index: 'byCampaign' | 'byId'): string {
  return `SELECT a.division_code, a.funding_parsed, d.session, a.preferred_session, a.nationality_code, a.gender, a.date_of_birth_parsed, a.highest_degree,
         a.english_level_parsed, a.french_level_parsed, substr(a.submitted_at, 1, 10),
         (${EFFECTIVE_VERDICT}), r.reasons_json, coalesce(t.stage, 'new'), t.reason, d.interview_date IS NOT NULL, d.offer_made_at IS NOT NULL,
         CASE WHEN (${EFFECTIVE_VERDICT}) = 'review' THEN NULL ELSE substr(coalesce(o.at, r.screened_at), 1, 10) END,
         (SELECT substr(min(x.at), 1, 10) FROM shortlist_export_entries se JOIN shortlist_exports x ON x.id = se.export_id WHERE se.application_ref = a.id),
         (SELECT substr(min(n.sent_at), 1, 10) FROM notice_applications na JOIN notices n ON n.id = na.notice_id WHERE na.application_ref = a.id)
       FROM applications a ${index === 'byCampaign' ? 'INDEXED BY applications_report_facts' : ''}
       JOIN screening_results r ${index === 'byCampaign' ? 'INDEXED BY screening_results_report' : ''} ON r.application_ref = a.id ${ACTIVE_OVERRIDE}
       LEFT JOIN triage_states t ON t.application_ref = a.id
       LEFT JOIN selection_details d ON d.application_ref = a.id
       WHERE ${where}`;
}

/**
 * The facts of a campaign's applications as the season report counts them (report-facts.ts), in
 * one read, with the facts kept of applications erased or purged since. SQLite-only: `max()`/`min()`
 * of grouped dates and ACTIVE_OVERRIDE's INDEXED BY. The facts are kept until the database changes (this connection or another program),
 * so a filter or a second section costs no read.
 */
export function sqliteReports(sqlite: SqliteDatabase) {
  const ofCampaign = sqlite.prepare<[number], FactRow>(factsSql('a.campaign_id = ?', 'byCampaign')).raw();
  const ofApplications = sqlite.prepare<[string], FactRow>(factsSql('a.id IN (SELECT value FROM json_each(?))', 'byId')).raw();
  const keptFacts = sqlite.prepare<[number], string>('SELECT fact_json FROM report_facts_kept WHERE campaign_id = ?').pluck();
  const changes = sqlite.prepare('SELECT total_changes()').pluck();
  // A few campaigns' facts (the one shown and the one it is compared with), the latest used last.
  const cached = new Map<number, { version: string; facts: ReportFact[] }>();
  const CACHED_CAMPAIGNS = 3;

  function toFacts(rows: FactRow[]): ReportFact[] {
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

  function read(campaignId: number): ReportFact[] {
    // Applications erased or purged left their facts behind, with nothing that names anyone.
    const kept = keptFacts.all(campaignId).map((json) => JSON.parse(json) as ReportFact);
    return [...toFacts(ofCampaign.all(campaignId)), ...kept];
  }

  return {
    /** Every application's facts; the same answer while the database is unchanged. */
    facts(campaignId: number): ReportFact[] {
      const version = `${sqlite.pragma('data_version', { simple: true }) as number} ${changes.get() as number}`;
      let entry = cached.get(campaignId);
      if (entry?.version !== version) entry = { version, facts: read(campaignId) };
      cached.delete(campaignId);
      cached.set(campaignId, entry);
      for (const oldest of cached.keys()) if (cached.size > CACHED_CAMPAIGNS) cached.delete(oldest);
      return entry.facts;
    },

    /** The live facts of some applications (those about to be erased), from the database as it is. */
    factsOf(refs: readonly number[]): ReportFact[] {
      return toFacts(ofApplications.all(JSON.stringify(refs)));
    },

    /** The live facts of a campaign's applications (about to be purged), without the cache. */
    liveFacts(campaignId: number): ReportFact[] {
      return toFacts(ofCampaign.all(campaignId));
    },
  };
}
