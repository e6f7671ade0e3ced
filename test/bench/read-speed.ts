import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { writeDemoExport } from '../../electron/core/demo/export-file';
import { openTable } from '../../electron/core/files/read';

/**
 * How fast the file readers go, beside papaparse parsing the same file from one string in memory
 * (no streaming, decoding or backpressure). Prints, never asserts; rounds alternate so a busy
 * machine slows both sides alike.
 *
 *   npx esbuild test/bench/read-speed.ts --bundle --platform=node --format=cjs \
 *     --outfile=dist/node/read-speed.cjs --log-level=warning && node dist/node/read-speed.cjs [count]
 *
 * With `node --max-old-space-size=32 dist/node/read-speed.cjs` the streamed CSV still reads (the
 * whole-string baseline then runs out of memory): the reader does not hold the file as objects.
 */

const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 50_000);

function line(label: string, rows: number, ms: number, bytes: number): void {
  const rate = Math.round((rows / ms) * 1000).toLocaleString('en-GB');
  const mbs = (bytes / 1024 / 1024 / (ms / 1000)).toFixed(1);
  console.log(`  ${label.padEnd(44)} ${rows.toLocaleString('en-GB').padStart(8)} rows ${String(Math.round(ms)).padStart(6)} ms ${rate.padStart(9)} rows/s ${mbs.padStart(6)} MB/s`);
}

async function readRows(path: string): Promise<{ rows: number; ms: number; openMs: number }> {
  const started = performance.now();
  const table = await openTable(path);
  const openMs = performance.now() - started;
  let rows = 0;
  for await (const _row of table.rows()) rows++;
  return { rows, ms: performance.now() - started, openMs };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-read-speed-'));
  try {
    const csv = join(dir, 'export.csv');
    const written = await writeDemoExport(csv, { count, seed: 1 });
    const size = statSync(csv).size;
    console.log(`Demo export: ${written.toLocaleString('en-GB')} rows, ${(size / 1024 / 1024).toFixed(1)} MB (Node ${process.version})`);

    for (let round = 1; round <= 3; round++) {
      const read = await readRows(csv);
      line(`openTable + rows(), streamed (${round})`, read.rows, read.ms, size);
      if (process.argv.includes('--no-baseline')) continue;
      const started = performance.now();
      const parsed = Papa.parse<string[]>(readFileSync(csv, 'utf8'), { skipEmptyLines: true });
      line(`baseline: Papa.parse of the whole string (${round})`, parsed.data.length - 1, performance.now() - started, size);
    }

    const ansi = join(dir, 'export-1252.csv');
    writeFileSync(ansi, Buffer.from(readFileSync(csv, 'utf8').replace(/[\u0100-\uffff]/g, '?'), 'latin1'));
    const a = await readRows(ansi);
    line('Windows-1252 copy', a.rows, a.ms, statSync(ansi).size);

    const utf16 = join(dir, 'export-utf16.txt');
    writeFileSync(utf16, Buffer.from(`\uFEFF${readFileSync(csv, 'utf8')}`, 'utf16le'));
    const u = await readRows(utf16);
    line('UTF-16 LE copy', u.rows, u.ms, statSync(utf16).size);

    const xlsx = join(dir, 'export.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
    const sheet = writer.addWorksheet('Export');
    for (const row of Papa.parse<string[]>(readFileSync(csv, 'utf8'), { skipEmptyLines: true }).data) sheet.addRow(row).commit();
    sheet.commit();
    await writer.commit();
    const x = await readRows(xlsx);
    line(`.xlsx of the same rows (openTable: ${Math.round(x.openMs)} ms)`, x.rows, x.ms, statSync(xlsx).size);

    const field = join(dir, 'field.csv');
    writeFileSync(field, `Application ID,Motivation\r\nNIP-1,"${'Long motivation, ""quoted"".\r\n'.repeat(1_700_000)}"\r\nNIP-2,x\r\n`);
    const f = await readRows(field);
    line('one ~50 MB field', f.rows, f.ms, statSync(field).size);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
