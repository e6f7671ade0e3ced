import type { ShortlistExportRecord } from '../../../../shared/api/shortlists';
import { ConflictError, NotFoundError, ValidationError } from '../../../../shared/api/errors';
import { brusselsDate } from '../../../../shared/domain/datetime';
import type { DivisionCode } from '../../../../shared/domain/divisions';
import type { CefrLevel } from '../../../../shared/domain/listed-values';
import type { ProcessStage } from '../../../../shared/domain/stages';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { auditWriter } from '../../audit/audit-log';
import { sqliteSelectionMoves } from '../../selection/store/sqlite-moves';
import { planReply, type ExportedCandidate, type RecordedExport, type ReplyChange, type ReplyPlan } from '../reply-plan';
import type { ReplyRow } from '../workbook/read';
import type { CandidateSource } from '../workbook-candidate';

/**
 * Workbooks sent to hiring managers, on SQLite: what a workbook holds (read for writing it), the
 * record of one sent (with its candidates moving to Shortlisted, one action), and a sent export as
 * a reply is checked against.
 */

export interface ExportSources {
  shortlistId: number;
  campaignId: number;
  campaign: string;
  division: DivisionCode;
  position: string | null;
  candidates: (CandidateSource & { ref: number; applicationId: string; stage: ProcessStage })[];
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
}

/** A workbook as sent, and where its candidates stand now, with their names for the preview. */
export interface SentExport extends RecordedExport {
  campaignId: number;
  names: Map<number, { applicationId: string; firstName: string; lastName: string }>;
}

export interface AppliedReply {
  exportId: number;
  fileName: string;
  sha256: string;
  rows: readonly ReplyRow[];
  /** The changes the preview showed: the commit applies exactly these, or nothing. */
  expected: readonly ReplyChange[];
}

interface SourceRow extends Omit<CandidateSource, 'applicationDate'> {
  ref: number;
  applicationId: string;
  submittedAt: string | null;
  stage: ProcessStage | null;
  englishLevel: CefrLevel | null;
  frenchLevel: CefrLevel | null;
}

