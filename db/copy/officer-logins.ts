import type pg from 'pg';
import { ValidationError } from '../../shared/api/errors';
import { PERSONAL_DATA, type ColumnEntry, type RegisteredTable } from '../personal-data';
import type { Value } from './copy-rows';
import { UnknownLoginsError } from './errors';

/**
 * On a laptop an officer is the name they typed ("Marie Dupont"); on the office server, their login
 * ("marie"): every decision, note, score and audit entry is theirs by that login, and only their own
 * rows may they change (cohort_own_rows). A campaign brought to the server keeps the names as
 * written unless the administrator says whose login each is (`--officer "Marie Dupont=marie"`):
 * then the copy writes the login wherever the file wrote the name, so that Marie's scores on the
 * server are hers and her undo finds her actions.
 *
 * Which columns name an officer is the personal-data register's to say (db/personal-data.ts): the
 * columns holding an officer's data and nothing else. Names inside JSON (an assignee in a triage
 * action's details) are left as written: their history reads the same, and nothing is decided by them.
 */

/** "Name=login" pairs as the command line gives them; the name as the file wrote it, the login as the server knows it. */
export function parseOfficerLogins(pairs: readonly string[]): Map<string, string> {
  const logins = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const name = at > 0 ? pair.slice(0, at).trim() : '';
    const login = at > 0 ? pair.slice(at + 1).trim() : '';
    if (name === '' || login === '') throw new ValidationError(`"${pair}" is not an officer's name and login: write it as --officer "Marie Dupont=marie".`, [], 'OfficerLoginPair');
    if (logins.has(name) && logins.get(name) !== login) throw new ValidationError(`"${name}" is given two logins (${logins.get(name)} and ${login}): give one.`, [], 'OfficerLoginPair');
    logins.set(name, login);
  }
  return logins;
}

/** The columns of a table that hold an officer's name and nothing else. */
export function officerNameColumns(table: string): string[] {
  const entry = (PERSONAL_DATA as Record<string, { columns: Readonly<Record<string, ColumnEntry>> } | undefined>)[table as RegisteredTable];
  if (!entry) return [];
  return Object.entries(entry.columns)
    .filter(([, column]) => column.whose.length === 1 && column.whose[0] === 'officer')
    .map(([name]) => name);
}

/** The logins given that the server does not have: refused before anything is copied. */
export async function checkLoginsExist(client: pg.ClientBase, logins: ReadonlyMap<string, string>): Promise<void> {
  const wanted = [...new Set(logins.values())];
  if (wanted.length === 0) return;
  const known = new Set((await client.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname = ANY($1::text[])', [wanted])).rows.map((r) => r.rolname));
  const unknown = wanted.filter((login) => !known.has(login));
  if (unknown.length > 0) throw new UnknownLoginsError(unknown);
}

/**
 * What the copy did with officers' names: each name the campaign's rows hold, with the login it
 * became (null: kept as written). Collected while rows are rewritten (copy-rows.ts).
 */
export class OfficerNames {
  private readonly seen = new Set<string>();
  constructor(private readonly logins: ReadonlyMap<string, string>) {}

  /** The value to write for a name the file holds. */
  rename(value: Value): Value {
    if (typeof value !== 'string' || value === '') return value;
    this.seen.add(value);
    return this.logins.get(value) ?? value;
  }

  report(): { name: string; login: string | null }[] {
    return [...this.seen].sort((a, b) => a.localeCompare(b)).map((name) => ({ name, login: this.logins.get(name) ?? null }));
  }
}
