import type { ColumnTarget, ImportColumn } from '../../../shared/api/contract';
import { APPLICATION_FIELDS, type ApplicationFieldKey } from '../../../shared/domain/application-fields';
import type { Language } from '../../i18n/languages';

/** A field's name as the export writes it in the user's language (the names users know). */
export function fieldLabel(field: ApplicationFieldKey, language: Language): string {
  const entry = APPLICATION_FIELDS.find((f) => f.key === field);
  return entry ? entry[language] : field;
}

/** A target as the value of a <select> option: "field:email", "ignore", "extra". */
export function targetValue(target: ColumnTarget): string {
  return target.kind === 'field' ? `field:${target.field}` : target.kind;
}

const FIELD_KEYS = new Set<string>(APPLICATION_FIELDS.map((f) => f.key));

function isFieldKey(value: string): value is ApplicationFieldKey {
  return FIELD_KEYS.has(value);
}

export function parseTargetValue(value: string): ColumnTarget | null {
  if (value === 'ignore' || value === 'extra') return { kind: value };
  const field = value.startsWith('field:') ? value.slice('field:'.length) : '';
  return isFieldKey(field) ? { kind: 'field', field } : null;
}

export function sameTarget(a: ColumnTarget | undefined, b: ColumnTarget | undefined): boolean {
  return a !== undefined && b !== undefined && targetValue(a) === targetValue(b);
}

export interface DuplicateField {
  field: ApplicationFieldKey;
  /** Positions (0-based) of the columns mapped to it, in file order. */
  columns: number[];
}

export interface MappingProblems {
  /** No column gives the Application ID: no row could be identified. */
  missingApplicationId: boolean;
  /** Fields that more than one column is mapped to. */
  duplicates: DuplicateField[];
  /** For a column in a duplicate: the other columns mapped to the same field. */
  othersByColumn: Map<number, number[]>;
}

/**
 * The problems that stop an import before it starts, as the services check them (a mapping with
 * them is refused as MappingInvalid): said here first, column by column, in the user's language.
 */
export function findMappingProblems(mapping: ColumnTarget[]): MappingProblems {
  const byField = new Map<ApplicationFieldKey, number[]>();
  mapping.forEach((target, index) => {
    if (target.kind !== 'field') return;
    const columns = byField.get(target.field);
    if (columns) columns.push(index);
    else byField.set(target.field, [index]);
  });
  const duplicates: DuplicateField[] = [];
  const othersByColumn = new Map<number, number[]>();
  for (const [field, columns] of byField) {
    if (columns.length < 2) continue;
    duplicates.push({ field, columns });
    for (const column of columns) othersByColumn.set(column, columns.filter((c) => c !== column));
  }
  // Report in the order the fields appear in the export's layout, not the order of discovery.
  const order = new Map<string, number>(APPLICATION_FIELDS.map((f, i) => [f.key, i]));
  duplicates.sort((a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0));
  return { missingApplicationId: !byField.has('applicationId'), duplicates, othersByColumn };
}

export function hasProblems(problems: MappingProblems): boolean {
  return problems.missingApplicationId || problems.duplicates.length > 0;
}

/** Folds case and accents, so "résidence" finds "Residence". */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** What a search looks in for one column: its header and examples, folded. Computed once per file. */
export function searchTextOf(column: ImportColumn): string {
  return foldForSearch([column.header, ...column.examples].join('\n'));
}

/** Whether a column answers a search: its letter exactly, or its header or an example containing the text. */
export function columnMatches(column: ImportColumn, searchText: string, query: string): boolean {
  const q = foldForSearch(query.trim());
  if (q === '') return true;
  return column.letter.toLowerCase() === q || searchText.includes(q);
}
