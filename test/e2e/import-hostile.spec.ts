import { expect, test } from '@playwright/test';
import { createCampaign, openApp, screenshot } from './support';

/**
 * A file bigger than any export is refused in plain words, before anything is stored: a value
 * longer than a motivation can be, and 200,000 columns (the reader says so, not "mapping: Too big").
 */
test.describe.configure({ mode: 'serial' });

test('files bigger than any export: refused in plain words, in English and French', async ({ page }) => {
  await openApp(page);
  await createCampaign(page, `Hostile test ${Date.now()}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();

  const dialog = page.getByRole('dialog', { name: 'Import applications' });
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  const long = `Application ID,Submitted On,Motivation\r\nH-1,2025-04-01 10:00,${'x'.repeat(100_001)}\r\n`;
  await (await chooser).setFiles({ name: 'long-value.csv', mimeType: 'text/csv', buffer: Buffer.from(long) });
  await expect(dialog.getByText('This file cannot be imported')).toBeVisible({ timeout: 15_000 });
  await expect(dialog).toContainText('Row 2, column “Motivation” holds more than 100,000 characters');
  await screenshot(page, 'import-refused-long-value-en');

  chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  const headers = Array.from({ length: 200_000 }, (_v, i) => `Q${i}`).join(',');
  await (await chooser).setFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(`${headers}\r\n`) });
  await expect(dialog).toContainText('This file has more columns than Cohort reads (at most 16,384', { timeout: 15_000 });
  await expect(dialog).not.toContainText('Too big');
  await screenshot(page, 'import-refused-columns-en');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('button', { name: 'Fichier', exact: true }).click();
  await page.getByRole('menuitem', { name: /Importer des candidatures/ }).click();
  const dialogFr = page.getByRole('dialog', { name: 'Importer des candidatures' });
  chooser = page.waitForEvent('filechooser');
  await dialogFr.getByRole('button', { name: 'Choisir un fichier…' }).click();
  await (await chooser).setFiles({ name: 'long-value.csv', mimeType: 'text/csv', buffer: Buffer.from(long) });
  await expect(dialogFr).toContainText('Ligne 2, la colonne « Motivation » contient plus de 100', { timeout: 15_000 });
  await screenshot(page, 'import-refused-long-value-fr');
  await dialogFr.getByRole('button', { name: 'Annuler', exact: true }).click();
  await page.getByLabel('Langue').selectOption('en');
});
