import type { SqliteDatabase } from '../connection';
import { JSON_ID_RULES } from './json-ids';

/**
 * Which tables hold a campaign, in which order to write them, and which of their columns are ids:
 * read from SQLite's own schema (PRAGMA table_list, table_info, foreign_key_list), never from a list
 * kept by hand, so that a table or a foreign key added by a later migration is copied too. Both
 * directions read it from a SQLite file at the latest schema: the source file going up to the
 * server, the new file coming back. The server's columns are checked against it
 * (postgres-side.ts), so a drift between the two schemas stops the copy before it writes.
 */

export interface ForeignKey {
  column: string;
  /** The table it points at (always its `id`, or an application's `id`). */
  parent: string;
  nullable: boolean;
}

export interface TablePlan {
  name: string;
  columns: readonly string[];
  /** SQLite's declared type of each column: how a value read back from the server is typed. */
  types: Readonly<Record<string, 'INTEGER' | 'REAL' | 'TEXT'>>;
  /** The table's own INTEGER PRIMARY KEY `id`, given a new value on the target (the target's sequence). */
  ownId: boolean;
  foreignKeys: readonly ForeignKey[];
  /** Rows of the campaign: a WHERE clause (the campaign's id written in: it is a checked integer). */
  where: (campaignId: number) => string;
}

export interface CopyPlan {
  /** Parents before children: the campaign first, then what points at it, and so on. */
  tables: readonly TablePlan[];
  /** Tables left out, each with why. */
  skipped: readonly { name: string; why: string }[];
}

/**
 * Tables that are no campaign's data. Everything else must be tied to a campaign (a campaign_id
 * column, or a foreign key to a table that is), or the plan refuses: a new table nobody
 * classified is not silently left behind.
 */
export const NOT_A_CAMPAIGN_S: Readonly<Record<string, string>> = {
  search_state: 'search bookkeeping: the target indexes the copied applications itself',
  search_pending: 'search bookkeeping: the target indexes the copied applications itself',
  preferences: "this workstation's preferences (officers' names, the last folder), not a campaign's",
  privacy_owed: "rewritings owed to this database's own backups (erasures, purges); the copy holds the data as it is now",
  cohort_schema: "the server's schema version",
};

interface TableInfoRow {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}
interface ForeignKeyRow {
  table: string;
  from: string;
  to: string;
}
interface TableListRow {
  name: string;
  type: string;
  schema: string;
}

/** NOT NULL, or the primary key (SQLite reports an INTEGER PRIMARY KEY as nullable: it is the rowid). */
function isRequired(column: TableInfoRow | undefined): boolean {
  return column !== undefined && (column.notnull === 1 || column.pk > 0);
}

function declaredType(type: string): 'INTEGER' | 'REAL' | 'TEXT' {
  const upper = type.toUpperCase();
  if (upper.includes('INT')) return 'INTEGER';
  if (upper.includes('REAL') || upper.includes('FLOA') || upper.includes('DOUB')) return 'REAL';
  return 'TEXT';
}

export function isCampaignId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0;
}

