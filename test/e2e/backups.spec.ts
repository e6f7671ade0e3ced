import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createCampaign, openApp, screenshot } from './support';

/**
 * Backups in the restore list: two taken within a minute read differently (seconds shown, in the
 * interface's language), and a backup can be deleted after confirming.
 */
test('the restore list tells backups apart to the second and deletes one after confirming', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await createCampaign(page, 'Backups season');

  const fileMenu = page.getByRole('button', { name: 'File', exact: true });
  for (let i = 0; i < 2; i++) {
    await fileMenu.click();
    await page.getByRole('menuitem', { name: 'Back up now' }).click();
    await expect(page.getByText('Backup saved').first()).toBeVisible();
  }
  await fileMenu.click();
  await page.getByRole('menuitem', { name: 'Restore from backup…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Restore from a backup' });
  const options = dialog.getByRole('radio');
  await expect(options.nth(1)).toBeVisible();
  const count = await options.count();
  expect(count).toBeGreaterThanOrEqual(2);
  // Taken within a second or two: still they read differently (to the second, then numbered).
  const labels = await dialog.locator('label').allTextContents();
  expect(new Set(labels).size).toBe(labels.length);
  // "3 Mar 2025, 14:05:09": seconds are shown.
  expect(labels[0]).toMatch(/\d{1,2}:\d{2}:\d{2}/);
  await options.first().check();
  await screenshot(page, 'restore-list-en');

  await dialog.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete this backup?' });
  await expect(confirm.getByText(/will be deleted from the backup folder/)).toBeVisible();
  await screenshot(page, 'restore-delete-confirm-en');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog.getByRole('radio')).toHaveCount(count - 1);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('button', { name: 'Fichier', exact: true }).click();
  await page.getByRole('menuitem', { name: /Restaurer/ }).click();
  const french = page.getByRole('alertdialog', { name: 'Restaurer une sauvegarde' });
  await expect(french.getByRole('radio').first()).toBeVisible();
  const frenchLabels = await french.locator('label').allTextContents();
  expect(frenchLabels[0]).toMatch(/\d{2}:\d{2}:\d{2}/);
  await screenshot(page, 'restore-list-fr');
  await french.getByRole('radio').first().check();
  await french.getByRole('button', { name: 'Supprimer…' }).click();
  await screenshot(page, 'restore-delete-confirm-fr');
  await page.getByRole('button', { name: 'Retour' }).click();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.getByLabel('Langue').selectOption('en');
});

test('while backups fail, a warning above every page names the backup folder; work goes on', async ({ page }) => {
  const dataDir = process.env.COHORT_E2E_DATA_DIR;
  expect(dataDir, 'playwright.config.ts sets the data folder').toBeTruthy();
  const backups = join(dataDir!, 'backups');
  // A file where the backup folder should be: it can be neither created nor written, even by root.
  if (existsSync(backups)) renameSync(backups, `${backups}-aside`);
  writeFileSync(backups, '');
  try {
    await openApp(page);
    // A campaign without applications opens on the first-run screen: go on to the app.
    const file = page.getByRole('button', { name: 'File', exact: true });
    const skip = page.getByRole('button', { name: 'Continue without data and review the settings' });
    await expect(file.or(skip).first()).toBeVisible();
    if (await skip.isVisible()) await skip.click();
    await file.click();
    await page.getByRole('menuitem', { name: 'Back up now' }).click();
    const warning = page.getByText('Backups are not being saved');
    await expect(warning).toBeVisible();
    await expect(page.getByText(`backup folder “${backups}”`).first()).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(warning).toBeVisible();
    await screenshot(page, 'backup-warning-en');
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await expect(page.getByText('Les sauvegardes ne sont pas enregistrées')).toBeVisible();
    await screenshot(page, 'backup-warning-fr');
    await page.getByLabel('Langue', { exact: true }).selectOption('en');
  } finally {
    rmSync(backups, { force: true });
    if (existsSync(`${backups}-aside`)) renameSync(`${backups}-aside`, backups);
  }
  // The folder is back: the next backup succeeds and the warning goes.
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Back up now' }).click();
  await expect(page.getByText('Backups are not being saved')).toHaveCount(0);

  // Settings says where backups are, and how long each kind is kept.
  const database = page.getByRole('heading', { name: 'Database', level: 2 });
  await database.scrollIntoViewIfNeeded();
  await expect(page.getByText(backups, { exact: true })).toBeVisible();
  await expect(page.getByText(/kept until you delete them/)).toBeVisible();
  await page.getByRole('heading', { name: 'Backups', level: 3 }).scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-database-en');
  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await page.getByRole('heading', { name: 'Sauvegardes', level: 3 }).scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-database-fr');
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
});
