import { ConflictError } from '../../../shared/api/errors';
import type { ApplicationFieldKey } from '../../../shared/domain/application-fields';
import type { ActiveCorrections } from '../applications/corrections';
import { changedFields, columnOf, sameContent, STORED_COLUMNS, type FieldChange, type SqlValue } from '../applications/store';

/**
 * What an import does with one row of the file, decided the same way by the preview and by the
 * commit, on either engine (the stores differ only in how they find the stored application and
 * write the outcome): a new Application ID is added; one that says the same as the stored
 * application is left unchanged; one that says something new updates it, field by field, and
 * supersedes an officer's correction the export now contradicts.
 */

export const ID_INDEX = STORED_COLUMNS.indexOf('application_id');

/** A stored application as an import compares it: its id and its COMPARED_COLUMNS values. */
export interface StoredApplication {
  id: number;
  values: SqlValue[];
}

export type RowDecision =
  | { kind: 'added' }
  | { kind: 'unchanged'; id: number }
  | { kind: 'updated'; id: number; changes: FieldChange[]; superseded: ApplicationFieldKey[] };

/** One object for every new row: the commit of a first import decides tens of thousands of them. */
const ADDED: RowDecision = Object.freeze({ kind: 'added' });

const STORED_INDEX = new Map(STORED_COLUMNS.map((c, i) => [c, i]));

/** A raw field's text in a staged row (STORED_COLUMNS order). */
export function valueOfField(values: readonly SqlValue[], field: ApplicationFieldKey): string | null {
  const v = values[STORED_INDEX.get(columnOf(field)) ?? -1];
  return v === null || v === undefined ? null : String(v);
}

/** The Application ID of a staged row. */
export function applicationIdOf(values: readonly SqlValue[]): string {
  return String(values[ID_INDEX] ?? '');
}

/**
 * The decision for one staged row (values in STORED_COLUMNS order, officers' corrections already
 * put back where the export still says what it said: withCorrections) against the stored
 * application with its Application ID, if any.
 */
export function decideRow(values: SqlValue[], stored: StoredApplication | undefined, corrections: ActiveCorrections, atPreview?: ActiveCorrections): RowDecision {
  if (!stored) return ADDED;
  if (sameContent(stored.values, values)) return { kind: 'unchanged', id: stored.id };
  // Only where the row would be written: a row left as it is cannot overwrite anyone's correction.
  if (atPreview) checkCorrectionsAsPreviewed(applicationIdOf(values), corrections, atPreview);
  return { kind: 'updated', id: stored.id, changes: changedFields(stored.values, values), superseded: overwrittenCorrections(values, corrections) };
}

/**
 * The preview put officers' corrections back into the rows it staged (withCorrections), as they
 * stood then. An officer who corrects a value, or withdraws a correction, between the preview and
 * the commit (another workstation, while the administrator reads the preview) would otherwise see
 * the import overwrite it, or bring a withdrawn value back, without a word: the commit, reading the
 * corrections under its locks, refuses instead, and the file is previewed again.
 */
export class CorrectedSincePreviewError extends ConflictError {
  constructor(applicationId: string) {
    super(
      `An officer corrected ${applicationId}, or withdrew a correction of it, after this file was previewed. Nothing was stored: preview the file again, then import it.`,
      'CorrectedSincePreview',
      { applicationId },
    );
  }
}

function sameCorrections(a: ReadonlyMap<string, { imported: string; corrected: string }> | undefined, b: ReadonlyMap<string, { imported: string; corrected: string }> | undefined): boolean {
  if ((a?.size ?? 0) !== (b?.size ?? 0)) return false;
  for (const [field, c] of a ?? []) {
    const other = b?.get(field);
    if (!other || other.imported !== c.imported || other.corrected !== c.corrected) return false;
  }
  return true;
}

function checkCorrectionsAsPreviewed(applicationId: string, now: ActiveCorrections, atPreview: ActiveCorrections): void {
  if (!sameCorrections(now.get(applicationId), atPreview.get(applicationId))) throw new CorrectedSincePreviewError(applicationId);
}

/** The corrected fields of this application where the export now says something new: the export wins. */
function overwrittenCorrections(values: readonly SqlValue[], corrections: ActiveCorrections): ApplicationFieldKey[] {
  const fields = corrections.get(applicationIdOf(values));
  if (!fields) return [];
  const superseded: ApplicationFieldKey[] = [];
  for (const [field, c] of fields) if (valueOfField(values, field) !== c.corrected) superseded.push(field);
  return superseded;
}
