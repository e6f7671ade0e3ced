import type { SqliteDatabase } from '../../../db/connection';
import type { ApplicationRecord } from '../../../shared/domain/application-fields';
import type { Synchronous } from '../synchronous-store';
import { correctApplication, type CorrectionOutcome, type CorrectionRequest } from './corrections';
import { insertApplications } from './store';

/**
 * Writes of applications outside an import: demo data's new applications, and officers'
 * corrections. On a file, better-sqlite3's prepared statements (store.ts, corrections.ts); on the
 * office server, COPY and row locks (pg-application-store.ts). What a correction does is decided
 * once for both (corrections.ts's planCorrection).
 */
export interface ApplicationStore {
  /** New applications in ONE transaction: every record is stored or none is. Returns how many. */
  insertNew(campaignId: number, records: Iterable<ApplicationRecord>, options: { source: 'demo' | 'import'; onProgress?: (done: number) => void; now?: Date }): Promise<number>;
  /** Corrects one raw value, with its revision and audit entry, in one transaction (corrections.ts says what it keeps). */
  correct(request: CorrectionRequest, actor: string, now?: Date): Promise<CorrectionOutcome>;
}

export function sqliteApplicationStore(sqlite: SqliteDatabase): Synchronous<ApplicationStore> {
  return {
    insertNew: (campaignId, records, options) => insertApplications(sqlite, campaignId, records, options),
    correct: (request, actor, now) => correctApplication(sqlite, request, actor, now),
  };
}
