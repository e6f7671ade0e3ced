import type { SqliteDatabase } from '../../../../db/connection';
import type { AuditPage } from '../../../../shared/api/audit';

export interface AuditFilter {
  campaignId: number | null;
  officer: string | null;
  /** An action, or a family ("privacy" for every privacy.* action). */
  action: string | null;
  application: string | null;
  from: string | null;
  to: string | null;
  offset: number;
  limit: number;
}

type Raw = { id: number; at: string; actor: string; action: string; subject: string | null; campaignId: number | null; detailsJson: string | null };

/**
 * The audit log, newest first, filtered with bound parameters only: a filter left out is NULL and
 * its condition true. Entries of no campaign (backups, restores) show with every campaign's.
 */
export function sqliteAuditLog(sqlite: SqliteDatabase) {
  const where = `(:campaign IS NULL OR campaign_id = :campaign OR campaign_id IS NULL)
     AND (:officer IS NULL OR actor = :officer)
     AND (:action IS NULL OR action = :action OR action LIKE :action || '.%')
     AND (:application IS NULL OR subject = :application)
     AND (:fromAt IS NULL OR at >= :fromAt)
     AND (:toAt IS NULL OR at < :toAt)`;
  const rows = sqlite.prepare<Record<string, unknown>, Raw>(
    `SELECT id, at, actor, action, subject, campaign_id AS campaignId, details_json AS detailsJson FROM audit_log WHERE ${where} ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset`,
  );
  const total = sqlite.prepare<Record<string, unknown>, number>(`SELECT count(*) FROM audit_log WHERE ${where}`).pluck();
  const officers = sqlite.prepare<[], string>('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck();
  const actions = sqlite.prepare<[], string>('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck();

  return {
    list(filter: AuditFilter): AuditPage {
      const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const params = {
        campaign: filter.campaignId,
        officer: filter.officer,
        action: filter.action,
        application: filter.application,
        fromAt: filter.from,
        // "to" is inclusive: every entry before the next day.
        toAt: filter.to === null ? null : nextDay(filter.to),
      };
      return {
        rows: rows.all({ ...params, limit: filter.limit, offset: filter.offset }).map(({ detailsJson, ...row }) => ({ ...row, details: detailsJson === null ? null : (JSON.parse(detailsJson) as unknown) })),
        total: total.get(params) as number,
        officers: officers.all(),
        actions: actions.all(),
      };
    },
  };
}
