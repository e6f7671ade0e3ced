import type { CopyPlan, TablePlan } from './copy-plan';
import { JSON_ID_RULES, type IdLookup } from './json-ids';
import { officerNameColumns, type OfficerNames } from './officer-logins';

/**
 * The copy itself, between any source and any target (a SQLite file, the server): every table of
 * the plan, parents first; each row's own id given the target's new one, each foreign key and each
 * id in JSON (json-ids.ts) rewritten through the maps. All the ids are allocated before the first
 * row is written, so that an id in JSON may point at a table written later (a reply's action).
 */

export type Value = string | number | null;
/** A row as a list of values, in the plan's column order. */
export type Row = Value[];

export interface CampaignSource {
  /** The ids of the campaign's rows of a table with its own id, ascending. */
  ids(table: TablePlan, campaignId: number): Promise<number[]>;
  /** The campaign's rows of a table, in the plan's column order (tables with their own id: by id). */
  rows(table: TablePlan, campaignId: number): AsyncIterable<Row>;
}

export interface CampaignTarget {
  /** As many new ids for a table as `ids`, ascending, reserved for this copy. */
  allocate(table: TablePlan, ids: readonly number[]): Promise<number[]>;
  /** Writes the rows; returns how many. */
  write(table: TablePlan, rows: AsyncIterable<Row>): Promise<number>;
}

export interface CopyProgress {
  table: string;
  rows: number;
}

export interface CopiedCounts {
  campaignId: number;
  tables: CopyProgress[];
}

/** An id in the source that the copy did not carry: a foreign key the source's own checks would have refused. */
export class DanglingIdError extends Error {
  constructor(table: string, column: string, parent: string, id: number) {
    super(`${table}.${column} points at ${parent} row ${id}, which is not part of the campaign: the source database is inconsistent (run its integrity check). Nothing was copied.`);
    this.name = 'DanglingIdError';
  }
}

export async function copyRows(
  plan: CopyPlan,
  source: CampaignSource,
  target: CampaignTarget,
  campaignId: number,
  options: {
    campaignRow?: (get: (column: string) => Value) => Partial<Record<string, Value>>;
    progress?: (step: CopyProgress) => void;
    /** Officers' names written as their logins (to the server: officer-logins.ts). */
    officers?: OfficerNames;
  } = {},
): Promise<CopiedCounts> {
  const maps = new Map<string, Map<number, number>>();
  for (const table of plan.tables.filter((t) => t.ownId)) {
    const ids = await source.ids(table, campaignId);
    const fresh = await target.allocate(table, ids);
    // Both ascending: the order of ids is kept (undo finds "a later action" by a greater id).
    maps.set(table.name, new Map(ids.map((id, i) => [id, fresh[i] ?? 0])));
  }
  const lookup: IdLookup = (table, id) => maps.get(table)?.get(id) ?? null;
  const newCampaignId = lookup('campaigns', campaignId);
  if (newCampaignId === null) throw new Error(`There is no campaign number ${campaignId} to copy.`);

  const tables: CopyProgress[] = [];
  for (const table of plan.tables) {
    const rewrite = rowRewriter(table, lookup, table.name === 'campaigns' ? options.campaignRow : undefined, options.officers);
    const rows = (async function* () {
      for await (const row of source.rows(table, campaignId)) yield rewrite(row);
    })();
    const written = await target.write(table, rows);
    tables.push({ table: table.name, rows: written });
    options.progress?.({ table: table.name, rows: written });
  }
  return { campaignId: newCampaignId, tables };
}

/** The function that gives one row of a table its target ids; prepared once per table. */
function rowRewriter(
  table: TablePlan,
  lookup: IdLookup,
  campaignRow?: (get: (column: string) => Value) => Partial<Record<string, Value>>,
  officers?: OfficerNames,
): (row: Row) => Row {
  const index = new Map(table.columns.map((c, i) => [c, i]));
  const at = (column: string) => index.get(column) ?? -1;
  const idIndex = table.ownId ? at('id') : -1;
  const keys = table.foreignKeys.map((fk) => ({ ...fk, index: at(fk.column) }));
  const rules = JSON_ID_RULES.filter((r) => r.table === table.name).map((rule) => ({ rule, index: at(rule.column) }));
  const named = officers ? officerNameColumns(table.name).map(at).filter((i) => i >= 0).map((index) => ({ index, officers })) : [];
  return (row) => {
    const source = row;
    const get = (column: string): Value => source[at(column)] ?? null;
    const out = [...row];
    if (idIndex >= 0) out[idIndex] = lookup(table.name, Number(row[idIndex]));
    for (const key of keys) {
      const value = row[key.index];
      if (value === null || value === undefined) continue;
      const next = lookup(key.parent, Number(value));
      if (next === null && !key.nullable) throw new DanglingIdError(table.name, key.column, key.parent, Number(value));
      out[key.index] = next;
    }
    for (const { rule, index } of rules) {
      const value = row[index];
      if (typeof value === 'string') out[index] = rule.rewrite(value, get, lookup);
    }
    for (const { index, officers: names } of named) out[index] = names.rename(row[index] ?? null);
    if (campaignRow) for (const [column, value] of Object.entries(campaignRow(get))) if (value !== undefined && at(column) >= 0) out[at(column)] = value;
    return out;
  };
}
