import type pg from 'pg';
import type { PersonMarks } from '../audit-mentions';
import { PG_ASCII_LOWER } from '../../../../db/postgres/ascii-lower';
import { FOUND_TERMS_SQL, identityFrom, NAMES_SQL, nameWords, scopeTerms, siblingsSql, type PersonIdentity, type Sibling } from './person-scope';

/**
 * The person's rows on the office server, in temporary tables of the transaction's connection
 * named as on SQLite (person-scope.ts says what each holds), which the same erasure rules read
 * (erasure-rules.ts, in PostgreSQL's SQL). They go with the transaction (ON COMMIT DROP, and a
 * rollback undoes their creation): nothing naming the person outlives the work, and the pooled
 * connection is handed back without them.
 */

const TEMP_TABLES = `
  CREATE TEMP TABLE person_refs (ref integer PRIMARY KEY) ON COMMIT DROP;
  CREATE TEMP TABLE person_applications (campaign_id integer NOT NULL, application_id text NOT NULL, PRIMARY KEY (campaign_id, application_id)) ON COMMIT DROP;
  CREATE TEMP TABLE person_keys (campaign_id integer NOT NULL, person_key text NOT NULL, PRIMARY KEY (campaign_id, person_key)) ON COMMIT DROP;
  CREATE TEMP TABLE person_terms (term text PRIMARY KEY, quoted text NOT NULL) ON COMMIT DROP;
  CREATE TEMP TABLE person_actions (id integer PRIMARY KEY) ON COMMIT DROP;
  CREATE TEMP TABLE person_words (word text PRIMARY KEY) ON COMMIT DROP;`;

/** The identity of the person an application belongs to; null when the campaign has no such Application ID. */
export async function pgIdentityOf(c: pg.ClientBase, campaignId: number, applicationId: string): Promise<PersonIdentity | null> {
  const [named] = (await c.query<{ id: number }>('SELECT id FROM applications WHERE campaign_id = $1 AND application_id = $2', [campaignId, applicationId.trim()])).rows;
  if (!named) return null;
  return identityFrom((await c.query<Sibling>(siblingsSql('$1', PG_ASCII_LOWER), [named.id])).rows);
}

/** Finds the person's rows on the server and writes them to the transaction's temporary tables. Inside a transaction only. */
export async function pgLoadScope(c: pg.ClientBase, identity: PersonIdentity): Promise<void> {
  await c.query(TEMP_TABLES);
  await c.query('INSERT INTO pg_temp.person_applications (campaign_id, application_id) SELECT * FROM unnest($1::int[], $2::text[]) ON CONFLICT DO NOTHING', [
    identity.applications.map((a) => a.campaignId),
    identity.applications.map((a) => a.applicationId),
  ]);
  await c.query(
    `INSERT INTO pg_temp.person_refs (ref)
     SELECT a.id FROM applications a JOIN pg_temp.person_applications p ON p.campaign_id = a.campaign_id AND p.application_id = a.application_id
     UNION SELECT a.id FROM applications a WHERE a.candidate_id <> '' AND a.candidate_id = ANY($1::text[])
     UNION SELECT a.id FROM applications a WHERE a.email <> '' AND ${PG_ASCII_LOWER('trim(a.email)')} = ANY($2::text[])`,
    [identity.candidateIds, identity.emails],
  );
  // The same person's other applications, as screening grouped them on the server.
  await c.query(`
    INSERT INTO pg_temp.person_keys (campaign_id, person_key)
      SELECT DISTINCT r.campaign_id, r.person_key FROM screening_results r WHERE r.application_ref IN (SELECT ref FROM pg_temp.person_refs);
    INSERT INTO pg_temp.person_refs (ref)
      SELECT r.application_ref FROM screening_results r JOIN pg_temp.person_keys k ON k.campaign_id = r.campaign_id AND k.person_key = r.person_key ON CONFLICT DO NOTHING;
    INSERT INTO pg_temp.person_applications (campaign_id, application_id)
      SELECT a.campaign_id, a.application_id FROM applications a WHERE a.id IN (SELECT ref FROM pg_temp.person_refs) ON CONFLICT DO NOTHING;
    INSERT INTO pg_temp.person_actions (id)
      SELECT DISTINCT action_id FROM triage_changes WHERE application_ref IN (SELECT ref FROM pg_temp.person_refs);`);
  const found = (await c.query<{ term: string }>(`SELECT t AS term FROM (${FOUND_TERMS_SQL('pg_temp', PG_ASCII_LOWER)}) f(t)`)).rows.map((r) => r.term);
  const terms = scopeTerms(found, identity);
  await c.query('INSERT INTO pg_temp.person_terms (term, quoted) SELECT * FROM unnest($1::text[], $2::text[])', [terms, terms.map((t) => JSON.stringify(t))]);
  const names = (await c.query<{ name: string }>(`SELECT n AS name FROM (${NAMES_SQL('pg_temp')}) f(n)`)).rows.map((r) => r.name);
  await c.query('INSERT INTO pg_temp.person_words (word) SELECT unnest($1::text[])', [nameWords(names)]);
}

/** What marks the person in lists of the audit log: their identifiers and application numbers (from the temporary tables). */
export async function pgMarksOf(c: pg.ClientBase): Promise<PersonMarks> {
  return {
    terms: new Set((await c.query<{ term: string }>('SELECT term FROM pg_temp.person_terms')).rows.map((r) => r.term)),
    refs: new Set((await c.query<{ ref: number }>('SELECT ref FROM pg_temp.person_refs')).rows.map((r) => r.ref)),
  };
}
