import type { SqliteDatabase } from '../../../../db/connection';
import type { AuditPage } from '../../../../shared/api/audit';
import { auditParams, auditRow, auditWhere, type AuditFilter, type StoredEntry } from './audit-query';

/** The audit log on a file, newest first, filtered with bound parameters only (audit-query.ts). */
export function sqliteAuditLog(sqlite: SqliteDatabase) {
  const where = auditWhere({ param: (name) => `:${name}`, like: 'LIKE' });
  const rows = sqlite.prepare<Record<string, unknown>, StoredEntry>(
    `SELECT id, at, actor, action, subject, campaign_id AS campaignId, details_json AS detailsJson FROM audit_log WHERE ${where} ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset`,
  );
  const total = sqlite.prepare<Record<string, unknown>, number>(`SELECT count(*) FROM audit_log WHERE ${where}`).pluck();
  const officers = sqlite.prepare<[], string>('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck();
  const actions = sqlite.prepare<[], string>('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck();

  return {
    list(filter: AuditFilter): AuditPage {
      const params = auditParams(filter);
      return {
        rows: rows.all({ ...params, limit: filter.limit, offset: filter.offset }).map(auditRow),
        total: total.get(params) as number,
        officers: officers.all(),
        actions: actions.all(),
      };
    },
  };
}
