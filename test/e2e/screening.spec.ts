import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createCampaign, importFile, openApp, screenshot } from './support';

/**
 * The officer's review of the screening: import the reference sample by the UI, open an application
 * in the Review tab, read why it is there, override it with a justification, and find the override
 * marked on the row and in the application's history. Then in French: a bulk override of two rows.
 *
 * Independent of the other specs: it makes its own campaign, whatever the database holds.
 */
test.describe.configure({ mode: 'serial' });

const reference = process.env.COHORT_REFERENCE_DIR ?? join(process.cwd(), '..', 'shared', 'reference');
/** In review in sample-export.expected.jsonl: "Currently Enrolled" is Yes, the years completed are blank. */
const REVIEWED = 'NIP-2026-00002-1';
const JUSTIFICATION = 'Transcript received by e-mail: three years completed at ULB.';


/** The reference sample, imported by the UI. */
const importSample = (page: Page) => importFile(page, join(reference, 'sample-export.csv'));

/** The page scrolls inside the shell: bring the list's top into view for the screenshot. */
async function showList(page: Page): Promise<void> {
  await page.getByTestId('screening-table').evaluate((el) => el.closest('section')?.scrollIntoView({ block: 'start' }));
}

test('review an application, override it with a justification, find the audit trail; bulk override in French', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Screening test ${Date.now()}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  await expect(page.getByText('This campaign has no applications yet.', { exact: false })).toBeVisible();
  await importSample(page);

  // The sample's expected file has 11 applications in review.
  const reviewTab = page.getByRole('tab', { name: /^To review/ });
  await expect(reviewTab).toHaveAttribute('aria-selected', 'true');
  await expect(reviewTab).toContainText('11');
  const table = page.getByRole('table', { name: 'Applications: To review' });
  await expect(table.getByRole('row')).toHaveCount(12, { timeout: 15_000 });
  const row = table.getByTestId(`screening-row-${REVIEWED}`);
  await expect(row).toContainText('Education to check');
  await showList(page);
  await screenshot(page, 'screening-list-en');

  // Keyboard: J moves down the rows, K up, Enter opens.
  const firstOpen = table.getByRole('button', { name: /^Open application / }).first();
  await firstOpen.focus();
  await page.keyboard.press('j');
  await expect(table.getByRole('button', { name: /^Open application / }).nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(firstOpen).toBeFocused();

  await row.getByRole('button', { name: new RegExp(`^Open application ${REVIEWED}`) }).focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('screening-detail');
  await expect(detail).toBeVisible();
  await expect(page.getByRole('heading', { name: `Application ${REVIEWED}` })).toBeVisible();
  await expect(detail.getByTestId('criterion-education')).toContainText('To check');
  await expect(detail.getByTestId('criterion-education')).toContainText('years of university completed are not readable');
  await expect(detail.getByTestId('criterion-age')).toContainText('Met');
  // Raw beside parsed.
  const values = detail.getByTestId('detail-values');
  await expect(values.getByRole('row', { name: /Currently Enrolled/ })).toContainText('Yes');
  await expect(detail.getByText('No officer has overridden this verdict.')).toBeVisible();
  await screenshot(page, 'screening-detail-en');

  await detail.getByRole('button', { name: 'Override the verdict…' }).click();
  const dialog = page.getByRole('dialog', { name: `Override the verdict of ${REVIEWED}` });
  await expect(dialog).toBeVisible();
  // The justification is mandatory: said next to the field before anything is sent.
  await dialog.getByRole('button', { name: 'Override', exact: true }).click();
  await expect(dialog.getByText('Write a justification of at least 10 characters.')).toBeVisible();
  // No verdict is chosen for the officer.
  for (const verdict of ['Eligible', 'To review', 'Ineligible']) await expect(dialog.getByRole('radio', { name: verdict, exact: true })).not.toBeChecked();
  await expect(dialog.getByText('Choose the verdict the application should have.')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Eligible', exact: true }).check();
  await dialog.getByRole('textbox', { name: 'Justification' }).fill(JUSTIFICATION);
  await expect(dialog.getByText('Write a justification of at least 10 characters.')).toBeHidden();
  await screenshot(page, 'screening-override-en');
  await dialog.getByRole('button', { name: 'Override', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('1 application overridden').first()).toBeVisible();

  // The detail now says who decided what and why; the automatic verdict stays on record.
  await expect(detail.getByTestId('override-marker')).toBeVisible();
  await expect(detail.getByText('Automatic verdict: To review')).toBeVisible();
  const history = detail.getByRole('table', { name: `Overrides of application ${REVIEWED}` });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText(JUSTIFICATION);
  await expect(history.getByRole('row').nth(1)).toContainText('To review → Eligible');
  await expect(history.getByRole('row').nth(1)).toContainText('In force');
  await history.scrollIntoViewIfNeeded();
  await screenshot(page, 'screening-detail-overridden-en');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // Out of the Review tab, into Eligible, marked as overridden.
  await expect(reviewTab).toContainText('10');
  await expect(table.getByRole('row')).toHaveCount(11);
  await page.getByRole('tab', { name: /^Eligible/ }).click();
  const eligibleRow = page.getByRole('table', { name: 'Applications: Eligible' }).getByTestId(`screening-row-${REVIEWED}`);
  await expect(eligibleRow).toContainText('Overridden');

  // Search goes to the database.
  await page.getByRole('tab', { name: /^All/ }).click();
  await page.getByRole('searchbox', { name: 'Search applications' }).fill(REVIEWED);
  await expect(page.getByRole('table', { name: 'Applications: All' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Search applications' }).fill('');

  // ---- French: a bulk override of two applications in review ----------------------------
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Présélection', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: /^À examiner/ }).click();
  const tableFr = page.getByRole('table', { name: 'Candidatures : À examiner' });
  await expect(tableFr.getByRole('row')).toHaveCount(11);
  await tableFr.getByRole('row').nth(1).getByRole('button', { name: /^Ouvrir la candidature/ }).click();
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('heading', { name: 'Critères' })).toBeVisible();
  await screenshot(page, 'screening-detail-fr');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  await tableFr.getByRole('row').nth(1).getByRole('checkbox').check();
  await tableFr.getByRole('row').nth(2).getByRole('checkbox').check();
  await expect(page.getByText('2 candidatures sélectionnées')).toBeVisible();
  await showList(page);
  await screenshot(page, 'screening-list-fr');
  await page.getByRole('button', { name: 'Déroger pour la sélection (2)…' }).click();
  const dialogFr = page.getByRole('dialog', { name: 'Modifier le verdict de 2 candidatures' });
  await dialogFr.getByRole('radio', { name: 'Inadmissible', exact: true }).check();
  await dialogFr.getByRole('textbox', { name: 'Justification' }).fill('court');
  await dialogFr.getByRole('button', { name: 'Déroger', exact: true }).click();
  await expect(dialogFr.getByText("Rédigez une justification d'au moins 10 caractères.")).toBeVisible();
  await dialogFr.getByRole('textbox', { name: 'Justification' }).fill('Niveau de langue confirmé insuffisant après entretien.');
  await screenshot(page, 'screening-override-fr');
  await dialogFr.getByRole('button', { name: 'Déroger', exact: true }).click();
  await expect(dialogFr).toBeHidden();
  await expect(page.getByText('2 candidatures modifiées par dérogation').first()).toBeVisible();
  await expect(page.getByRole('tab', { name: /^À examiner/ })).toContainText('8');
  await expect(tableFr.getByRole('row')).toHaveCount(9);

  await page.getByLabel('Langue').selectOption('en');
});
