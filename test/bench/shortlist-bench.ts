import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createClient } from '../../shared/api/client';
import { MANAGER_DECISIONS, DECISION_WORDS } from '../../shared/domain/manager-decisions';
import { inProcessTransport, openCore } from '../../electron/core/runtime';
import { CANDIDATES_SHEET } from '../../electron/core/shortlists/workbook/columns';

/**
 * The hiring-manager workbook of issue 11, through the services as the app uses them: a shortlist
 * of `count` candidates exported (read from the database, written with styles, drop-downs, print
 * set-up and the formula guard, recorded), beside exceljs writing the same cells (values and
 * formats, as it reads them back from Cohort's workbook) with nothing else to do;
 * and a reply of as many rows previewed (read, checked, planned against the database), beside
 * exceljs reading the file whole into memory.
 */

export interface ShortlistTimes {
  candidates: number;
  write: number[];
  writeBaseline: number[];
  preview: number[];
  previewBaseline: number[];
}

export async function measureShortlistWorkbook(dir: string, count: number, runs: number): Promise<ShortlistTimes> {
  const core = await openCore({ databasePath: join(dir, 'cohort.sqlite'), backupDirectory: join(dir, 'backups'), userName: 'bench', appVersion: 'bench' });
  try {
    const client = createClient(inProcessTransport(core));
    // About 1,000 eligible applications of DI take a campaign of 30,000.
    await client.call('demo.load', { count: Math.ceil(count * 30), seed: 8 });
    await core.settled();
    const refs = await client.call('triage.refs', { campaignId: 1, queue: 'DI', filter: { stages: ['new'] } });
    await client.call('triage.decide', { refs: refs.slice(0, count), stage: 'proposed' });
    const { id } = await client.call('shortlists.create', { campaignId: 1, division: 'DI' });
    const times: ShortlistTimes = { candidates: (await client.call('shortlists.get', { id })).entries.length, write: [], writeBaseline: [], preview: [], previewBaseline: [] };
    let sent = '';
    for (let i = 0; i < runs; i++) {
      let started = performance.now();
      const result = await client.call('shortlists.export', { id, replyBy: '2027-01-29', target: { kind: 'download' } });
      times.write.push(performance.now() - started);
      if (result.file.kind === 'download') {
        sent = join(dir, `sent-${i}.xlsx`);
        writeFileSync(sent, Buffer.from(result.file.base64, 'base64'));
      }
      // The same cells, values and formats, as exceljs holds them once read back: writing them is
      // what this workbook costs exceljs, whoever makes it.
      const same = new ExcelJS.Workbook();
      await same.xlsx.readFile(sent);
      started = performance.now();
      await same.xlsx.writeBuffer();
      times.writeBaseline.push(performance.now() - started);
    }

    // The last workbook sent, every candidate answered as a manager would in Excel.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(sent);
    book.getWorksheet(CANDIDATES_SHEET)?.eachRow((row, n) => {
      if (n === 1) return;
      row.getCell(15).value = DECISION_WORDS[MANAGER_DECISIONS[n % 4] ?? 'interview'].en;
      row.getCell(17).value = `Comment ${n}`;
    });
    const reply = join(dir, 'reply.xlsx');
    await book.xlsx.writeFile(reply);
    for (let i = 0; i < runs; i++) {
      let started = performance.now();
      const preview = await client.call('shortlists.replyPreview', { path: reply });
      times.preview.push(performance.now() - started);
      if (preview.changes.length !== times.candidates || preview.issues.length > 0) throw new Error(`the reply should change ${times.candidates} candidates, not ${preview.changes.length}`);
      await client.call('shortlists.replyCancel', { jobId: preview.jobId });
      started = performance.now();
      await new ExcelJS.Workbook().xlsx.readFile(reply);
      times.previewBaseline.push(performance.now() - started);
    }
    return times;
  } finally {
    await core.close();
  }
}
