import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { describe, expect, it } from 'vitest';
import { canStartFormula } from '../../electron/core/export/formula-guard';
import { CANDIDATES_SHEET, COVER_SHEET, type WorkbookCandidate } from '../../electron/core/shortlists/workbook/columns';
import { NotAReplyError, openReplySheet, readInterviewDate, readReplyReference, type ReplyLine } from '../../electron/core/shortlists/workbook/read';
import { redactPerson } from '../../electron/core/shortlists/workbook/redact';
import { candidateCodesCheck, findReference, referenceText } from '../../electron/core/shortlists/workbook/reference';
import { writeShortlistWorkbook, type ShortlistWorkbook } from '../../electron/core/shortlists/workbook/write';
import { readDecision } from '../../shared/domain/manager-decisions';
import { convertWithLibreOffice } from './support/libreoffice';
import { useTempDir } from './support/temp';
import { answerWorkbook } from './support/manager-reply';

const tempDir = useTempDir();

function candidate(code: string, over: Partial<WorkbookCandidate> = {}): WorkbookCandidate {
  return {
    candidateCode: code,
    firstName: 'Łucja',
    lastName: 'Nowak-Kowalska',
    email: 'lucja.nowak@example.pl',
    gender: 'Female',
    nationality: 'Poland',
    age: 24,
    university: 'University of Warsaw',
    fieldOfStudy: 'International Relations',
    highestDegree: 'Master',
    degreeDate: '2025-06-30',
    languages: 'English C1 · French B2 · Polish native',
    preferredSession: 'March',
    officeScore: 4.5,
    officeNote: 'Strong on cyber policy; Nowak’s thesis is relevant.',
    motivation: 'My name is Łucja Nowak-Kowalska and I would like to join NATO. Write to lucja.nowak@example.pl.',
    ...over,
  };
}

const CODES = ['DI-001', 'DI-002', 'DI-003'];

function workbook(over: Partial<ShortlistWorkbook> = {}): ShortlistWorkbook {
  const candidates = over.candidates ?? [
    candidate('DI-001'),
    candidate('DI-002', { firstName: 'Jean', lastName: 'Dupré', email: 'jd@example.fr', nationality: 'France', officeNote: 'Dupré’s French is excellent.', motivation: '=HYPERLINK("http://evil","click")' }),
    candidate('DI-003', { firstName: 'Ana', lastName: 'Silva', email: null, nationality: 'Portugal', motivation: 'Line one\n＋1+2 looks like maths\n\t@SUM(A1)', officeNote: '-5 points for spelling' }),
  ];
  return {
    reference: { shortlistId: 12, exportId: 34, check: candidateCodesCheck(candidates.map((c) => c.candidateCode)) },
    campaign: 'Internships 2027',
    division: 'DI: Defence Investment',
    position: null,
    sentOn: '2027-01-15',
    replyBy: '2027-01-29',
    manager: { name: 'Hanna Berg', email: 'h.berg@example.int' },
    office: 'NATO Internship Programme office <internships@example.int>',
    blind: false,
    candidates,
    ...over,
  };
}

