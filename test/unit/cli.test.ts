import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import { useTempDir } from './support/temp';

const tempDir = useTempDir();
const run = promisify(execFile);
const CLI = join(__dirname, '../../dist/node/cli.cjs');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, { COHORT_DATA_DIR: tempDir() });
  return { code, out, err };
}

describe('the cohort command line', () => {
  it('campaign show --json prints the campaign’s settings', async () => {
    const db = join(tempDir(), 'x.sqlite');
    const { code, out } = await cli(['campaign', 'show', '--db', db, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ id: 1, name: 'Internship Programme 2026', settings: { minimumAge: 21, applicationLimit: 5 } });
  });

  it('demo, then campaign list shows the applications', async () => {
    const db = join(tempDir(), 'x.sqlite');
    expect((await cli(['demo', '--db', db, '--count', '250', '--json'])).code).toBe(0);
    const { out } = await cli(['campaign', 'list', '--db', db, '--json']);
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ name: 'Internship Programme 2026', applicationCount: 250 })]);
    const human = await cli(['campaign', 'list', '--db', db]);
    expect(human.out).toMatch(/Internship Programme 2026\s+250/);
  });

  it('campaign set changes settings and refuses unknown keys and bad values on stderr', async () => {
    const db = join(tempDir(), 'x.sqlite');
    expect((await cli(['campaign', 'set', '--db', db, 'applicationLimit', '3', 'eligibilityJudgedOn', 'deadline'])).code).toBe(0);
    const shown = JSON.parse((await cli(['campaign', 'show', '--db', db, '--json'])).out);
    expect(shown.settings).toMatchObject({ applicationLimit: 3, eligibilityJudgedOn: 'deadline' });

    const unknown = await cli(['campaign', 'set', '--db', db, 'shoeSize', '42']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toMatch(/no setting "shoeSize"/);
    const bad = await cli(['campaign', 'set', '--db', db, 'minimumAge', 'old']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/takes a number/);
    const invalid = await cli(['campaign', 'set', '--db', db, 'eligibilityJudgedOn', 'tuesday']);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/eligibilityJudgedOn/);
  });

  it('exits non-zero with a message on stderr for an unknown command or an unreadable database', async () => {
    const dir = tempDir();
    expect((await cli(['frobnicate', '--db', join(dir, 'x.sqlite')])).code).toBe(2);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'junk.sqlite'), 'not a database at all, just text'.repeat(50));
    const junk = await cli(['campaign', 'list', '--db', join(dir, 'junk.sqlite')]);
    expect(junk.code).toBe(1);
    expect(junk.err).toMatch(/not a database/);
  });

  it('runs as a real process from the bundle', async () => {
    const db = join(tempDir(), 'x.sqlite');
    const { stdout } = await run(process.execPath, [CLI, 'campaign', 'show', '--db', db, '--json'], { env: { ...process.env, COHORT_DATA_DIR: tempDir() } });
    expect(JSON.parse(stdout).settings.natoFundedDeadline).toBe('2025-05-20T23:59:59');
    await expect(run(process.execPath, [CLI, 'campaign', 'show', '--db', db, '--campaign', '42'])).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/no campaign number 42/) });
  });
});
