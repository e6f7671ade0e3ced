import type pg from 'pg';
import { inTransaction, read } from '../../../../db/postgres/transaction';
import { writeAuditOn } from '../../audit/audit-log';
import { lockApplications, recordMoves } from '../../selection/store/pg-moves';
import { numbered } from '../../triage/store/queue-sql';
import { pgVersionCheck } from '../../triage/store/pg-versions';
import { planReply } from '../reply-plan';
import { checkReplyPlan, checkSendable, checkStillListed, exportIdTaken, noSuchShortlist, replyMoves, replyUnknown, sentMoves } from '../shortlist-rules';
import {
  EXPORT_HEAD,
  EXPORTED_CANDIDATES,
  exportAudit,
  exportRecordOf,
  exportSourcesOf,
  LISTED,
  replyAudit,
  SENT_LIST,
  sentExportOf,
  SOURCES,
  type ExportedRow,
  type ExportHead,
  type SentExport,
  type SentListRow,
  type SourceRow,
} from './export-records';
import type { ShortlistStore } from './index';

/**
 * Workbooks sent and replies applied on the office server: the same rules and SQL as on SQLite
 * (../shortlist-rules.ts, export-records.ts). Recording a send locks the list's row (its edits
 * wait, or are waited for: the list written is the list recorded) and then its candidates' rows
 * (FOR NO KEY UPDATE, in id order, as triage's decisions lock them), so the candidates found
 * Proposed are moved to Shortlisted before anyone else decides on them. Applying a reply locks
 * the list and its candidates before planning it again: the plan compared with the preview is the
 * state it writes over.
 */

type Query = <R extends pg.QueryResultRow>(sql: string, params: unknown[]) => Promise<R[]>;

const onClient =
  (c: pg.ClientBase): Query =>
  async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) =>
    (await c.query<R>(sql, params)).rows;

const onPool =
  (pool: pg.Pool): Query =>
  <R extends pg.QueryResultRow>(sql: string, params: unknown[]) =>
    read<R>(pool, sql, params);

// PostgreSQL keeps no insertion order: an export's candidates by application. A reply is matched
// by candidate code, never by position, so the order read is for reading only.
const EXPORTED_IN_ORDER = numbered(`${EXPORTED_CANDIDATES} ORDER BY ee.application_ref`);

async function recordedWith(query: Query, exportId: number): Promise<SentExport | null> {
  const [head] = await query<ExportHead>(numbered(EXPORT_HEAD), [exportId]);
  return head ? sentExportOf(head, await query<ExportedRow>(EXPORTED_IN_ORDER, [exportId])) : null;
}

async function knownWith(query: Query, campaignId: number, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  return new Set((await query<{ code: string }>('SELECT code FROM candidate_codes WHERE campaign_id = $1 AND code = ANY($2::text[])', [campaignId, codes])).map((r) => r.code));
}

