import type { ShortlistExportRecord } from '../../../../shared/api/shortlists';
import { ValidationError } from '../../../../shared/api/errors';
import { brusselsDate } from '../../../../shared/domain/datetime';
import type { DivisionCode } from '../../../../shared/domain/divisions';
import type { CefrLevel } from '../../../../shared/domain/listed-values';
import type { ProcessStage } from '../../../../shared/domain/stages';
import type { AuditEntry } from '../../audit/audit-log';
import type { Seen } from '../../triage/actions';
import type { ExportedCandidate, RecordedExport, ReplyChange, ReplyPlan } from '../reply-plan';
import { checkSendable } from '../shortlist-rules';
import type { ReplyRow } from '../workbook/read';
import type { CandidateSource } from '../workbook-candidate';

/**
 * Workbooks sent and replies read, as both engines' stores read and record them: the rows, the SQL
 * both run as it is (`?` placeholders, numbered for PostgreSQL; aliases quoted), and what is made of
 * them (sqlite-exports.ts, pg-exports.ts).
 */

export interface ExportSources {
  shortlistId: number;
  campaignId: number;
  campaign: string;
  division: DivisionCode;
  position: string | null;
  candidates: (CandidateSource & { ref: number; applicationId: string; stage: ProcessStage; version: number })[];
}

export interface ExportToRecord {
  shortlistId: number;
  /** The id the workbook was written with (its reference names it). */
  exportId: number;
  blind: boolean;
  manager: { name: string; email: string | null } | null;
  replyBy: string;
  fileName: string;
  sha256: string;
  check: string;
  /** The candidates written, with their codes, in the workbook's order. */
  candidates: readonly { ref: number; applicationId: string; candidateCode: string }[];
  /**
   * The versions of the candidates' shared decisions the officer saw: sending moves them to
   * Shortlisted, refused whole when one changed meanwhile (another officer's decision).
   */
  seen?: Seen[];
}

/** A workbook as sent, and where its candidates stand now, with their names for the preview. */
export interface SentExport extends RecordedExport {
  campaignId: number;
  names: Map<number, { applicationId: string; firstName: string; lastName: string }>;
  /** The versions of the candidates' shared decisions as read: what a preview shows, and its commit carries. */
  seen: Seen[];
}

export interface AppliedReply {
  exportId: number;
  fileName: string;
  sha256: string;
  rows: readonly ReplyRow[];
  /** The changes the preview showed: the commit applies exactly these, or nothing. */
  expected: readonly ReplyChange[];
  /** The candidates' versions the preview read: one decided on since refuses the reply, saying who and when. */
  seen?: Seen[];
}

export interface SentListRow {
  id: number;
  campaignId: number;
  campaign: string;
  division: DivisionCode;
  position: string | null;
  state: string;
}

export interface SourceRow extends Omit<CandidateSource, 'applicationDate'> {
  ref: number;
  applicationId: string;
  submittedAt: string | null;
  stage: ProcessStage | null;
  englishLevel: CefrLevel | null;
  frenchLevel: CefrLevel | null;
  version: number;
}

export interface ExportHead {
  id: number;
  shortlistId: number;
  campaignId: number;
  check: string;
}

export type ExportedRow = ExportedCandidate & { applicationId: string; firstName: string; lastName: string; version: number };

/** A shortlist with its campaign's name (one parameter: the list). */
export const SENT_LIST = `SELECT s.id, s.campaign_id AS "campaignId", c.name AS campaign, s.division_code AS division, s.position, s.state
  FROM shortlists s JOIN campaigns c ON c.id = s.campaign_id WHERE s.id = ?`;

/** What a workbook holds of each candidate, in the office's order (one parameter: the list). */
export const SOURCES = `SELECT a.id AS ref, a.application_id AS "applicationId", k.code AS "candidateCode", a.first_name AS "firstName", a.last_name AS "lastName", a.email, a.gender,
    a.nationality_code AS "nationalityCode", a.nationality, a.date_of_birth_parsed AS "dateOfBirth", a.submitted_at AS "submittedAt", a.university,
    a.field_of_study AS "fieldOfStudy", a.highest_degree AS "highestDegree", a.degree_date_parsed AS "degreeDate", a.english_level_parsed AS "englishLevel",
    a.french_level_parsed AS "frenchLevel", a.other_languages AS "otherLanguages", a.preferred_session AS "preferredSession", t.score, e.note, a.motivation, t.stage,
    coalesce(t.version, 0) AS version
  FROM shortlist_entries e
  JOIN applications a ON a.id = e.application_ref
  JOIN candidate_codes k ON k.application_ref = a.id
  LEFT JOIN triage_states t ON t.application_ref = a.id
  WHERE e.shortlist_id = ? ORDER BY e.rank`;

