import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../shared/api/errors';
import { referencePath } from './support/reference';
import { openTestApp, tableCounts, useTempDir, type TestApp } from './support/temp';
import { inlineSheet, storedEntry, workbookParts, zipArchive } from './support/zip';

/**
 * A bounded, seeded fuzz of the import through the real services (the security review ran 2,000
 * mutated exports: 0 crashes, 0 partial writes; this keeps a few hundred of them in the suite).
 * Every outcome is a clean preview and import, or an error with a code other than Internal, a
 * named kind and a plain message; a refused file leaves every table as it was.
 */

const tempDir = useTempDir();

/** mulberry32: small, seeded, the same cases on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bytes a mutation inserts: the ones that matter to a parser (quotes, delimiters, line ends, NUL, UTF-8 pieces, markup). */
const INTERESTING = ['"', ',', ';', '\t', '\r\n', '\n', '\r', '\u0000', '\uFEFF', 'é', '\u00C3', '<', '>', '&', '</t>', '<c r="A1">', '=', '"""', ' '].map((s) => Buffer.from(s, 'utf8'));

function mutate(input: Buffer, rand: () => number): Buffer {
  let bytes = Buffer.from(input);
  const count = 1 + Math.floor(rand() * 4);
  for (let m = 0; m < count; m++) {
    const at = Math.floor(rand() * Math.max(1, bytes.length));
    const kind = Math.floor(rand() * 6);
    if (kind === 0 && bytes.length > 0) {
      bytes[at] = Math.floor(rand() * 256);
    } else if (kind === 1) {
      const piece = INTERESTING[Math.floor(rand() * INTERESTING.length)] as Buffer;
      bytes = Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
    } else if (kind === 2) {
      const length = Math.floor(rand() * 64);
      bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + length)]);
    } else if (kind === 3) {
      const length = Math.floor(rand() * 256);
      bytes = Buffer.concat([bytes.subarray(0, at + length), bytes.subarray(at, at + length), bytes.subarray(at + length)]);
    } else if (kind === 4) {
      bytes = bytes.subarray(0, at);
    } else {
      const piece = INTERESTING[Math.floor(rand() * INTERESTING.length)] as Buffer;
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.alloc(Math.floor(rand() * 8) + 1, piece[0]), bytes.subarray(at)]);
    }
  }
  return bytes;
}

type Outcome = 'imported' | 'refused';

function expectNamedError(error: AppErrorData, what: string): void {
  expect(error.code, `${what}: ${error.message}`).not.toBe('Internal');
  expect(error.kind, `${what}: ${error.message}`).toBeTruthy();
  expect(error.message).not.toMatch(/\n\s+at /); // no stack trace
}

/** One file through inspect, preview and commit: a clean import, or a named error and nothing written. */
async function attempt(app: TestApp, path: string, what: string): Promise<Outcome> {
  const before = await tableCounts(app.core);
  const inspection = await app.client.tryCall('import.inspect', { campaignId: 1, path });
  let error: AppErrorData | null = null;
  if (inspection.ok) {
    const preview = await app.client.tryCall('import.preview', { jobId: inspection.value.jobId, mapping: inspection.value.mapping });
    if (preview.ok) {
      const commit = await app.client.tryCall('import.commit', { jobId: inspection.value.jobId });
      if (commit.ok) {
        const after = await tableCounts(app.core);
        expect(after.imports).toBe((before.imports ?? 0) + 1);
        expect(after.applications).toBe((before.applications ?? 0) + commit.value.counts.added);
        expect(commit.value.counts).toEqual(preview.value.counts);
        return 'imported';
      }
      error = commit.error;
    } else {
      error = preview.error;
      await app.client.tryCall('import.cancel', { jobId: inspection.value.jobId });
    }
  } else {
    error = inspection.error;
  }
  expectNamedError(error, what);
  expect(await tableCounts(app.core), what).toEqual(before);
  return 'refused';
}

describe('fuzzing the import (seeded, bounded)', () => {
  it('300 mutated CSV exports: each imports cleanly or is refused by name, never half-written', async () => {
    const base = readFileSync(referencePath('sample-export.csv'));
    const app = await openTestApp(tempDir());
    const dir = tempDir();
    const rand = random(20_260_415);
    const outcomes = { imported: 0, refused: 0 };
    for (let i = 0; i < 300; i++) {
      const path = join(dir, `fuzz-${i}.csv`);
      writeFileSync(path, mutate(base, rand));
      outcomes[await attempt(app, path, `CSV case ${i}`)]++;
    }
    // Both outcomes occur: the mutations reach past the first checks.
    expect(outcomes.imported).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
    await app.core.close();
  });

  it('200 mutated .xlsx exports (the zip itself, and the XML inside it): the same', async () => {
    const rows = Papa.parse<string[]>(readFileSync(referencePath('sample-export.csv'), 'utf8'), { skipEmptyLines: true }).data;
    const workbook = new ExcelJS.Workbook();
    // The workbook records when it was made: fixed, so the same bytes (and the same cases) every run.
    workbook.created = workbook.modified = new Date('2026-04-16T09:00:00Z');
    const sheet = workbook.addWorksheet('Export');
    for (const row of rows) sheet.addRow(row);
    const real = Buffer.from(await workbook.xlsx.writeBuffer());
    // Cells carry their references (A1…) as Excel writes them: without them no cell could be read,
    // and the sound-archive half would test nothing but refusals.
    const sheetXml = Buffer.from(inlineSheet(rows));
    const app = await openTestApp(tempDir());
    const dir = tempDir();
    const rand = random(20_260_416);
    const outcomes = { imported: 0, refused: 0 };
    for (let i = 0; i < 200; i++) {
      const path = join(dir, `fuzz-${i}.xlsx`);
      // Half the cases break the archive, half the worksheet's XML inside a sound archive.
      const bytes = i % 2 === 0 ? mutate(real, rand) : zipArchive([...workbookParts(false), storedEntry('xl/worksheets/sheet1.xml', mutate(sheetXml, rand))]);
      writeFileSync(path, bytes);
      outcomes[await attempt(app, path, `xlsx case ${i}`)]++;
    }
    expect(outcomes.imported).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
    await app.core.close();
  });
});
