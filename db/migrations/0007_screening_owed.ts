import type { Migration } from './types';

/**
 * Screening owed, recorded by the database itself (issue 9: a crash just after an import
 * committed left 48,000 applications unscreened for good).
 *
 * campaigns.screening_owed counts the changes a campaign's screening follows; the triggers below
 * are the ONE place that says which changes those are, and being triggers they count a change in
 * the very transaction that makes it, whoever makes it (an import, demo data, a correction, a
 * division given in triage, a setting, a duplicate decision, the cohort command, a future
 * service). campaigns.screening_done is the count the stored results follow: it is set in the
 * transaction that stores them, to the count read BEFORE their inputs were read, so a change made
 * meanwhile leaves the campaign owed. A campaign is owed while the two differ; opening a database
 * screens every owed campaign (electron/core/screening/owed.ts).
 *
 * Campaigns already holding applications without a result (the crash above) start owed.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'screening owed',
  up(db) {
    db.exec(`
      ALTER TABLE campaigns ADD COLUMN screening_owed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE campaigns ADD COLUMN screening_done INTEGER NOT NULL DEFAULT 0;

      CREATE TRIGGER screening_owed_application_added AFTER INSERT ON applications BEGIN
        UPDATE campaigns SET screening_owed = screening_owed + 1 WHERE id = NEW.campaign_id;
      END;
      CREATE TRIGGER screening_owed_application_changed AFTER UPDATE ON applications BEGIN
        UPDATE campaigns SET screening_owed = screening_owed + 1 WHERE id IN (OLD.campaign_id, NEW.campaign_id);
      END;
      CREATE TRIGGER screening_owed_application_deleted AFTER DELETE ON applications BEGIN
        UPDATE campaigns SET screening_owed = screening_owed + 1 WHERE id = OLD.campaign_id;
      END;
      CREATE TRIGGER screening_owed_settings_changed AFTER UPDATE OF settings_json ON campaigns
      WHEN OLD.settings_json IS NOT NEW.settings_json BEGIN
        UPDATE campaigns SET screening_owed = screening_owed + 1 WHERE id = NEW.id;
      END;
      -- A confirmed pair is one person for the application limit: confirming or taking it back owes screening.
      CREATE TRIGGER screening_owed_duplicate_added AFTER INSERT ON duplicate_decisions WHEN NEW.decision = 'confirmed' BEGIN
        UPDATE campaigns SET screening_owed = screening_owed + 1 WHERE id = NEW.campaign_id;
      END;
      CREATE TRIGGER screening_owed_duplicate_changed AFTER UPDATE ON duplicate_decisions
      WHEN OLD.decision = 'confirmed' OR NEW.decision = 'confirmed' BEGIN
        UPDATE campaigns SET screening_owed = screening_owed + 1 WHERE id IN (OLD.campaign_id, NEW.campaign_id);
      END;
      CREATE TRIGGER screening_owed_duplicate_deleted AFTER DELETE ON duplicate_decisions WHEN OLD.decision = 'confirmed' BEGIN
        UPDATE campaigns SET screening_owed = screening_owed + 1 WHERE id = OLD.campaign_id;
      END;

      UPDATE campaigns SET screening_owed = 1 WHERE EXISTS (
        SELECT 1 FROM applications a LEFT JOIN screening_results r ON r.application_ref = a.id
        WHERE a.campaign_id = campaigns.id AND r.application_ref IS NULL
      );
    `);
  },
};
