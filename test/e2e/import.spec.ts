import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createCampaign, openApp, screenshot } from './support';

/**
 * Importing the e-recruitment export by the UI: choose a file, correct the mapping (a header the
 * automatic matching does not know), see the preview with its rejected rows, import, and find the
 * import in the history with its rejected rows. Then the same in French, by dropping the file on
 * the window: the confirmed mapping is offered again and nothing changes.
 *
 * Independent of the other specs: it makes its own campaign, whatever the database holds.
 */
test.describe.configure({ mode: 'serial' });

const FILE_NAME = 'export-import-e2e.csv';

// "Mail address" is not a header the export uses: the user maps it to Email by hand.
// Row 4 has no Application ID and row 5 repeats row 2's: both are rejected. Row 6 is a draft.
const CSV = [
  'Application ID,First Name,Last Name,Mail address,Status,Submitted On,Division,Nationality',
  'E2E-0001,Ana,Silva,ana.silva@example.org,Submitted,2025-04-06T10:12:00Z,OPS,Portugal',
  'E2E-0002,Jonas,Berg,jonas.berg@example.org,Submitted,06/04/2025 14:30,PDD,Norway',
  ',Marie,Dubois,marie.dubois@example.org,Submitted,2025-04-07 09:00,DI,France',
  'E2E-0001,Ana,Silva,ana.silva@example.org,Submitted,2025-04-08 09:00,OPS,Portugal',
  'E2E-0003,Tomas,Novak,tomas.novak@example.org,Draft,,EM,Czechia',
  'E2E-0004,Eva,Kowalska,eva.kowalska@example.org,Soumise,2025-04-09T08:15:00+02:00,JISD,Poland',
].join('\r\n');

const file = () => ({ name: FILE_NAME, mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });

/** A campaign of this test's own: from the first-run screen on an empty database, else from File. */

