import type { Migration } from './types';

/**
 * Imports of the e-recruitment export: what each import was (file, hash, mapping, counts, who), the
 * rows it rejected, a revision history per application, and the mapping confirmed per campaign.
 * Applications gain the parsed form of every field a rule needs (null when the raw text could not be
 * read: the raw text stays beside it) and the extra columns the user chose to keep.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'imports, revisions and parsed fields',
  up(db) {
    db.exec(`
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        file_size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        format TEXT NOT NULL,
        encoding TEXT,
        delimiter TEXT,
        mapping_json TEXT NOT NULL,
        total_rows INTEGER NOT NULL,
        added INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        unchanged INTEGER NOT NULL,
        skipped_drafts INTEGER NOT NULL,
        rejected INTEGER NOT NULL,
        actor TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL
      );
      CREATE INDEX imports_campaign ON imports(campaign_id, id);

      CREATE TABLE import_rejections (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        row_number INTEGER NOT NULL,
        column_name TEXT,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        value TEXT,
        values_json TEXT NOT NULL
      );
      CREATE INDEX import_rejections_import ON import_rejections(import_id, row_number);

      CREATE TABLE application_revisions (
        id INTEGER PRIMARY KEY,
        application_ref INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX application_revisions_application ON application_revisions(application_ref, id);

      CREATE TABLE import_mappings (
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        header_signature TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (campaign_id, header_signature)
      );

      ALTER TABLE applications ADD COLUMN extra_json TEXT;
      ALTER TABLE applications ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;
      ALTER TABLE applications ADD COLUMN date_of_birth_parsed TEXT;
      ALTER TABLE applications ADD COLUMN degree_date_parsed TEXT;
      ALTER TABLE applications ADD COLUMN years_completed_parsed INTEGER;
      ALTER TABLE applications ADD COLUMN currently_enrolled_parsed INTEGER;
      ALTER TABLE applications ADD COLUMN funding_parsed TEXT;
      ALTER TABLE applications ADD COLUMN english_level_parsed TEXT;
      ALTER TABLE applications ADD COLUMN french_level_parsed TEXT;
    `);
  },
};