export function sqliteShortlistExports(sqlite: SqliteDatabase) {
  const shortlist = sqlite.prepare<[number], { id: number; campaignId: number; campaign: string; division: DivisionCode; position: string | null; state: string }>(
    `SELECT s.id, s.campaign_id AS campaignId, c.name AS campaign, s.division_code AS division, s.position, s.state
     FROM shortlists s JOIN campaigns c ON c.id = s.campaign_id WHERE s.id = ?`,
  );
  const sources = sqlite.prepare<[number], SourceRow>(
    `SELECT a.id AS ref, a.application_id AS applicationId, k.code AS candidateCode, a.first_name AS firstName, a.last_name AS lastName, a.email, a.gender,
       a.nationality_code AS nationalityCode, a.nationality, a.date_of_birth_parsed AS dateOfBirth, a.submitted_at AS submittedAt, a.university,
       a.field_of_study AS fieldOfStudy, a.highest_degree AS highestDegree, a.degree_date_parsed AS degreeDate, a.english_level_parsed AS englishLevel,
       a.french_level_parsed AS frenchLevel, a.other_languages AS otherLanguages, a.preferred_session AS preferredSession, t.score, e.note, a.motivation, t.stage
     FROM shortlist_entries e
     JOIN applications a ON a.id = e.application_ref
     JOIN candidate_codes k ON k.application_ref = a.id
     LEFT JOIN triage_states t ON t.application_ref = a.id
     WHERE e.shortlist_id = ? ORDER BY e.rank`,
  );
  // The list as it stands, just what identifies each entry: to check nothing changed while its workbook was written.
  const listed = sqlite
    .prepare<[number], string>(
      `SELECT e.application_ref || ' ' || k.code FROM shortlist_entries e JOIN candidate_codes k ON k.application_ref = e.application_ref WHERE e.shortlist_id = ? ORDER BY e.rank`,
    )
    .pluck();
  const nextExportId = sqlite.prepare<[], { next: number }>('SELECT coalesce(max(id), 0) + 1 AS next FROM shortlist_exports');
  const insertExport = sqlite.prepare<[number, number, number, string | null, string | null, string, string, string, string, string, string]>(
    `INSERT INTO shortlist_exports (id, shortlist_id, blind, manager_name, manager_email, reply_by, file_name, sha256, codes_check, actor, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = sqlite.prepare<[number, number, string]>('INSERT INTO shortlist_export_entries (export_id, application_ref, candidate_code) VALUES (?, ?, ?)');
  const setState = sqlite.prepare<[string, string, number]>('UPDATE shortlists SET state = ?, updated_at = ? WHERE id = ?');
  const setRepliedUnlessClosed = sqlite.prepare<[string, number]>("UPDATE shortlists SET state = 'replied', updated_at = ? WHERE id = ? AND state <> 'closed'");
  const exportRow = sqlite.prepare<[number], { id: number; shortlistId: number; campaignId: number; check: string }>(
    `SELECT x.id, x.shortlist_id AS shortlistId, s.campaign_id AS campaignId, x.codes_check AS "check"
     FROM shortlist_exports x JOIN shortlists s ON s.id = x.shortlist_id WHERE x.id = ?`,
  );
  const exportedCandidates = sqlite.prepare<[number], ExportedCandidate & { applicationId: string; firstName: string; lastName: string }>(
    `SELECT ee.application_ref AS applicationRef, ee.candidate_code AS candidateCode, coalesce(t.stage, 'new') AS stage, d.interview_date AS interviewDate,
       d.interview_time AS interviewTime, d.manager_comment AS comment, a.application_id AS applicationId, a.first_name AS firstName, a.last_name AS lastName
     FROM shortlist_export_entries ee
     JOIN applications a ON a.id = ee.application_ref
     LEFT JOIN triage_states t ON t.application_ref = ee.application_ref
     LEFT JOIN selection_details d ON d.application_ref = ee.application_ref
     WHERE ee.export_id = ? ORDER BY ee.rowid`,
  );
  const insertReply = sqlite.prepare<[number, string, string, number, number, number | null, string, string]>(
    'INSERT INTO shortlist_replies (export_id, file_name, sha256, applied, unchanged, action_id, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const setReplyAction = sqlite.prepare<[number, number]>('UPDATE shortlist_replies SET action_id = ? WHERE id = ?');
  const knownCode = sqlite.prepare<[number, string], { n: number }>('SELECT count(*) AS n FROM candidate_codes WHERE campaign_id = ? AND code = ?');
  const moves = sqliteSelectionMoves(sqlite);
  const audit = auditWriter(sqlite);
  const proposedAmong = sqlite.prepare<[string], number>("SELECT application_ref FROM triage_states WHERE stage = 'proposed' AND application_ref IN (SELECT value FROM json_each(?))").pluck();

  return {
    sources(shortlistId: number): ExportSources {
      const row = shortlist.get(shortlistId);
      if (!row) throw new NotFoundError(`There is no shortlist number ${shortlistId} in this database.`, 'NoSuchShortlist');
      if (row.state === 'closed') throw new ConflictError('This shortlist is closed: it can no longer be sent.', 'ShortlistClosed');
      const candidates = sources.all(shortlistId).map(({ submittedAt, stage, ...c }) => ({ ...c, stage: stage ?? 'new', applicationDate: submittedAt ? brusselsDate(submittedAt) : null }));
      if (candidates.length === 0) throw new ValidationError('This shortlist has no candidate: add some before sending it.', [], 'EmptyShortlist');
      return { shortlistId, campaignId: row.campaignId, campaign: row.campaign, division: row.division, position: row.position, candidates };
    },

    /** The id the next export will have, to write in its workbook before it is recorded. */
    nextExportId(): number {
      return nextExportId.get()?.next ?? 1;
    },

    /**
     * Records a workbook sent, in one transaction: the export and its candidates, the shortlist
     * sent, and the proposed candidates moved to Shortlisted (one action, undoable). Refused when
     * the id was taken meanwhile (another export at the same moment): the caller writes again.
     */
    record(request: ExportToRecord, actor: string, now = new Date()): ShortlistExportRecord {
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        const row = shortlist.get(request.shortlistId);
        if (!row) throw new NotFoundError(`There is no shortlist number ${request.shortlistId} in this database.`, 'NoSuchShortlist');
        if (row.state === 'closed') throw new ConflictError('This shortlist was closed meanwhile: it can no longer be sent.', 'ShortlistClosed');
        // The list as written must still be the list: another window may have changed it meanwhile.
        const now = listed.all(request.shortlistId);
        const written = request.candidates.map((c) => `${c.ref} ${c.candidateCode}`);
        if (now.length !== written.length || now.some((c, i) => c !== written[i])) {
          throw new ConflictError('The shortlist changed while its workbook was being written. Nothing was recorded: send it again.', 'ShortlistChanged');
        }
        if (exportRow.get(request.exportId)) throw new ConflictError('Another workbook was sent at the same moment. Send this one again.', 'ExportIdTaken');
        insertExport.run(
          request.exportId,
          request.shortlistId,
          request.blind ? 1 : 0,
          request.manager?.name ?? null,
          request.manager?.email ?? null,
          request.replyBy,
          request.fileName,
          request.sha256,
          request.check,
          actor,
          at,
        );
        for (const c of request.candidates) insertEntry.run(request.exportId, c.ref, c.candidateCode);
        setState.run('sent', at, request.shortlistId);
        // One query for the thousand candidates of a large list, not three per candidate.
        const stillProposed = new Set(proposedAmong.all(JSON.stringify(request.candidates.map((c) => c.ref))));
        const proposed = request.candidates.filter((c) => stillProposed.has(c.ref));
        if (proposed.length > 0) {
          moves.record(
            row.campaignId,
            actor,
            at,
            { move: 'shortlistSent', shortlistId: request.shortlistId, exportId: request.exportId },
            proposed.map((c) => ({ ref: c.ref, applicationId: c.applicationId, stage: 'shortlisted', selection: {} })),
          );
        }
        audit(
          { campaignId: row.campaignId, actor, action: 'shortlist.export', subject: String(request.shortlistId), details: { exportId: request.exportId, file: request.fileName, blind: request.blind, manager: request.manager, replyBy: request.replyBy, candidates: request.candidates.length, sha256: request.sha256 } },
          at,
        );
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
      });
    },

    /** A sent export as a reply is checked against, with where its candidates stand now; null if there is none. */
    recorded(exportId: number): SentExport | null {
      const row = exportRow.get(exportId);
      if (!row) return null;
      const rows = exportedCandidates.all(exportId);
      return {
        shortlistId: row.shortlistId,
        exportId: row.id,
        check: row.check,
        campaignId: row.campaignId,
        candidates: rows.map(({ applicationId: _a, firstName: _f, lastName: _l, ...c }) => c),
        names: new Map(rows.map((r) => [r.applicationRef, { applicationId: r.applicationId, firstName: r.firstName, lastName: r.lastName }])),
      };
    },

    codeIsKnown(campaignId: number, code: string): boolean {
      return (knownCode.get(campaignId, code)?.n ?? 0) > 0;
    },

    /** Which of these codes Cohort gave in the campaign. */
    knownCodes(campaignId: number, codes: readonly string[]): Set<string> {
      return new Set(codes.filter((code) => this.codeIsKnown(campaignId, code)));
    },

    /**
     * Applies a reply, in one transaction, planned again against the database as it is now: if
     * that is not what the preview showed (someone changed a candidate since), nothing is applied.
     */
    applyReply(request: AppliedReply, actor: string, now = new Date()): { replyId: number; plan: ReplyPlan } {
      const at = now.toISOString();
      return writeTransaction(sqlite, () => {
        const recorded = this.recorded(request.exportId);
        if (!recorded) throw new NotFoundError('The workbook this reply answers is no longer in this database.', 'UnknownReply');
        const plan = planReply(recorded, request.rows, (code) => this.codeIsKnown(recorded.campaignId, code));
        if (plan.refusals.length > 0) throw new ValidationError(`This reply cannot be applied: ${plan.refusals[0]?.message ?? ''} Nothing was applied.`, [], 'ReplyRefused');
        if (JSON.stringify(plan.changes) !== JSON.stringify(request.expected)) {
          throw new ConflictError('Candidates of this shortlist changed since the preview. Nothing was applied: look at the preview again.', 'ChangedSincePreview');
        }
        const replyId = Number(
          insertReply.run(request.exportId, request.fileName, request.sha256, plan.changes.length, plan.unchanged, null, actor, at).lastInsertRowid,
        );
        if (plan.changes.length > 0) {
          const actionId = moves.record(
            recorded.campaignId,
            actor,
            at,
            { move: 'replyApplied', shortlistId: recorded.shortlistId, exportId: request.exportId, replyId },
            plan.changes.map((c) => ({
              ref: c.applicationRef,
              applicationId: recorded.names.get(c.applicationRef)?.applicationId ?? '',
              stage: c.to,
              selection: { interviewDate: c.interviewDate, interviewTime: c.interviewTime, managerComment: c.comment },
            })),
          );
          setReplyAction.run(actionId, replyId);
        }
        // A closed list stays closed; a reply still counts for its candidates.
        setRepliedUnlessClosed.run(at, recorded.shortlistId);
        audit(
          { campaignId: recorded.campaignId, actor, action: 'shortlist.reply', subject: String(recorded.shortlistId), details: { exportId: request.exportId, replyId, file: request.fileName, applied: plan.changes.length, unchanged: plan.unchanged } },
          at,
        );
        return { replyId, plan };
      });
    },
  };
}
