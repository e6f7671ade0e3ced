import type { Migration } from './types';

/** Campaigns (one per yearly call, settings as validated JSON) and the audit log. */
export const migration0001: Migration = {
  version: 1,
  name: 'campaigns and audit',
  up(db) {
    db.exec(`
      CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER REFERENCES campaigns(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        details_json TEXT
      );
      CREATE INDEX audit_log_campaign_at ON audit_log(campaign_id, at);
    `);
  },
};