/** The plan of the SQLite file's schema; throws when a table is tied to no campaign and not known as bookkeeping. */
export function copyPlan(sqlite: SqliteDatabase): CopyPlan {
  const listed = sqlite.prepare('PRAGMA main.table_list').all() as TableListRow[];
  const skipped: { name: string; why: string }[] = [];
  const candidates: { name: string; columns: TableInfoRow[]; foreignKeys: ForeignKeyRow[] }[] = [];
  for (const table of listed) {
    if (table.schema !== 'main' || table.name.startsWith('sqlite_')) continue;
    if (table.type === 'virtual' || table.type === 'shadow') {
      skipped.push({ name: table.name, why: "the full-text index (FTS5): rebuilt on the target, from the copied applications" });
      continue;
    }
    if (table.type !== 'table') continue;
    const why = NOT_A_CAMPAIGN_S[table.name];
    if (why) {
      skipped.push({ name: table.name, why });
      continue;
    }
    candidates.push({
      name: table.name,
      columns: sqlite.prepare(`PRAGMA main.table_info("${table.name}")`).all() as TableInfoRow[],
      foreignKeys: sqlite.prepare(`PRAGMA main.foreign_key_list("${table.name}")`).all() as ForeignKeyRow[],
    });
  }

  // How each table's rows belong to a campaign, found outward from `campaigns`: a campaign_id
  // column (notice_standing_stale has no foreign key, only the column), else the first NOT NULL
  // foreign key to a table already tied.
  const where = new Map<string, (campaignId: number) => string>([['campaigns', (c) => `id = ${c}`]]);
  let found = true;
  while (found) {
    found = false;
    for (const table of candidates) {
      if (where.has(table.name)) continue;
      if (table.columns.some((c) => c.name === 'campaign_id')) {
        where.set(table.name, (c) => `campaign_id = ${c}`);
        found = true;
        continue;
      }
      const link = table.foreignKeys.find((fk) => where.has(fk.table) && isRequired(table.columns.find((c) => c.name === fk.from)));
      const parentWhere = link ? where.get(link.table) : undefined;
      if (link && parentWhere) {
        where.set(table.name, (c) => `${link.from} IN (SELECT id FROM ${link.table} WHERE ${parentWhere(c)})`);
        found = true;
      }
    }
  }
  const untied = candidates.filter((t) => !where.has(t.name)).map((t) => t.name);
  if (untied.length > 0) throw new Error(`Cohort does not know how the table(s) ${untied.join(', ')} belong to a campaign, so it cannot copy one (db/copy/copy-plan.ts).`);

  const plans = new Map<string, TablePlan>();
  for (const table of candidates) {
    const keyColumns = table.columns.filter((c) => c.pk > 0);
    const only = keyColumns[0];
    plans.set(table.name, {
      name: table.name,
      columns: table.columns.map((c) => c.name),
      types: Object.fromEntries(table.columns.map((c) => [c.name, declaredType(c.type)])),
      // An INTEGER PRIMARY KEY named id is the rowid: the table's own identity. A key that is a
      // foreign key (screening_results.application_ref) is rewritten as one.
      ownId: keyColumns.length === 1 && only?.name === 'id' && declaredType(only.type) === 'INTEGER',
      foreignKeys: foreignKeysOf(table.columns, table.foreignKeys),
      where: where.get(table.name) ?? (() => '0'),
    });
  }
  for (const rule of JSON_ID_RULES) {
    if (!plans.get(rule.table)?.columns.includes(rule.column)) throw new Error(`db/copy/json-ids.ts names ${rule.table}.${rule.column}, which the schema does not have.`);
  }
  return { tables: parentsFirst([...plans.values()]), skipped };
}

/**
 * The declared foreign keys, and a campaign_id column declared without one (notice_standing_stale's)
 * as one to campaigns: its value is the campaign's id on the target too.
 */
function foreignKeysOf(columns: readonly TableInfoRow[], declared: readonly ForeignKeyRow[]): ForeignKey[] {
  const nullable = (column: string) => !isRequired(columns.find((c) => c.name === column));
  const keys = declared.map((fk) => ({ column: fk.from, parent: fk.table, nullable: nullable(fk.from) }));
  if (columns.some((c) => c.name === 'campaign_id') && !keys.some((k) => k.column === 'campaign_id')) keys.push({ column: 'campaign_id', parent: 'campaigns', nullable: nullable('campaign_id') });
  return keys;
}

/** Topological order over the foreign keys (a table pointing at itself would need no order: none does). */
function parentsFirst(tables: TablePlan[]): TablePlan[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: TablePlan[] = [];
  const visit = (table: TablePlan) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name)) throw new Error(`The foreign keys of ${table.name} go round in a circle: Cohort cannot order the copy.`);
    visiting.add(table.name);
    for (const fk of table.foreignKeys) {
      const parent = byName.get(fk.parent);
      if (parent && parent !== table) visit(parent);
    }
    visiting.delete(table.name);
    done.add(table.name);
    order.push(table);
  };
  // Alphabetical among equals, so that the order (and the progress printed) is the same every time.
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return order;
}
