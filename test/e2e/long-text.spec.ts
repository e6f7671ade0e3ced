import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createCampaign, importFile, openApp, screenshot } from './support';

/**
 * A very long motivation opens at once: its first 5,000 characters (cut at a word), the rest one
 * click away, in Screening and in Divisions; a search that matches further on says so.
 */
test.use({ locale: 'en-US' });

const SENTENCE = 'I would like to contribute to the work of the Alliance and learn from its staff. ';
const LONG = `${SENTENCE.repeat(730)}Finally, I grew up in Zanzibar.`;

test('a 60,000-character motivation shows its first part and a "Show all" that shows the rest', async ({ page }) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Long text ${Date.now()}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  const dir = mkdtempSync(join(tmpdir(), 'cohort-long-'));
  const file = join(dir, 'long-motivation.csv');
  writeFileSync(
    file,
    [
      'Application ID,Candidate ID,First Name,Last Name,Date of Birth,Email,Nationality,Division,Funding,Status,Submitted On,University,Years of University Completed,Currently Enrolled,English Level,French Level,Motivation',
      'LT-0002,C-2,Jonas,Berg,2000-07-14,jonas@example.org,Norway,PDD,Grant,Submitted,2025-02-07T10:12:00Z,University of Oslo,4,Yes,C2,B1,A short motivation.',
      `LT-0001,C-1,Ana,Silva,2001-03-02,ana@example.org,Portugal,OPS,Grant,Submitted,2025-02-06T10:12:00Z,Universidade de Lisboa,3,Yes,C1,B2,"${LONG}"`,
    ].join('\r\n'),
  );
  await importFile(page, file);
  const length = LONG.length.toLocaleString('en-US');

  // Screening: the raw value in the detail's table.
  await page.getByTestId('screening-tab-all').click();
  await page.getByRole('button', { name: /^Open application LT-0001/ }).click();
  const cell = page.getByTestId('value-motivation');
  await expect(cell.getByRole('button', { name: `Show all (${length} characters)` })).toBeVisible();
  await expect(cell).not.toContainText('Zanzibar');
  expect((await cell.innerText()).length).toBeLessThan(5_300);
  await screenshot(page, 'long-motivation-screening-en');
  await cell.getByRole('button', { name: `Show all (${length} characters)` }).click();
  await expect(cell).toContainText('Finally, I grew up in Zanzibar.');

  await page.keyboard.press('Escape');

  // Divisions: the motivation, searched for a word near its end.
  await page.getByRole('navigation').getByRole('link', { name: 'Divisions' }).click();
  await page.getByRole('tab', { name: 'All stages' }).click();
  await page.getByRole('searchbox', { name: /^Search by reference/ }).fill('zanzibar');
  await page.locator('[role="row"][data-ref]').first().click();
  const motivation = page.getByTestId('triage-motivation');
  await expect(motivation.getByRole('button', { name: `Show all (${length} characters; the search matches further on)` })).toBeVisible();
  await expect(motivation).not.toContainText('Zanzibar');
  await screenshot(page, 'long-motivation-divisions-en');
  await motivation.getByRole('button', { name: /^Show all/ }).click();
  await expect(motivation.locator('mark', { hasText: 'Zanzibar' })).toBeVisible();
  // Another application's text starts cut again: here the same one, opened afresh, is whole until it changes.
  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(motivation.locator('mark', { hasText: 'Zanzibar' })).toBeVisible();
});
