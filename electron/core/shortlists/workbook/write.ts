import ExcelJS from 'exceljs';
import { DECISION_WORDS, MANAGER_DECISIONS } from '../../../../shared/domain/manager-decisions';
import { neutraliseFormulae } from '../../export/formula-guard';
import { columnLetter } from '../../files/read/column-letter';
import { CANDIDATES_SHEET, columnHeader, columnsFor, COVER_SHEET, type CandidateColumn, type WorkbookCandidate } from './columns';
import { redactPerson } from './redact';
import { referenceText, type WorkbookReference } from './reference';

/**
 * The workbook a division's hiring manager receives: readable by someone who has never seen
 * Cohort, printable, and readable back by Cohort whatever Excel or LibreOffice did to it.
 *
 * - Cover sheet: what this is, for whom, by when, instructions in English and French, and the
 *   reference that identifies the export (reference.ts).
 * - Candidates sheet: one row per candidate in the office's order, header frozen with filters,
 *   long texts wrapped, printed landscape one page wide with the header on every page; then the
 *   manager's columns (Decision with a drop-down, Interview date, Comments).
 * - Every text from an application or the office goes through the formula guard, and no cell
 *   holds a formula: opening, editing or saving as CSV never runs anything.
 * - Blind: the columns that say who a person is are left out, and the person's names and any
 *   e-mail address are taken out of the texts.
 */

export interface ShortlistWorkbook {
  reference: WorkbookReference;
  campaign: string;
  /** "DI: Defence Investment". */
  division: string;
  position: string | null;
  /** "YYYY-MM-DD". */
  sentOn: string;
  replyBy: string;
  manager: { name: string; email: string | null } | null;
  /** Whom the manager asks: the office's name and address. */
  office: string | null;
  blind: boolean;
  candidates: readonly WorkbookCandidate[];
}

/** Excel keeps at most 32,767 characters in a cell; a longer motivation is cut, saying so. */
const CELL_TEXT_MAX = 32_000;
const CUT_NOTE = ' […] (cut: the full text is in Cohort / texte complet dans Cohort)';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
const ANSWER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const DATE_FORMAT = 'd mmm yyyy';

const INSTRUCTIONS_EN = [
  'These are the candidates the NATO Internship Programme office proposes to your division.',
  'On the "Candidates - Candidats" sheet, for each candidate: choose a Decision in the drop-down (Interview, Selected, Reserve, Not selected), give an Interview date if you invite them, and add any Comments.',
  'You may sort, filter and hide columns. Please do not change the candidate codes, the names of the sheets or the reference below, and send this workbook back to the office by the reply date.',
].join('\n');

const INSTRUCTIONS_FR = [
  'Voici les candidats que le bureau du Programme de stages de l’OTAN propose à votre division.',
  'Dans la feuille « Candidates - Candidats », pour chaque candidat : choisissez une Décision dans la liste (Entretien, Sélectionné(e), Réserve, Non retenu(e)), indiquez une Date d’entretien si vous l’invitez, et ajoutez vos Commentaires.',
  'Vous pouvez trier, filtrer et masquer des colonnes. Merci de ne modifier ni les codes des candidats, ni le nom des feuilles, ni la référence ci-dessous, et de renvoyer ce classeur au bureau avant la date de réponse.',
].join('\n');

const BLIND_NOTE =
  'Blind assessment: names, gender, age, nationality and contact details are left out, and names in the texts are replaced by [name].\n' +
  'Évaluation à l’aveugle : les noms, genre, âge, nationalité et coordonnées sont omis, et les noms dans les textes sont remplacés par [name].';

/** The decisions the drop-down offers: English first, then French (both are read back). */
const DROP_DOWN = [...MANAGER_DECISIONS.map((d) => DECISION_WORDS[d].en), ...MANAGER_DECISIONS.map((d) => DECISION_WORDS[d].fr)];

