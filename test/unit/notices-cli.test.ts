import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli';
import { openSqlite } from '../../db/connection';
import { useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('cohort notices', () => {
  it('status, prepare and mark-sent on the demo campaign; nothing owed is said so', async () => {
    const dir = tempDir();
    const db = ['--db', join(dir, 'cohort.sqlite')];
    expect((await cli(['demo', '--count', '400', '--seed', '3', ...db], dir)).code).toBe(0);
    expect((await cli(['screen', ...db], dir)).code).toBe(0);

    const sqlite = openSqlite(join(dir, 'cohort.sqlite'));
    const groups = sqlite.prepare<[], { allIneligible: number }>('SELECT min(verdict = \'ineligible\') AS allIneligible FROM screening_results GROUP BY person_key').all();
    sqlite.close();
    const status = JSON.parse((await cli(['notices', 'status', '--json', ...db], dir)).out) as { byOutcome: Record<string, { owed: number }> };
    expect(status.byOutcome.ineligible?.owed).toBe(groups.filter((g) => g.allIneligible === 1).length);
    expect(Object.values(status.byOutcome).reduce((n, c) => n + c.owed, 0)).toBe(status.byOutcome.ineligible?.owed);

    const out = join(dir, 'drafts');
    mkdirSync(out);
    const prepared = await cli(['notices', 'prepare', '--outcome', 'ineligible', '--format', 'eml', '--out', out, '--json', ...db], dir);
    expect(prepared.code).toBe(0);
    const batch = JSON.parse(prepared.out) as { batch: number; prepared: number; files: string[]; withoutAddress: { applications: string[] }[] };
    expect(batch.prepared).toBe(status.byOutcome.ineligible?.owed);
    expect(readdirSync(out).sort()).toEqual([...batch.files].sort());

    expect((await cli(['notices', 'mark-sent', '--batch', String(batch.batch), ...db], dir)).code).toBe(0);
    const after = JSON.parse((await cli(['notices', 'status', '--json', ...db], dir)).out) as { byOutcome: Record<string, { owed: number; sent: number }> };
    expect(after.byOutcome.ineligible).toMatchObject({ owed: 0, sent: batch.prepared });
    const refused = await cli(['notices', 'prepare', '--outcome', 'not-retained', '--format', 'csv', '--out', out, ...db], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('No notice of this kind is owed');
  });
});
