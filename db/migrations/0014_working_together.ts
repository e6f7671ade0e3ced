import type { Migration } from './types';

/**
 * Working together on one campaign (issue 14); the same on PostgreSQL (db/postgres/migrations/0002).
 *
 * - triage_states.version: how many shared decisions (stage, assignment, division, note, a move
 *   after triage, an undo) an application has had. Every decision carries the version the officer
 *   saw, and is refused when it changed meanwhile, naming who changed it (updated_by) and when.
 * - Scores per officer: rubric_scores is keyed by officer too (nobody's score overwrites
 *   another's); officer_scores holds each officer's overall score of an application (their direct
 *   score, or the average of their criteria); triage_states.score is the average of those and
 *   scored_by how many officers scored. Scores so far were one per application (the last scorer's):
 *   they become that officer's.
 * - campaigns.copied_from: a campaign copied from the office server to a file, for work away from
 *   the office: where and when it came from. Such a campaign is read-only.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'working together',
  up(db) {
    db.exec(`
      ALTER TABLE triage_states ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE triage_states ADD COLUMN scored_by INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE campaigns ADD COLUMN copied_from TEXT;

      CREATE TABLE rubric_scores_by_officer (
        application_ref INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        criterion_id INTEGER NOT NULL REFERENCES rubric_criteria(id) ON DELETE CASCADE,
        actor TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (application_ref, criterion_id, actor)
      );
      INSERT INTO rubric_scores_by_officer (application_ref, criterion_id, actor, score, comment, at)
        SELECT application_ref, criterion_id, actor, score, comment, at FROM rubric_scores;
      DROP TABLE rubric_scores;
      ALTER TABLE rubric_scores_by_officer RENAME TO rubric_scores;

      CREATE TABLE officer_scores (
        application_ref INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        officer TEXT NOT NULL,
        score REAL NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (application_ref, officer)
      ) WITHOUT ROWID;
      -- An application scored on criteria: each scorer's average. Scored overall (no rubric): the
      -- officer who last changed its state.
      INSERT INTO officer_scores (application_ref, officer, score, at)
        SELECT application_ref, actor, round(avg(score), 1), max(at) FROM rubric_scores GROUP BY application_ref, actor;
      INSERT INTO officer_scores (application_ref, officer, score, at)
        SELECT t.application_ref, t.updated_by, t.score, t.updated_at FROM triage_states t
        WHERE t.score IS NOT NULL AND NOT EXISTS (SELECT 1 FROM rubric_scores s WHERE s.application_ref = t.application_ref);
      -- The application's score becomes the officers' average (it was the criteria's, whoever gave each).
      UPDATE triage_states SET scored_by = (SELECT count(*) FROM officer_scores o WHERE o.application_ref = triage_states.application_ref),
        score = (SELECT round(avg(o.score), 1) FROM officer_scores o WHERE o.application_ref = triage_states.application_ref);
    `);
  },
};
