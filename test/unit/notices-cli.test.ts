import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli';
import { openSqlite } from '../../db/connection';
import { useTempDir } from './support/temp';

const tempDir = useTempDir();

describe('cohort notices', () => {
  it('status, prepare and mark-sent on the mid-season demo campaign; never the same notice twice', async () => {
    const dir = tempDir();
    const db = ['--db', join(dir, 'cohort.sqlite')];
    expect((await cli(['demo', '--count', '400', '--seed', '3', ...db], dir)).code).toBe(0);
    expect((await cli(['screen', ...db], dir)).code).toBe(0);

    // Per person: were all their applications ineligible; is any still undecided (under review, or
    // eligible and not yet decided: new, in review, proposed, shortlisted, interview)?
    const sqlite = openSqlite(join(dir, 'cohort.sqlite'));
    const groups = sqlite
      .prepare<[], { allIneligible: number; undecided: number }>(
        `SELECT min(r.verdict = 'ineligible') AS allIneligible,
           max(r.verdict = 'review' OR (r.verdict = 'eligible' AND coalesce(t.stage, 'new') IN ('new', 'inReview', 'proposed', 'shortlisted', 'interview'))) AS undecided
         FROM screening_results r LEFT JOIN triage_states t ON t.application_ref = r.application_ref GROUP BY r.person_key`,
      )
      .all();
    sqlite.close();
    const status = JSON.parse((await cli(['notices', 'status', '--json', ...db], dir)).out) as { byOutcome: Record<string, { owed: number }>; people: number };
    expect(status.byOutcome.ineligible?.owed).toBe(groups.filter((g) => g.allIneligible === 1).length);
    // Nobody with anything undecided is owed a notice (the demo has a selected person: a place is told even then, not here).
    const owed = Object.entries(status.byOutcome).reduce((n, [outcome, c]) => n + (outcome === 'selected' ? 0 : c.owed), 0);
    expect(owed).toBeLessThanOrEqual(groups.filter((g) => g.undecided === 0).length);
    expect(status.byOutcome.notRetained?.owed).toBeGreaterThan(0);

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
    // Those not retained in triage, as one CSV for a mail merge; not a second time.
    const csv = await cli(['notices', 'prepare', '--outcome', 'not-retained', '--format', 'csv', '--out', out, '--json', ...db], dir);
    expect(csv.code).toBe(0);
    expect((JSON.parse(csv.out) as { files: string[] }).files).toEqual([expect.stringMatching(/\.csv$/)]);
    const refused = await cli(['notices', 'prepare', '--outcome', 'not-retained', '--format', 'csv', '--out', out, ...db], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('No notice of this kind is owed');
  });
});
