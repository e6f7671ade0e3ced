import type { Kysely } from 'kysely';
import type { SqliteDatabase } from '../../db/connection';
import type { Database } from '../../db/schema';
import { answeringAsync } from './synchronous-store';
import { sqliteAuditStore, type AuditStore } from './audit/store';
import { kyselyCampaignStore, type CampaignStore } from './campaigns/store';
import { sqliteImportStore, type ImportStore } from './import/store';
import { sqliteApplicationStore, type ApplicationStore } from './applications/application-store';
import { sqliteOverviewStore, type OverviewStore } from './overview/store';
import { sqliteNoticeStore, type NoticeStore } from './notices/store';
import { sqlitePrivacyStore, type PrivacyStore } from './privacy/store';
import { sqliteReportStore, type ReportStore } from './reports/store';
import { sqliteScreeningStore, type ScreeningStore } from './screening/store';
import { sqliteSelectionStore, type SelectionStore } from './selection/store';
import { sqliteShortlistStore, type ShortlistStore } from './shortlists/store';
import { sqliteTriageStore, type TriageStore } from './triage/store';

/**
 * The domains' stores over the open database, built once per session (session.ts keeps them with
 * the connection, so statements are prepared once): handlers reach these domains' SQL only through
 * them. Team mode builds the same record from PostgreSQL adapters; nothing above the stores changes.
 */
export interface Stores {
  campaigns: CampaignStore;
  imports: ImportStore;
  applications: ApplicationStore;
  overview: OverviewStore;
  triage: TriageStore;
  screening: ScreeningStore;
  shortlists: ShortlistStore;
  selection: SelectionStore;
  notices: NoticeStore;
  reports: ReportStore;
  privacy: PrivacyStore;
  audit: AuditStore;
}

export function sqliteStores(sqlite: SqliteDatabase, db: Kysely<Database>): Stores {
  return {
    campaigns: kyselyCampaignStore(db),
    imports: answeringAsync<ImportStore>(sqliteImportStore(sqlite)),
    applications: answeringAsync<ApplicationStore>(sqliteApplicationStore(sqlite)),
    overview: sqliteOverviewStore(sqlite, db),
    triage: answeringAsync<TriageStore>(sqliteTriageStore(sqlite)),
    screening: answeringAsync<ScreeningStore>(sqliteScreeningStore(sqlite)),
    shortlists: answeringAsync<ShortlistStore>(sqliteShortlistStore(sqlite)),
    selection: answeringAsync<SelectionStore>(sqliteSelectionStore(sqlite)),
    notices: answeringAsync<NoticeStore>(sqliteNoticeStore(sqlite)),
    reports: answeringAsync<ReportStore>(sqliteReportStore(sqlite)),
    privacy: answeringAsync<PrivacyStore>(sqlitePrivacyStore(sqlite)),
    audit: answeringAsync<AuditStore>(sqliteAuditStore(sqlite)),
  };
}
