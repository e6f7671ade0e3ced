import type { ApplicationFieldKey, ApplicationRecord, CorrectableField } from '../../../shared/domain/application-fields';
import { ConflictError, NotFoundError } from '../../../shared/api/errors';
import type { SqliteDatabase } from '../../../db/connection';
import { columnOf, PARSED_COLUMNS, recordOfRow, STORED_COLUMNS, storedValues, type SqlValue } from './store';
import { auditWriter, type AuditEntry } from '../audit/audit-log';
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
  /** The value as the officer saw it (a correction of a value changed meanwhile is refused); none from the command line. */
  seen?: string;
}

export interface CorrectionOutcome {
  campaignId: number;
  applicationId: string;
  /** False when the value was already the one asked for. */
  changed: boolean;
}

/** The export's value of each corrected field of a campaign's applications: Application ID -> field -> correction. */
export type ActiveCorrections = Map<string, Map<ApplicationFieldKey, { imported: string; corrected: string }>>;

/** The active corrections of a campaign's applications (both engines read them with this SQL: `?` numbered on the server). */
export const ACTIVE_CORRECTIONS_SQL = `SELECT a.application_id, c.field, c.imported_value, c.corrected_value FROM application_corrections c
  JOIN applications a ON a.id = c.application_ref WHERE a.campaign_id = ? AND c.state = 'active'`;

/** A row of ACTIVE_CORRECTIONS_SQL: Application ID, field, the export's value, the officer's. */
export type ActiveCorrectionRow = [string, ApplicationFieldKey, string, string];

export function activeCorrections(sqlite: SqliteDatabase, campaignId: number): ActiveCorrections {
  return correctionsByApplication(sqlite.prepare(ACTIVE_CORRECTIONS_SQL).raw().all(campaignId) as ActiveCorrectionRow[]);
}

