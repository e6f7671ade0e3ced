import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateDemoApplications } from '../../electron/core/demo/generate';
import { planReply, type ExportedCandidate } from '../../electron/core/shortlists/reply-plan';
import { CANDIDATES_SHEET, columnHeader, columnsFor, COVER_SHEET, type WorkbookCandidate } from '../../electron/core/shortlists/workbook/columns';
import { openReplySheet, readReplyReference, type ReplyRow } from '../../electron/core/shortlists/workbook/read';
import { candidateCodesCheck } from '../../electron/core/shortlists/workbook/reference';
import { writeShortlistWorkbook, type ShortlistWorkbook } from '../../electron/core/shortlists/workbook/write';
import { languagesText } from '../../electron/core/shortlists/workbook-candidate';
import { candidateCode } from '../../shared/domain/candidate-codes';
import { MANAGER_DECISIONS, DECISION_WORDS } from '../../shared/domain/manager-decisions';
import { parseLevel } from '../../shared/domain/listed-values';

/**
 * The hiring-manager workbook of issue 11: writing one of `count` candidates, beside exceljs
 * writing the same cells with nothing else (no styles, drop-downs, print set-up or guard); and
 * reading a reply of as many rows and planning what it changes, beside exceljs reading the file
 * whole into memory.
 */

export interface ShortlistTimes {
  write: number[];
  writeBaseline: number[];
  preview: number[];
  previewBaseline: number[];
}

function candidates(count: number): WorkbookCandidate[] {
  const out: WorkbookCandidate[] = [];
  for (const r of generateDemoApplications({ count, seed: 3 })) {
    out.push({
      candidateCode: candidateCode('DI', out.length + 1),
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      gender: r.gender,
      nationality: r.nationality,
      age: 24,
      university: r.university,
      fieldOfStudy: r.fieldOfStudy,
      highestDegree: r.highestDegree,
      degreeDate: '2025-06-30',
      languages: languagesText({ englishLevel: parseLevel(r.englishLevel), frenchLevel: parseLevel(r.frenchLevel), otherLanguages: r.otherLanguages }),
      preferredSession: r.preferredSession,
      officeScore: 4,
      officeNote: 'Strong candidate.',
      motivation: r.motivation,
    });
  }
  return out;
}

/** exceljs writing the same cells, plainly: what any workbook of this content costs. */
async function baselineWrite(input: ShortlistWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(COVER_SHEET).addRow(['Shortlist']);
  const sheet = workbook.addWorksheet(CANDIDATES_SHEET);
  const columns = columnsFor(false);
  sheet.addRow(columns.map(columnHeader));
  for (const c of input.candidates) {
    sheet.addRow([c.candidateCode, `${c.firstName} ${c.lastName}`, c.gender, c.nationality, c.age, c.university, c.fieldOfStudy, c.highestDegree, c.degreeDate, c.languages, c.preferredSession, c.officeScore, c.officeNote, c.motivation]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function measureShortlistWorkbook(dir: string, count: number, runs: number): Promise<ShortlistTimes> {
  const list = candidates(count);
  const input: ShortlistWorkbook = {
    reference: { shortlistId: 1, exportId: 1, check: candidateCodesCheck(list.map((c) => c.candidateCode)) },
    campaign: 'Bench',
    division: 'DI: Defence Investment',
    position: null,
    sentOn: '2027-01-15',
    replyBy: '2027-01-29',
    manager: { name: 'Hanna Berg', email: 'h.berg@example.int' },
    office: null,
    blind: false,
    candidates: list,
  };
  const times: ShortlistTimes = { write: [], writeBaseline: [], preview: [], previewBaseline: [] };
  let written: Buffer = Buffer.alloc(0);
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    written = await writeShortlistWorkbook(input);
    times.write.push(performance.now() - started);
    started = performance.now();
    await baselineWrite(input);
    times.writeBaseline.push(performance.now() - started);
  }

  // A reply: every candidate answered, as a manager would in Excel.
  const sent = join(dir, 'sent.xlsx');
  writeFileSync(sent, written);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(sent);
  const sheet = book.getWorksheet(CANDIDATES_SHEET);
  sheet?.eachRow((row, n) => {
    if (n === 1) return;
    row.getCell(15).value = DECISION_WORDS[MANAGER_DECISIONS[n % 4] ?? 'interview'].en;
    row.getCell(17).value = `Comment ${n}`;
  });
  const reply = join(dir, 'reply.xlsx');
  await book.xlsx.writeFile(reply);
  const recorded = {
    shortlistId: 1,
    exportId: 1,
    check: input.reference.check,
    candidates: list.map((c, i): ExportedCandidate => ({ applicationRef: i + 1, candidateCode: c.candidateCode, stage: 'shortlisted', interviewDate: null, interviewTime: null, comment: null })),
  };
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    await readReplyReference(reply);
    const rows: ReplyRow[] = [];
    for await (const line of (await openReplySheet(reply)).lines()) if (line.kind === 'row') rows.push(line.row);
    const plan = planReply(recorded, rows, () => false);
    if (plan.changes.length !== count) throw new Error(`the reply should change ${count} candidates, not ${plan.changes.length}`);
    times.preview.push(performance.now() - started);
    started = performance.now();
    await new ExcelJS.Workbook().xlsx.readFile(reply);
    times.previewBaseline.push(performance.now() - started);
  }
  return times;
}
