import type { Migration } from './types';

/**
 * Personal data kept only as long as needed (issue 13).
 *
 * - campaigns.closed_on, retention_months, purged_at: a campaign's personal data is kept
 *   retention_months (24 unless the office says otherwise) after the day the office closed it;
 *   then Cohort offers the purge, and records when it was done.
 * - report_facts_kept: the season report's facts (shared/domain/report-facts.ts: division,
 *   nationality, gender as given, age band, how far it went, dates) of applications whose personal
 *   data was erased or purged, one JSON per application, with no key back to anyone: the report
 *   counts them beside the live applications, so its figures stay as they were.
 * - privacy_owed: an erasure or a purge whose backups and free pages are still to be cleared,
 *   written in the erasure's own transaction and removed when that is done; a crash in between
 *   leaves it for the next opening of the database to finish (electron/core/privacy/finish.ts).
 * - applications_report_facts, screening_results_report: every column the season report reads of
 *   an application and its screening result, so the first report of a 50,000-application campaign
 *   reads two narrow indexes instead of every row with its free text and criteria
 *   (electron/core/reports/store/sqlite-reports.ts names them).
 * - applications_search_deleted (0006) sent the search watermark back below any deleted
 *   application, so erasing one application of a season re-indexed every later one. SQLite reuses
 *   a deleted rowid only above the largest left: the watermark now goes back only to that one.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'personal data',
  up(db) {
    db.exec(`
      ALTER TABLE campaigns ADD COLUMN closed_on TEXT;
      ALTER TABLE campaigns ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 24 CHECK (retention_months BETWEEN 1 AND 120);
      ALTER TABLE campaigns ADD COLUMN purged_at TEXT;
      CREATE TABLE report_facts_kept (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        fact_json TEXT NOT NULL
      );
      CREATE INDEX report_facts_kept_by_campaign ON report_facts_kept (campaign_id);
      CREATE INDEX applications_report_facts ON applications (
        campaign_id, division_code, funding_parsed, preferred_session, nationality_code, gender, date_of_birth_parsed,
        highest_degree, english_level_parsed, french_level_parsed, submitted_at
      );
      CREATE INDEX screening_results_report ON screening_results (application_ref, verdict, reasons_json, screened_at);
      CREATE TABLE privacy_owed (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('erase', 'purge')),
        campaign_id INTEGER NOT NULL,
        identity_json TEXT,
        audit_id INTEGER,
        at TEXT NOT NULL
      );
      DROP TRIGGER applications_search_deleted;
      CREATE TRIGGER applications_search_deleted AFTER DELETE ON applications BEGIN
        DELETE FROM application_search WHERE rowid = OLD.id;
        DELETE FROM search_pending WHERE application_ref = OLD.id;
        UPDATE search_state SET indexed_up_to = (SELECT coalesce(max(id), 0) FROM applications)
          WHERE indexed_up_to > (SELECT coalesce(max(id), 0) FROM applications);
      END;
    `);
  },
};
