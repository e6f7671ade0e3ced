import { APPLICATION_FIELDS, type ApplicationRecord } from '../../../shared/domain/application-fields';
import { parseApplication, type ParsedApplication } from '../../../shared/domain/parse-application';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../../../db/connection';
import type { ExportChangeView } from '../../../shared/api/contract';
import { writeTransaction } from '../../../db/write-transaction';

/**
 * How applications are written: raw text of every field as the export wrote it, the parsed form
 * beside it, and extra attributes. Bulk paths use multi-row prepared statements in one transaction
 * (Kysely's per-row inserts run at a tenth of this speed).
 */

/** camelCase field key -> snake_case column, the same rule as Kysely's CamelCasePlugin. */
export function columnOf(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export const RAW_COLUMNS = APPLICATION_FIELDS.map((f) => columnOf(f.key));

/** Parsed value -> its column. Division and submission keep the names they had before 0003. */
export const PARSED_COLUMNS: Record<Exclude<keyof ParsedApplication, 'status'>, string> = {
  submittedAt: 'submitted_at',
  divisionCode: 'division_code',
  dateOfBirth: 'date_of_birth_parsed',
  degreeDate: 'degree_date_parsed',
  yearsCompleted: 'years_completed_parsed',
  currentlyEnrolled: 'currently_enrolled_parsed',
  funding: 'funding_parsed',
  englishLevel: 'english_level_parsed',
  frenchLevel: 'french_level_parsed',
  nationalityCode: 'nationality_code',
  nameKey: 'name_key',
};
const PARSED_KEYS = Object.keys(PARSED_COLUMNS) as (keyof typeof PARSED_COLUMNS)[];

/** Every column an import or the demo writes from a record, in a fixed order. */
export const STORED_COLUMNS = [...RAW_COLUMNS, 'extra_json', ...PARSED_KEYS.map((k) => PARSED_COLUMNS[k])];
/** The columns whose change is a change of the application (parsed ones follow from the raw ones). */
export const COMPARED_COLUMNS = [...RAW_COLUMNS, 'extra_json'];

/** A prepared lookup of a stored application by Application ID, with the values a re-import compares. */
export function storedApplicationLookup(sqlite: SqliteDatabase, campaignId: number): (applicationId: SqlValue) => { id: number; values: SqlValue[] } | undefined {
  const statement = sqlite.prepare(`SELECT id, ${COMPARED_COLUMNS.join(', ')} FROM applications WHERE campaign_id = ? AND application_id = ?`).raw();
  return (applicationId) => {
    const row = statement.get(campaignId, applicationId) as SqlValue[] | undefined;
    return row ? { id: Number(row[0]), values: row.slice(1) } : undefined;
  };
}

/** True when a row's values (in STORED_COLUMNS order) say the same as the stored ones. */
export function sameContent(stored: SqlValue[], values: SqlValue[]): boolean {
  for (let i = 0; i < COMPARED_COLUMNS.length; i++) if (stored[i] !== values[i]) return false;
  return true;
}

/** The field of each compared column (extra columns together as 'extraAttributes'), for revisions and previews. */
export const FIELD_OF_COMPARED_COLUMN: readonly string[] = COMPARED_COLUMNS.map((c) =>
  c === 'extra_json' ? 'extraAttributes' : c.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase()),
);

export interface FieldChange {
  field: string;
  before: SqlValue;
  after: SqlValue;
}

/** What a newer export changes in a stored application, field by field (a re-import's revisions). */
export function changedFields(stored: SqlValue[], values: SqlValue[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (let i = 0; i < COMPARED_COLUMNS.length; i++) {
    const before = stored[i] ?? null;
    const after = values[i] ?? null;
    if (before !== after) changes.push({ field: FIELD_OF_COMPARED_COLUMN[i] as string, before, after });
  }
  return changes;
}

export type SqlValue = string | number | Buffer | null;

/** Appends a record's values for STORED_COLUMNS to `target` (no intermediate arrays: bulk paths call it per row). */
export function pushStoredValues(
  target: SqlValue[],
  record: ApplicationRecord,
  extra: Record<string, string> | null,
  known?: Partial<ParsedApplication>,
): void {
  const parsed = parseApplication(record, known);
  for (const f of APPLICATION_FIELDS) target.push(record[f.key] ?? '');
  target.push(extra && Object.keys(extra).length > 0 ? JSON.stringify(extra) : null);
  for (const k of PARSED_KEYS) {
    const v = parsed[k];
    target.push(typeof v === 'boolean' ? Number(v) : v);
  }
}

export function storedValues(record: ApplicationRecord, extra: Record<string, string> | null): SqlValue[] {
  const values: SqlValue[] = [];
  pushStoredValues(values, record, extra);
  return values;
}

/** Prepared statements per connection and SQL text, for paths that ask the same queries over and over. */
const statementCache = new WeakMap<SqliteDatabase, Map<string, Statement<unknown[]>>>();
/** Queue views combine filters and sorts: the cache forgets everything past this many rather than grow. */
const CACHED_STATEMENTS = 200;

/**
 * The statement for `sql` on this connection, prepared on first use. `Row` is what the SQL selects
 * (the caller's SQL text is the one place that says so): the rows come out typed.
 */
export function cachedStatement<Row = unknown>(sqlite: SqliteDatabase, sql: string): Statement<unknown[], Row> {
  let cache = statementCache.get(sqlite);
  if (!cache) statementCache.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= CACHED_STATEMENTS) cache.clear();
    cache.set(sql, (statement = sqlite.prepare(sql)));
  }
  return statement as Statement<unknown[], Row>;
}