export function pgShortlistExports(pool: pg.Pool): Pick<ShortlistStore, 'exportSources' | 'nextExportId' | 'recordExport' | 'recordedExport' | 'knownCodes' | 'applyReply'> {
  return {
    async exportSources(id) {
      const [[list], rows] = await Promise.all([read<SentListRow>(pool, numbered(SENT_LIST), [id]), read<SourceRow>(pool, numbered(SOURCES), [id])]);
      return exportSourcesOf(id, list, rows);
    },

    /**
     * The id the next export will have, taken from its sequence: no other workstation is given it,
     * so two lists sent at the same moment never name the same export (an id taken for a workbook
     * that is then not recorded is simply never used).
     */
    async nextExportId() {
      const [row] = await inTransaction(pool, async (c) => (await c.query<{ id: number }>("SELECT nextval(pg_get_serial_sequence('shortlist_exports', 'id'))::int AS id")).rows);
      return row!.id;
    },

    async recordExport(request, actor, now = new Date()) {
      const at = now.toISOString();
      return inTransaction(pool, async (c) => {
        await c.query('SELECT id FROM shortlists WHERE id = $1 FOR UPDATE', [request.shortlistId]);
        const [list] = (await c.query<SentListRow>(numbered(SENT_LIST), [request.shortlistId])).rows;
        const row = checkSendable(list, request.shortlistId, true);
        checkStillListed((await c.query<{ ref: number; code: string }>(numbered(LISTED), [request.shortlistId])).rows, request.candidates);
        const refs = request.candidates.map((cand) => cand.ref);
        await lockApplications(c, refs);
        await pgVersionCheck(c, request.seen);
        const inserted = await c.query(
          `INSERT INTO shortlist_exports (id, shortlist_id, blind, manager_name, manager_email, reply_by, file_name, sha256, codes_check, actor, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
          [request.exportId, request.shortlistId, request.blind ? 1 : 0, request.manager?.name ?? null, request.manager?.email ?? null, request.replyBy, request.fileName, request.sha256, request.check, actor, at],
        );
        if (inserted.rowCount !== 1) throw exportIdTaken();
        await c.query(
          `INSERT INTO shortlist_export_entries (export_id, application_ref, candidate_code) SELECT $1, * FROM unnest($2::int[], $3::text[])`,
          [request.exportId, refs, request.candidates.map((cand) => cand.candidateCode)],
        );
        await c.query("UPDATE shortlists SET state = 'sent', updated_at = $1 WHERE id = $2", [at, request.shortlistId]);
        const proposed = (await c.query<{ ref: number }>("SELECT application_ref AS ref FROM triage_states WHERE stage = 'proposed' AND application_ref = ANY($1::int[])", [refs])).rows;
        const sent = sentMoves(request.candidates, new Set(proposed.map((p) => p.ref)));
        if (sent.length > 0) await recordMoves(c, row.campaignId, actor, at, { move: 'shortlistSent', shortlistId: request.shortlistId, exportId: request.exportId }, sent);
        await writeAuditOn(c, exportAudit(row.campaignId, request, actor), at);
        return exportRecordOf(request, actor, at);
      });
    },

    recordedExport: (exportId) => recordedWith(onPool(pool), exportId),

    knownCodes: (campaignId, codes) => knownWith(onPool(pool), campaignId, codes),

    async applyReply(request, actor, now = new Date()) {
      const at = now.toISOString();
      return inTransaction(pool, async (c) => {
        const query = onClient(c);
        const [head] = await query<ExportHead>(numbered(EXPORT_HEAD), [request.exportId]);
        if (!head) throw replyUnknown();
        // Two replies to one list wait for each other; the candidates' decisions wait for the reply.
        const locked = await c.query('SELECT id FROM shortlists WHERE id = $1 FOR UPDATE', [head.shortlistId]);
        if (locked.rowCount !== 1) throw noSuchShortlist(head.shortlistId);
        const refs = (await query<{ ref: number }>('SELECT application_ref AS ref FROM shortlist_export_entries WHERE export_id = $1', [request.exportId])).map((r) => r.ref);
        await lockApplications(c, refs);
        const recorded = await recordedWith(query, request.exportId);
        if (!recorded) throw replyUnknown();
        await pgVersionCheck(c, request.seen);
        const known = await knownWith(query, recorded.campaignId, request.rows.map((r) => r.candidateCode));
        const plan = planReply(recorded, request.rows, (code) => known.has(code));
        checkReplyPlan(plan, request.expected);
        const inserted = await c.query<{ id: number }>(
          'INSERT INTO shortlist_replies (export_id, file_name, sha256, applied, unchanged, action_id, actor, at) VALUES ($1, $2, $3, $4, $5, NULL, $6, $7) RETURNING id',
          [request.exportId, request.fileName, request.sha256, plan.changes.length, plan.unchanged, actor, at],
        );
        const replyId = inserted.rows[0]!.id;
        if (plan.changes.length > 0) {
          const actionId = await recordMoves(
            c,
            recorded.campaignId,
            actor,
            at,
            { move: 'replyApplied', shortlistId: recorded.shortlistId, exportId: request.exportId, replyId },
            replyMoves(plan, (ref) => recorded.names.get(ref)?.applicationId ?? ''),
          );
          await c.query('UPDATE shortlist_replies SET action_id = $1 WHERE id = $2', [actionId, replyId]);
        }
        // A closed list stays closed; a reply still counts for its candidates.
        await c.query("UPDATE shortlists SET state = 'replied', updated_at = $1 WHERE id = $2 AND state <> 'closed'", [at, recorded.shortlistId]);
        await writeAuditOn(c, replyAudit(recorded, request, replyId, plan, actor), at);
        return { replyId, plan };
      });
    },
  };
}
