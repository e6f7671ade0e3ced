import type { PgMigration } from './types';

/**
 * Working together on one campaign: SQLite's 0014 (db/migrations/0014_working_together.ts says
 * why): a version on every application's shared decisions, scores per officer, and the
 * copied_from mark of a campaign copied to a file.
 *
 * And the search index, kept by a trigger as each application is written (SQLite's indexer works
 * through a queue instead: FTS5 writes are slow in bulk). The same words as FTS5's unicode61
 * tokenizer with remove_diacritics finds: the searched columns (sqlite-search-index.ts), accents
 * taken off (unaccent), lower case, split at spaces and punctuation (an e-mail address is words).
 * And the queues' narrow indexes, and cohort_analyze() (SECURITY DEFINER) for fresh statistics.
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
    UPDATE triage_states t SET scored_by = (SELECT count(*) FROM officer_scores o WHERE o.application_ref = t.application_ref),
      score = (SELECT round(avg(o.score)::numeric, 1)::double precision FROM officer_scores o WHERE o.application_ref = t.application_ref);

    CREATE FUNCTION cohort_search_document(a applications) RETURNS tsvector LANGUAGE sql STABLE AS $$
      SELECT to_tsvector('simple', regexp_replace(lower(unaccent(concat_ws(' ', a.application_id, a.first_name, a.last_name, a.email,
        a.university, a.field_of_study, a.position, a.motivation))), '[[:space:][:punct:]]+', ' ', 'g'))
    $$;
    CREATE FUNCTION cohort_index_application() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO application_search (application_ref, document) VALUES (NEW.id, cohort_search_document(NEW))
        ON CONFLICT (application_ref) DO UPDATE SET document = excluded.document;
      RETURN NULL;
    END $$;
    CREATE TRIGGER applications_search AFTER INSERT OR UPDATE OF application_id, first_name, last_name, email, university, field_of_study, position, motivation
      ON applications FOR EACH ROW EXECUTE FUNCTION cohort_index_application();
    INSERT INTO application_search (application_ref, document) SELECT a.id, cohort_search_document(a) FROM applications a
      ON CONFLICT (application_ref) DO UPDATE SET document = excluded.document;

    -- The queues' reads (queue-sql.ts, pg-queue.ts): the verdict from a narrow index (as SQLite's
    -- 0006), and a division's applications with every column a queue filters or sorts by, so a page's
    -- order is found without reading the wide rows (a fifth of their size); the page's 200 rows are
    -- then read by id.
    CREATE INDEX screening_results_queue ON screening_results (application_ref) INCLUDE (verdict);
    CREATE INDEX applications_queue ON applications (campaign_id, division_code) INCLUDE (id, submitted_at, name_key, nationality_code,
      funding_parsed, preferred_session, field_of_study, university, english_level_parsed, french_level_parsed, other_languages);

    -- Fresh statistics after a bulk write (a campaign copied over, later an import): the planner
    -- needs them at once, not when autovacuum next comes by. ANALYZE is the tables' owner's (IT's);
    -- administrators run it through this function, which runs as its owner.
    CREATE FUNCTION cohort_analyze() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
      ANALYZE applications;
      ANALYZE screening_results;
      ANALYZE screening_overrides;
      ANALYZE triage_states;
      ANALYZE application_search;
    END $$;
    REVOKE ALL ON FUNCTION cohort_analyze() FROM PUBLIC;

    -- An officer writes history, notes, scores and views in their own name only (their login), and
    -- changes or removes only their own: the GRANTs say which tables, this says whose rows.
    -- Administrators (a campaign moved over keeps its laptop's names) and the owner are not held.
    CREATE FUNCTION cohort_own_rows() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        RETURN COALESCE(NEW, OLD);
      END IF;
      IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'cohort_admin') AND pg_has_role(session_user, 'cohort_admin', 'MEMBER') THEN
        RETURN COALESCE(NEW, OLD);
      END IF;
      IF TG_OP IN ('UPDATE', 'DELETE') AND (to_jsonb(OLD) ->> TG_ARGV[0]) IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION 'only % may change this row', to_jsonb(OLD) ->> TG_ARGV[0] USING ERRCODE = '42501';
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') AND (to_jsonb(NEW) ->> TG_ARGV[0]) IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION 'a row is written in one''s own name' USING ERRCODE = '42501';
      END IF;
      RETURN COALESCE(NEW, OLD);
    END $$;
    CREATE TRIGGER audit_log_own BEFORE INSERT OR UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION cohort_own_rows('actor');
    CREATE TRIGGER triage_actions_own BEFORE INSERT OR UPDATE OR DELETE ON triage_actions FOR EACH ROW EXECUTE FUNCTION cohort_own_rows('actor');
    CREATE TRIGGER application_notes_own BEFORE INSERT OR UPDATE OR DELETE ON application_notes FOR EACH ROW EXECUTE FUNCTION cohort_own_rows('actor');
    CREATE TRIGGER rubric_scores_own BEFORE INSERT OR UPDATE OR DELETE ON rubric_scores FOR EACH ROW EXECUTE FUNCTION cohort_own_rows('actor');
    CREATE TRIGGER officer_scores_own BEFORE INSERT OR UPDATE OR DELETE ON officer_scores FOR EACH ROW EXECUTE FUNCTION cohort_own_rows('officer');
    CREATE TRIGGER saved_views_own BEFORE INSERT OR UPDATE OR DELETE ON saved_views FOR EACH ROW EXECUTE FUNCTION cohort_own_rows('owner');

  `,
};
