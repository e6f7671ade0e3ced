import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Opens a file in LibreOffice Calc (Debian's libreoffice-calc-nogui, which .ci/run installs) and
 * saves it again as `format` ('xlsx', 'pdf'), the way a hiring manager's office program rewrites a
 * workbook. Each call has its own profile folder: two conversions at once would otherwise fight
 * over one. Fails (does not skip) when LibreOffice is missing.
 */
export async function convertWithLibreOffice(path: string, format: 'xlsx' | 'pdf', outDir: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'cohort-lo-profile-'));
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, path], { timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, `${basename(path, extname(path))}.${format}`);
}
