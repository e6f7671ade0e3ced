import { ValidationError } from '../../../../shared/api/errors';
import { parseDate } from '../../../../shared/domain/datetime';
import { readCandidateCode } from '../../../../shared/domain/candidate-codes';
import { readDecision, type ManagerDecision } from '../../../../shared/domain/manager-decisions';
import { openTable, type RowsOptions, type SourceRow } from '../../files/read';
import { quoteFileName } from '../../files/read/errors';
import { CANDIDATE_COLUMNS, CANDIDATES_SHEET, columnHeader, COVER_SHEET, type CandidateColumnKey } from './columns';
import { findReference, type WorkbookReference } from './reference';

/**
 * Reading a hiring manager's reply: which export it answers (the cover's reference), then, row by
 * row, each candidate's decision, interview date and comments as the manager left them. Only what
 * the file itself can tell is checked here (a decision Cohort cannot read, a date that is not one,
 * a code given twice); whether the codes belong to that export is the shortlist service's check,
 * against the database. The readers of files/read do the rest: any .xlsx, within the limits, by
 * tab name, whatever Excel or LibreOffice wrote.
 */

export const REPLY_PROBLEM_CODES = ['MissingCandidateCode', 'UnknownDecision', 'UnreadableInterviewDate', 'DuplicateCandidateCode'] as const;
export type ReplyProblemCode = (typeof REPLY_PROBLEM_CODES)[number];

export interface ReplyRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  candidateCode: string;
  /** null: the manager left it blank (no answer yet). */
  decision: ManagerDecision | null;
  /** "YYYY-MM-DD", and "HH:MM" when a time was given. */
  interviewDate: string | null;
  interviewTime: string | null;
  comment: string | null;
}

export interface ReplyProblem {
  row: number;
  /** The column's header as written in the reply. */
  column: string | null;
  code: ReplyProblemCode;
  message: string;
  value: string | null;
}

export type ReplyLine = { kind: 'row'; row: ReplyRow } | { kind: 'problem'; problem: ReplyProblem; values: string[] };

/** A workbook that is not a reply to one of Cohort's shortlists, or has lost what makes it one. */
export class NotAReplyError extends ValidationError {
  constructor(path: string, why: 'noReference' | 'noColumns', missing: string[] = []) {
    const name = quoteFileName(path);
    super(
      why === 'noReference'
        ? `${name} is not a shortlist workbook sent by Cohort: its "${COVER_SHEET}" sheet has no Cohort reference (COHORT-SL-…). Import the workbook the hiring manager sent back, as they received it.`
        : `${name} has lost columns Cohort needs on its "${CANDIDATES_SHEET}" sheet: ${missing.map((m) => `"${m}"`).join(', ')}. Put them back with their headings, or ask the hiring manager for the workbook as sent.`,
      [],
      why === 'noReference' ? 'NotAShortlistReply' : 'ReplyColumnsMissing',
    );
    this.name = 'NotAReplyError';
  }
}

/**
 * A hiring manager's reply chosen where an applications export was expected (File > Import…, a
 * drop, `cohort import`): the page takes it to the reply's preview instead (its `kind` says so).
 */
export class ShortlistReplyFileError extends ValidationError {
  constructor(path: string) {
    super(
      `${quoteFileName(path)} is a hiring manager's reply to a shortlist, not an applications export. Import it as a reply (in the app: the Shortlists page; on the command line: cohort import decisions).`,
      [],
      'ShortlistReplyFile',
    );
    this.name = 'ShortlistReplyFileError';
  }
}

