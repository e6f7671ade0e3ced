import { expect, test } from '@playwright/test';
import { createCampaign, openApp, screenshot } from './support';

/**
 * Settings > Database in the web host: there is no keychain in a browser, so the page does not
 * offer to connect; it says what the host was started on (here a database file on this computer)
 * and how to start it on the office server instead (`--db URL`, COHORT_PASSWORD), in both
 * languages. The desktop app's form is Electron's (electron/connection-ipc.ts, tested in Vitest).
 */
test('the web host says which database it was started on, read-only, in English and French', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await createCampaign(page, 'Database season');
  await page.getByRole('link', { name: 'Settings' }).or(page.getByRole('button', { name: 'Settings' })).first().click();

  const section = page.getByRole('region', { name: 'Database' });
  await expect(section.getByText('This web host was started on a database file on this computer.')).toBeVisible();
  await expect(section.getByText('COHORT_PASSWORD=… npm run web -- --db postgres://login@host:5432/database')).toBeVisible();
  await expect(section.getByText(/the password in the COHORT_PASSWORD environment variable/)).toBeVisible();
  // Nothing to type a server or a password into: the web host cannot keep one.
  await expect(section.getByRole('radio')).toHaveCount(0);
  await expect(section.getByLabel('Password')).toHaveCount(0);
  await expect(section.getByRole('button', { name: 'Back up now' })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-database-web-en');

  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  const french = page.getByRole('region', { name: 'Base de données' });
  await expect(french.getByText('Cet hôte web a été démarré sur un fichier de base de données de cet ordinateur.')).toBeVisible();
  await expect(french.getByText('COHORT_PASSWORD=… npm run web -- --db postgres://identifiant@serveur:5432/base')).toBeVisible();
  await screenshot(page, 'settings-database-web-fr');
});
