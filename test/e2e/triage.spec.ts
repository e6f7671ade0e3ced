import { expect, test, type Page } from '@playwright/test';
import { api, createCampaign, openApp, screenshot } from './support';

/**
 * A day of triage, by keyboard: a demo campaign, the OPS queue, ten decisions made with keys only
 * (S, X, J), two of them undone (U), a selection moved at once, a search for an accented name
 * typed without accents, and the sidebar's counts after each. Then the same screens in French.
 */
test.describe.configure({ mode: 'serial' });

interface QueueCounts {
  queue: string;
  total: number;
  byStage: Record<'new' | 'inReview' | 'proposed' | 'notRetained', number>;
}


async function opsCounts(page: Page, campaignId: number): Promise<QueueCounts> {
  const sidebar = await api<{ queues: QueueCounts[] }>(page, 'triage.sidebar', { campaignId });
  return sidebar.queues.find((q) => q.queue === 'OPS')!;
}

/** The application the detail pane shows, once it has loaded. */
async function shownRef(page: Page): Promise<string> {
  const pane = page.getByTestId('triage-detail');
  await expect(pane).toHaveAttribute('data-ref', /\d+/);
  return (await pane.getAttribute('data-ref')) ?? '';
}

test('triage ten applications by keyboard, undo two, move a selection, search without accents; in English and French', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1600, height: 900 });
  await openApp(page);
  await createCampaign(page, `Triage test ${Date.now()}`);
  const campaignId = Number(await page.getByRole('combobox', { name: 'Campaign' }).inputValue());
  // The demo at the start of triage (the app's button loads it in mid-season): every queue new.
  await api(page, 'demo.load', { campaignId, count: 2000 });
  await page.reload();

  await page.getByRole('navigation').getByRole('link', { name: 'Divisions' }).click();
  await expect(page.getByRole('heading', { name: 'Divisions', level: 1 })).toBeVisible();
  await page.getByTestId('queue-OPS').click();
  await expect(page.getByRole('heading', { name: 'OPS', level: 2 })).toBeVisible();
  const start = await opsCounts(page, campaignId);
  expect(start.byStage.new).toBe(start.total);
  await expect(page.getByTestId('queue-OPS')).toHaveAccessibleName(new RegExp(`^Operations Division: ${start.total} to triage of ${start.total}`));
  await shownRef(page);
  await screenshot(page, 'triage-queue-en');

  // ---- Ten decisions, keys only: seven proposed (S), three not retained (X, then Enter: no reason) ----
  await page.getByTestId('triage-grid').focus();
  for (let i = 0; i < 10; i++) {
    const before = await shownRef(page);
    if (i % 3 === 2) {
      await page.keyboard.press('x');
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('dialog')).toBeHidden();
    } else {
      await page.keyboard.press('s');
    }
    await expect(page.getByTestId('triage-detail')).not.toHaveAttribute('data-ref', before);
  }
  await expect.poll(async () => (await opsCounts(page, campaignId)).byStage.new).toBe(start.total - 10);
  const decided = await opsCounts(page, campaignId);
  expect(decided.byStage.proposed + decided.byStage.notRetained).toBe(10);
  await expect(page.getByTestId('queue-OPS')).toHaveAccessibleName(new RegExp(`^Operations Division: ${start.total - 10} to triage of ${start.total}`));

  // ---- Undo two: the last two decisions come back to New ---------------------------------
  await page.keyboard.press('u');
  await expect(page.getByTestId('triage-status')).toContainText('Undone');
  await page.keyboard.press('u');
  await expect.poll(async () => (await opsCounts(page, campaignId)).byStage.new).toBe(start.total - 8);
  await expect(page.getByTestId('queue-OPS')).toHaveAccessibleName(new RegExp(`^Operations Division: ${start.total - 8} to triage`));

  // ---- A selection of three, moved to In review at once, then undone as one --------------
  await page.getByTestId('triage-grid').focus();
  await page.keyboard.press('Shift+J');
  await page.keyboard.press('Shift+J');
  await expect(page.getByTestId('bulk-bar')).toContainText('3 selected');
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'In review' }).click();
  await expect.poll(async () => (await opsCounts(page, campaignId)).byStage.inReview).toBe(3);
  await expect(page.getByTestId('queue-OPS')).toHaveAccessibleName(/In review 3/);

  // ---- A second window sees this one's decisions within a second -----------------------------
  const other = await page.context().newPage();
  await other.setViewportSize({ width: 1600, height: 900 });
  await openApp(other);
  await other.getByRole('navigation').getByRole('link', { name: 'Divisions' }).click();
  await other.getByTestId('queue-OPS').click();
  const inReviewBefore = (await opsCounts(page, campaignId)).byStage.inReview;
  await expect(other.getByTestId('queue-OPS')).toHaveAccessibleName(new RegExp(`In review ${inReviewBefore}`));
  await page.bringToFront();
  await page.getByTestId('triage-grid').focus();
  await page.keyboard.press('i');
  await expect(other.getByTestId('queue-OPS')).toHaveAccessibleName(new RegExp(`In review ${inReviewBefore + 1}`), { timeout: 1000 });
  await page.keyboard.press('u');
  await expect(other.getByTestId('queue-OPS')).toHaveAccessibleName(new RegExp(`In review ${inReviewBefore}`), { timeout: 1000 });
  await other.close();

  // ---- The detail pane and the shortcut sheet ------------------------------------------------
  await page.getByRole('tab', { name: 'All stages' }).click();
  await shownRef(page);
  await screenshot(page, 'triage-detail-en');
  await page.getByTestId('triage-grid').focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toContainText('Propose for shortlist');
  await screenshot(page, 'triage-shortcuts-en');
  await page.keyboard.press('Escape');

  // ---- Search: an accented name typed without its accents --------------------------------
  const eligible = await api<{ rows: { firstName: string; lastName: string }[] }>(page, 'triage.list', { campaignId, queue: 'all', limit: 1000 });
  const accented = eligible.rows.find((r) => /^[\p{L}-]+$/u.test(r.lastName) && r.lastName.normalize('NFKD') !== r.lastName && r.lastName.length >= 4);
  if (!accented) throw new Error('The demo campaign holds no eligible applicant with an accented last name');
  const typed = accented.lastName.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  await page.getByTestId('queue-all').click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type(typed);
  const grid = page.getByTestId('triage-grid');
  await expect(grid.getByRole('row').filter({ hasText: accented.lastName.toUpperCase() }).first()).toBeVisible();
  await expect(grid.locator('mark').first()).toBeVisible();
  await screenshot(page, 'triage-search-en');

  // ---- A saved view, then deleted (asked first) ----------------------------------------------
  await page.getByRole('button', { name: 'Save view…' }).click();
  await page.getByRole('textbox', { name: 'Name of the view' }).fill('Search test view');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const deleteView = page.getByRole('button', { name: 'Delete the view Search test view' });
  await expect(deleteView).toBeVisible();
  await deleteView.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete the view' }).click();
  await expect(deleteView).toHaveCount(0);

  // ---- French ----------------------------------------------------------------------------
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('searchbox').fill('');
  await page.getByTestId('queue-OPS').click();
  await expect(page.getByRole('tab', { name: 'Toutes les étapes' })).toBeVisible();
  await expect(page.getByTestId('queue-OPS')).toHaveAccessibleName(new RegExp(`^Division Opérations : ${start.total - 8} à trier sur ${start.total}`));
  await shownRef(page);
  await screenshot(page, 'triage-queue-fr');
  await screenshot(page, 'triage-detail-fr');
  await page.getByTestId('triage-grid').focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await screenshot(page, 'triage-shortcuts-fr');
  await page.keyboard.press('Escape');
  await page.getByLabel('Langue').selectOption('en');
});
