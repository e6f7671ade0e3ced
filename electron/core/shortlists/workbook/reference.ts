import { createHash } from 'node:crypto';

/**
 * How a workbook sent to a hiring manager says which of Cohort's exports it is, in a way that
 * survives Excel and LibreOffice re-saving it (they rewrite every part: shared strings, styles,
 * sheet states; custom document properties may be dropped). So it is plain text in a cell of the
 * cover sheet, "COHORT-SL-12-34-5f0c2a9b1e": the shortlist, the export, and a check of the
 * candidate codes the export listed. The cell can be edited like any other: the check and the
 * export's record in the database (its codes, its file's SHA-256) are what make it trustworthy.
 */

export interface WorkbookReference {
  shortlistId: number;
  exportId: number;
  /** The first 10 hexadecimal digits of the SHA-256 of the export's candidate codes, sorted. */
  check: string;
}

const PATTERN = /COHORT-SL-(\d{1,9})-(\d{1,9})-([0-9a-f]{10})/i;

/** The check of a list of candidate codes: the same codes in any order give the same check. */
export function candidateCodesCheck(codes: readonly string[]): string {
  return createHash('sha256').update([...codes].sort().join('\n')).digest('hex').slice(0, 10);
}

export function referenceText(reference: WorkbookReference): string {
  return `COHORT-SL-${reference.shortlistId}-${reference.exportId}-${reference.check}`;
}

/** The reference written in a cell, wherever in the text (a manager may have typed around it); null if none. */
export function findReference(text: string): WorkbookReference | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  return { shortlistId: Number(m[1]), exportId: Number(m[2]), check: (m[3] as string).toLowerCase() };
}
