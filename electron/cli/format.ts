import type { Client } from '../../shared/api/client';
import type { ScreeningLine } from '../../shared/api/contract';
import { UsageError } from './command';

/** Rows as an aligned text table, for people (--json prints the data itself). */
export function table(rows: Record<string, string | number>[]): string {
  if (rows.length === 0) return '(none)';
  const keys = Object.keys(rows[0] ?? {});
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(keys), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => String(r[k] ?? ''))))].join('\n');
}

/** The campaign a command works on: --campaign ID, else the database's first. */
export async function campaignIdOf(client: Client, given: string | undefined): Promise<number> {
  if (given !== undefined) {
    const id = Number(given);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`--campaign takes a campaign number, not "${given}".`);
    return id;
  }
  const list = await client.call('campaign.list', {});
  const first = list[0];
  if (!first) throw new UsageError('This database has no campaign.');
  return first.id;
}

/** A whole number given as an option or argument, e.g. --count 200 or a shortlist's ID. */
export function wholeNumber(what: string, raw: string | undefined, fallback?: number): number {
  if (raw === undefined && fallback !== undefined) return fallback;
  const n = Number(raw);
  if (raw === undefined || !Number.isInteger(n) || n < 1) throw new UsageError(`${what} takes a whole number${raw === undefined ? '' : `, not "${raw}"`}.`);
  return n;
}

/**
 * One line of `screen --json`, written as sample-export.expected.jsonl writes it (a space after
 * each colon and comma), so the two can be compared line for line.
 */
export function screeningLineJson(line: ScreeningLine): string {
  const parts = [`"applicationId": ${JSON.stringify(line.applicationId)}`, `"verdict": ${JSON.stringify(line.verdict)}`, `"reasons": [${line.reasons.map((r) => JSON.stringify(r)).join(', ')}]`];
  if (line.override) parts.push(`"override": {"verdict": ${JSON.stringify(line.override.verdict)}, "state": ${JSON.stringify(line.override.state)}}`);
  return `{${parts.join(', ')}}`;
}
