import { expect, test, type Page } from '@playwright/test';
import { api, createCampaign, importFile, openApp, screenshot } from './support';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What a new user tripped on (issue 9), in English and French: a Screening search that matches
 * nothing, an export without a Nationality column, and a rule change that would take triaged
 * applications out of the division queues.
 */
test.describe.configure({ mode: 'serial' });
// A US browser: what the app shows must follow its own language, not the browser's (dates above all).
test.use({ locale: 'en-US' });


async function demoCampaign(page: Page, name: string): Promise<number> {
  await openApp(page);
  await createCampaign(page, `${name} ${Date.now()}`);
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText('2,000 demo applications loaded', { exact: true })).toBeVisible({ timeout: 60_000 });
  return Number(await page.getByRole('combobox', { name: 'Campaign' }).inputValue());
}

const WITHOUT_NATIONALITY = [
  'Application ID,Candidate ID,First Name,Last Name,Date of Birth,Email,Division,Funding,Status,Submitted On,Years of University Completed,Currently Enrolled,Degree Date,English Level,French Level',
  'NN-0001,C-1,Ana,Silva,2001-03-02,ana@example.org,OPS,NATO-funded,Submitted,2025-04-06T10:12:00Z,3,Yes,,C1,B2',
].join('\r\n');

test('an export without a Nationality column: the mapping step says which rule cannot be judged, before anything is stored', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  const campaignId = await (async () => {
    await createCampaign(page, `No nationality ${Date.now()}`);
    return Number(await page.getByRole('combobox', { name: 'Campaign' }).inputValue());
  })();
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  const choose = async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /^(Choose a file…|Choisir un fichier…)$/ }).click();
    await (await chooser).setFiles({ name: 'no-nationality.csv', mimeType: 'text/csv', buffer: Buffer.from(WITHOUT_NATIONALITY) });
  };
  await choose();
  const dialog = page.getByRole('dialog', { name: 'Import applications' });
  await expect(dialog.getByRole('heading', { name: 'Check what each column becomes' })).toBeVisible({ timeout: 15_000 });
  const warning = dialog.getByTestId('unjudged-criteria');
  await expect(warning).toContainText('One eligibility rule cannot be judged with this file');
  await expect(warning).toContainText('Nationality: no column is mapped to “Nationality”.');
  await screenshot(page, 'import-unjudged-en');
  // Without the candidate id and the e-mail, the limit still finds a person by name and birth date…
  await dialog.getByRole('combobox', { name: /What column B “Candidate ID” becomes/ }).selectOption({ label: 'Ignore this column' });
  await dialog.getByRole('combobox', { name: /What column F “Email” becomes/ }).selectOption({ label: 'Ignore this column' });
  await expect(warning).toContainText('One eligibility rule cannot be judged with this file');
  // …and without the first name, it has nothing to tell persons apart by.
  await dialog.getByRole('combobox', { name: /What column C “First Name” becomes/ }).selectOption({ label: 'Ignore this column' });
  await expect(warning).toContainText('2 eligibility rules cannot be judged with this file');
  await expect(warning).toContainText('Applications per person: no column is mapped to “Candidate ID”, “Email” or all of “First Name”, “Last Name” and “Date of Birth”.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await api<{ applicationCount: number }[]>(page, 'campaign.list', {}).then((list) => list.find((c) => (c as unknown as { id: number }).id === campaignId)?.applicationCount)).toBe(0);

  await page.getByLabel('Language').selectOption('fr');
  await choose();
  const dialogFr = page.getByRole('dialog', { name: 'Importer des candidatures' });
  await expect(dialogFr.getByTestId('unjudged-criteria')).toContainText('Nationalité : aucune colonne n’est associée à « Nationalité ».');
  await screenshot(page, 'import-unjudged-fr');
  await dialogFr.getByRole('button', { name: 'Annuler', exact: true }).click();
  await page.getByLabel('Langue').selectOption('en');
});

test('a search in Screening that matches nothing says so and keeps the tab counts; a rule change names the triaged applications it would take out of the queues', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const campaignId = await demoCampaign(page, 'New user');

  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  const allTab = page.getByTestId('screening-tab-all');
  await expect(allTab).toContainText('2000');
  await page.getByRole('searchbox').first().fill('zzz-nobody-zzz');
  await expect(page.getByText('No application in this tab matches “zzz-nobody-zzz”.')).toBeVisible();
  await expect(page.getByText('This campaign has no applications yet', { exact: false })).toBeHidden();
  await expect(allTab).toContainText('2000');
  await screenshot(page, 'screening-no-match-en');
  await page.getByRole('button', { name: 'Clear the search and filter' }).click();
  await expect(page.getByTestId('screening-table')).toBeVisible();

  // Officers propose 40 applications; then someone raises the language level.
  const rows = await api<{ rows: { ref: number }[] }>(page, 'triage.list', { campaignId, queue: 'all', limit: 40 });
  await api(page, 'triage.decide', { refs: rows.rows.map((r) => r.ref), stage: 'proposed' });
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('textbox', { name: /NATO-funded deadline/ })).toHaveValue('20/05/2025 23:59:59');
  await page.getByRole('combobox', { name: 'Language level needed' }).selectOption('C2');
  const leaving = page.getByTestId('impact-triage');
  await expect(leaving).toContainText(/applications? officers have triaged would leave the division queues/, { timeout: 15_000 });
  await expect(leaving).toContainText('Proposed for shortlist');
  await screenshot(page, 'settings-triage-impact-en');

  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(page.getByTestId('impact-triage')).toContainText(/quitteraient? les files des divisions/);
  await expect(page.getByTestId('impact-triage')).toContainText('Proposée pour la liste restreinte');
  // Dates in the interface's language, not the browser's (this browser is American: 05/20/2025 was shown).
  const deadlineFr = page.getByRole('textbox', { name: /Date limite/ });
  await expect(deadlineFr).toHaveValue('20/05/2025 23:59:59');
  await expect(deadlineFr).toHaveAttribute('placeholder', 'JJ/MM/AAAA hh:mm:ss');
  await screenshot(page, 'settings-triage-impact-fr');
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
});

