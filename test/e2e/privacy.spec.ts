import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { PersonFound, RetentionState } from '../../shared/api/privacy';
import type { ScreeningPage } from '../../shared/api/screening';
import { api, createCampaign, openApp, screenshot, SCREENSHOT_DIR } from './support';

/**
 * Personal data as the office handles it (issue 13): a person found by an Application ID, what
 * Cohort holds about them seen, saved as JSON and printed to PDF (subject access), then erased on
 * their request with a reason; the audit log shows the erasure and its reason, filtered by action.
 * A small campaign closed and purged before its retention has passed. In English, then in French.
 */
test.describe.configure({ mode: 'serial' });

async function demoCampaign(page: Page, name: string): Promise<number> {
  await openApp(page);
  await createCampaign(page, `${name} ${Date.now()}`);
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText('2,000 demo applications loaded', { exact: true })).toBeVisible({ timeout: 60_000 });
  return Number(await page.getByRole('combobox', { name: 'Campaign' }).inputValue());
}

async function eligibleApplicationIds(page: Page, campaignId: number, count: number): Promise<string[]> {
  const eligible = await api<ScreeningPage>(page, 'screening.list', { campaignId, tab: 'eligible', limit: count });
  expect(eligible.rows.length).toBe(count);
  return eligible.rows.map((r) => r.applicationId);
}

async function findPerson(page: Page, label: string, button: string, applicationId: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).fill(applicationId);
  await page.getByRole('button', { name: button, exact: true }).click();
}

