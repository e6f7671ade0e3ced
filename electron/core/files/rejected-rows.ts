import { rejectedRowsFileName, type RejectedRow } from '../../../shared/api/contract';
import { toCsv } from '../export/csv';
import { csvFile, type OutgoingFile } from './output';

/** A refused row as kept after its commit: where and why, and the cells as the file had them. */
export type KeptRejection = RejectedRow & { valuesJson: string };

/**
 * The rejected-rows report of any incoming file: each refused row with where and why, then its
 * cells under the file's own headers, so the office can correct them in a spreadsheet and bring
 * them in again. Every cell goes through the CSV writer's formula guard: these are the file's
 * own (possibly hostile) values.
 */
export function rejectedRowsReport(incomingFileName: string, headers: readonly string[], rows: readonly KeptRejection[]): OutgoingFile {
  const lines = rows.map((r) => {
    const values = JSON.parse(r.valuesJson) as string[];
    return [String(r.row), r.column ?? '', r.message, ...headers.map((_h, i) => values[i] ?? '')];
  });
  return csvFile(rejectedRowsFileName(incomingFileName), toCsv([['Row', 'Column', 'Problem', ...headers], ...lines]));
}
