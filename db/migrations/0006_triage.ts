import type { Migration } from './types';

/**
 * Triage per division (issue 5).
 *
 * - triage_states: where an eligible application stands (stage, reason, assignee, average score);
 *   no row means it is new. One row per application, so queue queries join one table.
 * - triage_actions + triage_changes: every officer action (one row, even for a bulk action) and
 *   what it changed per application, before and after: the history shown, and what undo puts back.
 * - application_notes, rubric_criteria (per campaign and division, at most five), rubric_scores.
 * - saved_views: a named filter/sort/columns per officer.
 * - preferences: small settings of this installation, e.g. each OS user's officer name.
 * - application_search: a full-text index (accent-insensitive) over what officers search. It holds
 *   no copy of the text (contentless); the worker fills it after imports, from search_pending (rows
 *   changed since) and search_state.indexed_up_to (rows added since), so imports stay fast.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'triage queues, notes, rubrics, saved views and search',
  up(db) {
    db.exec(`
      CREATE TABLE triage_states (
        application_ref INTEGER PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        reason TEXT,
        assignee TEXT,
        score REAL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE INDEX triage_states_campaign_stage ON triage_states(campaign_id, stage);
      CREATE INDEX triage_states_campaign_assignee ON triage_states(campaign_id, assignee);

      CREATE TABLE triage_actions (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        actor TEXT NOT NULL,
        kind TEXT NOT NULL,
        details_json TEXT NOT NULL,
        at TEXT NOT NULL,
        undone_at TEXT,
        undone_by TEXT
      );
      CREATE INDEX triage_actions_actor ON triage_actions(campaign_id, actor, id);

      CREATE TABLE triage_changes (
        action_id INTEGER NOT NULL REFERENCES triage_actions(id) ON DELETE CASCADE,
        application_ref INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        before_json TEXT NOT NULL,
        after_json TEXT NOT NULL,
        PRIMARY KEY (action_id, application_ref)
      );
      CREATE INDEX triage_changes_application ON triage_changes(application_ref, action_id);

      CREATE TABLE application_notes (
        id INTEGER PRIMARY KEY,
        application_ref INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        action_id INTEGER REFERENCES triage_actions(id) ON DELETE SET NULL,
        text TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        -- an undone note is hidden, not lost
        removed_at TEXT
      );
      CREATE INDEX application_notes_application ON application_notes(application_ref, id);

      CREATE TABLE rubric_criteria (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        division_code TEXT NOT NULL,
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        -- a criterion removed from the rubric keeps the scores given on it
        archived INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX rubric_criteria_division ON rubric_criteria(campaign_id, division_code, position);

      CREATE TABLE rubric_scores (
        application_ref INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        criterion_id INTEGER NOT NULL REFERENCES rubric_criteria(id) ON DELETE CASCADE,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment TEXT,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (application_ref, criterion_id)
      );

      CREATE TABLE saved_views (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        owner TEXT NOT NULL,
        name TEXT NOT NULL,
        view_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (campaign_id, owner, name)
      );

      -- Queue pages read thousands of rows: these indexes hold what they read, so the wide rows
      -- (motivation, criteria explanations) stay on disk. See electron/core/triage/queue-query.ts.
      CREATE INDEX applications_queue ON applications(
        campaign_id, division_code, submitted_at, last_name, first_name, application_id, nationality, division, funding, funding_parsed,
        preferred_session, field_of_study, university, english_level, english_level_parsed, french_level, french_level_parsed, other_languages
      );
      CREATE INDEX screening_results_verdict ON screening_results(application_ref, verdict);
      -- At most one decision of an officer stands per application (a new one supersedes it).
      CREATE UNIQUE INDEX screening_overrides_active ON screening_overrides(application_ref, verdict) WHERE state = 'active';

      CREATE TABLE preferences (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE VIRTUAL TABLE application_search USING fts5(
        application_id, first_name, last_name, email, university, field_of_study, position, motivation,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TABLE search_state (id INTEGER PRIMARY KEY CHECK (id = 1), indexed_up_to INTEGER NOT NULL);
      INSERT INTO search_state (id, indexed_up_to) VALUES (1, 0);
      CREATE TABLE search_pending (application_ref INTEGER PRIMARY KEY);
      CREATE TRIGGER applications_search_changed AFTER UPDATE OF application_id, first_name, last_name, email, university, field_of_study, position, motivation ON applications
      WHEN OLD.id <= (SELECT indexed_up_to FROM search_state) BEGIN
        INSERT OR IGNORE INTO search_pending (application_ref) VALUES (NEW.id);
      END;
      CREATE TRIGGER applications_search_deleted AFTER DELETE ON applications BEGIN
        DELETE FROM application_search WHERE rowid = OLD.id;
        DELETE FROM search_pending WHERE application_ref = OLD.id;
        -- a later application may take this id again: it must be indexed then
        UPDATE search_state SET indexed_up_to = OLD.id - 1 WHERE indexed_up_to >= OLD.id;
      END;
    `);
  },
};
