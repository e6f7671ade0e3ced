import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import Papa from 'papaparse';
import { APPLICATION_FIELDS } from '../../../shared/domain/application-fields';
import { generateDemoApplications } from './generate';

/**
 * Writes the demo season as the e-recruitment system would export it (English headers, comma,
 * UTF-8), drafts included: a file to try the import with, and the input of the import benchmark.
 * Streams in chunks, so 50,000 rows never sit in memory at once.
 */
export async function writeDemoExport(path: string, options: { count: number; seed?: number }): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${Papa.unparse([APPLICATION_FIELDS.map((f) => f.en)], { newline: '\r\n' })}\r\n`);
  let chunk: string[][] = [];
  let rows = 0;
  for (const record of generateDemoApplications({ count: options.count, seed: options.seed })) {
    chunk.push(APPLICATION_FIELDS.map((f) => record[f.key]));
    rows++;
    if (chunk.length === 1000) {
      await write(`${Papa.unparse(chunk, { newline: '\r\n' })}\r\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) await write(`${Papa.unparse(chunk, { newline: '\r\n' })}\r\n`);
  out.end();
  await once(out, 'finish');
  return rows;
}
