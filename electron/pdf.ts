/**
 * The page as a PDF (the season report, a person's subject-access record): Electron's
 * webContents.printToPDF renders what the page shows for print (its @media print styles), into a
 * file the user chose in the native Save dialog. Kept as plain values so they are tested without
 * Electron.
 */

/** A4, as the office prints, margins in inches; the page's own @page size wins; backgrounds kept (chart bars are backgrounds). */
export function pdfOptions() {
  return { pageSize: 'A4' as const, printBackground: true, preferCSSPageSize: true, margins: { top: 0.4, bottom: 0.4, left: 0.4, right: 0.4 } };
}

/** The name suggested in the Save dialog: the page's, ending in .pdf. */
export function pdfFileName(name: string): string {
  const base = name.replace(/\.[a-z0-9]{1,5}$/i, '').trim() || 'Cohort';
  return `${base}.pdf`;
}
