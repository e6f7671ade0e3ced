import type { Migration } from './types';

/**
 * Search as the office types it (issue 10): every word of a search is a prefix, and while a second
 * word is being typed it is one or two letters ("de l", "van d"). Without prefix indexes FTS5 reads
 * and merges the lists of every indexed word that starts with those letters (tens of milliseconds
 * at 50,000 applications); with them ('1 2 3': the first one, two and three letters of each word)
 * it reads one list. An FTS5 table's options cannot be altered: it is made again, empty, and the
 * worker indexes every application again in the background (the watermark goes back to 0), as it
 * does after an import; a search waits for that.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'search prefix indexes',
  up(db) {
    db.exec(`
      DROP TABLE application_search;
      CREATE VIRTUAL TABLE application_search USING fts5(
        application_id, first_name, last_name, email, university, field_of_study, position, motivation,
        prefix = '1 2 3', content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
      DELETE FROM search_pending;
      UPDATE search_state SET indexed_up_to = 0;
    `);
  },
};
