import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createCampaign, importFile, openApp, screenshot } from './support';

/**
 * The queue shows what the export means, not how it was written: a country in the interface's
 * language ("BE", "Belgique" and "Belgium" are one), levels and funding as read ("c1" is C1,
 * "Mother tongue" is Native); the nationality filter finds them all; in English and French.
 */
test.use({ locale: 'en-US' });

const HEADER =
  'Application ID,Candidate ID,First Name,Last Name,Date of Birth,Email,Nationality,Division,Funding,Preferred Session,Status,Submitted On,University,Field of Study,Highest Degree,Years of University Completed,Currently Enrolled,English Level,French Level';
const row = (id: number, last: string, first: string, nationality: string, english: string, french: string, funding: string) =>
  `QV-${id},C-QV-${id},${first},${last},1999-07-15,qv${id}@example.org,${nationality},DPP,${funding},September 2026,Submitted,2025-04-16T10:37:00Z,Université libre de Bruxelles,Computer Science,Bachelor,3,Yes,${english},${french}`;

test('the queue shows countries, levels and funding as read, and one nationality filter finds "BE", "Belgique" and "Belgium"', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Queue values ${Date.now()}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  const dir = mkdtempSync(join(tmpdir(), 'cohort-values-'));
  const file = join(dir, 'values.csv');
  writeFileSync(
    file,
    [
      HEADER,
      row(1, 'Zola', 'Emile', 'BE', 'c1', 'b1', 'NATO funded'),
      row(2, 'Ābolinš', 'Anna', 'Belgique', 'Mother tongue', 'C1', 'grant'),
      row(3, 'Özil', 'Mesut', 'Belgium', ' C2 ', 'langue maternelle', 'NATO-funded'),
      row(4, 'Berg', 'Bo', 'Norway', 'C1', '', 'Grant'),
    ].join('\r\n'),
  );
  await importFile(page, file);

  await page.getByRole('navigation').getByRole('link', { name: 'Divisions' }).click();
  await page.getByTestId('queue-all').click();
  await page.getByRole('button', { name: 'Columns' }).click();
  const columns = page.getByRole('dialog', { name: /columns/i });
  await columns.getByRole('checkbox', { name: 'French' }).check();
  await columns.getByRole('checkbox', { name: 'Funding' }).check();
  await page.keyboard.press('Escape');

  const rowOf = (id: number) => page.locator(`[role="row"][data-ref]`).filter({ has: page.getByRole('gridcell').filter({ hasText: new RegExp(`^${['ZOLA', 'ĀBOLINŠ', 'ÖZIL', 'BERG'][id - 1]}`) }) });
  await expect(rowOf(1)).toContainText('Belgium');
  await expect(rowOf(1)).toContainText('C1');
  await expect(rowOf(1)).not.toContainText('c1');
  await expect(rowOf(1)).toContainText('NATO-funded');
  await expect(rowOf(2)).toContainText('Belgium');
  await expect(rowOf(2)).toContainText('Native');
  await expect(rowOf(2)).toContainText('Grant-funded');
  await expect(rowOf(3)).toContainText('C2');
  await expect(rowOf(4)).toContainText('Norway');
  // The detail reads the same way; the export's own words are under "All fields as imported".
  await rowOf(1).click();
  const facts = page.getByRole('region', { name: 'Key facts' });
  await expect(facts).toContainText('Belgium');
  await expect(facts).toContainText('NATO-funded');

  await page.getByRole('button', { name: 'Filters' }).click();
  const nationality = page.getByRole('combobox', { name: 'Nationality' });
  await nationality.click();
  await page.getByRole('menuitemcheckbox', { name: 'Belgium (3)' }).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.locator('[role="row"][data-ref]')).toHaveCount(3);
  await expect(page.getByText('3 applications', { exact: false }).first()).toBeVisible();
  await screenshot(page, 'queue-values-en');

  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(rowOf(2)).toContainText('Belgique');
  await expect(rowOf(2)).toContainText('Langue maternelle');
  await expect(rowOf(2)).toContainText('Bourse');
  await expect(page.locator('[role="row"][data-ref]')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'L’essentiel' }).or(page.getByRole('region', { name: "L'essentiel" }))).toContainText('Belgique');
  await screenshot(page, 'queue-values-fr');
});
