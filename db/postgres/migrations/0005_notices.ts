import type { PgMigration } from './types';

/**
 * Outcome notices on the office server: SQLite's 0012 marks a person's notice standing stale in the
 * transaction of every change that moves it (their screening result, an officer's verdict, their
 * triage stage, their selection, the division of an application, their notices); these are the same
 * triggers for PostgreSQL, so a change counts whichever workstation (or IT's tool, or a copy from a
 * laptop) makes it. electron/core/notices/store/pg-standing.ts works the marked people out again.
 *
 * - Counted a statement at a time (transition tables): a re-screening writing 2,000 results per
 *   statement marks each person once per statement, not once per row.
 * - notice_standing_stale loses its primary key: a mark is a row, and the same person may be marked
 *   twice. A workstation working people out takes the marks it read away with DELETE … RETURNING;
 *   a mark another officer's transaction adds meanwhile is a row of its own, seen once that
 *   transaction commits, so it is never taken away unread (with one row per person, the second
 *   mark would have been absorbed into the first, and the change behind it lost). Duplicates
 *   cost nothing: they are taken away together.
 * - The triggers run as whoever wrote (no SECURITY DEFINER): officers may write the stale marks
 *   (server-admin.ts's OFFICER_WRITES), so the server's GRANTs keep saying what each login may touch.
 *
 * Every person already screened starts stale: no workstation kept the standing before this version,
 * and the first count works them all out once (as SQLite's 0012).
 */

/** Three triggers (added, changed, deleted) of a table on one function, each with its transition tables. */
function triggers(table: string, fn: string): string {
  return `
    CREATE TRIGGER ${table}_notice_standing_added AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
    CREATE TRIGGER ${table}_notice_standing_changed AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS before NEW TABLE AS after
      FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
    CREATE TRIGGER ${table}_notice_standing_deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`;
}

export const pgMigration0005: PgMigration = {
  version: 5,
  name: 'notice standing',
  sql: `
    ALTER TABLE notice_standing_stale DROP CONSTRAINT notice_standing_stale_pkey;
    CREATE INDEX notice_standing_stale_person ON notice_standing_stale (campaign_id, person_key);

    -- A row that names its person itself (a screening result, a notice).
    CREATE FUNCTION cohort_notice_stale_by_person() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        INSERT INTO notice_standing_stale (campaign_id, person_key)
          SELECT campaign_id, person_key FROM before UNION SELECT campaign_id, person_key FROM after;
      ELSE
        INSERT INTO notice_standing_stale (campaign_id, person_key) SELECT DISTINCT campaign_id, person_key FROM changed;
      END IF;
      RETURN NULL;
    END $$;

    -- A row of one application's decisions: its person, through their screening result.
    CREATE FUNCTION cohort_notice_stale_by_application() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        INSERT INTO notice_standing_stale (campaign_id, person_key)
          SELECT DISTINCT r.campaign_id, r.person_key FROM screening_results r
          WHERE r.application_ref IN (SELECT application_ref FROM before UNION SELECT application_ref FROM after);
      ELSE
        INSERT INTO notice_standing_stale (campaign_id, person_key)
          SELECT DISTINCT r.campaign_id, r.person_key FROM screening_results r WHERE r.application_ref IN (SELECT application_ref FROM changed);
      END IF;
      RETURN NULL;
    END $$;

    -- An application moved to another division: the divisions its person is counted in.
    CREATE FUNCTION cohort_notice_stale_by_division() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO notice_standing_stale (campaign_id, person_key)
        SELECT DISTINCT r.campaign_id, r.person_key FROM after n JOIN before o ON o.id = n.id JOIN screening_results r ON r.application_ref = n.id
        WHERE o.division_code IS DISTINCT FROM n.division_code;
      RETURN NULL;
    END $$;

    ${triggers('screening_results', 'cohort_notice_stale_by_person')}
    ${triggers('notices', 'cohort_notice_stale_by_person')}
    ${triggers('screening_overrides', 'cohort_notice_stale_by_application')}
    ${triggers('triage_states', 'cohort_notice_stale_by_application')}
    ${triggers('selection_details', 'cohort_notice_stale_by_application')}
    CREATE TRIGGER applications_notice_standing_division AFTER UPDATE ON applications REFERENCING OLD TABLE AS before NEW TABLE AS after
      FOR EACH STATEMENT EXECUTE FUNCTION cohort_notice_stale_by_division();

    INSERT INTO notice_standing_stale (campaign_id, person_key) SELECT DISTINCT campaign_id, person_key FROM screening_results;
  `,
};
