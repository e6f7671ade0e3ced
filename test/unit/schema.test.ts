// Engines: SQLite only — db/schema.ts against the tables SQLite lists (PRAGMA); the server's schema is checked by its migrations' tests (postgres-server.test.ts).
import { CamelCasePlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_COLUMNS, TABLES_NOT_DESCRIBED, type ColumnShape } from '../../db/schema';
import { isRowidAlias, tablesOf, type ColumnInfo, type TableInfo } from './support/database-tables';
import { openTestApp, useTempDir, type TestApp } from './support/temp';

/**
 * db/schema.ts against a database the app itself created and migrated: every table, every column,
 * its type, whether it accepts NULL and whether the database fills it. A migration that changes the
 * schema fails here until schema.ts says the same (and the compiler keeps schema.ts's interfaces
 * and its SCHEMA_COLUMNS in step).
 */

/** The names Kysely sends: the very conversion of the CamelCasePlugin db/connection.ts installs. */
class SqlNames extends CamelCasePlugin {
  sqlName(name: string): string {
    return this.snakeCase(name);
  }
}
const names = new SqlNames();

/** SCHEMA_COLUMNS keyed by the names SQLite knows. */
const described = new Map<string, Map<string, ColumnShape>>(
  Object.entries(SCHEMA_COLUMNS).map(([table, columns]) => [
    names.sqlName(table),
    new Map(Object.entries(columns).map(([column, shape]): [string, ColumnShape] => [names.sqlName(column), shape])),
  ]),
);

/** What a column of the database implies for its description. */
function shapeIn(table: TableInfo, column: ColumnInfo): { type: string; nullable: boolean; generated: boolean } {
  const rowid = isRowidAlias(table, column);
  // An INTEGER PRIMARY KEY called id is the row's own number, given by SQLite; one that is another
  // table's key (screening_results.application_ref) is always given by the insert.
  const generated = column.dflt_value !== null || (rowid && column.name === 'id');
  return { type: column.type, nullable: column.notnull === 0 && !rowid, generated };
}

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

describe('db/schema.ts against the migrated database', () => {
  it('describes every table but FTS5 shadow tables and the virtual tables it names with a reason', () => {
    const expected = tables.filter((t) => t.type !== 'shadow' && !(t.name in TABLES_NOT_DESCRIBED)).map((t) => t.name);
    expect([...described.keys()].sort()).toEqual(expected.sort());
    // Not a comparison of two empty lists: the season's tables are all there.
    expect(expected.length).toBeGreaterThanOrEqual(21);
  });

  it('leaves out only virtual tables that still exist', () => {
    for (const [name, reason] of Object.entries(TABLES_NOT_DESCRIBED)) {
      expect(tables.find((t) => t.name === name)?.type, name).toBe('virtual');
      expect(reason.length, name).toBeGreaterThan(20);
    }
  });

  it('names every column of every described table, and no other', () => {
    for (const table of tables.filter((t) => described.has(t.name))) {
      const columns = described.get(table.name) ?? new Map<string, ColumnShape>();
      expect([...columns.keys()].sort(), table.name).toEqual(table.columns.map((c) => c.name).sort());
    }
  });

  it('gives each column its declared type, NULL or NOT NULL, and Generated where the database fills it', () => {
    const mismatches: string[] = [];
    for (const table of tables.filter((t) => described.has(t.name))) {
      for (const column of table.columns) {
        const shape = described.get(table.name)?.get(column.name);
        if (!shape) continue; // reported by the test above
        const actual = shapeIn(table, column);
        const where = `${table.name}.${column.name}`;
        if (shape.type !== actual.type) mismatches.push(`${where}: ${shape.type} in schema.ts, ${actual.type} in the database`);
        if (shape.nullable !== actual.nullable) mismatches.push(`${where}: ${shape.nullable ? 'nullable' : 'NOT NULL'} in schema.ts, ${actual.nullable ? 'nullable' : 'NOT NULL'} in the database`);
        if (shape.generated !== actual.generated) mismatches.push(`${where}: ${shape.generated ? 'Generated' : 'not Generated'} in schema.ts, ${actual.generated ? 'filled' : 'not filled'} by the database`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
