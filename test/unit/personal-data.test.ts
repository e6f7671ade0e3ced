// Engines: SQLite only — the register is checked against the file's own schema (sqlite_master, FTS5 tables, PRAGMA table_info); the rules' PostgreSQL SQL runs whole in privacy.test.ts's erasure and purge on either engine
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAL_DATA, PERSONAL_DATA_FILES, personalColumns, tablesHolding, unlinkedPersonalColumns, type RegisteredTable, type TableEntry } from '../../db/personal-data';
import { ERASURE_RULES, erasedOfPerson, type UnlinkedTable } from '../../electron/core/privacy/store/erasure-rules';
import { loadScope } from '../../electron/core/privacy/store/person-scope';
import { tablesOf, type TableInfo } from './support/database-tables';
import { openTestApp, useTempDir, type TestApp } from './support/temp';

/**
 * The personal-data register against a database the app itself created and migrated: a table or
 * column the register does not cover (a migration added it), or one it names that does not exist,
 * fails here. Erasure and the subject-access export will trust the register, so it must not rot.
 */

const register: Readonly<Record<string, TableEntry>> = PERSONAL_DATA;
const tempDir = useTempDir();
let app: TestApp;
let tables: TableInfo[];

beforeAll(async () => {
  app = await openTestApp(tempDir());
  tables = tablesOf(app.core.session.open.sqlite);
});
afterAll(async () => {
  await app.core.close();
});

describe('db/personal-data.ts against the migrated database', () => {
  it('covers every table, FTS5 virtual and shadow tables included, and names no other', () => {
    expect(Object.keys(register).sort()).toEqual(tables.map((t) => t.name).sort());
    // Not two empty lists: the season's tables and the search index's are all there.
    expect(tables.length).toBeGreaterThanOrEqual(26);
  });

  it('covers every column of every table, and names no other', () => {
    const differences: string[] = [];
    for (const table of tables) {
      const named = Object.keys(register[table.name]?.columns ?? {});
      const actual = table.columns.map((c) => c.name);
      for (const column of actual.filter((c) => !named.includes(c))) differences.push(`${table.name}.${column} is not in the register`);
      for (const column of named.filter((c) => !actual.includes(c))) differences.push(`${table.name}.${column} is in the register but not in the database`);
    }
    expect(differences).toEqual([]);
  });

  it('ties rows to applications only through columns that exist (rowid for the search index)', () => {
    for (const table of tables) {
      for (const link of register[table.name]?.applicationLinks ?? []) {
        expect(link === 'rowid' && table.type === 'virtual' ? true : table.columns.some((c) => c.name === link), `${table.name}.${link}`).toBe(true);
      }
    }
  });

  it('marks as shadow tables exactly those SQLite marks so', () => {
    const shadows = tables.filter((t) => t.type === 'shadow').map((t) => t.name);
    expect(Object.keys(register).filter((t) => register[t]?.shadowOf !== undefined).sort()).toEqual(shadows.sort());
    for (const name of shadows) expect(tables.find((t) => t.name === register[name]?.shadowOf)?.type, name).toBe('virtual');
  });

  it('says what every table and column holds', () => {
    for (const [name, table] of Object.entries(register)) {
      expect(table.what, name).not.toBe('');
      for (const [column, entry] of Object.entries(table.columns)) expect(entry.what, `${name}.${column}`).not.toBe('');
    }
  });
});

describe('the places issue 10 names', () => {
  it('holds applicants’ data in rejected import rows, the audit log, triage history, notes and the search index', () => {
    expect(personalColumns('import_rejections', 'person')).toEqual(expect.arrayContaining(['value', 'values_json']));
    expect(PERSONAL_DATA.audit_log.columns.details_json.whose).toEqual(['person', 'officer']);
    expect(personalColumns('triage_changes', 'person')).toEqual(['before_json', 'after_json']);
    expect(personalColumns('triage_actions', 'person')).toEqual(['details_json']);
    expect(personalColumns('application_notes', 'person')).toEqual(['text']);
    expect(personalColumns('application_search', 'person')).toHaveLength(8);
    expect(tablesHolding('person')).toEqual(expect.arrayContaining<RegisteredTable>(['applications', 'application_search', 'application_search_data']));
  });

  it('lists what an erasure must search by content: rows no key ties to an application', () => {
    expect(unlinkedPersonalColumns()).toEqual(
      expect.arrayContaining([
        { table: 'import_rejections', column: 'values_json' },
        { table: 'audit_log', column: 'details_json' },
        { table: 'audit_log', column: 'subject' },
        { table: 'triage_actions', column: 'details_json' },
      ]),
    );
    // A linked table (deleting the application deletes its rows) is not among them.
    expect(unlinkedPersonalColumns().map((c) => c.table)).not.toContain('applications');
  });

  it('has an erasure rule for exactly the tables an erasure must search by content, each a valid clause', () => {
    expect(Object.keys(ERASURE_RULES).sort()).toEqual([...new Set(unlinkedPersonalColumns().map((c) => c.table))].sort());
    const { sqlite } = app.core.session.open;
    loadScope(sqlite, { applications: [{ campaignId: 1, applicationId: 'NIP-1' }], candidateIds: [], emails: ['a@example.org'] });
    for (const table of Object.keys(ERASURE_RULES) as UnlinkedTable[]) {
      // Each clause is SQL this schema runs, for one person and for a campaign.
      expect(() => sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${erasedOfPerson(table)}`).get(), table).not.toThrow();
      expect(() => sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${ERASURE_RULES[table].ofCampaign}`).get({ campaign: 1 }), table).not.toThrow();
    }
  });

  it('keeps the report’s facts of erased applications without a key back to anyone', () => {
    expect(tablesHolding('person')).not.toContain('report_facts_kept');
    expect(register.report_facts_kept?.applicationLinks).toEqual([]);
  });

  it('holds officers’ names wherever an actor is recorded', () => {
    for (const table of tables) {
      for (const column of table.columns.filter((c) => ['actor', 'updated_by', 'undone_by', 'owner', 'assignee'].includes(c.name))) {
        expect(register[table.name]?.columns[column.name]?.whose, `${table.name}.${column.name}`).toContain('officer');
      }
    }
  });

  it('lists the files beside the tables: the database, its -wal, backups and web-host uploads', () => {
    const places = PERSONAL_DATA_FILES.map((f) => f.place);
    expect(places).toEqual(expect.arrayContaining(['database', 'database -wal', 'backups', 'web-host uploads', 'import staging']));
    expect(PERSONAL_DATA_FILES.find((f) => f.place === 'web-host uploads')?.whose).toContain('person');
    expect(new Set(places).size).toBe(places.length);
  });
});
