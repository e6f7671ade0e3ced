import type pg from 'pg';
import { read } from '../../../../db/postgres/transaction';
import { auditParams, auditRow, auditWhere, type AuditParams, type StoredEntry } from './audit-query';
import type { AuditStore } from './index';

/**
 * The audit log on the office server: the same conditions as on a file (audit-query.ts), with
 * numbered parameters typed where a NULL alone could not say its type, ILIKE (SQLite's LIKE ignores
 * the case of ASCII letters), and names listed byte by byte (COLLATE "C"), as SQLite's BINARY.
 */

const ORDER: (keyof AuditParams)[] = ['campaign', 'officer', 'action', 'application', 'fromAt', 'toAt'];
const TYPES: Record<keyof AuditParams, string> = { campaign: 'integer', officer: 'text', action: 'text', application: 'text', fromAt: 'text', toAt: 'text' };
const WHERE = auditWhere({ param: (name) => `$${ORDER.indexOf(name) + 1}::${TYPES[name]}`, like: 'ILIKE' });

const ROWS = `SELECT id, at, actor, action, subject, campaign_id AS "campaignId", details_json AS "detailsJson" FROM audit_log WHERE ${WHERE}
  ORDER BY at DESC, id DESC LIMIT $7 OFFSET $8`;
const TOTAL = `SELECT count(*) AS n FROM audit_log WHERE ${WHERE}`;

export function pgAuditStore(pool: pg.Pool): AuditStore {
  return {
    async list(filter) {
      const given = auditParams(filter);
      const params = ORDER.map((name) => given[name]);
      const [rows, [total], officers, actions] = await Promise.all([
        read<StoredEntry>(pool, ROWS, [...params, filter.limit, filter.offset]),
        read<{ n: number }>(pool, TOTAL, params),
        read<{ name: string }>(pool, 'SELECT DISTINCT actor COLLATE "C" AS name FROM audit_log ORDER BY 1'),
        read<{ name: string }>(pool, 'SELECT DISTINCT action COLLATE "C" AS name FROM audit_log ORDER BY 1'),
      ]);
      return { rows: rows.map(auditRow), total: total?.n ?? 0, officers: officers.map((o) => o.name), actions: actions.map((a) => a.name) };
    },
  };
}