/** The export a reply answers, from its cover sheet. */
export async function readReplyReference(path: string): Promise<WorkbookReference> {
  const cover = await openTable(path, { sheet: COVER_SHEET });
  for (const text of cover.headers) {
    const found = findReference(text);
    if (found) return found;
  }
  for await (const row of cover.rows()) {
    for (const text of row.values) {
      const found = findReference(text);
      if (found) return found;
    }
  }
  throw new NotAReplyError(path, 'noReference');
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

/** Where each column the reader needs stands in the reply (the manager may have moved them). */
function findColumns(headers: readonly string[]): Partial<Record<CandidateColumnKey, number>> {
  const found: Partial<Record<CandidateColumnKey, number>> = {};
  for (const column of CANDIDATE_COLUMNS) {
    const names = new Set([columnHeader(column), column.en, column.fr].map(fold));
    const index = headers.findIndex((h) => names.has(fold(h)));
    if (index >= 0) found[column.key] = index;
  }
  return found;
}

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$/;
const DAY_FIRST_DATE_TIME = /^(\d{1,2}[/.]\d{1,2}[/.]\d{4})(?:[ T](\d{1,2})[:h](\d{2}))?$/;

/** An interview date as a date cell reads ("2027-03-15", with " 14:30:00" when timed) or as typed ("15/03/2027 14h30"). */
export function readInterviewDate(text: string): { date: string; time: string | null } | null {
  const trimmed = text.trim();
  const m = ISO_DATE_TIME.exec(trimmed) ?? DAY_FIRST_DATE_TIME.exec(trimmed);
  if (!m) return null;
  const date = parseDate(m[1]);
  if (date === null) return null;
  if (m[2] === undefined) return { date, time: null };
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (hour > 23 || minute > 59) return null;
  // A date cell without a time reads as midnight: no time was given.
  const time = hour === 0 && minute === 0 ? null : `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return { date, time };
}

export interface ReplySheet {
  headers: string[];
  lines(options?: RowsOptions): AsyncIterable<ReplyLine>;
}

/** Opens the candidates sheet of a reply; refuses it at once when a needed column is gone. */
export async function openReplySheet(path: string): Promise<ReplySheet> {
  const table = await openTable(path, { sheet: CANDIDATES_SHEET });
  const at = findColumns(table.headers);
  const missing = (['candidateCode', 'decision'] as const).filter((key) => at[key] === undefined);
  if (missing.length > 0) {
    throw new NotAReplyError(path, 'noColumns', CANDIDATE_COLUMNS.filter((c) => (missing as readonly string[]).includes(c.key)).map(columnHeader));
  }
  const headerOf = (key: CandidateColumnKey): string | null => {
    const index = at[key];
    return index === undefined ? null : (table.headers[index] ?? null);
  };
  const cell = (row: SourceRow, key: CandidateColumnKey): string => {
    const index = at[key];
    return index === undefined ? '' : (row.values[index] ?? '').trim();
  };
  return {
    headers: table.headers,
    async *lines(options?: RowsOptions) {
      const seen = new Set<string>();
      for await (const row of table.rows(options)) {
        const problem = (key: CandidateColumnKey, code: ReplyProblemCode, message: string, value: string | null): ReplyLine => ({
          kind: 'problem',
          problem: { row: row.rowNumber, column: headerOf(key), code, message: `Row ${row.rowNumber}: ${message}`, value },
          values: row.values,
        });
        // "di-042-7 " as typed is DI-042-7; anything else stays as written, to be refused by name.
        const written = cell(row, 'candidateCode');
        const code = readCandidateCode(written) ?? written;
        const decisionText = cell(row, 'decision');
        const dateText = cell(row, 'interviewDate');
        const comment = cell(row, 'comments');
        if (code === '') {
          // A row the manager added for their own notes, with no answer in it, is not a candidate.
          if (decisionText === '' && dateText === '') continue;
          yield problem('candidateCode', 'MissingCandidateCode', 'a decision or date is given without a candidate code.', null);
          continue;
        }
        if (seen.has(code)) {
          yield problem('candidateCode', 'DuplicateCandidateCode', `candidate ${code} appears twice; keep one row per candidate.`, code);
          continue;
        }
        seen.add(code);
        const decision = readDecision(decisionText);
        if (decision === undefined) {
          yield problem('decision', 'UnknownDecision', `"${decisionText}" is not a decision Cohort knows (Interview, Selected, Reserve, Not selected; Entretien, Sélectionné(e), Réserve, Non retenu(e)).`, decisionText);
          continue;
        }
        const interview = dateText === '' ? null : readInterviewDate(dateText);
        if (interview === null && dateText !== '') {
          yield problem('interviewDate', 'UnreadableInterviewDate', `"${dateText}" is not a date (write it as 15/03/2027).`, dateText);
          continue;
        }
        yield {
          kind: 'row',
          row: { row: row.rowNumber, candidateCode: code, decision, interviewDate: interview?.date ?? null, interviewTime: interview?.time ?? null, comment: comment === '' ? null : comment },
        };
      }
    },
  };
}
