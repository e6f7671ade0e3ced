import { APPLICATION_FIELDS, type ApplicationRecord } from '../../../shared/domain/application-fields';
import { parseDivision } from '../../../shared/domain/divisions';
import { parseDateTime } from '../../../shared/domain/datetime';
import type { SqliteDatabase } from '../../../db/connection';

/** camelCase field key -> snake_case column, the same rule as Kysely's CamelCasePlugin. */
export function columnOf(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const RAW_COLUMNS = APPLICATION_FIELDS.map((f) => columnOf(f.key));
const ALL_COLUMNS = ['campaign_id', ...RAW_COLUMNS, 'division_code', 'submitted_at', 'source', 'created_at', 'updated_at'];
/** Rows per INSERT: SQLite allows 32,766 bound values; ~30 columns x 200 rows stays well under. */
const ROWS_PER_STATEMENT = 200;

function insertSql(rows: number): string {
  const one = `(${ALL_COLUMNS.map(() => '?').join(',')})`;
  return `INSERT INTO applications (${ALL_COLUMNS.join(',')}) VALUES ${Array.from({ length: rows }, () => one).join(',')}`;
}

function rowValues(campaignId: number, record: ApplicationRecord, source: string, now: string): (string | number | null)[] {
  return [
    campaignId,
    ...APPLICATION_FIELDS.map((f) => record[f.key] ?? ''),
    parseDivision(record.division),
    parseDateTime(record.submittedOn),
    source,
    now,
    now,
  ];
}

/**
 * Inserts many applications in ONE transaction, with multi-row prepared statements (Kysely's
 * per-row inserts run at a tenth of this). Either every record is stored or none is.
 */
export function insertApplications(
  sqlite: SqliteDatabase,
  campaignId: number,
  records: Iterable<ApplicationRecord>,
  options: { source: 'demo' | 'import'; onProgress?: (done: number) => void; now?: Date },
): number {
  const now = (options.now ?? new Date()).toISOString();
  const batchStatement = sqlite.prepare(insertSql(ROWS_PER_STATEMENT));
  let inserted = 0;
  sqlite.transaction(() => {
    let batch: (string | number | null)[] = [];
    let inBatch = 0;
    const flush = () => {
      if (inBatch === 0) return;
      const statement = inBatch === ROWS_PER_STATEMENT ? batchStatement : sqlite.prepare(insertSql(inBatch));
      statement.run(batch);
      inserted += inBatch;
      batch = [];
      inBatch = 0;
      options.onProgress?.(inserted);
    };
    for (const record of records) {
      const values = rowValues(campaignId, record, options.source, now);
      for (const v of values) batch.push(v);
      inBatch++;
      if (inBatch === ROWS_PER_STATEMENT) flush();
    }
    flush();
  }).immediate();
  return inserted;
}
