import type { Migration } from './types';

/**
 * Applications as the e-recruitment export wrote them: every field's raw text (never lost, even when
 * unreadable), plus the few parsed values queries need. Keyed by Application ID within a campaign.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'applications',
  up(db) {
    db.exec(`
      CREATE TABLE applications (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        application_id TEXT NOT NULL,
        candidate_id TEXT NOT NULL DEFAULT '',
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        date_of_birth TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        gender TEXT NOT NULL DEFAULT '',
        nationality TEXT NOT NULL DEFAULT '',
        second_nationality TEXT NOT NULL DEFAULT '',
        residence TEXT NOT NULL DEFAULT '',
        division TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        funding TEXT NOT NULL DEFAULT '',
        preferred_session TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT '',
        submitted_on TEXT NOT NULL DEFAULT '',
        university TEXT NOT NULL DEFAULT '',
        field_of_study TEXT NOT NULL DEFAULT '',
        highest_degree TEXT NOT NULL DEFAULT '',
        years_completed TEXT NOT NULL DEFAULT '',
        currently_enrolled TEXT NOT NULL DEFAULT '',
        degree_date TEXT NOT NULL DEFAULT '',
        english_level TEXT NOT NULL DEFAULT '',
        french_level TEXT NOT NULL DEFAULT '',
        other_languages TEXT NOT NULL DEFAULT '',
        motivation TEXT NOT NULL DEFAULT '',
        cv_file TEXT NOT NULL DEFAULT '',
        -- parsed forms: null when the raw text could not be read
        division_code TEXT,
        submitted_at TEXT,
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (campaign_id, application_id)
      );
      CREATE INDEX applications_campaign_division ON applications(campaign_id, division_code);
      CREATE INDEX applications_campaign_candidate ON applications(campaign_id, candidate_id);
      CREATE INDEX applications_campaign_submitted ON applications(campaign_id, submitted_at);
    `);
  },
};
