import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import type { NoticeSummary } from '../../shared/api/notices';
import { api, createCampaign, openApp, screenshot } from './support';

/**
 * Outcome notices as the office sends them (issue 12): the French text of the ineligible notice
 * edited with its live preview (a misspelled placeholder caught before saving), the batch of owed
 * notices prepared as e-mail drafts (a .zip download in a browser), marked sent, one marked
 * bounced, and the counts following each step. In English, then in French.
 */
test.describe.configure({ mode: 'serial' });

test('notices: edit a French text with its preview, prepare the owed batch, mark it sent and one bounced; the counts follow', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Notices ${Date.now()}`);
  const campaignId = Number(await page.getByRole('combobox', { name: 'Campaign' }).inputValue());
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText('2,000 demo applications loaded', { exact: true })).toBeVisible({ timeout: 60_000 });
  const before = await api<NoticeSummary>(page, 'notices.status', { campaignId });
  const owed = before.byOutcome.ineligible.owed;
  expect(owed).toBeGreaterThan(10);

  await page.getByRole('navigation').getByRole('link', { name: 'Notices' }).click();
  const counts = page.getByTestId('notice-counts');
  const cell = (outcome: string, state: string) => counts.locator(`tr[data-outcome="${outcome}"] td[data-state="${state}"]`);
  await expect(cell('ineligible', 'owed')).toHaveText(owed.toLocaleString('en-GB'));
  await screenshot(page, 'notices-en');

  // The French text: a misspelled placeholder is caught in the preview; corrected, it saves.
  await page.getByRole('tab', { name: 'Texts' }).click();
  await page.getByRole('radio', { name: 'French' }).check();
  const subject = page.getByRole('textbox', { name: 'Subject' });
  await subject.fill('Votre candidature au Programme de stages, {prenom}');
  await expect(page.getByText('{prenom} is not a placeholder Cohort knows')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save the text' })).toBeDisabled();
  await subject.fill('Votre candidature au Programme de stages, ');
  // A placeholder button puts it into the text at the cursor (at its end here); the subject gets it typed.
  await page.getByRole('button', { name: '{firstName}' }).click();
  await expect(page.getByRole('textbox', { name: 'Text' })).toHaveValue(/\{firstName\}$/);
  await subject.fill('Votre candidature au Programme de stages, {firstName}');
  const preview = page.getByTestId('notice-preview');
  await expect(preview).toContainText(/As .+ would read it \(NIP-/);
  await expect(preview).not.toContainText('{firstName}');
  await expect(preview).toContainText('Votre candidature au Programme de stages, ');
  await screenshot(page, 'notices-template-en');
  await page.getByRole('button', { name: 'Save the text' }).click();
  await expect(page.getByText('Ineligible notice in French saved', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Edited for this campaign')).toBeVisible();

  // Prepared as drafts (one .zip download here), then marked sent.
  await page.getByRole('tab', { name: 'Who is owed what' }).click();
  await counts.locator('tr[data-outcome="ineligible"]').getByRole('button', { name: /^Prepare / }).click();
  const dialog = page.getByRole('dialog', { name: 'Prepare the Ineligible notices' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Prepare' }).click();
  const folder = mkdtempSync(join(tmpdir(), 'cohort-e2e-notices-'));
  const zip = join(folder, (await download).suggestedFilename());
  await (await download).saveAs(zip);
  const drafts = Object.entries(unzipSync(readFileSync(zip)));
  expect(drafts.length).toBeGreaterThan(0);
  expect(drafts.every(([name]) => name.endsWith('.eml'))).toBe(true);
  const french = drafts.map(([, bytes]) => Buffer.from(bytes).toString('utf8')).filter((text) => /Content-Language: fr/i.test(text));
  expect(french.length).toBeGreaterThan(0);
  const batch = page.getByTestId('notices-batch');
  await expect(batch).toContainText(`${owed.toLocaleString('en-GB')} Ineligible notices prepared`);
  await expect(cell('ineligible', 'owed')).toHaveText('0');
  await expect(cell('ineligible', 'prepared')).toHaveText(owed.toLocaleString('en-GB'));
  // The office sends them from Outlook and comes back later: the batch still waits to be marked sent.
  await page.reload();
  await expect(batch).toContainText(`${owed.toLocaleString('en-GB')} Ineligible notices prepared`);
  await batch.getByRole('button', { name: /^Mark all .* sent$/ }).click();
  await expect(batch).toBeHidden();
  await expect(cell('ineligible', 'sent')).toHaveText(owed.toLocaleString('en-GB'));

  // One comes back.
  const anId = /NIP-\d{4}-\d{5}-\d/.exec(Buffer.from(drafts[0]?.[1] ?? new Uint8Array()).toString('utf8'))?.[0];
  if (!anId) throw new Error('a draft names no application');
  await page.getByRole('button', { name: 'Bounced or sent again…' }).click();
  const bounced = page.getByRole('dialog', { name: 'Notices bounced, or sent again' });
  await bounced.getByRole('textbox', { name: 'Their application IDs' }).fill(anId);
  await bounced.getByRole('button', { name: 'Mark bounced' }).click();
  await expect(bounced).toBeHidden();
  await expect(cell('ineligible', 'bounced')).toHaveText('1');
  await expect(cell('ineligible', 'sent')).toHaveText((owed - 1).toLocaleString('en-GB'));
  await screenshot(page, 'notices-sent-en');
  expect(readdirSync(folder).length).toBe(1);

  // The person's history on the Screening page says what became of their notice.
  await page.getByRole('navigation').getByRole('link', { name: 'Screening' }).click();
  await page.getByRole('tab', { name: /^All/ }).click();
  await page.getByRole('searchbox', { name: 'Search applications' }).fill(anId);
  const found = page.getByRole('table', { name: 'Applications: All' });
  await expect(found.getByRole('row')).toHaveCount(2);
  await found.getByRole('button', { name: /^Open application / }).first().click();
  const notices = page.getByTestId('person-notices');
  await expect(notices).toContainText('Ineligible notice, in');
  await expect(notices).toContainText('Bounced');
  await notices.scrollIntoViewIfNeeded();
  await screenshot(page, 'screening-person-notices-en');
  await page.keyboard.press('Escape');
  await page.getByRole('navigation').getByRole('link', { name: 'Notices' }).click();

  // The same page in French.
  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(counts.getByRole('columnheader', { name: 'Revenus' })).toBeVisible();
  await screenshot(page, 'notices-fr');
  await page.getByRole('tab', { name: 'Textes' }).click();
  await page.getByRole('radio', { name: 'français' }).check();
  await expect(page.getByTestId('notice-preview')).toContainText('Votre candidature au Programme de stages, ');
  await screenshot(page, 'notices-template-fr');
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
});
