import type { PgMigration } from './types';

/**
 * Screening on the office server: SQLite's bookkeeping of what a campaign's screening owes (SQLite's
 * 0005 and 0007 say why), as PostgreSQL triggers, so a change counts in the transaction that makes
 * it, whichever workstation (or IT's tool) makes it.
 * - campaigns.applications_version counts updates and deletions of a campaign's applications (the
 *   screening inputs a workstation keeps are still right while it is the same);
 * - campaigns.screening_owed counts the changes the screening follows: applications added, changed
 *   or removed, a setting changed, a pair of applications confirmed as one person or taken back;
 *   screening_done is set by the run that stores results (pg-owed.ts's markScreened).
 *
 * Applications are counted a statement at a time (transition tables): an import of 50,000 rows
 * bumps its campaign's counters once, not 50,000 times, and holds its row once. The counts are
 * what SQLite's row triggers give: one per application (per campaign it was or is in).
 *
 * Who may fire them: officers write applications (corrections) and duplicate decisions, and the
 * triggers then move campaigns.applications_version and screening_owed, columns officers may update
 * (server-admin.ts's OFFICER_CAMPAIGN_COLUMNS): no SECURITY DEFINER is needed, and none is used — a
 * trigger runs as whoever wrote, so the server's GRANTs keep saying what each login may touch. A
 * setting is an administrator's change.
 *
 * Campaigns already holding applications without a result start owed (as SQLite's 0007).
 */
export const pgMigration0003: PgMigration = {
  version: 3,
  name: 'screening owed',
  sql: `
    CREATE FUNCTION cohort_applications_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE campaigns c SET screening_owed = c.screening_owed + n.count
        FROM (SELECT campaign_id, count(*)::integer AS count FROM added GROUP BY campaign_id) n WHERE c.id = n.campaign_id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER applications_added AFTER INSERT ON applications REFERENCING NEW TABLE AS added
      FOR EACH STATEMENT EXECUTE FUNCTION cohort_applications_added();

    -- Each application changed counts once in its campaign, and once in each when it moved between two.
    CREATE FUNCTION cohort_applications_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE campaigns c SET applications_version = c.applications_version + n.count, screening_owed = c.screening_owed + n.count
        FROM (SELECT campaign_id, count(*)::integer AS count FROM (
                SELECT o.campaign_id FROM before o
                UNION ALL
                SELECT a.campaign_id FROM after a JOIN before o ON o.id = a.id WHERE a.campaign_id <> o.campaign_id
              ) w GROUP BY campaign_id) n
        WHERE c.id = n.campaign_id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER applications_changed AFTER UPDATE ON applications REFERENCING OLD TABLE AS before NEW TABLE AS after
      FOR EACH STATEMENT EXECUTE FUNCTION cohort_applications_changed();

    CREATE FUNCTION cohort_applications_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE campaigns c SET applications_version = c.applications_version + n.count, screening_owed = c.screening_owed + n.count
        FROM (SELECT campaign_id, count(*)::integer AS count FROM removed GROUP BY campaign_id) n WHERE c.id = n.campaign_id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER applications_removed AFTER DELETE ON applications REFERENCING OLD TABLE AS removed
      FOR EACH STATEMENT EXECUTE FUNCTION cohort_applications_removed();

    -- Counted in the row being written (BEFORE): no second update of the campaign.
    CREATE FUNCTION cohort_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.screening_owed := NEW.screening_owed + 1;
      RETURN NEW;
    END $$;
    CREATE TRIGGER campaigns_settings_changed BEFORE UPDATE OF settings_json ON campaigns
      FOR EACH ROW WHEN (OLD.settings_json IS DISTINCT FROM NEW.settings_json) EXECUTE FUNCTION cohort_settings_changed();

    -- A confirmed pair is one person for the application limit: confirming or taking it back owes screening.
    CREATE FUNCTION cohort_duplicate_decided() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.decision = 'confirmed' THEN
        UPDATE campaigns SET screening_owed = screening_owed + 1 WHERE id = OLD.campaign_id;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.decision = 'confirmed' AND (TG_OP = 'INSERT' OR OLD.decision <> 'confirmed' OR OLD.campaign_id <> NEW.campaign_id) THEN
        UPDATE campaigns SET screening_owed = screening_owed + 1 WHERE id = NEW.campaign_id;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER duplicate_decisions_owed AFTER INSERT OR UPDATE OR DELETE ON duplicate_decisions
      FOR EACH ROW EXECUTE FUNCTION cohort_duplicate_decided();

    UPDATE campaigns c SET screening_owed = greatest(c.screening_owed, c.screening_done) + 1 WHERE EXISTS (
      SELECT 1 FROM applications a LEFT JOIN screening_results r ON r.application_ref = a.id
      WHERE a.campaign_id = c.id AND r.application_ref IS NULL
    );
  `,
};
