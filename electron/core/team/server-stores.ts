import type pg from 'pg';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { kyselyCampaignStore } from '../campaigns/store';
import { pgScreeningStore } from '../screening/store/pg';
import { pgTriageStore } from '../triage/store/pg';
import { pgShortlistStore } from '../shortlists/store/pg';
import { pgSelectionStore } from '../selection/store/pg-selection';
import { pgImportStore } from '../import/store/pg';
import { pgApplicationStore } from '../applications/pg-application-store';
import { pgOverviewStore } from '../overview/store';
import { pgReportStore } from '../reports/store';
import { pgAuditStore } from '../audit/store';
import { pgNoticeStore } from '../notices/store/pg';
import { pgPrivacyStore } from '../privacy/store/pg';
import type { Stores } from '../stores';

/**
 * The domains' stores on the office server: the same record sqliteStores builds on a file
 * (stores.ts), each domain's adapter in PostgreSQL's SQL, with the row locks and version checks
 * several workstations need. Nothing above the stores knows which engine it runs on.
 */
export function serverStores(pool: pg.Pool, db: Kysely<Database>): Stores {
  return {
    campaigns: kyselyCampaignStore(db),
    triage: pgTriageStore(pool),
    notices: pgNoticeStore(pool),
    imports: pgImportStore(pool),
    applications: pgApplicationStore(pool),
    overview: pgOverviewStore(db),
    screening: pgScreeningStore(pool),
    shortlists: pgShortlistStore(pool),
    selection: pgSelectionStore(pool),
    reports: pgReportStore(pool),
    privacy: pgPrivacyStore(pool),
    audit: pgAuditStore(pool),
  };
}
