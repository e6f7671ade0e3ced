import type { SqliteDatabase } from '../../../db/connection';

/** One column as PRAGMA table_info reports it. */
export interface ColumnInfo {
  name: string;
  /** The declared type ('' for FTS5 columns, which have none). */
  type: string;
  notnull: 0 | 1;
  dflt_value: string | null;
  /** Position in the primary key, 0 when not part of it. */
  pk: number;
}

/** One table of the main schema as PRAGMA table_list reports it, with its columns. */
export interface TableInfo {
  name: string;
  /** 'table', 'virtual' (FTS5) or 'shadow' (the tables an FTS5 table keeps its index in). */
  type: string;
  withoutRowid: boolean;
  columns: ColumnInfo[];
}

/**
 * Every table of a database file as SQLite itself lists it, SQLite's own (sqlite_schema,
 * sqlite_sequence, sqlite_stat1) left out: they hold no data of Cohort's. The schema and
 * personal-data tests compare their descriptions with this, never with a list of their own.
 */
export function tablesOf(sqlite: SqliteDatabase): TableInfo[] {
  const tables = sqlite.prepare("SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; type: string; wr: 0 | 1 }[];
  return tables.map((t) => ({
    name: t.name,
    type: t.type,
    withoutRowid: t.wr === 1,
    columns: sqlite.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(t.name) as ColumnInfo[],
  }));
}

/** The column is the table's rowid under another name (INTEGER PRIMARY KEY): never NULL, given the next number when left out. */
export function isRowidAlias(table: TableInfo, column: ColumnInfo): boolean {
  return !table.withoutRowid && column.pk === 1 && column.type.toUpperCase() === 'INTEGER' && table.columns.filter((c) => c.pk > 0).length === 1;
}