/** An application's raw fields from a stored row (SELECT * or the raw columns), as the export gave them. */
export function recordOfRow(row: Record<string, unknown>): ApplicationRecord {
  return Object.fromEntries(APPLICATION_FIELDS.map((f) => [f.key, String(row[columnOf(f.key)] ?? '')])) as ApplicationRecord;
}

/** The extra columns the user chose to keep, from a stored row. */
export function extraOfRow(row: { extra_json?: unknown }): Record<string, string> {
  return row.extra_json ? (JSON.parse(String(row.extra_json)) as Record<string, string>) : {};
}

/**
 * Inserts rows with one prepared single-row statement (cached per connection). Measured here on
 * 50,000 applications, this beats multi-row VALUES lists: binding thousands of parameters at once
 * costs more than it saves in statement steps.
 */
export function insertRows(
  sqlite: SqliteDatabase,
  table: string,
  columns: string[],
  rows: Iterable<SqlValue[]>,
  onProgress?: (done: number) => void,
): number {
  const statement = cachedStatement(sqlite, `INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
  let done = 0;
  for (const row of rows) {
    statement.run(row);
    if (++done % 1000 === 0) onProgress?.(done);
  }
  onProgress?.(done);
  return done;
}

/** Inserts new applications in ONE transaction: every record is stored or none is. */
export function insertApplications(
  sqlite: SqliteDatabase,
  campaignId: number,
  records: Iterable<ApplicationRecord>,
  options: { source: 'demo' | 'import'; onProgress?: (done: number) => void; now?: Date },
): number {
  const now = (options.now ?? new Date()).toISOString();
  const columns = ['campaign_id', ...STORED_COLUMNS, 'source', 'created_at', 'updated_at'];
  function* rows(): Generator<SqlValue[]> {
    for (const record of records) yield [campaignId, ...storedValues(record, null), options.source, now, now];
  }
  return writeTransaction(sqlite, () => insertRows(sqlite, 'applications', columns, rows(), options.onProgress));
}

/**
 * Recomputes the parsed columns from the raw text, e.g. for rows stored before those columns
 * existed (schema 2) or after a parsing rule changed.
 */
export function reparseApplications(sqlite: SqliteDatabase): number {
  // In pages by id: better-sqlite3 cannot write while a SELECT on the same connection is open.
  const select = sqlite.prepare(`SELECT id, ${RAW_COLUMNS.join(',')} FROM applications WHERE id > ? ORDER BY id LIMIT 2000`);
  const update = sqlite.prepare(`UPDATE applications SET ${PARSED_KEYS.map((k) => `${PARSED_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`);
  let n = 0;
  writeTransaction(sqlite, () => {
    for (let after = 0; ; ) {
      const page = select.all(after) as Record<string, string | number>[];
      if (page.length === 0) break;
      for (const row of page) {
        const parsed = parseApplication(recordOfRow(row));
        update.run(...PARSED_KEYS.map((k) => (typeof parsed[k] === 'boolean' ? Number(parsed[k]) : parsed[k])), row.id);
        after = Number(row.id);
        n++;
      }
    }
  });
  return n;
}

/**
 * What newer exports changed in an application, newest import first: the revisions an import wrote
 * (an officer's correction is a revision with an actor, shown with the corrections instead).
 */
export function exportChangesOf(sqlite: SqliteDatabase, ref: number): ExportChangeView[] {
  const rows = sqlite
    .prepare(
      `SELECT r.import_id, i.file_name, r.at, r.field, r.old_value, r.new_value
         FROM application_revisions r LEFT JOIN imports i ON i.id = r.import_id
        WHERE r.application_ref = ? AND r.actor IS NULL
        ORDER BY r.id DESC`,
    )
    .raw()
    .all(ref) as ExportChangeRow[];
  return exportChangesFromRows(rows);
}

/** A revision row: import id, file name, at, field, old value, new value (newest first). */
export type ExportChangeRow = [number | null, string | null, string, string, string | null, string | null];

/** What newer exports changed, grouped per import (newest first), fields in the export's order. */
export function exportChangesFromRows(rows: readonly ExportChangeRow[]): ExportChangeView[] {
  const byImport: ExportChangeView[] = [];
  for (const [importId, fileName, at, field, before, after] of rows) {
    let last = byImport[byImport.length - 1];
    if (!last || last.importId !== importId || last.at !== at) byImport.push((last = { importId, fileName, at, changes: [] }));
    last.changes.push({ field, before, after });
  }
  // Within an import, fields in the export's order.
  for (const view of byImport) view.changes.reverse();
  return byImport;
}
