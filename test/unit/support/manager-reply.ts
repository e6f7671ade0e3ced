import ExcelJS from 'exceljs';
import { CANDIDATES_SHEET } from '../../../electron/core/shortlists/workbook/columns';

export interface Answer {
  decision?: string;
  date?: Date | string;
  comment?: string;
  /** A changed candidate code (tampering). */
  code?: string;
}

/**
 * Fills a sent workbook as a hiring manager would in Excel: by column header, for the candidates
 * named by their code; writes it to `out`.
 */
export async function answerWorkbook(path: string, out: string, answers: Record<string, Answer>): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.getWorksheet(CANDIDATES_SHEET);
  if (!sheet) throw new Error('no candidates sheet');
  const headers = Array.from(sheet.getRow(1).values as ExcelJS.CellValue[], (v) => String(v ?? ''));
  const col = (prefix: string) => headers.findIndex((h) => h.startsWith(prefix));
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const answer = answers[String(row.getCell(col('Candidate code')).value)];
    if (!answer) return;
    if (answer.decision !== undefined) row.getCell(col('Decision')).value = answer.decision;
    if (answer.date !== undefined) row.getCell(col('Interview date')).value = answer.date;
    if (answer.comment !== undefined) row.getCell(col('Comments')).value = answer.comment;
    if (answer.code !== undefined) row.getCell(col('Candidate code')).value = answer.code;
  });
  await book.xlsx.writeFile(out);
  return out;
}
