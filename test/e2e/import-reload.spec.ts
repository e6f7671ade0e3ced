import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeDemoExport } from '../../electron/core/demo/export-file';
import { createCampaign, openApp, screenshot } from './support';

/**
 * An import outlives the page that began it: reloaded during the commit, the page says how the
 * import ended (counts, a link to the history); reloaded during the preview, it says nothing was
 * stored (and the job is dropped); another window sees the import too. English and French.
 */
test.describe.configure({ mode: 'serial' });
test.use({ locale: 'en-US' });

const ROWS = 8_000;
let file = '';

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-reload-'));
  file = join(dir, 'season-export.csv');
  await writeDemoExport(file, { count: ROWS, seed: 21 });
  expect(statSync(file).size).toBeGreaterThan(1_000_000);
});

async function toPreview(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import applications' });
  await expect(dialog.getByRole('heading', { name: 'Check what each column becomes' })).toBeVisible({ timeout: 30_000 });
}

test('reloaded during the commit, the page says the import finished, with its counts and a link to the history', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Reload ${Date.now()}`);
  // A second window on the same campaign, as an officer with two windows would have.
  const other = await context.newPage();
  await openApp(other);

  await toPreview(page);
  const dialog = page.getByRole('dialog', { name: 'Import applications' });
  await dialog.getByRole('button', { name: 'Preview the import' }).click();
  await expect(dialog.getByText('Nothing has been stored yet')).toBeVisible({ timeout: 60_000 });
  // The commit's answer is held back from the page, so the reload always comes while the page still
  // waits for it (a fast machine would otherwise finish first, and rightly have nothing to say).
  let commitAsked!: () => void;
  const asked = new Promise<void>((resolve) => (commitAsked = resolve));
  await page.route('**/api/invoke', async (route) => {
    if (!route.request().postData()?.includes('"import.commit"')) return route.fallback();
    const answer = route.fetch();
    commitAsked();
    await answer.then((response) => route.fulfill({ response })).catch(() => undefined);
  });
  await dialog.getByRole('button', { name: /^Import [\d,]+ applications$/ }).click();
  await asked;
  await expect(dialog.getByRole('heading', { name: 'Storing the applications' })).toBeVisible();
  await page.unroute('**/api/invoke');
  await page.reload();

  const activity = page.getByTestId('import-activity');
  const done = activity.locator('[data-state="committed"]');
  await expect(done).toContainText('“season-export.csv” was imported while the page was reloading', { timeout: 60_000 });
  await expect(done).toContainText(/Added: [\d,]+ · Updated: 0 · Unchanged: 0 · Rejected: 0\./);
  await screenshot(page, 'import-reload-committed-en');
  // The other window was told too.
  await expect(other.getByTestId('import-activity').locator('[data-state="committed"]')).toContainText('Another window imported “season-export.csv”', { timeout: 30_000 });
  await screenshot(other, 'import-other-window-en');

  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(done).toContainText('«\u00a0season-export.csv\u00a0» a été importé pendant le rechargement de la page');
  await screenshot(page, 'import-reload-committed-fr');
  await page.getByLabel('Langue', { exact: true }).selectOption('en');

  await done.getByRole('link', { name: 'Show in the import history' }).click();
  await expect(page).toHaveURL(/#\/screening\/imports\/\d+$/);
  await done.getByRole('button', { name: 'Dismiss' }).click();
  await expect(activity).toBeHidden();
  // Dismissed is forgotten: another reload says nothing more.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Screening', level: 1 })).toBeVisible();
  await expect(page.getByTestId('import-activity')).toBeHidden();
});

test('reloaded during the preview, the page says nothing was stored', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Reload preview ${Date.now()}`);
  const campaign = await page.getByRole('combobox', { name: 'Campaign' }).inputValue();
  await toPreview(page);
  await page.getByRole('dialog', { name: 'Import applications' }).getByRole('button', { name: 'Preview the import' }).click();
  await page.reload();

  const unfinished = page.getByTestId('import-activity').locator('[data-state="previewed"], [data-state="inspected"]');
  await expect(unfinished).toContainText('The import of “season-export.csv” was not finished', { timeout: 60_000 });
  await expect(unfinished).toContainText('nothing was stored');
  await screenshot(page, 'import-reload-unfinished-en');
  expect(await page.getByRole('combobox', { name: 'Campaign' }).inputValue()).toBe(campaign);
  await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { name: 'This campaign has no applications' })).toBeVisible();
});
