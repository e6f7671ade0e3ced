import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** The fixed token playwright.config.ts gives the web host for the test run. */
export const E2E_TOKEN = 'e2e-token-not-secret';

export const SCREENSHOT_DIR = 'test-results/screenshots';

/** Opens the app as a user would: the web host's launch address carries the token. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(`/#token=${E2E_TOKEN}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}