/** The list as it stands, just what identifies each entry: to check nothing changed while its workbook was written. */
export const LISTED = `SELECT e.application_ref AS ref, k.code FROM shortlist_entries e JOIN candidate_codes k ON k.application_ref = e.application_ref
  WHERE e.shortlist_id = ? ORDER BY e.rank`;

export const EXPORT_HEAD = `SELECT x.id, x.shortlist_id AS "shortlistId", s.campaign_id AS "campaignId", x.codes_check AS "check"
  FROM shortlist_exports x JOIN shortlists s ON s.id = x.shortlist_id WHERE x.id = ?`;

/** An export's candidates and where they stand now (one parameter: the export); each engine adds its order. */
export const EXPORTED_CANDIDATES = `SELECT ee.application_ref AS "applicationRef", ee.candidate_code AS "candidateCode", coalesce(t.stage, 'new') AS stage,
    d.interview_date AS "interviewDate", d.interview_time AS "interviewTime", d.manager_comment AS comment, a.application_id AS "applicationId",
    a.first_name AS "firstName", a.last_name AS "lastName", coalesce(t.version, 0) AS version
  FROM shortlist_export_entries ee
  JOIN applications a ON a.id = ee.application_ref
  LEFT JOIN triage_states t ON t.application_ref = ee.application_ref
  LEFT JOIN selection_details d ON d.application_ref = ee.application_ref
  WHERE ee.export_id = ?`;

export const KNOWN_CODE = 'SELECT count(*) AS n FROM candidate_codes WHERE campaign_id = ? AND code = ?';

/** What a workbook of the list holds; refused for a closed list or one without candidates. */
export function exportSourcesOf(shortlistId: number, list: SentListRow | undefined, rows: readonly SourceRow[]): ExportSources {
  const row = checkSendable(list, shortlistId, false);
  const candidates = rows.map(({ submittedAt, stage, ...c }) => ({ ...c, stage: stage ?? 'new', applicationDate: submittedAt ? brusselsDate(submittedAt) : null }));
  if (candidates.length === 0) throw new ValidationError('This shortlist has no candidate: add some before sending it.', [], 'EmptyShortlist');
  return { shortlistId, campaignId: row.campaignId, campaign: row.campaign, division: row.division, position: row.position, candidates };
}

export function exportRecordOf(request: ExportToRecord, actor: string, at: string): ShortlistExportRecord {
  return {
    id: request.exportId,
    at,
    actor,
    blind: request.blind,
    managerName: request.manager?.name ?? null,
    managerEmail: request.manager?.email ?? null,
    replyBy: request.replyBy,
    fileName: request.fileName,
    sha256: request.sha256,
    candidates: request.candidates.length,
  };
}

export function exportAudit(campaignId: number, request: ExportToRecord, actor: string): AuditEntry {
  return {
    campaignId,
    actor,
    action: 'shortlist.export',
    subject: String(request.shortlistId),
    details: { exportId: request.exportId, file: request.fileName, blind: request.blind, manager: request.manager, replyBy: request.replyBy, candidates: request.candidates.length, sha256: request.sha256 },
  };
}

export function replyAudit(recorded: SentExport, request: AppliedReply, replyId: number, plan: ReplyPlan, actor: string): AuditEntry {
  return {
    campaignId: recorded.campaignId,
    actor,
    action: 'shortlist.reply',
    subject: String(recorded.shortlistId),
    details: { exportId: request.exportId, replyId, file: request.fileName, applied: plan.changes.length, unchanged: plan.unchanged },
  };
}

/** A sent export as a reply is checked against, from its head and its candidates' rows. */
export function sentExportOf(head: ExportHead, rows: readonly ExportedRow[]): SentExport {
  return {
    shortlistId: head.shortlistId,
    exportId: head.id,
    check: head.check,
    campaignId: head.campaignId,
    candidates: rows.map(({ applicationId: _a, firstName: _f, lastName: _l, version: _v, ...c }) => c),
    names: new Map(rows.map((r) => [r.applicationRef, { applicationId: r.applicationId, firstName: r.firstName, lastName: r.lastName }])),
    seen: rows.map((r) => ({ ref: r.applicationRef, version: r.version })),
  };
}
