import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { createCampaign, importFile, openApp, screenshot } from './support';

/**
 * Correcting an imported value and deciding possible duplicates, by the UI: import the reference
 * sample, correct the odd nationality of an application in review and see it become eligible with
 * the correction on record; then import look-alike applications (the sample has none), confirm a
 * pair as one person (the application limit then counts them together), find it among the decided
 * pairs and undo it. Screenshots in English and French.
 *
 * Independent of the other specs: it makes its own campaign, whatever the database holds.
 */
test.describe.configure({ mode: 'serial' });

const reference = process.env.COHORT_REFERENCE_DIR ?? join(process.cwd(), '..', 'shared', 'reference');
/** In review in sample-export.expected.jsonl, for NATIONALITY_UNKNOWN only: the nationality is "Atlantis". */
const ODD_NATIONALITY = 'NIP-2026-00004-1';
const REASON = 'Passport copy received: Belgian national.';



/**
 * Look-alike applications written from the sample's header and one of its eligible rows: five of
 * John Smith (one candidate account) and a sixth, "Jonh Smith", from another account and e-mail
 * with the same date of birth; "Maria Rossi" and "Rossi Maria"; two e-mails that differ only by a
 * dot and a +tag. The identity rule joins none of these pairs.
 */
function writeLookAlikes(path: string): void {
  const parsed = Papa.parse<string[]>(readFileSync(join(reference, 'sample-export.csv'), 'utf8'), { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  const template = rows.find((r) => r[0] === 'NIP-2026-00005-1');
  if (!template) throw new Error('The sample row NIP-2026-00005-1 is missing');
  const col = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`The sample has no column ${name}`);
    return index;
  };
  const make = (id: string, day: number, values: Record<string, string>) => {
    const row = [...template];
    row[col('Application ID')] = id;
    row[col('Date of Birth')] = '2001-05-05';
    row[col('Submitted On')] = `2025-01-${String(day).padStart(2, '0')}T10:00`;
    for (const [name, value] of Object.entries(values)) row[col(name)] = value;
    return row;
  };
  const smith = { 'Candidate ID': 'C-900001', 'First Name': 'John', 'Last Name': 'Smith', Email: 'john.smith@example.org' };
  const out = [1, 2, 3, 4, 5].map((n) => make(`DUP-${n}`, n, smith));
  out.push(make('DUP-6', 6, { 'Candidate ID': 'C-900002', 'First Name': 'Jonh', 'Last Name': 'Smith', Email: 'jsmith@example.net' }));
  out.push(make('DUP-7', 7, { 'Candidate ID': 'C-900003', 'Date of Birth': '2000-02-02', 'First Name': 'Maria', 'Last Name': 'Rossi', Email: 'maria.rossi@example.org' }));
  out.push(make('DUP-8', 8, { 'Candidate ID': 'C-900004', 'Date of Birth': '2000-02-02', 'First Name': 'Rossi', 'Last Name': 'Maria', Email: 'mrossi@example.com' }));
  out.push(make('DUP-9', 9, { 'Candidate ID': 'C-900005', 'Date of Birth': '1999-09-09', 'First Name': 'Anna', 'Last Name': 'Berg', Email: 'anna.berg@example.org' }));
  out.push(make('DUP-10', 10, { 'Candidate ID': 'C-900006', 'Date of Birth': '1999-10-10', 'First Name': 'Annika', 'Last Name': 'Bergström', Email: 'annaberg+nato@example.org' }));
  writeFileSync(path, Papa.unparse([header, ...out]));
}

