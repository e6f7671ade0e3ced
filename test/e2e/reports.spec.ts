import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { SeasonReport } from '../../shared/api/reports';
import { api, createCampaign, openApp, screenshot } from './support';

/**
 * The season report as the office reads it (issue 13): the funnel and where applications left,
 * member states, diversity at each stage, the pace; one division on its own; exported as a
 * workbook and printed to PDF (groups under 5 then shown as "fewer than 5"). In English, then in
 * French.
 */
test('reports: read the season, one division, export the workbook, print to PDF, in English and French', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Reports ${Date.now()}`);
  const campaignId = Number(await page.getByRole('combobox', { name: 'Campaign' }).inputValue());
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText('2,000 demo applications loaded', { exact: true })).toBeVisible({ timeout: 60_000 });
  const whole = await api<SeasonReport>(page, 'reports.get', { campaignId });
  const eligible = whole.funnel.steps[1]?.count ?? 0;

  await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
  const funnel = page.getByRole('region', { name: 'Funnel' });
  await expect(funnel).toContainText('2,000');
  await expect(funnel).toContainText(eligible.toLocaleString('en-GB'));
  await expect(page.getByRole('region', { name: 'Where applications left' })).toContainText('Ineligible');
  await expect(page.getByRole('region', { name: 'Diversity: Gender' })).toContainText('Not given');
  await screenshot(page, 'reports-en');

  // One division: the figures are that division's.
  await page.getByLabel('Division').selectOption('DI');
  const di = await api<SeasonReport>(page, 'reports.get', { campaignId, division: 'DI' });
  await expect(funnel).toContainText((di.funnel.steps[0]?.count ?? 0).toLocaleString('en-GB'));
  await expect(funnel).not.toContainText('2,000');
  await page.getByLabel('Division').selectOption('');

  // The workbook: a sheet per section, in English, figures only.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export workbook…' }).click();
  const folder = mkdtempSync(join(tmpdir(), 'cohort-e2e-reports-'));
  const path = join(folder, (await download).suggestedFilename());
  await (await download).saveAs(path);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  expect(book.worksheets.map((w) => w.name)).toEqual(['Funnel', 'Member states', 'Diversity', 'Pace']);
  expect(book.getWorksheet('Funnel')?.getCell('B7').value).toBe(2000);

  // Printed: small groups hidden, as in the workbook; saved as a PDF. The browser's own print
  // dialog cannot be driven headless: the page's call to it is recorded, and the PDF made as the
  // browser's "Save as PDF" makes it.
  await page.evaluate(() => {
    window.print = () => document.documentElement.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', 'yes');
  await expect(page.getByText('Groups of fewer than 5 people are shown as "fewer than 5"')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Diversity: Gender' })).toContainText('fewer than 5');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  // The print over, the screen shows the exact figures again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.getByRole('region', { name: 'Diversity: Gender' })).not.toContainText('fewer than 5');

  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Bilans', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Entonnoir' })).toContainText(/2\s000/);
  await expect(page.getByRole('region', { name: 'Où les candidatures se sont arrêtées' })).toContainText('Non recevables');
  await screenshot(page, 'reports-fr');
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
});
