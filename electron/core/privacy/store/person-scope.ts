import type { SqliteDatabase } from '../../../../db/connection';
import type { PersonMarks } from '../audit-mentions';

/**
 * Who a person is, in words any copy of the database understands: the Application IDs of their
 * applications (per campaign), their Candidate IDs and e-mail addresses. Row ids are not used: a
 * backup is searched with the same identity as the database, and the applications it finds there
 * (with the others of the same person) are theirs.
 */
export interface PersonIdentity {
  applications: { campaignId: number; applicationId: string }[];
  candidateIds: string[];
  /** Trimmed, lower case. */
  emails: string[];
}

/*
 * The person's rows in one database, written to TEMP tables the erasure rules, the erasure and the
 * subject-access export read (erasure-rules.ts):
 * - temp.person_refs(ref): their applications (applications.id);
 * - temp.person_applications(campaign_id, application_id): their Application IDs;
 * - temp.person_keys(campaign_id, person_key): who they are to the notices (screening_results);
 * - temp.person_terms(term, quoted): identifiers searched for in free text and JSON (lower case;
 *   `quoted` as a JSON string, so NIP-1 does not find NIP-12);
 * - temp.person_words(word): the words of their names (lower case, 3 letters or more), for a saved
 *   search typed by an officer;
 * - temp.person_actions(id): the triage actions that changed their applications.
 * `clearScope` empties them when the work is done: they name the person.
 */

const TEMP_TABLES = `
  CREATE TEMP TABLE IF NOT EXISTS person_refs (ref INTEGER PRIMARY KEY);
  CREATE TEMP TABLE IF NOT EXISTS person_applications (campaign_id INTEGER NOT NULL, application_id TEXT NOT NULL, PRIMARY KEY (campaign_id, application_id));
  CREATE TEMP TABLE IF NOT EXISTS person_keys (campaign_id INTEGER NOT NULL, person_key TEXT NOT NULL, PRIMARY KEY (campaign_id, person_key));
  CREATE TEMP TABLE IF NOT EXISTS person_terms (term TEXT PRIMARY KEY, quoted TEXT NOT NULL);
  CREATE TEMP TABLE IF NOT EXISTS person_actions (id INTEGER PRIMARY KEY);
  CREATE TEMP TABLE IF NOT EXISTS person_words (word TEXT PRIMARY KEY);`;

const CLEAR = 'DELETE FROM temp.person_refs; DELETE FROM temp.person_applications; DELETE FROM temp.person_keys; DELETE FROM temp.person_terms; DELETE FROM temp.person_actions; DELETE FROM temp.person_words;';

/** An e-mail address matched lower-cased as SQLite's lower() does, on either engine (db/postgres/ascii-lower.ts says why). */
export type AsciiLower = (text: string) => string;
const sqliteLower: AsciiLower = (text) => `lower(${text})`;

/** Their Application IDs, Candidate IDs and e-mail addresses as this database holds them (once their refs are in the TEMP tables). */
export const FOUND_TERMS_SQL = (temp: string, lower: AsciiLower = sqliteLower) => `SELECT application_id FROM ${temp}.person_applications
  UNION ALL SELECT candidate_id FROM applications WHERE id IN (SELECT ref FROM ${temp}.person_refs) AND candidate_id <> ''
  UNION ALL SELECT ${lower('trim(email)')} FROM applications WHERE id IN (SELECT ref FROM ${temp}.person_refs) AND trim(email) <> ''`;

/** Their names, first and last, as this database holds them. */
export const NAMES_SQL = (temp: string) => `SELECT first_name || ' ' || last_name FROM applications WHERE id IN (SELECT ref FROM ${temp}.person_refs)`;

/** Empties the TEMP tables of a person's scope (they name the person). */
export function clearScope(sqlite: SqliteDatabase): void {
  sqlite.exec(TEMP_TABLES + CLEAR);
}

/**
 * The applications of the person an application ($1 / ?) belongs to, on either engine: those
 * screening took for the same person (a confirmed duplicate included), then any application sharing
 * a Candidate ID or an e-mail.
 */
export function siblingsSql(ref: string, lower: AsciiLower = sqliteLower): string {
  const email = lower('trim(a.email)');
  return `WITH named AS (SELECT a.id, a.campaign_id, a.candidate_id, ${email} AS email, r.person_key FROM applications a
                    LEFT JOIN screening_results r ON r.application_ref = a.id WHERE a.id = ${ref})
     SELECT a.campaign_id, a.application_id, a.candidate_id, ${email} AS email
     FROM applications a LEFT JOIN screening_results r ON r.application_ref = a.id, named n
     WHERE a.id = n.id
        OR (r.campaign_id = n.campaign_id AND r.person_key = n.person_key)
        OR (n.candidate_id <> '' AND a.candidate_id = n.candidate_id)
        OR (n.email <> '' AND ${email} = n.email)`;
}

