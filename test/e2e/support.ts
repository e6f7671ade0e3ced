import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** The fixed token playwright.config.ts gives the web host for the test run. */
export const E2E_TOKEN = 'e2e-token-not-secret-but-long-enough-0123456789';

export const SCREENSHOT_DIR = 'test-results/screenshots';

/** Opens the app as a user would: the web host's launch address carries the token. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(`/#token=${E2E_TOKEN}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** Creates a campaign through the first-run button or File > New campaign, whichever the app shows. */
export async function createCampaign(page: Page, name: string): Promise<void> {
  const firstRun = page.getByRole('button', { name: 'New campaign', exact: true });
  const fileMenu = page.getByRole('button', { name: 'File', exact: true });
  await expect(firstRun.or(fileMenu).first()).toBeVisible();
  if (await firstRun.isVisible()) {
    await firstRun.click();
  } else {
    await fileMenu.click();
    await page.getByRole('menuitem', { name: 'New campaign…' }).click();
  }
  await page.getByRole('textbox', { name: 'Campaign name' }).fill(name);
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByRole('combobox', { name: 'Campaign' }).locator('option:checked')).toHaveText(name);
}

/** Imports a file through the import wizard (English UI), accepting the proposed mapping. */
export async function importFile(page: Page, path: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Import applications' });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(path);
  await expect(dialog.getByRole('heading', { name: 'Check what each column becomes' })).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Preview the import' }).click();
  await expect(dialog.getByText('Nothing has been stored yet')).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole('button', { name: /^Import \d+ applications$/ }).click();
  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Show in the import history' }).click();
  await expect(dialog).toBeHidden();
}

/** Calls the services over the web host's API, as the page does (to arrange a test or read the truth). */
export async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const response = await page.request.post('/api/invoke', { headers: { Authorization: `Bearer ${E2E_TOKEN}` }, data: { method, input } });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}
