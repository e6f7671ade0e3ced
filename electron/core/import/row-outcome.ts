import type { ColumnTarget, RejectedRow, RejectionCode } from '../../../shared/api/contract';
import { APPLICATION_FIELDS, type ApplicationFieldKey, type ApplicationRecord } from '../../../shared/domain/application-fields';
import { parseDateTime } from '../../../shared/domain/datetime';
import { parseStatus } from '../../../shared/domain/listed-values';

/**
 * What becomes of one row of the export (e-recruitment-export.md, "What a row gets"): rejected with
 * its row, column and a plain message; skipped as a draft; or stored, however odd its other values.
 */
export type RowOutcome =
  | { kind: 'rejected'; rejection: RejectedRow }
  | { kind: 'draft' }
  | { kind: 'stored'; record: ApplicationRecord; extra: Record<string, string> | null; submittedAt: string };

/** A mapping compiled once per file: which column feeds each field, and which are extras. */
export interface CompiledMapping {
  headers: string[];
  columnOf: Partial<Record<ApplicationFieldKey, number>>;
  extras: { index: number; name: string }[];
  hasStatusColumn: boolean;
}

export function compileMapping(headers: string[], mapping: ColumnTarget[]): CompiledMapping {
  const columnOf: Partial<Record<ApplicationFieldKey, number>> = {};
  const extras: { index: number; name: string }[] = [];
  mapping.forEach((target, index) => {
    if (target.kind === 'field' && columnOf[target.field] === undefined) columnOf[target.field] = index;
    if (target.kind === 'extra') extras.push({ index, name: headers[index]?.trim() || `Column ${index + 1}` });
  });
  return { headers, columnOf, extras, hasStatusColumn: columnOf.status !== undefined };
}

const MESSAGES: Record<RejectionCode, (value: string) => string> = {
  MissingApplicationId: () => 'The application ID is empty, so the application cannot be identified.',
  MissingStatus: () => 'The status is empty: it must say whether the application was submitted or is a draft.',
  UnknownStatus: (v) => `"${v}" is not a status the export uses (Submitted / Soumise or Draft / Brouillon).`,
  MissingSubmittedOn: () => 'The application is marked submitted but has no submission date.',
  UnreadableSubmittedOn: (v) => `"${v}" cannot be read as a submission date and time (e.g. 2025-04-06 14:30 or 06/04/2025 14:30).`,
  DuplicateApplicationId: (v) => `The application ID "${v}" already appears on an earlier row of this file; only the first is taken.`,
  TooManyValues: (v) => `This row has ${v} more value(s) than the header has columns; a delimiter or quote is probably out of place.`,
};

function reject(rowNumber: number, mapping: CompiledMapping, field: ApplicationFieldKey | null, code: RejectionCode, value: string): RowOutcome {
  const index = field === null ? undefined : mapping.columnOf[field];
  return {
    kind: 'rejected',
    rejection: {
      row: rowNumber,
      column: index === undefined ? null : (mapping.headers[index] ?? null),
      code,
      message: MESSAGES[code](value),
      value: field === null && code !== 'TooManyValues' ? null : value,
    },
  };
}

/**
 * Classifies a row. `seenIds` holds the application ids of earlier rows of the same file: every
 * row after the first that repeats an id is rejected, "whatever became of the first".
 */
export function classifyRow(
  rowNumber: number,
  values: string[],
  extraValues: number | undefined,
  mapping: CompiledMapping,
  seenIds: Set<string>,
): RowOutcome {
  const value = (field: ApplicationFieldKey): string => {
    const index = mapping.columnOf[field];
    return index === undefined ? '' : (values[index] ?? '');
  };
  const applicationId = value('applicationId').trim();
  const firstTime = applicationId !== '' && !seenIds.has(applicationId);
  if (applicationId !== '') seenIds.add(applicationId);

  if (extraValues) return reject(rowNumber, mapping, null, 'TooManyValues', String(extraValues));
  if (applicationId === '') return reject(rowNumber, mapping, 'applicationId', 'MissingApplicationId', '');
  if (!firstTime) return reject(rowNumber, mapping, 'applicationId', 'DuplicateApplicationId', applicationId);

  // Without a Status column every row is submitted.
  if (mapping.hasStatusColumn) {
    const raw = value('status');
    if (raw.trim() === '') return reject(rowNumber, mapping, 'status', 'MissingStatus', raw);
    const status = parseStatus(raw);
    if (status === null) return reject(rowNumber, mapping, 'status', 'UnknownStatus', raw);
    if (status === 'draft') return { kind: 'draft' };
  }
  const submittedOn = value('submittedOn');
  if (submittedOn.trim() === '') return reject(rowNumber, mapping, 'submittedOn', 'MissingSubmittedOn', submittedOn);
  const submittedAt = parseDateTime(submittedOn);
  if (submittedAt === null) return reject(rowNumber, mapping, 'submittedOn', 'UnreadableSubmittedOn', submittedOn);

  // A plain loop: this runs for every row of files of 50,000 rows, and pairs of arrays add up.
  const record = {} as ApplicationRecord;
  for (const f of APPLICATION_FIELDS) record[f.key] = value(f.key);
  record.applicationId = applicationId;
  let extra: Record<string, string> | null = null;
  for (const { index, name } of mapping.extras) {
    const v = values[index] ?? '';
    if (v !== '') (extra ??= {})[name] = v;
  }
  return { kind: 'stored', record, extra, submittedAt };
}