export interface Sibling {
  campaign_id: number;
  application_id: string;
  candidate_id: string;
  email: string;
}

/** Who the person is, from their applications (siblingsSql). */
export function identityFrom(siblings: readonly Sibling[]): PersonIdentity {
  const distinct = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
  return {
    applications: siblings.map((s) => ({ campaignId: s.campaign_id, applicationId: s.application_id })),
    candidateIds: distinct(siblings.map((s) => s.candidate_id)),
    emails: distinct(siblings.map((s) => s.email)),
  };
}

/** The identifiers searched for in free text and JSON: lower case, trimmed, once each. */
export function scopeTerms(found: readonly string[], identity: PersonIdentity): string[] {
  return [...new Set([...found, ...identity.candidateIds, ...identity.emails].map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
}

/** The words of their names searched for in a saved search (lower case, 3 letters or more). */
export function nameWords(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => n.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3))];
}

/** The identity of the person an application belongs to; null when the campaign has no such Application ID. */
export function identityOf(sqlite: SqliteDatabase, campaignId: number, applicationId: string): PersonIdentity | null {
  const named = sqlite
    .prepare<[number, string], { id: number }>('SELECT id FROM applications WHERE campaign_id = ? AND application_id = ?')
    .get(campaignId, applicationId.trim());
  if (!named) return null;
  return identityFrom(sqlite.prepare<[number], Sibling>(siblingsSql('?')).all(named.id));
}

/** Finds the person's rows in this database and writes them to the TEMP tables (above). */
export function loadScope(sqlite: SqliteDatabase, identity: PersonIdentity): void {
  clearScope(sqlite);
  const addApplication = sqlite.prepare('INSERT OR IGNORE INTO temp.person_applications (campaign_id, application_id) VALUES (?, ?)');
  for (const a of identity.applications) addApplication.run(a.campaignId, a.applicationId);
  const identifiers = JSON.stringify({ candidates: identity.candidateIds, emails: identity.emails });
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO temp.person_refs (ref)
       SELECT a.id FROM applications a JOIN temp.person_applications p ON p.campaign_id = a.campaign_id AND p.application_id = a.application_id
       UNION SELECT a.id FROM applications a WHERE a.candidate_id <> '' AND a.candidate_id IN (SELECT value FROM json_each(?, '$.candidates'))
       UNION SELECT a.id FROM applications a WHERE a.email <> '' AND lower(trim(a.email)) IN (SELECT value FROM json_each(?, '$.emails'))`,
    )
    .run(identifiers, identifiers);
  // The same person's other applications, as screening grouped them in this copy.
  sqlite.exec(`
    INSERT OR IGNORE INTO temp.person_keys (campaign_id, person_key)
      SELECT r.campaign_id, r.person_key FROM screening_results r WHERE r.application_ref IN (SELECT ref FROM temp.person_refs);
    INSERT OR IGNORE INTO temp.person_refs (ref)
      SELECT r.application_ref FROM screening_results r JOIN temp.person_keys k ON k.campaign_id = r.campaign_id AND k.person_key = r.person_key;
    INSERT OR IGNORE INTO temp.person_applications (campaign_id, application_id)
      SELECT a.campaign_id, a.application_id FROM applications a WHERE a.id IN (SELECT ref FROM temp.person_refs);
    INSERT OR IGNORE INTO temp.person_actions (id)
      SELECT DISTINCT action_id FROM triage_changes WHERE application_ref IN (SELECT ref FROM temp.person_refs);`);
  const addTerm = sqlite.prepare('INSERT OR IGNORE INTO temp.person_terms (term, quoted) VALUES (?, ?)');
  const found = sqlite.prepare<[], string>(FOUND_TERMS_SQL('temp')).pluck().all();
  for (const term of scopeTerms(found, identity)) addTerm.run(term, JSON.stringify(term));
  const names = sqlite.prepare<[], string>(NAMES_SQL('temp')).pluck().all();
  const addWord = sqlite.prepare('INSERT OR IGNORE INTO temp.person_words (word) VALUES (?)');
  for (const word of nameWords(names)) addWord.run(word);
}

/** What marks the person in lists of the audit log: their identifiers and application numbers (from the TEMP tables). */
export function marksOf(sqlite: SqliteDatabase): PersonMarks {
  return {
    terms: new Set(sqlite.prepare<[], string>('SELECT term FROM temp.person_terms').pluck().all()),
    refs: new Set(sqlite.prepare<[], number>('SELECT ref FROM temp.person_refs').pluck().all()),
  };
}
