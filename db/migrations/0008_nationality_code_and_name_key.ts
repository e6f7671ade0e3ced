import type { Migration } from './types';

/**
 * What tables show, filter and sort by (issue 9: raw export values were shown as written, and
 * "Ābolinš" sorted after "Zola"):
 * - applications.nationality_code: the ISO country code the nationality names ("BE", "Belgique"
 *   and "Belgium" are all BE), shown as the country's name in the interface's language;
 * - applications.name_key: last and first name folded (no accents, no case), what names sort by.
 * Both are parsed columns (parseApplication): the session fills them for applications stored
 * before this version. The queue's covering index (0006) now holds them, so queue pages still
 * read from the index alone.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'nationality code and name sort key',
  up(db) {
    db.exec(`
      ALTER TABLE applications ADD COLUMN nationality_code TEXT;
      ALTER TABLE applications ADD COLUMN name_key TEXT;
      DROP INDEX applications_queue;
      CREATE INDEX applications_queue ON applications(
        campaign_id, division_code, submitted_at, name_key, last_name, first_name, application_id, nationality, nationality_code, division,
        funding, funding_parsed, preferred_session, field_of_study, university, english_level, english_level_parsed, french_level,
        french_level_parsed, other_languages
      );
    `);
  },
};
