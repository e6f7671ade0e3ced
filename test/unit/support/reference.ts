import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The domain reference material lives beside the repository (../shared/reference), on developers'
 * machines and on CI alike; it is not copied into the repository.
 */
export const REFERENCE_DIR = process.env.COHORT_REFERENCE_DIR ?? resolve(__dirname, '../../../../shared/reference');

export function referencePath(name: string): string {
  const path = join(REFERENCE_DIR, name);
  if (!existsSync(path)) throw new Error(`Reference file missing: ${path} (set COHORT_REFERENCE_DIR to the folder that holds it)`);
  return path;
}

export interface ExpectedVerdict {
  applicationId: string;
  verdict: 'eligible' | 'ineligible' | 'review';
  reasons: string[];
}

/** sample-export.expected.jsonl: one verdict per stored application, then the import's summary. */
export function expectedSample(): { verdicts: ExpectedVerdict[]; rejectedRows: unknown[]; drafts: number; lines: string[] } {
  const lines = readFileSync(referencePath('sample-export.expected.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const last = JSON.parse(lines.at(-1) ?? '{}') as { rejectedRows: unknown[]; drafts: number };
  return { verdicts: lines.slice(0, -1).map((l) => JSON.parse(l) as ExpectedVerdict), rejectedRows: last.rejectedRows, drafts: last.drafts, lines: lines.slice(0, -1) };
}
