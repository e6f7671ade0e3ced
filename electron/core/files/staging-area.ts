import { deserialize, serialize } from 'node:v8';
import type { SqliteDatabase } from '../../../db/connection';

/**
 * Where an incoming file waits between its preview and its commit: the rows read from it, ready to
 * write, and the rows refused, each with what was wrong. Any kind of incoming file uses it (the
 * e-recruitment export; hiring managers' workbooks coming back), so each gets the same preview,
 * the same rejected-rows report and the same one-transaction commit from what the user saw.
 *
 * Stored in TEMP tables of the worker's connection: outside the database file, never in a backup,
 * and deleted by SQLite when the connection closes, even after a crash. Rows are kept as batches
 * serialized with v8 (any structured-cloneable row), so memory stays bounded at any file size.
 *
 * SQLite-only: TEMP tables. On a file they are the worker's own connection's; in team mode the
 * server cannot hold them (a pooled connection is not a job's own), and an import stages in a
 * private scratch SQLite database of its own on this computer instead (import/store/pg.ts).
 */

/** Rows per serialized batch, and per write to the TEMP tables. */
const BATCH_ROWS = 500;

/** The tables rejected rows are kept in once committed, each keyed by the record of its commit. */
export type RejectionsTable = { table: 'import_rejections'; key: 'import_id' };

/** A row refused, and why: each kind of file has its own codes (an export's, a reply's). */
export interface StagedRejection<Code extends string = string> {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  /** The header of the column at fault, as written in the file (null: the whole row). */
  column: string | null;
  code: Code;
  /** The same in plain English, for the CLI and logs. */
  message: string;
  /** The value at fault, as written. */
  value: string | null;
}

/** A rejected row as kept once committed (rowid order is file order: rows are read top to bottom). */
export interface KeptRejectionRow {
  seq: number;
  row: number;
  column: string | null;
  code: string;
  message: string;
  value: string | null;
  valuesJson: string;
}

let nextTableNumber = 1;

export class StagingArea<Row, Code extends string = string> {
  private rows: Row[] = [];
  private rejects: [number, string | null, string, string, string | null, string][] = [];
  private batchCount = 0;
  private dropped = false;

  private constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly rejectTable: string,
    private readonly batchTable: string,
  ) {}

  /** A new, empty area on `sqlite` (the connection the commit will write with). */
  static open<Row, Code extends string = string>(sqlite: SqliteDatabase): StagingArea<Row, Code> {
    const n = nextTableNumber++;
    const area = new StagingArea<Row, Code>(sqlite, `temp.staged_rejects_${n}`, `temp.staged_batches_${n}`);
    sqlite.exec(`
      CREATE TABLE ${area.rejectTable} (row_number INTEGER NOT NULL, column_name TEXT, code TEXT NOT NULL, message TEXT NOT NULL, value TEXT, values_json TEXT NOT NULL);
      CREATE TABLE ${area.batchTable} (seq INTEGER PRIMARY KEY, rows BLOB NOT NULL);
    `);
    return area;
  }

  /** A row to write at commit, in file order. */
  add(row: Row): void {
    this.rows.push(row);
    if (this.pending() >= BATCH_ROWS) this.flush();
  }

  /** A row refused, with the values of its cells (kept for the rejected-rows report). */
  reject(rejection: StagedRejection<Code>, values: readonly string[]): void {
    this.rejects.push([rejection.row, rejection.column, rejection.code, rejection.message, rejection.value, JSON.stringify(values)]);
    if (this.pending() >= BATCH_ROWS) this.flush();
  }

  /** Writes what is still held in memory; call once the whole file was read. */
  async finish(): Promise<void> {
    while (this.pending() > 0) {
      this.flush();
      if (this.pending() > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** The staged rows, batch by batch, in the order they were added. */
  *batches(): Generator<Row[]> {
    // One batch per query: better-sqlite3 cannot write on a connection while a SELECT iterates,
    // and the commit writes between two batches.
    const next = this.sqlite.prepare<[number], { seq: number; rows: Buffer }>(`SELECT seq, rows FROM ${this.batchTable} WHERE seq > ? ORDER BY seq LIMIT 1`);
    for (let seq = 0; ; ) {
      const batch = next.get(seq);
      if (!batch) return;
      seq = batch.seq;
      yield deserialize(batch.rows) as Row[];
    }
  }

  /** The first `limit` rejected rows, in file order. */
  rejections(limit: number): StagedRejection<Code>[] {
    if (this.dropped) return [];
    return this.sqlite
      .prepare<[number], StagedRejection<Code>>(`SELECT row_number AS row, column_name AS "column", code, message, value FROM ${this.rejectTable} ORDER BY row_number LIMIT ?`)
      .all(limit);
  }

  /** Copies every rejected row, with its values, into the table kept for them; inside the commit's transaction. */
  keepRejections(into: RejectionsTable, key: number): void {
    this.sqlite
      .prepare(
        `INSERT INTO ${into.table} (${into.key}, row_number, column_name, code, message, value, values_json)
         SELECT ?, row_number, column_name, code, message, value, values_json FROM ${this.rejectTable} ORDER BY row_number`,
      )
      .run(key);
  }

  /**
   * Every rejected row with its values, in file order, a page at a time: for a commit that keeps
   * them in another database than the area's (the office server: keepRejections copies within one).
   */
  *rejectedRows(): Generator<KeptRejectionRow> {
    const page = this.sqlite.prepare<[number], KeptRejectionRow>(
      `SELECT rowid AS seq, row_number AS row, column_name AS "column", code, message, value, values_json AS valuesJson FROM ${this.rejectTable} WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH_ROWS}`,
    );
    for (let after = 0; ; ) {
      const rows = page.all(after);
      if (rows.length === 0) return;
      for (const r of rows) yield r;
      after = rows[rows.length - 1]?.seq ?? after;
    }
  }

  /** Deletes the area. Safe to call twice, or after the connection closed. */
  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.rows = [];
    this.rejects = [];
    const drop = () => {
      if (!this.sqlite.open) return;
      // Not inside another request's transaction (a commit reading its file): its rollback would
      // bring the tables back. TEMP tables cost nothing to keep a moment longer.
      if (this.sqlite.inTransaction) return void setTimeout(drop, 50);
      this.sqlite.exec(`DROP TABLE IF EXISTS ${this.rejectTable}; DROP TABLE IF EXISTS ${this.batchTable};`);
    };
    drop();
  }

  private pending(): number {
    return this.rows.length + this.rejects.length;
  }

  private flush(): void {
    // Another request's transaction may be open on this connection between two awaits; writing now
    // would make these rows part of it (and of its rollback). Keep them a little longer instead.
    if (this.sqlite.inTransaction || this.dropped) return;
    const rows = this.rows;
    const rejects = this.rejects;
    this.sqlite.transaction(() => {
      const reject = this.sqlite.prepare(`INSERT INTO ${this.rejectTable} (row_number, column_name, code, message, value, values_json) VALUES (?, ?, ?, ?, ?, ?)`);
      for (const r of rejects) reject.run(r);
      if (rows.length > 0) this.sqlite.prepare(`INSERT INTO ${this.batchTable} (seq, rows) VALUES (?, ?)`).run(++this.batchCount, serialize(rows));
    })();
    this.rows = [];
    this.rejects = [];
  }
}
