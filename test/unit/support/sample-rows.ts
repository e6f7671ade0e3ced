import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { referencePath } from './reference';

/** The reference sample as header + rows of text, to write variants of it. */
export function sampleTable(): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(readFileSync(referencePath('sample-export.csv'), 'utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  return { header: header ?? [], rows };
}

/** Writes a CSV of the sample's header and these rows into `dir`; returns its path. */
export function writeExport(dir: string, name: string, header: string[], rows: string[][]): string {
  const path = join(dir, name);
  writeFileSync(path, Papa.unparse([header, ...rows]));
  return path;
}
