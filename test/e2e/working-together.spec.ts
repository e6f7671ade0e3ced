import { expect, test, type Page } from '@playwright/test';
import { api, createCampaign, openApp, screenshot } from './support';

/**
 * Two officers on one campaign (issue 14), in two windows of the same database. One decides, the
 * other window shows it within a second. A decision made on what is no longer on the database is
 * refused, says who changed the application and when, and the window then shows the new state; a
 * bulk action names the applications. Scores are each officer's own: the queue shows their average
 * and how many scored, the detail pane the officer's own scores and the others' beside them.
 *
 * A window is made stale deterministically by cutting it off the change feed (its event stream is
 * refused; every request it makes still reaches the services), then changing an application behind
 * its back through the web host's API, signed by another officer. That is what a window that has
 * not heard yet sees: another workstation on the office server, or the moment between a change and
 * the reload that shows it (150 to 700 ms here, too short to hit on purpose).
 */
test.describe.configure({ mode: 'serial' });

interface Detail {
  ref: number;
  raw: Record<string, string>;
  state: { stage: string; assignee: string | null };
  version: number;
}

/** The application the detail pane shows, once its details have loaded. */
async function shownRef(page: Page): Promise<number> {
  const pane = page.getByTestId('triage-detail');
  await expect(pane).toHaveAttribute('data-ref', /\d+/);
  return Number(await pane.getAttribute('data-ref'));
}

/** Runs API calls signed by another officer: the host's one OS user takes that name meanwhile, then its own back. */
async function asOfficer(page: Page, name: string, own: string, calls: () => Promise<void>): Promise<void> {
  await api(page, 'app.setOfficerName', { name });
  try {
    await calls();
  } finally {
    await api(page, 'app.setOfficerName', { name: own });
  }
}

async function openQueue(page: Page, queue: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Divisions' }).click();
  await page.getByTestId(`queue-${queue}`).click();
  await expect(page.getByRole('heading', { name: queue, level: 2 })).toBeVisible();
  // Every stage: a decided application stays in its place in both windows.
  await page.getByRole('tablist').getByRole('tab').last().click();
}

