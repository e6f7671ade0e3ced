import type { Migration } from './types';

/**
 * Officers' corrections of imported values and their decisions on possible duplicates.
 *
 * A correction keeps the value the export gave, so that importing the same export again keeps the
 * correction (the export still says the same) while a changed export wins (the correction is then
 * superseded). Revisions gain who made them: an import, or an officer's correction.
 *
 * A duplicate decision is about a pair of applications the identity rule did not join: confirmed
 * (one person: the application limit counts them together) or dismissed (not listed again).
 *
 * campaigns.applications_version counts updates and deletions of a campaign's applications, so a
 * cache of them (the screening inputs) can tell in one query that it is still right; inserts are
 * seen from count(*) and max(id), which keeps a trigger off the bulk insert path.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'corrections and duplicate decisions',
  up(db) {
    db.exec(`
      CREATE TABLE application_corrections (
        id INTEGER PRIMARY KEY,
        application_ref INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        imported_value TEXT NOT NULL,
        corrected_value TEXT NOT NULL,
        reason TEXT NOT NULL,
        -- 'active'; 'superseded' (a later import or correction replaced it); 'withdrawn' (set back)
        state TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX application_corrections_active ON application_corrections(application_ref, field) WHERE state = 'active';

      ALTER TABLE application_revisions ADD COLUMN actor TEXT;

      CREATE TABLE duplicate_decisions (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        -- the pair, lower application ref first
        application_a INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        application_b INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        decision TEXT NOT NULL,
        -- why they looked alike when decided (the pair of a confirmed decision no longer shows it)
        signals_json TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (application_a, application_b),
        CHECK (application_a < application_b)
      );
      CREATE INDEX duplicate_decisions_campaign ON duplicate_decisions(campaign_id, decision);

      ALTER TABLE campaigns ADD COLUMN applications_version INTEGER NOT NULL DEFAULT 0;
      CREATE TRIGGER applications_updated AFTER UPDATE ON applications BEGIN
        UPDATE campaigns SET applications_version = applications_version + 1 WHERE id IN (OLD.campaign_id, NEW.campaign_id);
      END;
      CREATE TRIGGER applications_deleted AFTER DELETE ON applications BEGIN
        UPDATE campaigns SET applications_version = applications_version + 1 WHERE id = OLD.campaign_id;
      END;
    `);
  },
};