test('import a CSV: correct the mapping, preview the rejected rows, import, see the history; then in French', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Import test ${Date.now()}`);

  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  await expect(page.getByRole('heading', { name: 'Screening', level: 1 })).toBeVisible();
  await expect(page.getByText('No file has been imported into this campaign yet.')).toBeVisible();

  // Choose the file as a user does: the button opens the system's file chooser.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(file());

  const dialog = page.getByRole('dialog', { name: 'Import applications' });
  await expect(dialog.getByRole('heading', { name: 'Check what each column becomes' })).toBeVisible({ timeout: 15_000 });
  await expect(dialog.getByText('Matched automatically')).toBeVisible();
  const table = dialog.getByRole('table', { name: `Columns of ${FILE_NAME} and what they become` });
  await expect(table.getByRole('row')).toHaveCount(9);

  // Recognised headers are mapped; the unknown one is kept as an extra attribute.
  const idSelect = dialog.getByRole('combobox', { name: 'What column A “Application ID” becomes' });
  await expect(idSelect.locator('option:checked')).toHaveText('Application ID');
  const mailSelect = dialog.getByRole('combobox', { name: 'What column D “Mail address” becomes' });
  await expect(mailSelect.locator('option:checked')).toHaveText('Keep as an extra attribute');
  await expect(table.getByRole('row', { name: /Mail address/ })).toContainText('ana.silva@example.org');

  // A wrong choice first: the problem is named, column by column, and the preview is held back.
  await mailSelect.selectOption({ label: 'First Name' });
  const problems = dialog.getByText('Columns B “First Name” and D “Mail address” are mapped to the same field, “First Name”.', { exact: false });
  await expect(problems).toBeVisible();
  const next = dialog.getByRole('button', { name: 'Preview the import' });
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  // Without an Application ID nothing could be identified: said before going on.
  await idSelect.selectOption({ label: 'Ignore this column' });
  await expect(dialog.getByText('No column is mapped to “Application ID”.', { exact: false })).toBeVisible();
  await idSelect.selectOption({ label: 'Application ID' });

  // The correction.
  await mailSelect.selectOption({ label: 'Email' });
  await expect(problems).toBeHidden();
  await expect(dialog.getByText('Changed by you')).toBeVisible();
  await expect(next).not.toHaveAttribute('aria-disabled', 'true');
  await screenshot(page, 'import-mapping-en');

  await next.click();
  await expect(dialog.getByRole('heading', { name: 'Check what the import will do' })).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText('Nothing has been stored yet')).toBeVisible();
  await expect(dialog.getByTestId('import-count-added')).toHaveText('3');
  await expect(dialog.getByTestId('import-count-updated')).toHaveText('0');
  await expect(dialog.getByTestId('import-count-unchanged')).toHaveText('0');
  await expect(dialog.getByTestId('import-count-skippedDrafts')).toHaveText('1');
  await expect(dialog.getByTestId('import-count-rejected')).toHaveText('2');
  const rejected = dialog.getByTestId('import-rejected-rows');
  await expect(rejected.getByRole('row')).toHaveCount(3);
  await expect(rejected.getByRole('row').nth(1)).toContainText('4');
  await expect(rejected.getByRole('row').nth(1)).toContainText('The Application ID is empty');
  await expect(rejected.getByRole('row').nth(2)).toContainText('5');
  await expect(rejected.getByRole('row').nth(2)).toContainText('The Application ID “E2E-0001” already appears on an earlier row');
  await screenshot(page, 'import-preview-en');

  // Nothing was written by the preview.
  await expect(page.getByTestId('import-history')).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Import 3 applications' }).click();
  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByTestId('import-count-added')).toHaveText('3');
  await dialog.getByRole('button', { name: 'Show in the import history' }).click();
  await expect(dialog).toBeHidden();

  const history = page.getByTestId('import-history');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText(FILE_NAME);
  await expect(page.getByRole('heading', { name: `Import of “${FILE_NAME}”` })).toBeVisible();
  const historyRejected = page.getByTestId('history-rejected-rows');
  await expect(historyRejected.getByRole('row')).toHaveCount(3);
  await expect(historyRejected.getByRole('row').nth(1)).toContainText('The Application ID is empty');
  await historyRejected.scrollIntoViewIfNeeded();
  await screenshot(page, 'import-history-en');

  // ---- French, by drag and drop onto the window ------------------------------------------
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Présélection', level: 1 })).toBeVisible();

  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/csv' }));
      return transfer;
    },
    { name: FILE_NAME, text: CSV },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText("Déposez l'export pour l'importer")).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByText("Déposez l'export pour l'importer")).toBeHidden();

  const dialogFr = page.getByRole('dialog', { name: 'Importer des candidatures' });
  await expect(dialogFr.getByRole('heading', { name: 'Vérifiez ce que devient chaque colonne' })).toBeVisible({ timeout: 15_000 });
  // The mapping confirmed for this layout is offered again, with the correction.
  await expect(dialogFr.getByText('Correspondance enregistrée')).toBeVisible();
  await expect(dialogFr.getByRole('combobox', { name: 'Ce que devient la colonne D « Mail address »' }).locator('option:checked')).toHaveText(
    'Courriel',
  );
  await screenshot(page, 'import-mapping-fr');

  await dialogFr.getByRole('button', { name: "Prévisualiser l'importation" }).click();
  await expect(dialogFr.getByRole('heading', { name: "Vérifiez ce que fera l'importation" })).toBeVisible({ timeout: 30_000 });
  await expect(dialogFr.getByTestId('import-count-added')).toHaveText('0');
  await expect(dialogFr.getByTestId('import-count-unchanged')).toHaveText('3');
  await expect(dialogFr.getByTestId('import-count-rejected')).toHaveText('2');
  await expect(dialogFr.getByTestId('import-rejected-rows').getByRole('row').nth(1)).toContainText('Le numéro de candidature est vide');
  await screenshot(page, 'import-preview-fr');

  await dialogFr.getByRole('button', { name: 'Consigner cette importation (rien ne change)' }).click();
  await expect(dialogFr.getByRole('heading', { name: 'Importation terminée' })).toBeVisible({ timeout: 30_000 });
  await dialogFr.getByRole('button', { name: "Voir dans l'historique des importations" }).click();
  await expect(dialogFr).toBeHidden();
  await expect(page.getByTestId('import-history').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('history-rejected-rows').getByRole('row').nth(1)).toContainText('Le numéro de candidature est vide');
  await page.getByTestId('history-rejected-rows').scrollIntoViewIfNeeded();
  await screenshot(page, 'import-history-fr');

  // The rejected rows go out as a CSV file, to send back or fix.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Enregistrer les lignes rejetées en CSV' }).click();
  const saved = await download;
  // Through the one way files go out (shared/api/files.ts): in a browser, a download.
  expect(saved.suggestedFilename()).toBe('export-import-e2e - rejected rows.csv');
  const text = readFileSync(await saved.path(), 'utf8');
  expect(text.startsWith('\uFEFF"Row","Column","Problem"')).toBe(true);
  expect(text).toContain('E2E-0001');
  // The notice (its title; a live region repeats it for screen readers).
  await expect(page.locator('.fui-ToastTitle').filter({ hasText: '«\u00a0export-import-e2e - rejected rows.csv\u00a0» téléchargé' })).toBeVisible();

  await page.getByLabel('Langue').selectOption('en');
});

test('by keyboard alone: File > Import…, choose, map, preview; Escape leaves nothing behind', async ({ page }) => {
  await openApp(page);
  await createCampaign(page, `Cancel test ${Date.now()}`);

  await page.getByRole('button', { name: 'File', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'New campaign…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Import applications…' })).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Import applications' });
  // Each step starts at its heading; the next Tab reaches its first control.
  await expect(dialog.getByRole('heading', { name: 'Which file do you want to import?' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Choose a file…' })).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(file());

  await expect(dialog.getByRole('heading', { name: 'Check what each column becomes' })).toBeFocused({ timeout: 15_000 });
  // Tab goes through the search, the filter, every column's select (the table scrolls along), then the buttons.
  const mailSelect = dialog.getByRole('combobox', { name: 'What column D “Mail address” becomes' });
  const preview = dialog.getByRole('button', { name: 'Preview the import' });
  for (let i = 0; i < 20 && !(await mailSelect.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(mailSelect).toBeFocused();
  await mailSelect.selectOption({ label: 'Email' });
  for (let i = 0; i < 20 && !(await preview.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(preview).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(dialog.getByRole('heading', { name: 'Check what the import will do' })).toBeFocused({ timeout: 30_000 });
  await expect(dialog.getByTestId('import-count-added')).toHaveText('3');

  // Escape closes the wizard as Cancel does: the previewed file is dropped, nothing stored.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  await expect(page.getByText('No file has been imported into this campaign yet.')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByText('This campaign has no applications')).toBeVisible();
});

test('an export with 10,000 columns maps without drawing them all', async ({ page }) => {
  const headers = ['Application ID', 'Status', 'Submitted On', ...Array.from({ length: 9997 }, (_, i) => `Question ${i + 4}`)];
  const row = (id: string) => [id, 'Submitted', '2025-04-06 10:00', ...Array.from({ length: 9997 }, (_, i) => `answer ${i + 4}`)].join(',');
  const csv = [headers.join(','), row('WIDE-1'), row('WIDE-2')].join('\n');

  await openApp(page);
  await createCampaign(page, `Wide test ${Date.now()}`);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Import applications…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import applications' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByText('10,000 columns', { exact: true })).toBeVisible({ timeout: 30_000 });

  // Only the rows in view exist in the page; the table still tells how many there are.
  const table = dialog.getByRole('table');
  await expect(table).toHaveAttribute('aria-rowcount', '10001');
  expect(await table.getByRole('row').count()).toBeLessThan(60);

  // A column far down is found by searching, and mapped.
  await dialog.getByRole('searchbox', { name: 'Find a column' }).fill('Question 9876');
  await expect(dialog.getByText('1 of 10,000 columns shown')).toBeVisible();
  const select = dialog.getByRole('combobox', { name: 'What column NOV “Question 9876” becomes' });
  await select.selectOption({ label: 'Email' });
  await expect(select.locator('option:checked')).toHaveText('Email');

  await dialog.getByRole('button', { name: 'Preview the import' }).click();
  await expect(dialog.getByTestId('import-count-added')).toHaveText('2', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('the reference sample imports by the UI with the counts its expected file implies; again, all unchanged', async ({ page }) => {
  // The reference folder sits beside the repository (playwright runs from the repository root).
  const reference = process.env.COHORT_REFERENCE_DIR ?? join(process.cwd(), '..', 'shared', 'reference');
  const lines = readFileSync(join(reference, 'sample-export.expected.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const summary = JSON.parse(lines.at(-1)!) as { rejectedRows: unknown[]; drafts: number };
  const stored = lines.length - 1;

  await openApp(page);
  await createCampaign(page, `Sample ${Date.now()}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import applications' });

  for (const round of ['first', 'again'] as const) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    await (await chooser).setFiles(join(reference, 'sample-export.csv'));
    await expect(dialog.getByRole('heading', { name: 'Check what each column becomes' })).toBeVisible({ timeout: 15_000 });
    await expect(dialog.getByText(round === 'first' ? 'Matched automatically' : 'Saved mapping', { exact: false }).first()).toBeVisible();
    await dialog.getByRole('button', { name: 'Preview the import' }).click();
    await expect(dialog.getByText('Nothing has been stored yet')).toBeVisible({ timeout: 15_000 });
    await expect(dialog.getByTestId('import-count-added')).toHaveText(round === 'first' ? String(stored) : '0');
    await expect(dialog.getByTestId('import-count-unchanged')).toHaveText(round === 'first' ? '0' : String(stored));
    await expect(dialog.getByTestId('import-count-updated')).toHaveText('0');
    await expect(dialog.getByTestId('import-count-skippedDrafts')).toHaveText(String(summary.drafts));
    await expect(dialog.getByTestId('import-count-rejected')).toHaveText(String(summary.rejectedRows.length));
    const confirm = round === 'first' ? `Import ${stored} applications` : 'Record this import (nothing changes)';
    await dialog.getByRole('button', { name: confirm }).click();
    await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Show in the import history' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('import-history').getByRole('row')).toHaveCount(3);
});
