import type { Migration } from './types';

/**
 * Where each person stands for their outcome notice, kept up to date a person at a time (issue 12:
 * the Notices page's counts under 100 ms on 50,000 applications, also just after a change).
 *
 * - notice_standing: per person of a campaign, the outcome their applications now give, the notice
 *   owed (null when none is), since when, the divisions they applied to, and the notices a later
 *   decision made untrue. Derived data: the notices store rebuilds any of it from the tables it is
 *   derived from (electron/core/notices/store/sqlite-standing.ts).
 * - notice_standing_stale: the people whose standing must be worked out again.
 *
 * The triggers below are the ONE place that says which changes move a person's standing: their
 * screening result (verdict, reasons, identity), an officer's verdict, their triage stage, their
 * selection (an offer), the division of an application, and their notices. Being triggers, they
 * record the person in the very transaction that makes the change, whoever makes it (the app, the
 * cohort command, a future service), so a crash between the change and the next count loses
 * nothing. The stale list has no foreign key: a campaign being deleted cascades to its results,
 * whose triggers still name it; the store drops what names a campaign no longer there.
 *
 * Every person already screened starts stale: the first count works them all out once.
 */

/** A change to a row of one application's decisions: its person (through their screening result) is stale. */
function staleByApplication(table: string): string {
  const stale = (refs: string) => markStale(`SELECT campaign_id, person_key FROM screening_results WHERE application_ref IN (${refs})`);
  return `
    CREATE TRIGGER notice_standing_${table}_added AFTER INSERT ON ${table} BEGIN ${stale('NEW.application_ref')} END;
    CREATE TRIGGER notice_standing_${table}_changed AFTER UPDATE ON ${table} BEGIN ${stale('OLD.application_ref, NEW.application_ref')} END;
    CREATE TRIGGER notice_standing_${table}_deleted AFTER DELETE ON ${table} BEGIN ${stale('OLD.application_ref')} END;`;
}

/** A change to a row that names its person itself. */
function staleByPerson(table: string): string {
  const stale = (...who: string[]) => markStale(who.map((w) => `SELECT ${w}.campaign_id AS campaign_id, ${w}.person_key AS person_key`).join(' UNION '));
  return `
    CREATE TRIGGER notice_standing_${table}_added AFTER INSERT ON ${table} BEGIN ${stale('NEW')} END;
    CREATE TRIGGER notice_standing_${table}_changed AFTER UPDATE ON ${table} BEGIN ${stale('OLD', 'NEW')} END;
    CREATE TRIGGER notice_standing_${table}_deleted AFTER DELETE ON ${table} BEGIN ${stale('OLD')} END;`;
}

/**
 * Marks the people `who` selects (campaign_id, person_key) stale. Not INSERT OR IGNORE: a trigger's
 * conflict clause gives way to that of the statement firing it (an upsert's is ABORT), so those
 * already marked are left out instead.
 */
function markStale(who: string): string {
  return `INSERT INTO notice_standing_stale (campaign_id, person_key) SELECT DISTINCT w.campaign_id, w.person_key FROM (${who}) w
    WHERE NOT EXISTS (SELECT 1 FROM notice_standing_stale s WHERE s.campaign_id = w.campaign_id AND s.person_key = w.person_key);`;
}

export const migration0012: Migration = {
  version: 12,
  name: 'notice standing',
  up(db) {
    db.exec(`
      CREATE TABLE notice_standing (
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        person_key TEXT NOT NULL,
        outcome TEXT,
        owed TEXT,
        since TEXT NOT NULL,
        divisions_json TEXT NOT NULL,
        superseded_json TEXT NOT NULL,
        PRIMARY KEY (campaign_id, person_key)
      ) WITHOUT ROWID;
      CREATE INDEX notice_standing_owed ON notice_standing(campaign_id, owed);

      CREATE TABLE notice_standing_stale (
        campaign_id INTEGER NOT NULL,
        person_key TEXT NOT NULL,
        PRIMARY KEY (campaign_id, person_key)
      ) WITHOUT ROWID;

      ${staleByPerson('screening_results')}
      ${staleByPerson('notices')}
      ${staleByApplication('screening_overrides')}
      ${staleByApplication('triage_states')}
      ${staleByApplication('selection_details')}
      CREATE TRIGGER notice_standing_division_changed AFTER UPDATE OF division_code ON applications
      WHEN OLD.division_code IS NOT NEW.division_code BEGIN
        ${markStale('SELECT campaign_id, person_key FROM screening_results WHERE application_ref = NEW.id')}
      END;

      INSERT INTO notice_standing_stale (campaign_id, person_key) SELECT DISTINCT campaign_id, person_key FROM screening_results;
    `);
  },
};
