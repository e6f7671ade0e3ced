import { runCli } from '../../../electron/cli';

/** Runs `cohort` in-process as a user would from a shell (its data folder `dir`), and what it printed. */
export async function cli(args: string[], dir: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, {
    COHORT_DATA_DIR: dir,
    // A server's password, as a shell would hand it on.
    ...(process.env.COHORT_PASSWORD !== undefined ? { COHORT_PASSWORD: process.env.COHORT_PASSWORD } : {}),
  });
  return { code, out, err };
}