test('two windows on one campaign: decisions seen, a stale decision refused with who and when, each officer’s scores; in English and French', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Working together ${Date.now()}`);
  const campaignId = Number(await page.getByRole('combobox', { name: 'Campaign' }).inputValue());
  await api(page, 'demo.load', { campaignId, count: 400, seed: 14 });
  const [motivation] = await api<{ id: number; label: string }[]>(page, 'triage.setRubric', { campaignId, division: 'OPS', criteria: [{ label: 'Motivation' }, { label: 'Languages' }] });
  // Decisions are signed with the officer's name (the name button above the queue); the host's OS user's is kept to put back.
  const osOfficer = (await api<{ officer: string }>(page, 'triage.sidebar', { campaignId })).officer;
  await api(page, 'app.setOfficerName', { name: 'Marie' });
  try {
    await page.reload();
    await openQueue(page, 'OPS');

    // The second window hears of no change: its event stream is refused (see above).
    const stale = await context.newPage();
    await stale.emulateMedia({ reducedMotion: 'reduce' });
    await stale.route('**/api/events**', (route) => route.abort());
    await openApp(stale);
    await openQueue(stale, 'OPS');
    const first = await shownRef(stale);
    expect(await shownRef(page)).toBe(first);

    // ---- Marie decides in one window; the other shows it within a second ----------------------
    await stale.getByTestId('triage-grid').focus();
    await stale.keyboard.press('s');
    const second = await shownRef(stale);
    expect(second).not.toBe(first);
    const pane = page.getByTestId('triage-detail');
    await expect(pane.getByText('Proposed for shortlist', { exact: true })).toBeVisible({ timeout: 1500 });
    await expect(pane.getByTestId('triage-detail-changed')).toHaveText(/^Last changed by Marie, \d/);

    // ---- Jan assigns the application the stale window shows; that window has not heard ---------
    const before = await api<Detail>(page, 'triage.detail', { ref: second });
    await asOfficer(page, 'Jan', 'Marie', async () => {
      await api(page, 'triage.decide', { refs: [second], assignee: 'Jan' });
    });
    // The window on the change feed shows it…
    await expect(page.getByTestId('triage-grid').locator(`[data-ref="${second}"]`)).toBeVisible();
    await page.getByTestId('triage-grid').locator(`[data-ref="${second}"]`).click();
    await expect(pane).toHaveAttribute('data-ref', String(second));
    await expect(pane.getByText('Assigned to Jan', { exact: true }).first()).toBeVisible({ timeout: 1500 });
    // …the stale one does not.
    await expect(stale.getByTestId('triage-detail').getByText('Not assigned', { exact: true })).toBeVisible();

    // ---- Marie decides on what she sees: refused, nothing changed, the new state shown -----------
    await stale.keyboard.press('s');
    const refusal = stale.getByText(`${before.raw.applicationId} was changed by Jan on`);
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText('Nothing was changed: its new state is now shown.');
    const stalePane = stale.getByTestId('triage-detail');
    await expect(stalePane).toHaveAttribute('data-ref', String(second));
    await expect(stalePane.getByText('Assigned to Jan', { exact: true }).first()).toBeVisible();
    await expect(stalePane.getByTestId('triage-detail-changed')).toHaveText(/^Last changed by Jan, \d/);
    expect(await api<Detail>(page, 'triage.detail', { ref: second })).toMatchObject({ state: { stage: 'new', assignee: 'Jan' }, version: before.version + 1 });
    await screenshot(stale, 'working-together-refused-en');

    // Decided again on the state shown: accepted.
    await stale.keyboard.press('s');
    await expect.poll(async () => (await api<Detail>(page, 'triage.detail', { ref: second })).state.stage).toBe('proposed');
    await expect(refusal).toBeHidden();

    // ---- A selection of three, two of them noted by Jan meanwhile: refused whole, both named -----
    await shownRef(stale);
    await stale.getByTestId('triage-grid').focus();
    await stale.keyboard.press('Shift+J');
    await stale.keyboard.press('Shift+J');
    await expect(stale.getByTestId('bulk-bar')).toContainText('3 selected');
    const selected = await stale.getByTestId('triage-grid').locator('[role="row"][aria-selected="true"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-ref'))));
    expect(selected).toHaveLength(3);
    const noted = await Promise.all(selected.slice(0, 2).map((ref) => api<Detail>(page, 'triage.detail', { ref })));
    await asOfficer(page, 'Jan', 'Marie', async () => {
      for (const d of noted) await api(page, 'triage.note', { ref: d.ref, text: 'Called: prefers the September session.' });
    });
    await stale.getByTestId('bulk-bar').getByRole('button', { name: 'In review' }).click();
    const bulkRefusal = stale.getByText(/2 of these applications were changed by others/);
    await expect(bulkRefusal).toBeVisible();
    await expect(bulkRefusal).toContainText(`${noted[0]?.raw.applicationId} by Jan and ${noted[1]?.raw.applicationId} by Jan`);
    for (const ref of selected) expect((await api<Detail>(page, 'triage.detail', { ref })).state.stage).toBe('new');
    // The selection stays, to act on again once checked.
    await expect(stale.getByTestId('bulk-bar')).toContainText('3 selected');
    await screenshot(stale, 'working-together-refused-bulk-en');

    // ---- Each officer's scores: Marie's own in the pane, Jan's beside them, the average in the queue -----
    const scored = await shownRef(page);
    await page.getByTestId('triage-grid').focus();
    await page.keyboard.press('4');
    await page.keyboard.press(']');
    await page.keyboard.press('5');
    await expect.poll(async () => (await api<{ officerScores: { officer: string; score: number }[] }>(page, 'triage.detail', { ref: scored })).officerScores).toEqual([
      expect.objectContaining({ officer: 'Marie', score: 4.5 }),
    ]);
    await asOfficer(page, 'Jan', 'Marie', async () => {
      await api(page, 'triage.score', { refs: [scored], criterionId: motivation?.id, score: 2 });
    });
    const scoreCell = page.getByTestId('triage-grid').locator(`[data-ref="${scored}"] [role="gridcell"]`).filter({ hasText: '(2)' });
    await expect(scoreCell).toHaveText('3.3 (2)average 3.3 of 2 officers’ scores');
    await expect(page.getByTestId('other-officers-scores')).toContainText('Jan: 2');
    await expect(page.getByTestId('officers-average')).toHaveText('Average 3.3 of 2 officers');
    await expect(page.getByRole('button', { name: 'Motivation: 4 out of 5' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Your scores (Marie)')).toBeVisible();
    await screenshot(page, 'working-together-scores-en');

    // ---- Two keys on the same application before the window has reloaded: not refused as changed by Marie herself -----
    await page.getByTestId('triage-grid').focus();
    await page.keyboard.press('i');
    await page.keyboard.press('k');
    await page.keyboard.press('a');
    await expect.poll(async () => (await api<Detail>(page, 'triage.detail', { ref: scored })).state).toMatchObject({ stage: 'inReview', assignee: 'Marie' });
    await expect(page.getByText('This cannot be done now')).toHaveCount(0);

    // ---- French: a refusal, and the scores ---------------------------------------------------------
    // Opened afresh (still off the change feed), so that no reload after the refusal above is on its way.
    await stale.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await stale.reload();
    await openQueue(stale, 'OPS');
    const third = await shownRef(stale);
    const thirdBefore = await api<Detail>(page, 'triage.detail', { ref: third });
    await asOfficer(page, 'Jan', 'Marie', async () => {
      await api(page, 'triage.decide', { refs: [third], stage: 'inReview' });
    });
    await stale.getByTestId('triage-grid').focus();
    await stale.keyboard.press('s');
    const refusalFr = stale.getByText(`${thirdBefore.raw.applicationId} a été modifiée par Jan le`);
    await expect(refusalFr).toBeVisible();
    await expect(refusalFr).toContainText('Rien n’a été changé\u00a0: son nouvel état est maintenant affiché.');
    await expect(stale.getByTestId('triage-detail').getByTestId('triage-detail-changed')).toHaveText(/^Dernière modification par Jan, \d/);
    await screenshot(stale, 'working-together-refused-fr');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await expect(page.getByTestId('officers-average')).toHaveText('Moyenne 3,3 de 2 agents');
    await expect(scoreCell).toHaveText('3,3 (2)moyenne 3,3 des notes de 2 agents');
    await screenshot(page, 'working-together-scores-fr');
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
    await stale.close();
  } finally {
    await api(page, 'app.setOfficerName', { name: osOfficer });
  }
});