export async function writeShortlistWorkbook(input: ShortlistWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // The document's properties name no person: only what the file is.
  workbook.creator = 'Cohort';
  workbook.lastModifiedBy = 'Cohort';
  workbook.title = referenceText(input.reference);
  workbook.created = new Date(`${input.sentOn}T12:00:00Z`);
  workbook.modified = workbook.created;
  addCover(workbook, input);
  addCandidates(workbook, input);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function dateCell(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Text from an application or the office, as a cell may hold it: never a formula, never too long. */
function safeText(text: string): string {
  const cut = text.length > CELL_TEXT_MAX ? text.slice(0, CELL_TEXT_MAX) + CUT_NOTE : text;
  return neutraliseFormulae(cut);
}

function addCover(workbook: ExcelJS.Workbook, input: ShortlistWorkbook): void {
  const sheet = workbook.addWorksheet(COVER_SHEET, { pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 34 }, { width: 90 }];
  const title = sheet.addRow([safeText(`Shortlist / Liste restreinte: ${input.division}`)]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([]);
  const facts: [string, ExcelJS.CellValue][] = [
    ['Campaign / Campagne', safeText(input.campaign)],
    ['Division', safeText(input.division)],
    ...(input.position ? ([['Position / Poste', safeText(input.position)]] as [string, ExcelJS.CellValue][]) : []),
    ['Sent on / Envoyée le', dateCell(input.sentOn)],
    ['Reply by / Réponse attendue le', dateCell(input.replyBy)],
    ...(input.manager
      ? ([['Hiring manager / Responsable', safeText(input.manager.email ? `${input.manager.name} <${input.manager.email}>` : input.manager.name)]] as [string, ExcelJS.CellValue][])
      : []),
    ...(input.office ? ([['Questions / Contact', safeText(input.office)]] as [string, ExcelJS.CellValue][]) : []),
    ['Candidates / Candidats', input.candidates.length],
  ];
  for (const [label, value] of facts) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = 'd mmmm yyyy';
    row.getCell(2).alignment = { horizontal: 'left' };
  }
  sheet.addRow([]);
  const texts = [INSTRUCTIONS_EN, INSTRUCTIONS_FR, ...(input.blind ? [BLIND_NOTE] : [])];
  for (const text of texts) {
    const row = sheet.addRow(['', text]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = 15 * (text.split('\n').length * 2 + 1);
  }
  sheet.addRow([]);
  // In the first column, whole in one cell: a reader of the sheet as a table sees only the
  // columns its first row fills, and the title fills one.
  const reference = sheet.addRow([`Reference (do not change) / Référence (ne pas modifier): ${referenceText(input.reference)}`]);
  reference.getCell(1).font = { bold: true };
}

function addCandidates(workbook: ExcelJS.Workbook, input: ShortlistWorkbook): void {
  const columns = columnsFor(input.blind);
  const sheet = workbook.addWorksheet(CANDIDATES_SHEET, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  // Styles by column: each cell takes its column's style when made, instead of one object per
  // property per cell (a third of the writing time at 1,000 candidates).
  sheet.columns = columns.map((c) => ({ width: c.width, style: columnStyle(c) }));
  const header = sheet.addRow(columns.map(columnHeader));
  header.height = 48; // three lines of a bilingual heading
  header.eachCell((cell, n) => {
    const column = columns[n - 1];
    cell.style = { font: { bold: true }, fill: column?.answer ? ANSWER_FILL : HEADER_FILL, alignment: { wrapText: true, vertical: 'middle' }, border: { bottom: { style: 'thin' } } };
  });

  // One style object per column, shared by its cells: exceljs recognises a style object it has
  // written before (by identity) and skips describing it again, which per-cell copies (what
  // `cell.fill = …` makes) would cost at every one of a thousand rows. The manager's cells are
  // coloured on the candidates' rows only (a column's colour would run to the sheet's last row).
  const cellStyles = columns.map((c): Partial<ExcelJS.Style> => ({ ...columnStyle(c), ...(c.answer ? { fill: ANSWER_FILL } : {}) }));
  for (const candidate of input.candidates) {
    const row = sheet.addRow(columns.map((c) => valueOf(c, candidate, input.blind)));
    row.height = rowHeight(columns, row);
    cellStyles.forEach((style, i) => {
      row.getCell(i + 1).style = style;
    });
  }
  const last = input.candidates.length + 1;
  const letter = (key: CandidateColumn['key']) => columnLetter(columns.findIndex((c) => c.key === key));
  if (last > 1) {
    // One rule per column range, as Excel itself stores them.
    validations(sheet).add(`${letter('decision')}2:${letter('decision')}${last}`, DECISION_RULE);
    validations(sheet).add(`${letter('interviewDate')}2:${letter('interviewDate')}${last}`, INTERVIEW_DATE_RULE);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** Points per line of 11-point text, and the most Excel lets a row be. */
const LINE_POINTS = 15;
const ROW_POINTS_MAX = 409;
/** Characters of ordinary text per unit of column width (a unit is one "0" of the default font). */
const CHARS_PER_WIDTH = 1.15;

/**
 * A row's height from its wrapped texts, in points. Written out because neither Excel nor
 * LibreOffice fits rows on opening (or printing) a file: unset, every row prints one line high and
 * wrapped texts overlap. A text longer than the tallest row shows whole in its cell, not in print.
 */
export function rowHeight(columns: readonly CandidateColumn[], row: ExcelJS.Row): number {
  let lines = 1;
  columns.forEach((column, i) => {
    const value = row.getCell(i + 1).value;
    if (!column.wrap || typeof value !== 'string') return;
    const perLine = Math.max(1, Math.floor(column.width * CHARS_PER_WIDTH));
    const count = value.split('\n').reduce((n, paragraph) => n + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
    lines = Math.max(lines, count);
  });
  return Math.min(ROW_POINTS_MAX, lines * LINE_POINTS + 3);
}

function columnStyle(column: CandidateColumn): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = { alignment: column.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' } };
  if (column.key === 'degreeDate' || column.key === 'interviewDate') style.numFmt = DATE_FORMAT;
  return style;
}

const DECISION_RULE: ExcelJS.DataValidation = {
  type: 'list',
  allowBlank: true,
  formulae: [`"${DROP_DOWN.join(',')}"`],
  showErrorMessage: true,
  // A warning, not a refusal: "Sélectionnée" typed by hand is read back too.
  errorStyle: 'warning',
  errorTitle: 'Decision / Décision',
  error: `${DROP_DOWN.slice(0, MANAGER_DECISIONS.length).join(', ')} / ${DROP_DOWN.slice(MANAGER_DECISIONS.length).join(', ')}`,
};

const INTERVIEW_DATE_RULE: ExcelJS.DataValidation = {
  type: 'date',
  operator: 'greaterThan',
  allowBlank: true,
  formulae: [new Date(Date.UTC(2000, 0, 1))],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Interview date / Date d’entretien',
  error: 'A date, e.g. 15/03/2027 / Une date, par ex. 15/03/2027',
};

/**
 * The sheet's data validations by range. exceljs has this (worksheet.dataValidations.add) without
 * declaring it; the workbook test reads the rules back from the written file, so a change of
 * exceljs that drops it fails there.
 */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, rule: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
}

function valueOf(column: CandidateColumn, c: WorkbookCandidate, blind: boolean): ExcelJS.CellValue {
  const text = (value: string | null): string | null => {
    if (value === null || value === '') return null;
    return safeText(blind ? redactPerson(value, c) : value);
  };
  switch (column.key) {
    case 'candidateCode':
      return safeText(c.candidateCode);
    case 'name':
      return text([c.firstName, c.lastName].filter(Boolean).join(' '));
    case 'gender':
      return text(c.gender);
    case 'nationality':
      return text(c.nationality);
    case 'age':
      return c.age;
    case 'university':
      return text(c.university);
    case 'fieldOfStudy':
      return text(c.fieldOfStudy);
    case 'highestDegree':
      return text(c.highestDegree);
    case 'degreeDate':
      return c.degreeDate ? dateCell(c.degreeDate) : null;
    case 'languages':
      return text(c.languages);
    case 'preferredSession':
      return text(c.preferredSession);
    case 'officeScore':
      return c.officeScore;
    case 'officeNote':
      return text(c.officeNote);
    case 'motivation':
      return text(c.motivation);
    case 'decision':
    case 'interviewDate':
    case 'comments':
      return null;
  }
}