test("a person's data: found, seen, saved as JSON, printed to PDF, erased with a reason; the audit log shows it; in French", async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const campaignId = await demoCampaign(page, 'Privacy');
  const [applicationId, otherId] = await eligibleApplicationIds(page, campaignId, 2);
  if (!applicationId || !otherId) throw new Error('two eligible applications expected');
  const person = await api<PersonFound>(page, 'privacy.findPerson', { campaignId, applicationId });

  // Found by the Application ID: their name, their applications, then everything held, table by table.
  await page.getByRole('navigation').getByRole('link', { name: 'Personal data' }).click();
  await expect(page.getByRole('heading', { name: 'Personal data', level: 1 })).toBeVisible();
  await findPerson(page, 'Application ID', 'Find', applicationId);
  await expect(page.getByRole('heading', { name: person.name, exact: true, level: 3 })).toBeVisible();
  const applications = page.getByRole('table', { name: `Applications of ${person.name}` });
  await expect(applications).toContainText(applicationId);
  await expect(applications.getByRole('row')).toHaveCount(person.applications.length + 1);
  await expect(page.getByRole('heading', { name: `What Cohort holds about ${person.name}` })).toBeVisible();
  const held = page.locator('[data-table="applications"]');
  await expect(held).toContainText(applicationId);
  await expect(held.getByRole('columnheader', { name: 'Column' })).toBeVisible();
  await expect(page.getByText('No rows').first()).toBeVisible();
  await screenshot(page, 'privacy-person-en');

  // Saved as JSON: the record, table by table, the applications table holding the Application ID.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as JSON…' }).click();
  const folder = mkdtempSync(join(tmpdir(), 'cohort-e2e-privacy-'));
  const path = join(folder, (await download).suggestedFilename());
  await (await download).saveAs(path);
  expect(path.endsWith('.json')).toBe(true);
  const saved = JSON.parse(readFileSync(path, 'utf8')) as { tables?: { table: string; rows: Record<string, unknown>[] }[] };
  expect(Array.isArray(saved.tables)).toBe(true);
  const savedApplications = saved.tables?.find((table) => table.table === 'applications');
  expect(savedApplications?.rows.map((row) => row.application_id)).toContain(applicationId);

  // Printed: the record alone goes to paper (not the navigation or the buttons), saved as a PDF.
  // The browser's print dialog cannot be driven headless: the page's call to it is recorded.
  await page.evaluate(() => {
    window.print = () => document.documentElement.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', 'yes');
  const paper = page.locator('[data-print-record]');
  await expect(paper).toContainText(applicationId);
  // The person's copy: in their language, without the register's words meant for the office.
  await expect(paper).toContainText(person.language === 'fr' ? 'Ce que Cohort détient sur' : 'What Cohort holds about');
  await expect(paper).not.toContainText('as the export wrote it');
  await page.emulateMedia({ media: 'print' });
  await expect(paper).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save as JSON…' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', path: `${SCREENSHOT_DIR}/privacy-record-en.pdf` });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  await expect(paper).toBeHidden();
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(paper).toHaveCount(0);

  // Erased on their request: a reason is required; then what was done beyond the database (a
  // backup made since the demo holds the person: it is rewritten without them).
  await api(page, 'database.backupNow', {});
  await page.getByRole('button', { name: "Erase this person's data…" }).click();
  const dialog = page.getByRole('dialog', { name: `Erase the data of ${person.name}?` });
  await expect(dialog.getByRole('list', { name: 'Applications that will be erased' }).getByRole('listitem')).toHaveCount(person.applications.length);
  await expect(dialog).toContainText(applicationId);
  const confirm = dialog.getByRole('button', { name: /^Erase \d+ applications?$/ });
  await confirm.click();
  await expect(dialog.getByText('Say why the data is erased')).toBeVisible();
  // A reason that names the person is refused: it outlives their data.
  const lastName = person.applications[0]?.lastName ?? person.name;
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(`Request by ${lastName}`);
  await confirm.click();
  await expect(dialog.getByText('The reason must not name the person.')).toBeVisible();
  await screenshot(page, 'privacy-erase-dialog-en');
  const reason = 'Erasure request received 3 March, reference DPO-2026-014';
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await confirm.click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  const result = page.getByTestId('cleanup-result');
  await expect(result).toContainText(/The data of \d+ applications? was erased/);
  await expect(result).toBeFocused();
  await expect(result).toContainText(`Erased: ${applicationId} (`);
  await expect(result).toContainText(/\d+ backups? rewritten without it: /);
  await expect(result).toContainText('-wal');
  await expect(page.getByRole('heading', { name: person.name, exact: true })).toHaveCount(0);
  await screenshot(page, 'privacy-erased-en');
  await expect(api(page, 'privacy.findPerson', { campaignId, applicationId })).rejects.toThrow();

  // The audit log: the erasure and its reason, newest first; filtered to erasures alone.
  await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  const log = page.getByRole('table', { name: 'Audit log entries' });
  const erasure = log.getByRole('row').filter({ hasText: "A person's data erased" });
  await expect(erasure).toHaveCount(1);
  await expect(erasure).toContainText(reason);
  await expect(log.getByRole('row').filter({ hasText: 'subject access' }).first()).toBeVisible();
  await expect(page.getByTestId('audit-showing')).toContainText(/^Showing 1–100 of [\d,]+$/);
  await screenshot(page, 'audit-en');
  await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: "A person's data erased" });
  await expect(page.getByTestId('audit-showing')).toHaveText('Showing 1–1 of 1');
  await expect(log.getByRole('row')).toHaveCount(2);
  await expect(log.getByRole('row').nth(1)).toContainText(reason);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('audit-showing')).toContainText(/^Showing 1–100 of /);

  // In French: the log's headings and words, then another person's record.
  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await page.reload();
  await expect(page.getByRole('heading', { name: "Journal d'audit", level: 1 })).toBeVisible();
  const journal = page.getByRole('table', { name: "Entrées du journal d'audit" });
  await expect(journal.getByRole('columnheader', { name: 'Quand' })).toBeVisible();
  await expect(journal.getByRole('columnheader', { name: 'Agent' })).toBeVisible();
  await expect(journal.getByRole('row').filter({ hasText: "Données d'une personne effacées" })).toContainText(reason);
  await expect(page.getByTestId('audit-showing')).toContainText(/^Entrées 1 à 100 sur \d/);
  await screenshot(page, 'audit-fr');

  await page.getByRole('navigation').getByRole('link', { name: 'Données personnelles' }).click();
  await expect(page.getByRole('heading', { name: 'Une personne', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Conservation des données de cette campagne', level: 2 })).toBeVisible();
  await findPerson(page, 'N° de candidature', 'Rechercher', otherId);
  const other = await api<PersonFound>(page, 'privacy.findPerson', { campaignId, applicationId: otherId });
  await expect(page.getByRole('heading', { name: `Ce que Cohort détient sur ${other.name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer en JSON…' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeEnabled();
  await screenshot(page, 'privacy-person-fr');
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
});

test("a campaign's retention: closed on a day, purged before it is due once the office says it means it; the audit log records both", async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Retention ${Date.now()}`);
  const campaignId = Number(await page.getByRole('combobox', { name: 'Campaign' }).inputValue());
  await api(page, 'demo.load', { campaignId, count: 40 });

  // Closed long ago: the Overview offers the purge, and its button leads to it.
  await api(page, 'privacy.setRetention', { campaignId, closedOn: '2020-01-31', retentionMonths: 24 });
  await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByText('Personal data kept long enough')).toBeVisible();
  await expect(page.getByText(/ended on 31 Jan(uary)? 2022\. 40 applications still hold it/)).toBeVisible();
  await screenshot(page, 'overview-retention-due-en');
  await page.getByRole('button', { name: 'Purge personal data…' }).click();
  await expect(page.getByRole('heading', { name: 'Personal data', level: 1 })).toBeVisible();
  await api(page, 'privacy.setRetention', { campaignId, closedOn: null });

  const retention = page.getByRole('region', { name: "This campaign's retention" });
  const facts = retention.getByTestId('retention-facts');
  await expect(facts).toContainText('Still open');
  await expect(facts).toContainText('40');

  // Closed today, kept 6 months: the purge is due in six months.
  const today = new Date();
  const typed = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`;
  await retention.getByRole('textbox', { name: 'Close the campaign on' }).fill(typed);
  await retention.getByRole('spinbutton', { name: 'Months kept' }).fill('6');
  await retention.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.fui-ToastTitle').filter({ hasText: 'Retention saved' })).toBeVisible();
  await expect.poll(async () => (await api<RetentionState>(page, 'privacy.retention', { campaignId })).retentionMonths).toBe(6);
  const state = await api<RetentionState>(page, 'privacy.retention', { campaignId });
  expect(state.closedOn).not.toBeNull();
  expect(state.due).toBe(false);
  await expect(facts).toContainText('6 months');
  await screenshot(page, 'privacy-retention-en');

  // Not due: the dialog says so and asks for the box to be ticked.
  await retention.getByRole('button', { name: 'Purge personal data…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Purge the personal data of / });
  await expect(dialog).toContainText('The retention has not passed');
  await dialog.getByRole('button', { name: 'Purge', exact: true }).click();
  await expect(dialog.getByText('Tick this to purge before the retention has passed.')).toBeVisible();
  await screenshot(page, 'privacy-purge-dialog-en');
  await dialog.getByRole('checkbox', { name: /Purge now all the same/ }).check();
  await dialog.getByRole('button', { name: 'Purge', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(retention.getByTestId('cleanup-result')).toContainText('The personal data of 40 applications was purged');
  await expect(retention.getByTestId('cleanup-result')).toBeFocused();
  await expect.poll(async () => (await api<RetentionState>(page, 'privacy.retention', { campaignId })).applications).toBe(0);
  await expect(retention.getByRole('button', { name: 'Purge personal data…' })).toBeDisabled();

  // The Overview says the campaign was purged, instead of looking like an empty campaign.
  await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByText('Personal data purged')).toBeVisible();
  await expect(page.getByText('Its figures stay in the season report.')).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
  const log = page.getByRole('table', { name: 'Audit log entries' });
  await expect(log.getByRole('row').filter({ hasText: "Campaign's personal data purged" })).toHaveCount(1);
  await expect(log.getByRole('row').filter({ hasText: 'Retention changed' }).first()).toBeVisible();
});
