import type { Migration } from './types';

/**
 * Screening: each application's automatic result (verdict, reasons, every criterion's result with
 * its explanation, the person it belongs to, the rules version, a fingerprint of the data it was
 * judged on) and officers' overrides, which keep the automatic result they replaced beside them.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'screening results and overrides',
  up(db) {
    db.exec(`
      CREATE TABLE screening_results (
        application_ref INTEGER PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        verdict TEXT NOT NULL,
        reasons_json TEXT NOT NULL,
        criteria_json TEXT NOT NULL,
        person_key TEXT NOT NULL,
        rules_version INTEGER NOT NULL,
        input_hash TEXT NOT NULL,
        -- a fingerprint of all the above: a re-screen compares one value to know what changed
        signature TEXT NOT NULL,
        screened_at TEXT NOT NULL
      );
      CREATE INDEX screening_results_campaign_verdict ON screening_results(campaign_id, verdict);
      CREATE INDEX screening_results_person ON screening_results(campaign_id, person_key);

      CREATE TABLE screening_overrides (
        id INTEGER PRIMARY KEY,
        application_ref INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        verdict TEXT NOT NULL,
        justification TEXT NOT NULL,
        automatic_verdict TEXT NOT NULL,
        automatic_reasons_json TEXT NOT NULL,
        input_hash TEXT NOT NULL,
        -- 'active'; 'stale' once the application's data changed (an officer must decide again)
        state TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX screening_overrides_application ON screening_overrides(application_ref, id);
    `);
  },
};
