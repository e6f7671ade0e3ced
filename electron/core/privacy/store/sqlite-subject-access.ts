import type { SqliteDatabase } from '../../../../db/connection';
import { PERSONAL_DATA, tablesHolding, type RegisteredTable, type TableEntry } from '../../../../db/personal-data';
import type { PersonApplication, PersonFound, SubjectAccessTable } from '../../../../shared/api/privacy';
import type { CefrLevel } from '../../../../shared/domain/listed-values';
import { noticeLanguage } from '../../../../shared/domain/notice-outcome';
import { columnLabel, tableTitle } from '../../../../shared/domain/personal-data-words';
import { onlyPerson } from '../audit-mentions';
import { AUDIT_ABOUT_PERSON, ERASURE_RULES, type UnlinkedTable } from './erasure-rules';
import { clearScope, loadScope, marksOf, type PersonIdentity } from './person-scope';

/**
 * Everything this database holds about one person, walking the personal-data register: every table
 * holding applicants' data, whole rows (the register's columns, with its words for each), found by
 * the keys that tie them to the person's applications or, where no key does, by the erasure rules'
 * own clauses: what the export shows is what an erasure would remove. The search index's shadow
 * tables are its internals (the index itself is listed).
 */

export type Row = Record<string, string | number | null>;

function isUnlinked(table: RegisteredTable): table is UnlinkedTable {
  return table in ERASURE_RULES;
}

/** The rows of `table` about the person in the TEMP tables (person-scope.ts). */
function rowsOf(sqlite: SqliteDatabase, table: RegisteredTable, entry: TableEntry): Row[] {
  const columns = Object.keys(entry.columns);
  if (table === 'application_search') {
    // Contentless: the words are indexed, not stored; only which applications are in it can be read.
    return sqlite.prepare<[], Row>('SELECT rowid FROM application_search WHERE rowid IN (SELECT ref FROM temp.person_refs) ORDER BY rowid').all();
  }
  const list = columns.map((c) => `"${c}"`).join(', ');
  if (table === 'audit_log') {
    // An entry naming the person among others shows only them in its lists.
    const marks = marksOf(sqlite);
    return sqlite
      .prepare<[], Row & { about: number }>(`SELECT ${list}, (${AUDIT_ABOUT_PERSON}) AS about FROM audit_log WHERE ${ERASURE_RULES.audit_log.ofPerson} ORDER BY id`)
      .all()
      .map(({ about, ...row }) => (about || typeof row.details_json !== 'string' ? row : { ...row, details_json: JSON.stringify(onlyPerson(JSON.parse(row.details_json), marks)) }));
  }
  if (isUnlinked(table)) return sqlite.prepare<[], Row>(`SELECT ${list} FROM ${table} WHERE ${ERASURE_RULES[table].ofPerson}`).all();
  const where = entry.applicationLinks.map((link) => `"${link}" IN (SELECT ref FROM temp.person_refs)`).join(' OR ');
  return sqlite.prepare<[], Row>(`SELECT ${list} FROM ${table} WHERE ${where}`).all();
}

/** The register's tables the subject-access record holds: all holding applicants' data, the index's internals aside. */
export function subjectAccessTables(): RegisteredTable[] {
  return tablesHolding('person').filter((t) => (PERSONAL_DATA[t] as TableEntry).shadowOf === undefined);
}

/** An application of the person, as both engines read it for the record. */
export type AccessApplication = PersonApplication & { englishLevel: CefrLevel | null; frenchLevel: CefrLevel | null };

/** The person's applications, oldest first, as both engines read them (`temp`: the schema of the person's TEMP tables). */
export const ACCESS_APPLICATIONS_SQL = (temp: string) => `SELECT a.id AS ref, a.application_id AS "applicationId", a.campaign_id AS "campaignId", c.name AS "campaignName",
    a.first_name AS "firstName", a.last_name AS "lastName", a.division, a.english_level_parsed AS "englishLevel", a.french_level_parsed AS "frenchLevel"
  FROM applications a JOIN campaigns c ON c.id = a.campaign_id
  WHERE a.id IN (SELECT ref FROM ${temp}.person_refs) ORDER BY coalesce(a.submitted_at, ''), a.id`;

/** The language the person chose last for their notices, if any. */
export const CHOSEN_LANGUAGE_SQL = (temp: string) =>
  `SELECT language FROM notice_languages WHERE (campaign_id, person_key) IN (SELECT campaign_id, person_key FROM ${temp}.person_keys) ORDER BY at DESC LIMIT 1`;

/** Who the person is to the record: their name (latest application's), language, applications. */
export function personFound(applications: readonly AccessApplication[], chosen: 'en' | 'fr' | undefined): PersonFound {
  const latest = applications.at(-1);
  return {
    name: latest ? `${latest.firstName} ${latest.lastName}`.trim() : '',
    language: chosen ?? (latest ? noticeLanguage(latest) : 'en'),
    applications: applications.map(({ ref, applicationId, campaignId, campaignName, firstName, lastName, division }) => ({ ref, applicationId, campaignId, campaignName, firstName, lastName, division })),
  };
}

/** The record's tables, in the person's language, with the rows each engine read (`rowsOf`). */
export function accessTables(language: 'en' | 'fr', rowsOf: (table: RegisteredTable) => Row[]): SubjectAccessTable[] {
  return subjectAccessTables().map((table) => {
    const entry: TableEntry = PERSONAL_DATA[table];
    const columns =
      table === 'application_search'
        ? [{ name: 'rowid', label: columnLabel(table, 'rowid', language), what: 'the application whose words are indexed (the words are not stored: they cannot be read back)' }]
        : Object.entries(entry.columns).map(([name, column]) => ({ name, label: columnLabel(table, name, language), what: column.what }));
    return { table, title: tableTitle(table, language), what: entry.what, columns, rows: rowsOf(table) };
  });
}

export function readSubjectAccess(sqlite: SqliteDatabase, identity: PersonIdentity): { person: PersonFound; tables: SubjectAccessTable[] } {
  return sqlite.transaction(() => {
    loadScope(sqlite, identity);
    const applications = sqlite.prepare<[], AccessApplication>(ACCESS_APPLICATIONS_SQL('temp')).all();
    const chosen = sqlite.prepare<[], 'en' | 'fr'>(CHOSEN_LANGUAGE_SQL('temp')).pluck().get();
    const person = personFound(applications, chosen);
    const tables = accessTables(person.language, (table) => rowsOf(sqlite, table, PERSONAL_DATA[table]));
    clearScope(sqlite);
    return { person, tables };
  })();
}
