import type { RejectedRow } from '../../../shared/api/contract';
import { APPLICATION_FIELDS } from '../../../shared/domain/application-fields';
import { FIELD_LENGTH_LIMITS, REJECTED_ROW_LIMIT, REJECTED_VALUE_LIMIT } from '../../../shared/domain/import-limits';
import { valueTooLong } from '../files/read/limits';
import type { CompiledMapping } from './row-outcome';

/**
 * The per-field length limits (shared/domain/import-limits.ts) applied to a row once the mapping
 * says which column is which field: a first name of 10,000 characters is not a name, and the file
 * is refused (FileUnreadableError ValueTooLong, naming the row and column) before anything is stored.
 */
export function checkFieldLengths(path: string, rowNumber: number, values: readonly string[], mapping: CompiledMapping): void {
  for (const { key } of APPLICATION_FIELDS) {
    const index = mapping.columnOf[key];
    if (index === undefined) continue;
    const limit = FIELD_LENGTH_LIMITS[key];
    if ((values[index] ?? '').length > limit) throw valueTooLong(path, rowNumber, mapping.headers[index]?.trim() || key, limit);
  }
}

/** A value as the store of rejected rows keeps it: cut past `limit` characters, saying so. */
export function cutForStore(value: string, limit = REJECTED_VALUE_LIMIT): string {
  if (value.length <= limit) return value;
  return `${value.slice(0, limit)}… [cut by Cohort: ${value.length.toLocaleString('en-GB')} characters in the file]`;
}

/** A rejected row's values as stored: each cut to REJECTED_VALUE_LIMIT, the row to about REJECTED_ROW_LIMIT characters. */
export function rejectedValuesForStore(values: readonly string[]): string[] {
  let room = REJECTED_ROW_LIMIT;
  return values.map((value) => {
    const kept = cutForStore(value, Math.max(0, Math.min(REJECTED_VALUE_LIMIT, room)));
    room -= Math.min(value.length, REJECTED_VALUE_LIMIT);
    return value.length === 0 ? value : kept;
  });
}

export function rejectionForStore(rejection: RejectedRow): RejectedRow {
  return rejection.value === null ? rejection : { ...rejection, value: cutForStore(rejection.value) };
}