/** The page scrolls inside the shell: bring an element's top into view for the screenshot. */
async function scrollTo(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

test('correct an imported value with a reason; confirm, find and undo a possible duplicate; in English and French', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Corrections test ${Date.now()}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  await importFile(page, join(reference, 'sample-export.csv'));

  // ---- Correct the nationality of an application in review -----------------------------
  const reviewTab = page.getByRole('tab', { name: /^To review/ });
  await expect(reviewTab).toContainText('11');
  const table = page.getByRole('table', { name: 'Applications: To review' });
  const row = table.getByTestId(`screening-row-${ODD_NATIONALITY}`);
  await expect(row).toContainText('Nationality to check');
  await row.getByRole('button', { name: new RegExp(`^Open application ${ODD_NATIONALITY}`) }).click();
  const detail = page.getByTestId('screening-detail');
  await expect(detail.getByTestId('criterion-nationality')).toContainText('To check');
  await expect(detail.getByTestId('correction-history')).toHaveCount(0);
  // Fields the officer may not correct (the identity, the status) have no button.
  await expect(detail.getByRole('button', { name: 'Correct Application ID' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Correct Status' })).toHaveCount(0);

  const correctButton = detail.getByRole('button', { name: 'Correct Nationality', exact: true });
  await correctButton.click();
  const dialog = page.getByRole('dialog', { name: `Correct Nationality of ${ODD_NATIONALITY}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('correct-current')).toHaveText('Atlantis');
  await expect(dialog.getByText('Once saved, the application is screened again.')).toBeVisible();
  const value = dialog.getByRole('textbox', { name: 'New value for Nationality' });
  await expect(value).toBeFocused();
  await expect(value).toHaveValue('Atlantis');
  // The reason is mandatory, and the same value is no correction: both said before anything is sent.
  await dialog.getByRole('button', { name: 'Save the correction' }).click();
  await expect(dialog.getByText('This is already the current value.')).toBeVisible();
  await expect(dialog.getByText('Say why, in a few words (at least 3 characters).')).toBeVisible();
  await value.fill('Belgium');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(REASON);
  await expect(dialog.getByText('This is already the current value.')).toBeHidden();
  await expect(dialog.getByText('Say why, in a few words (at least 3 characters).')).toBeHidden();
  await screenshot(page, 'correction-dialog-en');
  await dialog.getByRole('button', { name: 'Save the correction' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Nationality corrected').first()).toBeVisible();
  await expect(correctButton).toBeFocused();

  // Screened again: eligible, the export's value beside the corrected one, the correction on record.
  await expect(detail.getByTestId('criterion-nationality')).toContainText('Met');
  await expect(detail.getByText('Eligible', { exact: true }).first()).toBeVisible();
  const nationalityRow = detail.getByTestId('value-nationality');
  await expect(nationalityRow).toContainText('Belgium');
  await expect(nationalityRow).toContainText('Corrected — the export said: Atlantis');
  const history = detail.getByRole('table', { name: `Corrections of application ${ODD_NATIONALITY}` });
  await expect(history.getByRole('row')).toHaveCount(2);
  const entry = history.getByRole('row').nth(1);
  await expect(entry).toContainText('Nationality');
  await expect(entry).toContainText('Atlantis → Belgium');
  await expect(entry).toContainText(REASON);
  await expect(entry).toContainText('In force');
  await detail.getByRole('heading', { name: 'Corrections' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'correction-detail-en');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  await expect(reviewTab).toContainText('10');
  await page.getByRole('tab', { name: /^Eligible/ }).click();
  await expect(page.getByRole('table', { name: 'Applications: Eligible' }).getByTestId(`screening-row-${ODD_NATIONALITY}`)).toBeVisible();
  await page.getByRole('tab', { name: /^To review/ }).click();

  // ---- Possible duplicates: none in the sample -----------------------------------------
  const duplicates = page.getByTestId('possible-duplicates');
  await expect(duplicates.getByRole('heading', { name: 'Possible duplicates', level: 2 })).toBeVisible();
  await expect(duplicates.getByTestId('duplicates-empty')).toContainText('No possible duplicates');
  await expect(page.getByRole('button', { name: 'Possible duplicates: 0 pairs to look at' })).toBeVisible();

  const lookAlikes = test.info().outputPath('look-alikes.csv');
  writeLookAlikes(lookAlikes);
  await importFile(page, lookAlikes);
  const reach = page.getByRole('button', { name: 'Possible duplicates: 3 pairs to look at' });
  await expect(reach).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('screening-table').evaluate((el) => el.closest('section')?.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'duplicates-reach-en');
  await reach.click();
  await expect(duplicates.getByRole('heading', { name: 'Possible duplicates', level: 2 })).toBeFocused();

  const smith = duplicates.getByTestId('duplicate-pair-DUP-1-DUP-6');
  await expect(smith).toContainText('Names almost the same, same date of birth');
  await expect(smith.getByRole('row', { name: /Name/ }).first()).toContainText('John Smith');
  await expect(smith.getByRole('row', { name: /Name/ }).first()).toContainText('Jonh Smith');
  await expect(smith.getByRole('row', { name: /E-mail/ })).toContainText('jsmith@example.net');
  await expect(duplicates.getByTestId('duplicate-pair-DUP-7-DUP-8')).toContainText('First and last names swapped, same date of birth');
  await expect(duplicates.getByTestId('duplicate-pair-DUP-10-DUP-9').or(duplicates.getByTestId('duplicate-pair-DUP-9-DUP-10'))).toContainText(
    'E-mail addresses differ only by dots or a +tag',
  );
  await expect(duplicates.getByText('the application limit counts their applications together')).toBeVisible();
  await scrollTo(page, 'possible-duplicates');
  await screenshot(page, 'duplicates-en');

  // Confirming joins them: DUP-6 is the sixth application of one person, over the limit.
  await smith.getByRole('button', { name: 'Same person: DUP-1 and DUP-6', exact: true }).click();
  await expect(page.getByText('Marked as the same person').first()).toBeVisible();
  await expect(smith).toHaveCount(0);
  const decided = duplicates.getByRole('table', { name: 'Decided pairs' });
  const decidedSmith = decided.getByTestId('duplicate-decided-DUP-1-DUP-6');
  await expect(decidedSmith).toContainText('Same person');
  await expect(decidedSmith).toContainText('Jonh Smith');
  await expect(page.getByRole('button', { name: 'Possible duplicates: 2 pairs to look at' })).toBeVisible();
  // Focus stays in the list: on the pair that took the decided one's place.
  await expect(duplicates.locator('[data-duplicates-open="0"]').getByRole('button').first()).toBeFocused();
  await expect(reviewTab).toContainText('11');
  await expect(table.getByTestId('screening-row-DUP-6')).toContainText('Over the application limit');
  await duplicates.getByRole('heading', { name: 'Decided', level: 3 }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'duplicates-decided-en');

  // Undo: the pair is open again and DUP-6 counts alone again.
  await decidedSmith.getByRole('button', { name: 'Undo the decision on DUP-1 and DUP-6' }).click();
  await expect(page.getByText('Decision taken back').first()).toBeVisible();
  await expect(duplicates.getByTestId('duplicate-pair-DUP-1-DUP-6')).toBeVisible();
  await expect(decided).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Possible duplicates: 3 pairs to look at' })).toBeVisible();
  await expect(reviewTab).toContainText('10');
  await expect(table.getByTestId('screening-row-DUP-6')).toHaveCount(0);

  // Dismissing keeps them apart and changes no verdict.
  await duplicates.getByRole('button', { name: 'Not the same person: DUP-7 and DUP-8' }).click();
  await expect(decided.getByTestId('duplicate-decided-DUP-7-DUP-8')).toContainText('Not the same person');
  await expect(reviewTab).toContainText('10');

  // ---- French -------------------------------------------------------------------------
  // The notifications said in English go first (5 s), so that the screenshots are of French only.
  await expect(page.getByText('Marked as different persons', { exact: true })).toBeHidden({ timeout: 10_000 });
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Présélection', level: 1 })).toBeVisible();
  await expect(duplicates.getByRole('heading', { name: 'Doublons possibles', level: 2 })).toBeVisible();
  await expect(duplicates.getByTestId('duplicate-pair-DUP-1-DUP-6')).toContainText('Noms presque identiques, même date de naissance');
  await expect(decided).toHaveCount(0);
  await expect(duplicates.getByRole('table', { name: 'Paires décidées' }).getByTestId('duplicate-decided-DUP-7-DUP-8')).toContainText('Personnes différentes');
  await scrollTo(page, 'possible-duplicates');
  await screenshot(page, 'duplicates-fr');
  await duplicates.getByRole('heading', { name: 'Décidées', level: 3 }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'duplicates-decided-fr');

  await page.getByRole('tab', { name: /^Admissibles/ }).click();
  await page
    .getByRole('table', { name: 'Candidatures : Admissibles' })
    .getByTestId(`screening-row-${ODD_NATIONALITY}`)
    .getByRole('button', { name: /^Ouvrir la candidature/ })
    .click();
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId('value-nationality')).toContainText("Corrigé — l'export indiquait : Atlantis");
  await expect(detail.getByRole('table', { name: `Corrections de la candidature ${ODD_NATIONALITY}` }).getByRole('row').nth(1)).toContainText('En vigueur');
  await detail.getByRole('button', { name: 'Corriger Date de naissance', exact: true }).click();
  const dialogFr = page.getByRole('dialog', { name: `Corriger « Date de naissance » de la candidature ${ODD_NATIONALITY}` });
  await expect(dialogFr).toBeVisible();
  await dialogFr.getByRole('textbox', { name: 'Nouvelle valeur de « Date de naissance »' }).fill('1998-01-20');
  await dialogFr.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expect(dialogFr.getByText('Indiquez le motif en quelques mots (au moins 3 caractères).')).toBeVisible();
  await screenshot(page, 'correction-dialog-fr');
  await dialogFr.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialogFr).toBeHidden();
  await expect(detail.getByRole('button', { name: 'Corriger Date de naissance', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  await page.getByLabel('Langue').selectOption('en');
});