async function written(input: ShortlistWorkbook): Promise<string> {
  const path = join(tempDir(), 'DI shortlist.xlsx');
  writeFileSync(path, await writeShortlistWorkbook(input));
  return path;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

async function readAll(path: string): Promise<ReplyLine[]> {
  const lines: ReplyLine[] = [];
  for await (const line of (await openReplySheet(path)).lines()) lines.push(line);
  return lines;
}

async function xmlParts(path: string): Promise<string> {
  const directory = await unzipper.Open.file(path);
  const texts = await Promise.all(directory.files.map(async (f) => (await f.buffer()).toString('utf8')));
  return texts.join('\n');
}

describe('the workbook a hiring manager receives', () => {
  it('holds no formula, and every cell that starts like one was neutralised, staying readable', async () => {
    const book = await load(await written(workbook()));
    let strings = 0;
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') {
            strings++;
            expect(canStartFormula(cell.value), cell.value).toBe(false);
          }
        }),
      );
    }
    expect(strings).toBeGreaterThan(40);
    const sheet = book.getWorksheet(CANDIDATES_SHEET);
    const motivations = [2, 3, 4].map((r) => String(sheet?.getRow(r).getCell(14).value));
    expect(motivations[1]).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(motivations[2]).toBe("Line one\n'＋1+2 looks like maths\n\t'@SUM(A1)");
    expect(String(sheet?.getRow(4).getCell(13).value)).toBe("'-5 points for spelling");
  });

  it('is laid out for reading and printing: bilingual headers, frozen, filtered, landscape one page wide, a drop-down for decisions', async () => {
    const book = await load(await written(workbook()));
    expect(book.worksheets.map((s) => s.name)).toEqual([COVER_SHEET, CANDIDATES_SHEET]);
    const sheet = book.getWorksheet(CANDIDATES_SHEET);
    if (!sheet) throw new Error('missing');
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(headers).toEqual([
      'Candidate code / Code du candidat',
      'Name / Nom',
      'Gender / Genre',
      'Nationality / Nationalité',
      'Age / Âge',
      'University / Université',
      "Field of study / Domaine d'études",
      'Highest degree / Diplôme le plus élevé',
      'Degree date / Date du diplôme',
      'Languages / Langues',
      'Preferred session / Session souhaitée',
      'Office score / Note du bureau',
      'Office note / Remarque du bureau',
      'Motivation',
      'Decision / Décision',
      "Interview date / Date d'entretien",
      'Comments / Commentaires',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(sheet.getColumn(14).width).toBe(80);
    expect(sheet.getRow(2).getCell(14).alignment?.wrapText).toBe(true);
    // The manager's cells are coloured on the candidates' rows, and only there; their dates read as dates.
    const colour = (row: number, column: number) => (sheet.getRow(row).getCell(column).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([15, 16, 17].map((c) => colour(4, c))).toEqual(['FFFFF2CC', 'FFFFF2CC', 'FFFFF2CC']);
    expect([14, 15].map((c) => colour(5, c))).toEqual([undefined, undefined]);
    expect(colour(2, 14)).toBeUndefined();
    expect(sheet.getRow(2).getCell(16).numFmt).toBe('d mmm yyyy');
    const validation = sheet.getRow(3).getCell(15).dataValidation;
    expect(validation?.type).toBe('list');
    expect(String(validation?.formulae?.[0])).toContain('Interview,Selected,Reserve,Not selected,Entretien,Sélectionné(e),Réserve,Non retenu(e)');
    const cover = book.getWorksheet(COVER_SHEET);
    const coverText = JSON.stringify(cover?.getSheetValues());
    expect(coverText).toContain('COHORT-SL-12-34-');
    expect(coverText).toContain('Hanna Berg <h.berg@example.int>');
    expect(book.title).toBe(referenceText(workbook().reference));
  });

  it('prints as LibreOffice prints it: the cover upright, the candidates across landscape pages, one page wide', async () => {
    const dir = tempDir();
    const pdf = await convertWithLibreOffice(await written(workbook()), 'pdf', dir);
    const text = readFileSync(pdf, 'latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // A4 pages (595 x 842 points): the cover first, upright; the candidates after it, across.
    // Each page's own box (the page tree's box, /Type/Pages, only encloses them all).
    const boxes = [...text.matchAll(/\/Type\s*\/Page\b(?!s)[^>]*?\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    const [cover, ...candidates] = boxes;
    expect(cover && cover.width < cover.height).toBe(true);
    for (const page of candidates) expect(page.width).toBeGreaterThan(page.height);
    // Three candidates with long texts fit across one page: no column spills onto a page of its own.
    expect(boxes.length).toBeLessThanOrEqual(4);
  });

  it('blind: no name, gender, age, nationality or e-mail anywhere in the file; texts say [name] and [e-mail]', async () => {
    const path = await written(workbook({ blind: true }));
    const xml = await xmlParts(path);
    for (const word of ['Łucja', 'Nowak', 'Kowalska', 'lucja.nowak', 'Dupré', 'Dupr&', 'Silva', 'Poland', 'France', 'Portugal', 'Female', 'jd@example.fr', 'Age / Âge']) {
      expect(xml.includes(word), word).toBe(false);
    }
    const book = await load(path);
    const sheet = book.getWorksheet(CANDIDATES_SHEET);
    const headers = (sheet?.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(headers[0]).toBe('Candidate code / Code du candidat');
    expect(headers).not.toContain('Name / Nom');
    const motivation = String(sheet?.getRow(2).getCell(headers.indexOf('Motivation') + 1).value);
    expect(motivation).toBe('My name is [name] [name]-[name] and I would like to join NATO. Write to [e-mail].');
    expect(String(sheet?.getRow(3).getCell(headers.indexOf('Office note / Remarque du bureau') + 1).value)).toBe('[name] French is excellent.');
  });

  it('cuts a text longer than a cell holds, saying so', async () => {
    const long = 'x'.repeat(40_000);
    const book = await load(await written(workbook({ candidates: [candidate('DI-001', { motivation: long })] })));
    const text = String(book.getWorksheet(CANDIDATES_SHEET)?.getRow(2).getCell(14).value);
    expect(text.length).toBeLessThan(32_767);
    expect(text).toContain('full text is in Cohort');
  });
});

describe('a reply read back', () => {
  it('gives each candidate’s decision, interview date and comment, in English or French, and the export it answers', async () => {
    const sent = await written(workbook());
    const reply = await answerWorkbook(sent, join(tempDir(), 'reply.xlsx'), {
      'DI-001': { decision: 'Interview', date: new Date(Date.UTC(2027, 1, 3)), comment: 'Good profile' },
      'DI-002': { decision: 'non retenue', comment: '=too junior' },
      'DI-003': { decision: 'Sélectionné(e)', date: '04/02/2027 14h30' },
    });
    expect(await readReplyReference(reply)).toEqual({ shortlistId: 12, exportId: 34, check: candidateCodesCheck(CODES) });
    expect(await readAll(reply)).toEqual([
      { kind: 'row', row: { row: 2, candidateCode: 'DI-001', decision: 'interview', interviewDate: '2027-02-03', interviewTime: null, comment: 'Good profile' } },
      { kind: 'row', row: { row: 3, candidateCode: 'DI-002', decision: 'notSelected', interviewDate: null, interviewTime: null, comment: '=too junior' } },
      { kind: 'row', row: { row: 4, candidateCode: 'DI-003', decision: 'selected', interviewDate: '2027-02-04', interviewTime: '14:30', comment: null } },
    ]);
  });

  it('reads the same after LibreOffice opened and re-saved it (every part rewritten)', async () => {
    const sent = await written(workbook());
    const reply = await answerWorkbook(sent, join(tempDir(), 'reply.xlsx'), {
      'DI-001': { decision: 'Reserve', date: new Date(Date.UTC(2027, 1, 3)), comment: 'Ranked 2nd' },
      'DI-003': { decision: 'Entretien' },
    });
    const outDir = join(tempDir(), 'resaved');
    mkdirSync(outDir);
    const resaved = await convertWithLibreOffice(reply, 'xlsx', outDir);
    expect(readFileSync(resaved).equals(readFileSync(reply))).toBe(false);
    expect(await readReplyReference(resaved)).toMatchObject({ shortlistId: 12, exportId: 34 });
    const rows = (await readAll(resaved)).flatMap((l) => (l.kind === 'row' ? [l.row] : []));
    expect(rows).toEqual([
      { row: 2, candidateCode: 'DI-001', decision: 'reserve', interviewDate: '2027-02-03', interviewTime: null, comment: 'Ranked 2nd' },
      { row: 3, candidateCode: 'DI-002', decision: null, interviewDate: null, interviewTime: null, comment: null },
      { row: 4, candidateCode: 'DI-003', decision: 'interview', interviewDate: null, interviewTime: null, comment: null },
    ]);
  }, 120_000);

  it('names the row, the column and what was written when a decision or date cannot be read, or a code is missing or given twice', async () => {
    const sent = await written(workbook());
    const book = await load(sent);
    const sheet = book.getWorksheet(CANDIDATES_SHEET);
    if (!sheet) throw new Error('missing');
    sheet.getRow(2).getCell(15).value = 'Maybe';
    sheet.getRow(3).getCell(16).value = '31/02/2027';
    sheet.getRow(4).getCell(1).value = 'DI-001';
    sheet.getRow(5).getCell(15).value = 'Interview';
    sheet.getRow(6).getCell(17).value = 'a note of my own, no decision';
    const path = join(tempDir(), 'reply.xlsx');
    await book.xlsx.writeFile(path);
    const problems = (await readAll(path)).flatMap((l) => (l.kind === 'problem' ? [l.problem] : []));
    expect(problems).toEqual([
      { row: 2, column: 'Decision / Décision', code: 'UnknownDecision', value: 'Maybe', message: expect.stringContaining('Row 2: "Maybe" is not a decision') },
      { row: 3, column: "Interview date / Date d'entretien", code: 'UnreadableInterviewDate', value: '31/02/2027', message: expect.stringContaining('is not a date') },
      { row: 4, column: 'Candidate code / Code du candidat', code: 'DuplicateCandidateCode', value: 'DI-001', message: expect.stringContaining('appears twice') },
      { row: 5, column: 'Candidate code / Code du candidat', code: 'MissingCandidateCode', value: null, message: expect.stringContaining('without a candidate code') },
    ]);
  });

  it('refuses a workbook Cohort did not issue, one that lost its columns, or its sheet', async () => {
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet(COVER_SHEET).addRow(['My own list']);
    foreign.addWorksheet(CANDIDATES_SHEET).addRow(['Candidate code', 'Decision']);
    const foreignPath = join(tempDir(), 'foreign.xlsx');
    await foreign.xlsx.writeFile(foreignPath);
    await expect(readReplyReference(foreignPath)).rejects.toMatchObject({ kind: 'NotAShortlistReply' });

    const book = await load(await written(workbook()));
    const decisionHeader = book.getWorksheet(CANDIDATES_SHEET)?.getRow(1).getCell(15);
    if (decisionHeader) decisionHeader.value = 'What we think';
    const noDecision = join(tempDir(), 'no-decision.xlsx');
    await book.xlsx.writeFile(noDecision);
    const error = await openReplySheet(noDecision).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAReplyError);
    expect((error as NotAReplyError).kind).toBe('ReplyColumnsMissing');
    expect((error as NotAReplyError).message).toContain('"Decision / Décision"');

    const renamed = await load(await written(workbook()));
    const candidates = renamed.getWorksheet(CANDIDATES_SHEET);
    if (candidates) candidates.name = 'Sheet2';
    const renamedPath = join(tempDir(), 'renamed.xlsx');
    await renamed.xlsx.writeFile(renamedPath);
    await expect(openReplySheet(renamedPath)).rejects.toMatchObject({ kind: 'NoSuchSheet' });
  });
});

describe('the pieces', () => {
  it('reads decisions in English and French, any case, with or without accents and (e)', () => {
    expect(['Interview', 'entretien', 'SELECTED', 'Sélectionné(e)', 'selectionnee', 'Sélectionné', 'Reserve', 'Réserve', 'Not selected', 'Non retenu(e)', 'non retenue', ' not  selected '].map(readDecision)).toEqual([
      'interview',
      'interview',
      'selected',
      'selected',
      'selected',
      'selected',
      'reserve',
      'reserve',
      'notSelected',
      'notSelected',
      'notSelected',
      'notSelected',
    ]);
    expect(readDecision('')).toBeNull();
    expect(readDecision('  ')).toBeNull();
    expect(readDecision('Yes')).toBeUndefined();
    expect(readDecision('Entretiene')).toBeUndefined();
  });

  it('reads interview dates as cells and people write them', () => {
    expect(readInterviewDate('2027-03-15')).toEqual({ date: '2027-03-15', time: null });
    expect(readInterviewDate('2027-03-15 00:00:00')).toEqual({ date: '2027-03-15', time: null });
    expect(readInterviewDate('2027-03-15 09:30:00')).toEqual({ date: '2027-03-15', time: '09:30' });
    expect(readInterviewDate('15/03/2027')).toEqual({ date: '2027-03-15', time: null });
    expect(readInterviewDate('15.03.2027 14h30')).toEqual({ date: '2027-03-15', time: '14:30' });
    expect(readInterviewDate('30/02/2027')).toBeNull();
    expect(readInterviewDate('next Tuesday')).toBeNull();
  });

  it('takes a person’s names and any e-mail out of a text, leaving other words', () => {
    const person = { firstName: 'Anne-Marie', lastName: 'van der Berg', email: 'amvdb@example.nl' };
    expect(redactPerson('I am Anne-Marie van der Berg (ANNE-MARIE), Berg’s daughter; mail amvdb@example.nl or other@x.org.', person)).toBe(
      'I am [name]-[name] van der [name] ([name]-[name]), [name] daughter; mail [e-mail] or [e-mail].',
    );
    expect(redactPerson('Łódź and Lodz', { firstName: null, lastName: 'Łódź', email: null })).toBe('[name] and [name]');
    expect(redactPerson('Nothing personal here.', { firstName: null, lastName: null, email: null })).toBe('Nothing personal here.');
  });

  it('a reference is found in a cell’s text and checks the codes in any order', () => {
    expect(candidateCodesCheck(['B', 'A'])).toBe(candidateCodesCheck(['A', 'B']));
    expect(candidateCodesCheck(['A', 'B'])).not.toBe(candidateCodesCheck(['A', 'C']));
    const text = referenceText({ shortlistId: 7, exportId: 9, check: 'abcdef0123' });
    expect(findReference(`Ref: ${text} (kept)`)).toEqual({ shortlistId: 7, exportId: 9, check: 'abcdef0123' });
    expect(findReference('COHORT-SL-7-9-xyz')).toBeNull();
  });
});
