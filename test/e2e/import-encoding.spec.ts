import iconv from 'iconv-lite';
import { expect, test } from '@playwright/test';
import { createCampaign, openApp, screenshot } from './support';

/**
 * A DOS (code page 850) or Mac Roman export read as Windows-1252 garbles the names: the mapping
 * step says so, and picking the file's encoding reads them right before anything is stored.
 * English with a DOS file, then French with a Mac one.
 */
test.describe.configure({ mode: 'serial' });

const CSV = [
  'Application ID;First Name;Last Name;Status;Submitted On;Nationality',
  'ENC-0001;Jürgen;Müller;Submitted;01/04/2025 10:00;Germany',
  'ENC-0002;Émilie;Novák;Submitted;01/04/2025 11:00;Czechia',
  'ENC-0003;François;Lefèvre;Submitted;01/04/2025 12:00;France',
].join('\r\n');

test('names garbled by a DOS or Mac encoding: the warning, the choice, the names read right', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Encoding test ${Date.now()}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();

  const dialog = page.getByRole('dialog', { name: 'Import applications' });
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name: 'dos-export.csv', mimeType: 'text/csv', buffer: iconv.encode(CSV, 'cp850') });
  await expect(dialog.getByRole('heading', { name: 'Check what each column becomes' })).toBeVisible({ timeout: 15_000 });

  const warning = dialog.getByTestId('import-garbled');
  await expect(warning).toContainText('Some names look garbled');
  await expect(warning).toContainText('Windows-1252');
  const encoding = dialog.getByRole('combobox', { name: 'Text encoding' });
  await expect(encoding.locator('option:checked')).toHaveText('Windows-1252 (Western European)');
  await screenshot(page, 'import-encoding-garbled-en');

  await encoding.selectOption({ label: 'DOS (code page 850)' });
  await expect(warning).toBeHidden({ timeout: 15_000 });
  await expect(encoding.locator('option:checked')).toHaveText('DOS (code page 850)');
  const table = dialog.getByRole('table', { name: 'Columns of dos-export.csv and what they become' });
  await expect(table.getByRole('row', { name: /First Name/ })).toContainText('Jürgen');
  await expect(table.getByRole('row', { name: /Last Name/ })).toContainText('Novák');
  await screenshot(page, 'import-encoding-fixed-en');

  await dialog.getByRole('button', { name: 'Preview the import' }).click();
  await expect(dialog.getByTestId('import-count-added')).toHaveText('3', { timeout: 15_000 });
  await dialog.getByRole('button', { name: /^Import 3 applications$/ }).click();
  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Show in the import history' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('import-history').getByRole('row').nth(1)).toContainText('dos-export.csv');

  // In French, a Mac Roman file.
  await page.getByLabel('Language').selectOption('fr');
  const dialogFr = page.getByRole('dialog', { name: 'Importer des candidatures' });
  await page.getByRole('button', { name: 'Fichier', exact: true }).click();
  await page.getByRole('menuitem', { name: /Importer des candidatures/ }).click();
  chooser = page.waitForEvent('filechooser');
  await dialogFr.getByRole('button', { name: 'Choisir un fichier…' }).click();
  const mac = CSV.replace(/ENC-000/g, 'MAC-000');
  await (await chooser).setFiles({ name: 'mac-export.csv', mimeType: 'text/csv', buffer: iconv.encode(mac, 'macintosh') });
  const warningFr = dialogFr.getByTestId('import-garbled');
  await expect(warningFr).toContainText('Certains noms semblent mal lus', { timeout: 15_000 });
  await expect(warningFr).toContainText('ƒmilie');
  await screenshot(page, 'import-encoding-garbled-fr');
  const encodingFr = dialogFr.getByRole('combobox', { name: 'Encodage du texte' });
  await encodingFr.selectOption({ label: 'Mac Roman' });
  await expect(warningFr).toBeHidden({ timeout: 15_000 });
  await expect(dialogFr.getByRole('table').getByRole('row', { name: /First Name/ })).toContainText('Émilie');
  await screenshot(page, 'import-encoding-fixed-fr');
  await dialogFr.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(dialogFr).toBeHidden();
  await page.getByLabel('Langue').selectOption('en');
});
