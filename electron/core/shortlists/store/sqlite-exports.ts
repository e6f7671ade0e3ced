import type { ShortlistExportRecord } from '../../../../shared/api/shortlists';
import type { SqliteDatabase } from '../../../../db/connection';
import { writeTransaction } from '../../../../db/write-transaction';
import { auditWriter } from '../../audit/audit-log';
import { sqliteSelectionMoves } from '../../selection/store/sqlite-moves';
import { sqliteVersionCheck } from '../../triage/store/sqlite-versions';
import { planReply, type ReplyPlan } from '../reply-plan';
import { checkReplyPlan, checkSendable, checkStillListed, exportIdTaken, replyMoves, replyUnknown, sentMoves } from '../shortlist-rules';
import {
  EXPORT_HEAD,
  EXPORTED_CANDIDATES,
  exportAudit,
  exportRecordOf,
  exportSourcesOf,
  KNOWN_CODE,
  LISTED,
  replyAudit,
  SENT_LIST,
  sentExportOf,
  SOURCES,
  type AppliedReply,
  type ExportedRow,
  type ExportHead,
  type ExportSources,
  type ExportToRecord,
  type SentExport,
  type SentListRow,
  type SourceRow,
} from './export-records';

/**
 * Workbooks sent to hiring managers, on SQLite: what a workbook holds (read for writing it), the
 * record of one sent (with its candidates moving to Shortlisted, one action), and a sent export as
 * a reply is checked against. The rules are ../shortlist-rules.ts's and export-records.ts's, as on
 * the server (pg-exports.ts). SQLite-only: `json_each`, `rowid` (an export's entries in the order
 * written), `lastInsertRowid`.
 */

export function sqliteShortlistExports(sqlite: SqliteDatabase) {
  const shortlist = sqlite.prepare<[number], SentListRow>(SENT_LIST);
  const sources = sqlite.prepare<[number], SourceRow>(SOURCES);
  const listed = sqlite.prepare<[number], { ref: number; code: string }>(LISTED);
  const nextExportId = sqlite.prepare<[], { next: number }>('SELECT coalesce(max(id), 0) + 1 AS next FROM shortlist_exports');
  const insertExport = sqlite.prepare<[number, number, number, string | null, string | null, string, string, string, string, string, string]>(
    `INSERT INTO shortlist_exports (id, shortlist_id, blind, manager_name, manager_email, reply_by, file_name, sha256, codes_check, actor, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = sqlite.prepare<[number, number, string]>('INSERT INTO shortlist_export_entries (export_id, application_ref, candidate_code) VALUES (?, ?, ?)');
  const setState = sqlite.prepare<[string, string, number]>('UPDATE shortlists SET state = ?, updated_at = ? WHERE id = ?');
  const setRepliedUnlessClosed = sqlite.prepare<[string, number]>("UPDATE shortlists SET state = 'replied', updated_at = ? WHERE id = ? AND state <> 'closed'");
  const exportRow = sqlite.prepare<[number], ExportHead>(EXPORT_HEAD);
  // In the workbook's order (the order its entries were written).
  const exportedCandidates = sqlite.prepare<[number], ExportedRow>(`${EXPORTED_CANDIDATES} ORDER BY ee.rowid`);
  const insertReply = sqlite.prepare<[number, string, string, number, number, number | null, string, string]>(
    'INSERT INTO shortlist_replies (export_id, file_name, sha256, applied, unchanged, action_id, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const setReplyAction = sqlite.prepare<[number, number]>('UPDATE shortlist_replies SET action_id = ? WHERE id = ?');
  const knownCode = sqlite.prepare<[number, string], { n: number }>(KNOWN_CODE);
  const moves = sqliteSelectionMoves(sqlite);
  const audit = auditWriter(sqlite);
  // Sending moves candidates to Shortlisted: a shared decision, refused when one changed since the officer saw it.
  const checkVersions = sqliteVersionCheck(sqlite);
  const proposedAmong = sqlite.prepare<[string], number>("SELECT application_ref FROM triage_states WHERE stage = 'proposed' AND application_ref IN (SELECT value FROM json_each(?))").pluck();

  return {
    sources(shortlistId: number): ExportSources {
      return exportSourcesOf(shortlistId, shortlist.get(shortlistId), sources.all(shortlistId));
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
        const row = checkSendable(shortlist.get(request.shortlistId), request.shortlistId, true);
        checkStillListed(listed.all(request.shortlistId), request.candidates);
        checkVersions(request.seen);
        if (exportRow.get(request.exportId)) throw exportIdTaken();
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
        const sent = sentMoves(request.candidates, new Set(proposedAmong.all(JSON.stringify(request.candidates.map((c) => c.ref)))));
        if (sent.length > 0) moves.record(row.campaignId, actor, at, { move: 'shortlistSent', shortlistId: request.shortlistId, exportId: request.exportId }, sent);
        audit(exportAudit(row.campaignId, request, actor), at);
        return exportRecordOf(request, actor, at);
      });
    },

    /** A sent export as a reply is checked against, with where its candidates stand now; null if there is none. */
    recorded(exportId: number): SentExport | null {
      const row = exportRow.get(exportId);
      if (!row) return null;
      return sentExportOf(row, exportedCandidates.all(exportId));
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
        if (!recorded) throw replyUnknown();
        checkVersions(request.seen);
        const plan = planReply(recorded, request.rows, (code) => this.codeIsKnown(recorded.campaignId, code));
        checkReplyPlan(plan, request.expected);
        const replyId = Number(
          insertReply.run(request.exportId, request.fileName, request.sha256, plan.changes.length, plan.unchanged, null, actor, at).lastInsertRowid,
        );
        if (plan.changes.length > 0) {
          const actionId = moves.record(
            recorded.campaignId,
            actor,
            at,
            { move: 'replyApplied', shortlistId: recorded.shortlistId, exportId: request.exportId, replyId },
            replyMoves(plan, (ref) => recorded.names.get(ref)?.applicationId ?? ''),
          );
          setReplyAction.run(actionId, replyId);
        }
        // A closed list stays closed; a reply still counts for its candidates.
        setRepliedUnlessClosed.run(at, recorded.shortlistId);
        audit(replyAudit(recorded, request, replyId, plan, actor), at);
        return { replyId, plan };
      });
    },
  };
}
