import { expect, test } from '@playwright/test';
import { openApp, screenshot } from './support';

/**
 * A new user's first minutes: an empty database shows the first-run screen; demo data fills a
 * campaign of 2,000 applications; the Overview shows its counts; French and back.
 */
test.describe.configure({ mode: 'serial' });

test('first run: load demo data, see the overview, switch to French and back', async ({ page }) => {
  await openApp(page);
  const load = page.getByRole('button', { name: 'Load demo data' });
  await expect(load).toBeVisible();
  await screenshot(page, 'first-run-en');

  await load.click();
  await expect(page.getByTestId('overview-applications')).toHaveText('2,000', { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await screenshot(page, 'overview-en');

  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { name: "Vue d'ensemble", level: 1 })).toBeVisible();
  // Numbers follow the language: a narrow no-break space groups thousands in French.
  await expect(page.getByTestId('overview-applications')).toHaveText(/^2\s000$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await screenshot(page, 'overview-fr');

  await page.getByLabel('Langue').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('every page of the navigation opens by keyboard', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('overview-applications')).toBeVisible();
  await screenshot(page, 'overview-en-reopened');
  for (const name of ['Screening', 'Divisions', 'Shortlists', 'Notices', 'Reports', 'Personal data', 'Audit log', 'Settings']) {
    const link = page.getByRole('navigation').getByRole('link', { name });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }
  await screenshot(page, 'settings-en');

  // Before saving a rule, the office sees what it would do to the verdicts.
  await page.getByRole('spinbutton', { name: 'Applications per person' }).fill('3');
  await expect(page.getByText(/Saving these rules would change [\d,]+ verdict/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/Eligible → To review: [\d,]+/)).toBeVisible();
  await screenshot(page, 'settings-impact-en');
  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expect(page.getByText(/Saving these rules would change/)).toHaveCount(0);
});

test('dark theme follows the system', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openApp(page);
  await expect(page.getByTestId('overview-applications')).toBeVisible();
  await screenshot(page, 'overview-dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
  expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(200);
  await context.close();
});
