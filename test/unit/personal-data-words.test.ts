import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA, type TableEntry } from '../../db/personal-data';
import { subjectAccessTables } from '../../electron/core/privacy/store/sqlite-subject-access';
import { PERSONAL_DATA_WORDS, columnLabel, tableTitle } from '../../shared/domain/personal-data-words';

/**
 * The words of the subject-access record against the register: every table the record holds has a
 * title in English and French, every column it shows a heading in both, so a table or column a
 * migration adds to the register cannot reach a person's record under its SQL name unnoticed.
 */

const register: Readonly<Record<string, TableEntry>> = PERSONAL_DATA;
const tables: string[] = subjectAccessTables();

/** The columns the record shows of `table`: the register's, or the search index's rowid (its words cannot be read back). */
function recordColumns(table: string): string[] {
  return table === 'application_search' ? ['rowid'] : Object.keys(register[table]?.columns ?? {});
}

describe('shared/domain/personal-data-words.ts against the register', () => {
  it('walks a record that is not empty', () => {
    expect(tables).toContain('applications');
    expect(tables).toContain('audit_log');
    expect(tables).toContain('application_search');
  });

  it.each(tables)('%s has a title and a heading for every column, in English and French', (table) => {
    const words = PERSONAL_DATA_WORDS[table];
    expect(words, `no words for ${table}`).toBeDefined();
    expect(words?.title.en.trim()).not.toBe('');
    expect(words?.title.fr.trim()).not.toBe('');
    for (const column of recordColumns(table)) {
      const label = words?.columns[column];
      expect(label, `no words for ${table}.${column}`).toBeDefined();
      expect(label?.en.trim(), `${table}.${column} in English`).not.toBe('');
      expect(label?.fr.trim(), `${table}.${column} in French`).not.toBe('');
    }
  });

  it('has no words for a table the record does not hold', () => {
    expect(Object.keys(PERSONAL_DATA_WORDS).filter((table) => !tables.includes(table))).toEqual([]);
  });

  it('has no words for a column the register does not name (a renamed column leaves none behind)', () => {
    const stale = Object.entries(PERSONAL_DATA_WORDS).flatMap(([table, words]) =>
      Object.keys(words.columns)
        .filter((column) => !(column in (register[table]?.columns ?? {})) && !(table === 'application_search' && column === 'rowid'))
        .map((column) => `${table}.${column}`),
    );
    expect(stale).toEqual([]);
  });

  it('translates every title: the French differs from the English', () => {
    const untranslated = Object.entries(PERSONAL_DATA_WORDS)
      .filter(([, words]) => words.title.fr.trim().toLowerCase() === words.title.en.trim().toLowerCase())
      .map(([table]) => table);
    expect(untranslated).toEqual([]);
  });

  it('gives no two tables the same title in either language', () => {
    for (const language of ['en', 'fr'] as const) {
      const titles = Object.values(PERSONAL_DATA_WORDS).map((words) => words.title[language]);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });
});

describe('tableTitle and columnLabel', () => {
  it('say the words in the language asked', () => {
    expect(tableTitle('applications', 'en')).toBe('Your applications, as imported');
    expect(tableTitle('applications', 'fr')).toBe("Vos candidatures, telles qu'importées");
    expect(columnLabel('applications', 'date_of_birth_parsed', 'en')).toBe('Date of birth (read)');
    expect(columnLabel('applications', 'date_of_birth_parsed', 'fr')).toBe('Date de naissance (lue)');
    expect(columnLabel('audit_log', 'actor', 'fr')).toBe('Agent');
    expect(columnLabel('application_search', 'rowid', 'fr')).toBe('Candidature (numéro)');
  });

  it('fall back to the SQL names when they have no words', () => {
    expect(tableTitle('campaigns', 'fr')).toBe('campaigns');
    expect(tableTitle('constructor', 'en')).toBe('constructor');
    expect(columnLabel('applications', 'not_a_column', 'fr')).toBe('not_a_column');
    expect(columnLabel('applications', 'toString', 'en')).toBe('toString');
    expect(columnLabel('campaigns', 'name', 'en')).toBe('name');
  });
});
