import type { SqliteDatabase } from '../../../../db/connection';
import type { AuditPage } from '../../../../shared/api/audit';
import type { Synchronous } from '../../synchronous-store';
import type { AuditFilter } from './audit-query';
import { sqliteAuditLog } from './sqlite-audit';

export type { AuditFilter } from './audit-query';
export { pgAuditStore } from './pg-audit';

/** Reading the audit log (entries are written by each domain, in its own transactions: audit-log.ts). */
export interface AuditStore {
  list(filter: AuditFilter): Promise<AuditPage>;
}

export function sqliteAuditStore(sqlite: SqliteDatabase): Synchronous<AuditStore> {
  const log = sqliteAuditLog(sqlite);
  return { list: (filter) => log.list(filter) };
}
