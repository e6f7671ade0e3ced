import type { ColumnTarget } from '../../../shared/api/contract';
import { columnLetter } from '../files/read/column-letter';
import { APPLICATION_FIELDS, type ApplicationFieldKey } from '../../../shared/domain/application-fields';

/**
 * Matching the export's headers to fields. The layout drifts between years and between the
 * e-recruitment system's English and French interfaces, so headers are compared ignoring case,
 * accents, surrounding spaces and punctuation (e-recruitment-export.md).
 */

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Other names the export is known to use for a field, beside its English and French headers. */
const ALIASES: Partial<Record<ApplicationFieldKey, string[]>> = {
  email: ['E-mail', 'E-mail address', 'Email address', 'Adresse électronique'],
};

const FIELD_BY_HEADER = new Map<string, ApplicationFieldKey>(
  APPLICATION_FIELDS.flatMap((f) => [f.en, f.fr, ...(ALIASES[f.key] ?? [])].map((h) => [normalizeHeader(h), f.key] as const)),
);

export function detectField(header: string): ApplicationFieldKey | null {
  return FIELD_BY_HEADER.get(normalizeHeader(header)) ?? null;
}

/**
 * The automatic mapping: each recognised header to its field; unrecognised ones kept as extra
 * attributes (nothing the office received is thrown away unless they say so). Two columns that
 * match one field both map to it, so that `mappingProblems` makes the user choose: guessing which
 * "Email" is the real one could put the wrong address on every notice.
 */
export function automaticMapping(headers: string[]): ColumnTarget[] {
  return headers.map((header): ColumnTarget => {
    const field = detectField(header);
    if (field) return { kind: 'field', field };
    return header.trim() === '' ? { kind: 'ignore' } : { kind: 'extra' };
  });
}

/** Identifies a layout: the same headers in the same order, however they are spelled in case and accents. */
export function headerSignature(headers: string[]): string {
  return JSON.stringify(headers.map(normalizeHeader));
}


export interface MappingProblem {
  message: string;
  path: (string | number)[];
}

/** What makes a mapping unusable: a length that does not fit the file, no Application ID, a field twice. */
export function mappingProblems(headers: string[], mapping: ColumnTarget[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.length !== headers.length) {
    problems.push({ path: ['mapping'], message: `The file has ${headers.length} columns but the mapping describes ${mapping.length}.` });
    return problems;
  }
  const columnsByField = new Map<ApplicationFieldKey, number[]>();
  mapping.forEach((target, index) => {
    if (target.kind === 'field') columnsByField.set(target.field, [...(columnsByField.get(target.field) ?? []), index]);
  });
  if (!columnsByField.has('applicationId')) {
    problems.push({ path: ['mapping'], message: 'No column is mapped to "Application ID": every application needs one. Map the column that holds it.' });
  }
  for (const [field, columns] of columnsByField) {
    if (columns.length > 1) {
      const label = APPLICATION_FIELDS.find((f) => f.key === field)?.en ?? field;
      const names = columns.map((i) => `${columnLetter(i)} "${headers[i] ?? ''}"`).join(' and ');
      problems.push({
        path: ['mapping', columns[1] ?? 0],
        message: `Columns ${names} are both mapped to "${label}". Map one of them to another field, ignore it, or keep it as an extra attribute.`,
      });
    }
  }
  return problems;
}