export function correctionsByApplication(rows: readonly ActiveCorrectionRow[]): ActiveCorrections {
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

/** After an import rewrote an application: the correction of a field the export now says something new about (both engines). */
export const SUPERSEDE_CORRECTION_SQL = `UPDATE application_corrections SET state = 'superseded' WHERE application_ref = ? AND field = ? AND state = 'active'`;

/** What a correction does, decided the same way on both engines; each writes it with its own SQL. */
export interface CorrectionPlan {
  campaignId: number;
  applicationId: string;
  field: CorrectableField;
  column: string;
  /** The stored value, and the one asked for (trimmed). */
  before: string;
  value: string;
  /** What the export said: kept by the active correction, or the stored value when there is none. */
  imported: string;
  /** The active correction of the field, if any, is withdrawn (set back to the export's value) or superseded by the new one. */
  activeBecomes: 'withdrawn' | 'superseded';
  /** Whether a new active correction is recorded (not when the value goes back to the export's). */
  recordNew: boolean;
  /** The columns the correction rewrites (the raw one, and every parsed value, which may follow from it) and their new values. */
  columns: string[];
  values: SqlValue[];
}

const PARSED = Object.values(PARSED_COLUMNS);

/**
 * The plan of a correction of a stored application (`row`: its columns as stored; `active`: the
 * field's active correction), or null when the value already is the one asked for.
 */
export function planCorrection(row: Record<string, unknown>, request: Pick<CorrectionRequest, 'field' | 'value'>, active: { imported_value: string } | undefined): CorrectionPlan | null {
  const column = columnOf(request.field);
  const campaignId = Number(row.campaign_id);
  const applicationId = String(row.application_id);
  const before = String(row[column] ?? '');
  const value = request.value.trim();
  if (before === value) return null;
  const imported = active?.imported_value ?? before;
  const record = recordOfRow(row);
  record[request.field] = value;
  // The parsed columns follow from the record alone (not its extra columns).
  const all = storedValues(record, null);
  const columns = [column, ...PARSED];
  return {
    campaignId,
    applicationId,
    field: request.field,
    column,
    before,
    value,
    imported,
    activeBecomes: value === imported ? 'withdrawn' : 'superseded',
    recordNew: value !== imported,
    columns,
    values: columns.map((c) => all[STORED_COLUMNS.indexOf(c)] ?? null),
  };
}

/** Whether the value changed since the officer saw it: the correction would replace what they never saw. */
export function changedSinceSeen(row: Record<string, unknown>, request: Pick<CorrectionRequest, 'field' | 'seen'>): boolean {
  return request.seen !== undefined && String(row[columnOf(request.field)] ?? '') !== request.seen;
}

/** Who last changed a field of an application, and when (an officer's correction, or an import by its administrator). */
export const LAST_CHANGE_SQL = `SELECT coalesce(r.actor, i.actor, '') AS "by", r.at, i.file_name AS "fileName" FROM application_revisions r LEFT JOIN imports i ON i.id = r.import_id
  WHERE r.application_ref = ? AND r.field = ? ORDER BY r.id DESC LIMIT 1`;

export interface LastChange {
  by: string;
  at: string;
  fileName: string | null;
}

/** The refusal of a correction whose value changed since the officer saw it, naming who changed it and when (as triage's checkSeen does). */
export function changedMeanwhile(row: Record<string, unknown>, ref: number, last: LastChange | undefined): ConflictError {
  const applicationId = String(row.application_id);
  const by = last?.by ?? '';
  const at = last?.at ?? '';
  const how = last?.fileName ? ` (importing “${last.fileName}”)` : '';
  const who = last ? ` by ${by}${how} at ${at}` : '';
  return new ConflictError(
    `This value of ${applicationId} was changed${who} since you looked at it. Nothing was corrected: look at its new value, then correct it again if it is still wrong.`,
    'ChangedMeanwhile',
    { count: 1, applicationId, by, at, changed: [{ ref, applicationId, by, at }] },
  );
}

/** The audit entry of a correction. */
export function correctionAudit(plan: CorrectionPlan, reason: string, actor: string): AuditEntry {
  return {
    campaignId: plan.campaignId,
    actor,
    action: 'application.correct',
    subject: plan.applicationId,
    details: { field: plan.field, before: plan.before, after: plan.value, imported: plan.imported, reason },
  };
}

/** A correction's statements, the same on both engines (SQLite's `?` numbered on the server). */
export const CORRECTION_SQL = {
  active: `SELECT id, imported_value FROM application_corrections WHERE application_ref = ? AND field = ? AND state = 'active'`,
  endActive: `UPDATE application_corrections SET state = ? WHERE id = ?`,
  record: `INSERT INTO application_corrections (application_ref, field, imported_value, corrected_value, reason, state, actor, at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?)`,
  revision: 'INSERT INTO application_revisions (application_ref, import_id, field, old_value, new_value, at, actor) VALUES (?, NULL, ?, ?, ?, ?, ?)',
  /** Rewrites the planned columns, only while the value is still the one the plan started from. */
  rewrite: (plan: CorrectionPlan) => `UPDATE applications SET ${plan.columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ? AND ${plan.column} = ?`,
} as const;

/**
 * Corrects one raw value: the raw text and every parsed value that follows from it are rewritten,
 * a revision and an audit entry record who, when, before, after and why, in one transaction.
 * Setting a field back to the export's value withdraws the correction.
 */
export function correctApplication(sqlite: SqliteDatabase, request: CorrectionRequest, actor: string, now = new Date()): CorrectionOutcome {
  const at = now.toISOString();
  return writeTransaction(sqlite, (): CorrectionOutcome => {
    const row = sqlite.prepare('SELECT * FROM applications WHERE id = ?').get(request.ref) as Record<string, string | number | null> | undefined;
    if (!row) throw new NotFoundError('This application is not in this database. Nothing was corrected.', 'NoSuchApplication');
    if (changedSinceSeen(row, request)) throw changedMeanwhile(row, request.ref, sqlite.prepare(LAST_CHANGE_SQL).get(request.ref, request.field) as LastChange | undefined);
    const active = sqlite.prepare(CORRECTION_SQL.active).get(request.ref, request.field) as { id: number; imported_value: string } | undefined;
    const plan = planCorrection(row, request, active);
    if (!plan) return { campaignId: Number(row.campaign_id), applicationId: String(row.application_id), changed: false };
    if (active) sqlite.prepare(CORRECTION_SQL.endActive).run(plan.activeBecomes, active.id);
    if (plan.recordNew) sqlite.prepare(CORRECTION_SQL.record).run(request.ref, request.field, plan.imported, plan.value, request.reason, actor, at);
    const result = sqlite.prepare(CORRECTION_SQL.rewrite(plan)).run(...plan.values, at, request.ref, plan.before);
    // Another window changed the value between the read and the write: say so rather than overwrite it.
    if (result.changes !== 1) throw new ConflictError('This application changed while you were correcting it. Look at it again.', 'ChangedMeanwhile');
    sqlite.prepare(CORRECTION_SQL.revision).run(request.ref, request.field, plan.before, plan.value, at, actor);
    auditWriter(sqlite)(correctionAudit(plan, request.reason, actor), at);
    return { campaignId: plan.campaignId, applicationId: plan.applicationId, changed: true };
  });
}
