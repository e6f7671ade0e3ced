import type pg from 'pg';
import { PERSONAL_DATA, type RegisteredTable, type TableEntry } from '../../../../db/personal-data';
import type { PersonFound, SubjectAccessTable } from '../../../../shared/api/privacy';
import { onlyPerson } from '../audit-mentions';
import { erasureSqlOf, POSTGRES_ERASURE, UNLINKED_TABLES, type UnlinkedTable } from './erasure-rules';
import { pgLoadScope, pgMarksOf } from './pg-person-scope';
import type { PersonIdentity } from './person-scope';
import { ACCESS_APPLICATIONS_SQL, accessTables, CHOSEN_LANGUAGE_SQL, personFound, subjectAccessTables, type AccessApplication, type Row } from './sqlite-subject-access';

/**
 * Everything the office server holds about one person: the same register walk, the same rules and
 * the same record as on a file (sqlite-subject-access.ts), read in one transaction (its temporary
 * tables go with it). The search index holds a document per application here, not FTS5's rowids:
 * which applications are in it is read from its key.
 */

const SQL = erasureSqlOf(POSTGRES_ERASURE);

function isUnlinked(table: RegisteredTable): table is UnlinkedTable {
  return (UNLINKED_TABLES as readonly string[]).includes(table);
}

async function rowsOf(c: pg.ClientBase, table: RegisteredTable, entry: TableEntry): Promise<Row[]> {
  if (table === 'application_search') {
    return (await c.query<Row>('SELECT application_ref AS rowid FROM application_search WHERE application_ref IN (SELECT ref FROM pg_temp.person_refs) ORDER BY application_ref')).rows;
  }
  const list = Object.keys(entry.columns).map((name) => `"${name}"`).join(', ');
  if (table === 'audit_log') {
    // An entry naming the person among others shows only them in its lists.
    const marks = await pgMarksOf(c);
    const rows = (await c.query<Row & { about: boolean }>(`SELECT ${list}, (${SQL.auditAboutPerson}) AS about FROM audit_log WHERE ${SQL.rules.audit_log.ofPerson} ORDER BY id`)).rows;
    return rows.map(({ about, ...row }) => (about || typeof row.details_json !== 'string' ? row : { ...row, details_json: JSON.stringify(onlyPerson(JSON.parse(row.details_json), marks)) }));
  }
  if (isUnlinked(table)) return (await c.query<Row>(`SELECT ${list} FROM ${table} WHERE ${SQL.rules[table].ofPerson}`)).rows;
  const where = entry.applicationLinks.map((link) => `"${link}" IN (SELECT ref FROM pg_temp.person_refs)`).join(' OR ');
  return (await c.query<Row>(`SELECT ${list} FROM ${table} WHERE ${where}`)).rows;
}

/** The person's record, in the caller's transaction. */
export async function pgReadSubjectAccess(c: pg.ClientBase, identity: PersonIdentity): Promise<{ person: PersonFound; tables: SubjectAccessTable[] }> {
  await pgLoadScope(c, identity);
  const applications = (await c.query<AccessApplication>(ACCESS_APPLICATIONS_SQL('pg_temp'))).rows;
  const [chosen] = (await c.query<{ language: 'en' | 'fr' }>(CHOSEN_LANGUAGE_SQL('pg_temp'))).rows;
  const person = personFound(applications, chosen?.language);
  const rows = new Map<RegisteredTable, Row[]>();
  for (const table of subjectAccessTables()) rows.set(table, await rowsOf(c, table, PERSONAL_DATA[table]));
  return { person, tables: accessTables(person.language, (table) => rows.get(table) ?? []) };
}
