import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_TOKEN } from './test/e2e/support';

/**
 * Browser tests run the real app (the web host: same worker, same services) in Debian's Chromium.
 * Playwright's own browser download cannot work here, so the system browser is named explicitly.
 */
const PORT = Number(process.env.COHORT_E2E_PORT ?? 4599);
// Each run gets an empty data folder: the first-run screen is part of what is tested.
const dataDir = process.env.COHORT_E2E_DATA_DIR ?? (process.env.COHORT_E2E_DATA_DIR = mkdtempSync(join(tmpdir(), 'cohort-e2e-')));

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'en-GB',
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node dist/node/web-host.cjs --port ${PORT} --data-dir "${dataDir}" --token ${E2E_TOKEN}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
