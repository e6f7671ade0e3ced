import type { AuditRow } from '../../../../shared/api/audit';

/**
 * The audit log's page as both engines read it: the same filter, conditions and rows; each engine
 * writes only its parameters (named on SQLite, numbered and typed on PostgreSQL), its LIKE and its
 * byte-order sorting of names (sqlite-audit.ts, pg-audit.ts).
 */

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

/** The filter's values as bound parameters; a filter left out is NULL and its condition true. */
export type AuditParams = {
  campaign: number | null;
  officer: string | null;
  action: string | null;
  application: string | null;
  fromAt: string | null;
  toAt: string | null;
};

export interface AuditDialect {
  /** A parameter where the SQL uses it. */
  param(name: keyof AuditParams): string;
  /** The engine's LIKE that ignores the case of ASCII letters as SQLite's does. */
  like: string;
}

export function auditParams(filter: AuditFilter): AuditParams {
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    campaign: filter.campaignId,
    officer: filter.officer,
    action: filter.action,
    application: filter.application,
    fromAt: filter.from,
    // "to" is inclusive: every entry before the next day.
    toAt: filter.to === null ? null : nextDay(filter.to),
  };
}

/** Entries of no campaign (backups, restores) show with every campaign's. */
export function auditWhere({ param: p, like }: AuditDialect): string {
  return `(${p('campaign')} IS NULL OR campaign_id = ${p('campaign')} OR campaign_id IS NULL)
     AND (${p('officer')} IS NULL OR actor = ${p('officer')})
     AND (${p('action')} IS NULL OR action = ${p('action')} OR action ${like} ${p('action')} || '.%')
     AND (${p('application')} IS NULL OR subject = ${p('application')})
     AND (${p('fromAt')} IS NULL OR at >= ${p('fromAt')})
     AND (${p('toAt')} IS NULL OR at < ${p('toAt')})`;
}

/** An entry as stored, its details still JSON text. */
export type StoredEntry = Omit<AuditRow, 'details'> & { detailsJson: string | null };

export function auditRow({ detailsJson, ...row }: StoredEntry): AuditRow {
  return { ...row, details: detailsJson === null ? null : (JSON.parse(detailsJson) as unknown) };
}

