import type { ClientBase } from 'pg';
import { scramVerifier } from './scram-verifier';
import { PG_LATEST_SCHEMA_VERSION, PG_MIGRATIONS } from './migrations';

/**
 * The office server's schema and roles (issue 14), set up by the office's IT with `cohort server
 * init` and `cohort server add-officer`. Two roles, enforced by the server itself with GRANTs, not
 * only hidden in the app:
 * - cohort_admin (office administrators): everything — imports, settings, campaigns, purges and
 *   erasures;
 * - cohort_officer (officers): read everything; write the decisions of their work (screening
 *   review, triage, shortlists, selection, notices); add to the audit log, never change it; no
 *   import, no campaign or its settings, no deletion of an application.
 * Each officer logs in as themselves, a member of one of them: their login is who they are in
 * every decision and audit entry.
 */

export const ADMIN_ROLE = 'cohort_admin';
export const OFFICER_ROLE = 'cohort_officer';

/**
 * The tables officers write: their work's decisions and what follows from them. History (triage
 * actions, their changes, notes) is granted apart, added to only (grantsSql); whose rows an officer
 * may write in the tables that name one is the server's trigger's to hold (cohort_own_rows,
 * PostgreSQL migration 2).
 */
export const OFFICER_WRITES = [
  'screening_results',
  'screening_overrides',
  'application_corrections',
  'application_revisions',
  'duplicate_decisions',
  'triage_states',
  'rubric_criteria',
  'rubric_scores',
  'officer_scores',
  'saved_views',
  'search_state',
  'search_pending',
  'application_search',
  'candidate_codes',
  'shortlists',
  'shortlist_entries',
  'shortlist_exports',
  'shortlist_export_entries',
  'shortlist_replies',
  'selection_details',
  'division_places',
  'notice_templates',
  'notice_batches',
  'notices',
  'notice_applications',
  'notice_languages',
  'notice_standing',
  'notice_standing_stale',
] as const;

/**
 * Columns of an application officers may change: a correction (the raw value and what it reads
 * as) or a triage move to another division. Not its identity, its campaign, or the import it came from.
 */
export const OFFICER_APPLICATION_COLUMNS = [
  'first_name', 'last_name', 'date_of_birth', 'email', 'phone', 'gender', 'nationality', 'second_nationality', 'residence',
  'division', 'position', 'funding', 'preferred_session', 'submitted_on', 'university', 'field_of_study', 'highest_degree',
  'years_completed', 'currently_enrolled', 'degree_date', 'english_level', 'french_level', 'other_languages', 'motivation',
  'division_code', 'submitted_at', 'updated_at', 'date_of_birth_parsed', 'degree_date_parsed', 'years_completed_parsed',
  'currently_enrolled_parsed', 'funding_parsed', 'english_level_parsed', 'french_level_parsed', 'nationality_code', 'name_key',
] as const;

/**
 * A campaign's bookkeeping an officer's work moves: re-screening (campaign-wide work any
 * workstation may run) records what it has done, and changes of applications count. Never its
 * name, settings or retention.
 */
export const OFFICER_CAMPAIGN_COLUMNS = ['applications_version', 'screening_owed', 'screening_done'] as const;

/** Brings the schema to the latest version, each migration in one transaction, one workstation at a time. */
export async function migratePostgres(client: ClientBase, options: { upTo?: number } = {}): Promise<{ from: number; to: number }> {
  const upTo = options.upTo ?? PG_LATEST_SCHEMA_VERSION;
  await client.query('BEGIN');
  try {
    // Two workstations opening a new version at once: one migrates, the other waits and finds it done.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('cohort schema'))");
    await client.query('CREATE TABLE IF NOT EXISTS cohort_schema (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM cohort_schema');
    const from = rows[0]?.version ?? 0;
    if (rows.length === 0) await client.query('INSERT INTO cohort_schema (version) VALUES (0)');
    if (from > PG_LATEST_SCHEMA_VERSION) {
      throw new Error(`This server's schema was written by a newer Cohort (version ${from}; this one knows up to ${PG_LATEST_SCHEMA_VERSION}). Update Cohort.`);
    }
    // upTo: a test's schema as an older Cohort left it, filled with rows before the next step.
    for (const migration of PG_MIGRATIONS.filter((m) => m.version > from && m.version <= upTo)) {
      await client.query(migration.sql);
      await client.query('UPDATE cohort_schema SET version = $1', [migration.version]);
    }
    await client.query('COMMIT');
    return { from, to: Math.max(from, upTo) };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

function ensureRole(role: string): string {
  return `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} NOLOGIN; END IF; END $$;`;
}

/** The GRANTs of both roles on the schema as it is (run again after each migration: new tables). */
export function grantsSql(): string {
  const officerWrites = OFFICER_WRITES.join(', ');
  return `
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
    GRANT USAGE ON SCHEMA public TO ${ADMIN_ROLE}, ${OFFICER_ROLE};
    GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA public TO ${ADMIN_ROLE};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${ADMIN_ROLE};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${OFFICER_ROLE};
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${OFFICER_ROLE};
    GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${OFFICER_ROLE};
    GRANT INSERT, UPDATE, DELETE ON ${officerWrites} TO ${OFFICER_ROLE};
    GRANT INSERT ON audit_log TO ${OFFICER_ROLE};
    -- History is added to, never rewritten: an action may be marked undone, a note removed (hidden).
    GRANT INSERT, UPDATE (undone_at, undone_by) ON triage_actions TO ${OFFICER_ROLE};
    GRANT INSERT ON triage_changes TO ${OFFICER_ROLE};
    GRANT INSERT, UPDATE (removed_at) ON application_notes TO ${OFFICER_ROLE};
    GRANT UPDATE (${OFFICER_APPLICATION_COLUMNS.join(', ')}) ON applications TO ${OFFICER_ROLE};
    GRANT UPDATE (${OFFICER_CAMPAIGN_COLUMNS.join(', ')}) ON campaigns TO ${OFFICER_ROLE};
    GRANT EXECUTE ON FUNCTION cohort_analyze() TO ${ADMIN_ROLE};
  `;
}

/** Creates the roles (once per server), the schema, and the grants: `cohort server init`. */
export async function initServer(client: ClientBase): Promise<{ from: number; to: number }> {
  await client.query(ensureRole(ADMIN_ROLE));
  await client.query(ensureRole(OFFICER_ROLE));
  const migrated = await migratePostgres(client);
  await client.query(grantsSql());
  return migrated;
}

/** A login for an officer (or an administrator), or an existing one made one: `cohort server add-officer`. */
export async function addOfficer(client: ClientBase, login: string, options: { admin: boolean; password?: string | null }): Promise<void> {
  if (!/^[a-z_][a-z0-9_.@-]{0,62}$/i.test(login)) throw new Error(`"${login}" cannot be a login: use letters, digits, _ . @ - (up to 63).`);
  const role = options.admin ? ADMIN_ROLE : OFFICER_ROLE;
  const other = options.admin ? OFFICER_ROLE : ADMIN_ROLE;
  const name = client.escapeIdentifier(login);
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login]);
  // The server is sent the password's SCRAM verifier, never the password (scram-verifier.ts).
  const password = options.password ? ` PASSWORD ${client.escapeLiteral(scramVerifier(options.password))}` : '';
  if (rowCount === 0) await client.query(`CREATE ROLE ${name} LOGIN${password}`);
  else if (password) await client.query(`ALTER ROLE ${name}${password}`);
  await client.query(`GRANT ${role} TO ${name}`);
  await client.query(`REVOKE ${other} FROM ${name}`);
}
