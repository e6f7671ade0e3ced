import type pg from 'pg';
import { ConflictError, NotFoundError } from '../../../shared/api/errors';
import { inTransaction } from '../../../db/postgres/transaction';
import { numbered } from '../triage/store/queue-sql';
import type { ApplicationStore } from './application-store';
import {
  changedMeanwhile,
  changedSinceSeen,
  CORRECTION_SQL,
  correctionAudit,
  LAST_CHANGE_SQL,
  planCorrection,
  type CorrectionOutcome,
  type CorrectionRequest,
  type LastChange,
} from './corrections';
import { copyRows } from './pg-copy';
import { STORED_COLUMNS, storedValues, type SqlValue } from './store';

/**
 * Applications' writes on the office server (team mode): new ones with COPY (the server's bulk
 * path; its triggers count the screening owed and index them for search in the same transaction),
 * and corrections under the application's row lock.
 */

const NEW_COLUMNS = ['campaign_id', ...STORED_COLUMNS, 'source', 'created_at', 'updated_at'];
const PROGRESS_EVERY = 1000;

/**
 * Corrects one raw value on a client inside the caller's transaction: the application's row is
 * locked first (FOR NO KEY UPDATE), so the value the plan starts from stays the stored one until
 * the commit; another officer's correction of it waits, then reads this one's result.
 */
export async function correctOnServer(c: pg.ClientBase, request: CorrectionRequest, actor: string, at: string): Promise<CorrectionOutcome> {
  const [row] = (await c.query<Record<string, unknown>>('SELECT * FROM applications WHERE id = $1 FOR NO KEY UPDATE', [request.ref])).rows;
  if (!row) throw new NotFoundError('This application is not in this database. Nothing was corrected.', 'NoSuchApplication');
  if (changedSinceSeen(row, request)) throw changedMeanwhile(row, request.ref, (await c.query<LastChange>(numbered(LAST_CHANGE_SQL), [request.ref, request.field])).rows[0]);
  const [active] = (await c.query<{ id: number; imported_value: string }>(numbered(CORRECTION_SQL.active), [request.ref, request.field])).rows;
  const plan = planCorrection(row, request, active);
  if (!plan) return { campaignId: Number(row.campaign_id), applicationId: String(row.application_id), changed: false };
  if (active) await c.query(numbered(CORRECTION_SQL.endActive), [plan.activeBecomes, active.id]);
  if (plan.recordNew) await c.query(numbered(CORRECTION_SQL.record), [request.ref, request.field, plan.imported, plan.value, request.reason, actor, at]);
  const result = await c.query(numbered(CORRECTION_SQL.rewrite(plan)), [...plan.values, at, request.ref, plan.before]);
  if (result.rowCount !== 1) throw new ConflictError('This application changed while you were correcting it. Look at it again.', 'ChangedMeanwhile');
  await c.query(numbered(CORRECTION_SQL.revision), [request.ref, request.field, plan.before, plan.value, at, actor]);
  const audit = correctionAudit(plan, request.reason, actor);
  await c.query('INSERT INTO audit_log (campaign_id, at, actor, action, subject, details_json) VALUES ($1, $2, $3, $4, $5, $6)', [
    audit.campaignId,
    at,
    actor,
    audit.action,
    audit.subject,
    JSON.stringify(audit.details),
  ]);
  return { campaignId: plan.campaignId, applicationId: plan.applicationId, changed: true };
}

export function pgApplicationStore(pool: pg.Pool): ApplicationStore {
  return {
    async insertNew(campaignId, records, options) {
      const at = (options.now ?? new Date()).toISOString();
      return inTransaction(pool, async (c) => {
        const rows = (function* () {
          let done = 0;
          for (const record of records) {
            const row: SqlValue[] = [campaignId, ...storedValues(record, null), options.source, at, at];
            yield row;
            if (++done % PROGRESS_EVERY === 0) options.onProgress?.(done);
          }
        })();
        const n = await copyRows(c, 'applications', NEW_COLUMNS, rows);
        options.onProgress?.(n);
        return n;
      });
    },
    correct: (request, actor, now = new Date()) => inTransaction(pool, (c) => correctOnServer(c, request, actor, now.toISOString())),
  };
}
