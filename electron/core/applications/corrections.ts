import type { ApplicationFieldKey, ApplicationRecord, CorrectableField } from '../../../shared/domain/application-fields';
import { ConflictError, NotFoundError } from '../../../shared/api/errors';
import type { SqliteDatabase } from '../../../db/connection';
import { columnOf, extraOfRow, recordOfRow, STORED_COLUMNS, storedValues } from './store';
import { auditWriter } from '../audit/audit-log';
import { writeTransaction } from '../../../db/write-transaction';

/**
 * Officers' corrections of imported values (a mistyped date of birth, a country written oddly).
 *
 * The raw column holds the corrected text, so every reader (the rules, the queues, exports) sees one
 * value; the correction row remembers what the export said. A later import that says the same keeps
 * the correction; an import that says something new wins and supersedes it.
 */

export interface CorrectionRequest {
  ref: number;
  field: CorrectableField;
  value: string;
  reason: string;
}

export interface CorrectionOutcome {
  campaignId: number;
  applicationId: string;
  /** False when the value was already the one asked for. */
  changed: boolean;
}

/** The export's value of each corrected field of a campaign's applications: Application ID -> field -> correction. */
export type ActiveCorrections = Map<string, Map<ApplicationFieldKey, { imported: string; corrected: string }>>;

export function activeCorrections(sqlite: SqliteDatabase, campaignId: number): ActiveCorrections {
  const rows = sqlite
    .prepare(
      `SELECT a.application_id, c.field, c.imported_value, c.corrected_value FROM application_corrections c
       JOIN applications a ON a.id = c.application_ref WHERE a.campaign_id = ? AND c.state = 'active'`,
    )
    .raw()
    .all(campaignId) as [string, ApplicationFieldKey, string, string][];
  const byApplication: ActiveCorrections = new Map();
  for (const [id, field, imported, corrected] of rows) {
    let fields = byApplication.get(id);
    if (!fields) byApplication.set(id, (fields = new Map()));
    fields.set(field, { imported, corrected });
  }
  return byApplication;
}

/**
 * An incoming record with the officers' corrections put back where the export still says what it
 * said when they corrected it. Returns the same record when nothing applies.
 */
export function withCorrections(record: ApplicationRecord, corrections: ActiveCorrections): ApplicationRecord {
  const fields = corrections.get(record.applicationId);
  if (!fields) return record;
  let result = record;
  for (const [field, c] of fields) {
    if (record[field] === c.imported && c.imported !== c.corrected) result = { ...result, [field]: c.corrected };
  }
  return result;
}

/** After an import rewrote an application: corrections whose value the import replaced are superseded. */
export function supersedeOverwrittenCorrections(sqlite: SqliteDatabase, ref: number, record: (field: ApplicationFieldKey) => string | null): number {
  const active = sqlite.prepare(`SELECT id, field, corrected_value FROM application_corrections WHERE application_ref = ? AND state = 'active'`).all(ref) as {
    id: number;
    field: ApplicationFieldKey;
    corrected_value: string;
  }[];
  const supersede = sqlite.prepare(`UPDATE application_corrections SET state = 'superseded' WHERE id = ?`);
  let n = 0;
  for (const c of active) {
    if (record(c.field) !== c.corrected_value) {
      supersede.run(c.id);
      n++;
    }
  }
  return n;
}

/**
 * Corrects one raw value: the raw text and every parsed value that follows from it are rewritten,
 * a revision and an audit entry record who, when, before, after and why, in one transaction.
 * Setting a field back to the export's value withdraws the correction.
 */
export function correctApplication(sqlite: SqliteDatabase, request: CorrectionRequest, actor: string, now = new Date()): CorrectionOutcome {
  const at = now.toISOString();
  const column = columnOf(request.field);
  return writeTransaction(sqlite, (): CorrectionOutcome => {
      const row = sqlite.prepare('SELECT * FROM applications WHERE id = ?').get(request.ref) as Record<string, string | number | null> | undefined;
      if (!row) throw new NotFoundError('This application is not in this database. Nothing was corrected.', 'NoSuchApplication');
      const campaignId = Number(row.campaign_id);
      const applicationId = String(row.application_id);
      const before = String(row[column] ?? '');
      const value = request.value.trim();
      if (before === value) return { campaignId, applicationId, changed: false };

      const active = sqlite
        .prepare(`SELECT id, imported_value FROM application_corrections WHERE application_ref = ? AND field = ? AND state = 'active'`)
        .get(request.ref, request.field) as { id: number; imported_value: string } | undefined;
      const imported = active?.imported_value ?? before;
      if (active) sqlite.prepare(`UPDATE application_corrections SET state = ? WHERE id = ?`).run(value === imported ? 'withdrawn' : 'superseded', active.id);
      if (value !== imported) {
        sqlite
          .prepare(
            `INSERT INTO application_corrections (application_ref, field, imported_value, corrected_value, reason, state, actor, at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?)`,
          )
          .run(request.ref, request.field, imported, value, request.reason, actor, at);
      }

      const record = recordOfRow(row);
      record[request.field] = value;
      const extra = row.extra_json ? extraOfRow(row) : null;
      const result = sqlite
        .prepare(`UPDATE applications SET ${STORED_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ? AND ${column} = ?`)
        .run(...storedValues(record, extra), at, request.ref, before);
      // Another window changed the value between the read and the write: say so rather than overwrite it.
      if (result.changes !== 1) throw new ConflictError('This application changed while you were correcting it. Look at it again.', 'ChangedMeanwhile');
      sqlite
        .prepare('INSERT INTO application_revisions (application_ref, import_id, field, old_value, new_value, at, actor) VALUES (?, NULL, ?, ?, ?, ?, ?)')
        .run(request.ref, request.field, before, value, at, actor);
      auditWriter(sqlite)(
        { campaignId, actor, action: 'application.correct', subject: applicationId, details: { field: request.field, before, after: value, imported, reason: request.reason } },
        at,
      );
      return { campaignId, applicationId, changed: true };
    });
}