const FIRST_EXPORT = [
  'Application ID,Candidate ID,First Name,Last Name,Date of Birth,Email,Nationality,Division,Funding,Status,Submitted On,University,English Level,French Level',
  'CH-0001,C-11,Ana,Silva,2001-03-02,ana@example.org,Portugal,OPS,NATO-funded,Submitted,2025-04-06T10:12:00Z,Universidade de Lisboa,C1,B2',
  'CH-0002,C-12,Jonas,Berg,2000-07-14,jonas@example.org,Norway,PDD,Grant,Submitted,2025-04-07T10:12:00Z,University of Oslo,C2,B1',
];

test('a newer export: the preview lists what changes and warns of a new name; the application’s history keeps it; in English and French', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Changes ${Date.now()}`);
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  const dir = mkdtempSync(join(tmpdir(), 'cohort-changes-'));
  const first = join(dir, 'export-may.csv');
  writeFileSync(first, FIRST_EXPORT.join('\r\n'));
  await importFile(page, first);

  const second = join(dir, 'export-june.csv');
  writeFileSync(second, [FIRST_EXPORT[0], FIRST_EXPORT[1]!.replace('Universidade de Lisboa', 'NOVA University Lisbon'), FIRST_EXPORT[2]!.replace('Jonas,Berg,2000-07-14', 'Jonas,Bergström,2000-07-15')].join('\r\n'));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(second);
  const dialog = page.getByRole('dialog', { name: 'Import applications' });
  await dialog.getByRole('button', { name: 'Preview the import' }).click({ timeout: 15_000 });
  const updates = dialog.getByTestId('import-updates');
  await expect(updates).toContainText('What this import changes in 2 applications already stored');
  await expect(updates).toContainText('1 update changes a name or a date of birth');
  await expect(updates).toContainText('University: Universidade de Lisboa → NOVA University Lisbon');
  await expect(updates).toContainText('Last Name: Berg → Bergström');
  await updates.scrollIntoViewIfNeeded();
  await screenshot(page, 'import-updates-en');
  await dialog.getByRole('button', { name: /^Import \d+ applications?$/ }).click();
  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Show in the import history' }).click();

  await page.getByTestId('screening-tab-all').click();
  await page.getByRole('button', { name: /^Open application CH-0002/ }).click();
  const history = page.getByTestId('screening-detail').getByTestId('export-changes');
  await expect(history).toContainText('export-june.csv');
  await expect(history).toContainText('Date of Birth');
  await history.scrollIntoViewIfNeeded();
  await screenshot(page, 'application-export-changes-en');

  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(history).toContainText('Modifications par des exports plus récents');
  await expect(history).toContainText('Nom : Berg → Bergström');
  await history.scrollIntoViewIfNeeded();
  await screenshot(page, 'application-export-changes-fr');
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
});

/** Whether an element is inside its scrolling container's visible width (not cut off at the right). */
async function fullyVisibleIn(page: Page, name: string, containerTestId: string): Promise<boolean> {
  const header = page.getByTestId(containerTestId).getByRole('columnheader', { name, exact: true });
  const box = await header.boundingBox();
  const frame = await page.getByTestId(containerTestId).boundingBox();
  return box !== null && frame !== null && box.x + box.width <= frame.x + frame.width + 1;
}

test('the Divisions queue is usable at 1280×800 and at 1024×640 (125 % scaling), tabs on one line, navigation collapsible; in English and French', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await demoCampaign(page, 'Narrow');
  await page.getByRole('navigation').getByRole('link', { name: 'Divisions' }).click();
  await page.getByTestId('queue-OPS').click();
  await expect(page.getByRole('heading', { name: 'OPS', level: 2 })).toBeVisible();

  // The navigation folds to icons, keeps its links' names, and stays folded after a reload.
  const toggle = page.getByTestId('nav-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Divisions' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('nav-toggle')).toHaveAttribute('aria-expanded', 'false');
  await page.getByTestId('queue-OPS').click();

  for (const [width, height, language] of [
    [1280, 800, 'en'],
    [1024, 640, 'en'],
    [1024, 640, 'fr'],
  ] as const) {
    await page.setViewportSize({ width, height });
    if (language === 'fr') await page.getByLabel('Language', { exact: true }).selectOption('fr');
    const names = language === 'fr' ? ['Nom', 'Étape', 'Note', 'Nationalité'] : ['Name', 'Stage', 'Score', 'Nationality'];
    await expect(page.getByTestId('triage-grid').getByRole('columnheader', { name: names[0], exact: true })).toBeVisible();
    await screenshot(page, `triage-narrow-${width}-${language}`);
    for (const name of names) expect(await fullyVisibleIn(page, name, 'triage-grid'), `${name} at ${width}×${height}`).toBe(true);
    const tabs = page.getByRole('tablist').first().getByRole('tab');
    const tops = await tabs.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(new Set(tops).size, `tabs on one line at ${width}×${height} (${language})`).toBe(1);
    await screenshot(page, `triage-narrow-${width}-${language}`);
  }
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
  await page.getByTestId('nav-toggle').click();
});
