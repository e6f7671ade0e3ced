import type { Migration } from './types';

/**
 * Outcome notices (issue 12): every applicant told once, correctly, per person, never per
 * application.
 *
 * - notice_templates: per campaign, outcome and language, the subject and text the office edits;
 * - notice_batches: what the office prepared at once (e-mail drafts or a mail-merge CSV);
 * - notices: one per person and outcome told, with the person's screening identity (person_key),
 *   its language and address, and its state: prepared → sent, later bounced or re-sent; superseded
 *   when a verdict or decision changed after it went out. `basis` is what the outcome was derived
 *   from (each application's verdict and stage), so a change is seen;
 * - notice_applications: the applications a notice names (erasure follows them);
 * - notice_languages: the officer's choice of a person's language, over the rule.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'outcome notices',
  up(db) {
    db.exec(`
      CREATE TABLE notice_templates (
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        outcome TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('en', 'fr')),
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (campaign_id, outcome, language)
      );

      CREATE TABLE notice_batches (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        outcome TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('eml', 'csv')),
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      );

      CREATE TABLE notices (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        person_key TEXT NOT NULL,
        outcome TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('en', 'fr')),
        email TEXT,
        batch_id INTEGER REFERENCES notice_batches(id) ON DELETE SET NULL,
        state TEXT NOT NULL CHECK (state IN ('prepared', 'sent', 'bounced', 'superseded')),
        basis TEXT NOT NULL,
        prepared_at TEXT NOT NULL,
        sent_at TEXT,
        bounced_at TEXT,
        resent_at TEXT,
        superseded_at TEXT,
        updated_by TEXT NOT NULL
      );
      CREATE INDEX notices_person ON notices(campaign_id, person_key, outcome);
      CREATE INDEX notices_batch ON notices(batch_id);

      CREATE TABLE notice_applications (
        notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
        application_ref INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        PRIMARY KEY (notice_id, application_ref)
      );
      CREATE INDEX notice_applications_application ON notice_applications(application_ref);

      CREATE TABLE notice_languages (
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        person_key TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('en', 'fr')),
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (campaign_id, person_key)
      );
    `);
  },
};
