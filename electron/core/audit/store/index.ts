import type { SqliteDatabase } from '../../../../db/connection';
import type { AuditPage } from '../../../../shared/api/audit';
import type { Synchronous } from '../../synchronous-store';
import { sqliteAuditLog, type AuditFilter } from './sqlite-audit';

export type { AuditFilter } from './sqlite-audit';

/** Reading the audit log (entries are written by each domain, in its own transactions: audit-log.ts). */
export interface AuditStore {
  list(filter: AuditFilter): Promise<AuditPage>;
}

export function sqliteAuditStore(sqlite: SqliteDatabase): Synchronous<AuditStore> {
  const log = sqliteAuditLog(sqlite);
  return { list: (filter) => log.list(filter) };
}
