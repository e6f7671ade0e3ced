import type { PgMigration } from './types';

/**
 * Working together on one campaign: SQLite's 0014 (db/migrations/0014_working_together.ts says
 * why): a version on every application's shared decisions, scores per officer, and the
 * copied_from mark of a campaign copied to a file.
 */
export const pgMigration0002: PgMigration = {
  version: 2,
  name: 'working together',
  sql: `
    ALTER TABLE triage_states ADD COLUMN version integer NOT NULL DEFAULT 0;
    ALTER TABLE triage_states ADD COLUMN scored_by integer NOT NULL DEFAULT 0;
    ALTER TABLE campaigns ADD COLUMN copied_from text;

    ALTER TABLE rubric_scores DROP CONSTRAINT rubric_scores_pkey;
    ALTER TABLE rubric_scores ADD PRIMARY KEY (application_ref, criterion_id, actor);

    CREATE TABLE officer_scores (
      application_ref integer NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
      officer text NOT NULL,
      score double precision NOT NULL,
      at text NOT NULL,
      PRIMARY KEY (application_ref, officer)
    );
    INSERT INTO officer_scores (application_ref, officer, score, at)
      SELECT application_ref, actor, round(avg(score)::numeric, 1)::double precision, max(at) FROM rubric_scores GROUP BY application_ref, actor;
    INSERT INTO officer_scores (application_ref, officer, score, at)
      SELECT t.application_ref, t.updated_by, t.score, t.updated_at FROM triage_states t
      WHERE t.score IS NOT NULL AND NOT EXISTS (SELECT 1 FROM rubric_scores s WHERE s.application_ref = t.application_ref);
    UPDATE triage_states t SET scored_by = (SELECT count(*) FROM officer_scores o WHERE o.application_ref = t.application_ref);
  `,
};
