import { expect, test } from '@playwright/test';
import { api, createCampaign, openApp, screenshot } from './support';

/**
 * The Overview says where the season stands (verdicts, triage per division) and what to do next,
 * with a button that goes there; in English and French.
 */
test.use({ locale: 'en-US' });


interface Figures {
  verdicts: { eligible: number; review: number; ineligible: number };
  divisions: { queue: string; byStage: Record<string, number> }[];
}

test('the Overview shows the verdicts, triage per division and the next step, and its button opens that work', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await createCampaign(page, `Overview ${Date.now()}`);
  const campaignId = Number(await page.getByRole('combobox', { name: 'Campaign' }).inputValue());
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText('2,000 demo applications loaded', { exact: true })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();

  const figures = await api<Figures>(page, 'overview.get', { campaignId });
  const verdicts = page.getByTestId('overview-verdicts');
  const number = (n: number) => n.toLocaleString('en-US');
  await expect(verdicts.locator('[data-verdict="eligible"]')).toContainText(number(figures.verdicts.eligible));
  await expect(verdicts.locator('[data-verdict="review"]')).toContainText(number(figures.verdicts.review));
  await expect(verdicts.locator('[data-verdict="ineligible"]')).toContainText(number(figures.verdicts.ineligible));
  await expect(verdicts.getByRole('img', { name: /^Screening verdicts: Eligible/ })).toBeVisible();

  // Some applications still need an officer: the next step says so and opens Screening.
  const next = page.getByTestId('overview-next');
  await expect(next).toContainText(`${number(figures.verdicts.review)} applications need an officer's decision in Screening`);
  await screenshot(page, 'overview-review-en');

  // Decide every one of them (eligible), propose a few in OPS and start on DI: triage comes next.
  const review = await api<{ rows: { ref: number }[] }>(page, 'screening.list', { campaignId, tab: 'review', limit: 500 });
  await api(page, 'screening.override', { refs: review.rows.map((r) => r.ref), verdict: 'eligible', justification: 'Checked by hand with the transcripts' });
  // The demo is in mid-season: OPS already has applications triaged and shortlisted; six new ones are decided here.
  const opsBefore = figures.divisions.find((d) => d.queue === 'OPS')?.byStage ?? {};
  const ops = await api<{ rows: { ref: number }[] }>(page, 'triage.list', { campaignId, queue: 'OPS', filter: { stages: ['new'] }, sort: [{ column: 'applicationId', descending: false }], limit: 6 });
  await api(page, 'triage.decide', { refs: ops.rows.slice(0, 4).map((r) => r.ref), stage: 'proposed' });
  await api(page, 'triage.decide', { refs: ops.rows.slice(4).map((r) => r.ref), stage: 'notRetained', reason: 'profileMismatch' });
  await page.reload();

  const after = await api<Figures & { nextStep: { kind: string; queue: string } }>(page, 'overview.get', { campaignId });
  expect(after.nextStep.kind).toBe('triage');
  const opsRow = page.getByTestId('overview-triage').locator('tr[data-queue="OPS"]');
  const proposed = (opsBefore.proposed ?? 0) + 4;
  const notRetained = (opsBefore.notRetained ?? 0) + 2;
  await expect(opsRow.locator('td[data-stage="proposed"]')).toHaveText(String(proposed));
  await expect(opsRow.locator('td[data-stage="notRetained"]')).toHaveText(String(notRetained));
  await expect(opsRow.getByRole('img')).toHaveAccessibleName(
    new RegExp(`^Operations Division \\(OPS\\): New \\d+, In review ${opsBefore.inReview ?? 0}, Proposed for shortlist ${proposed}, Not retained ${notRetained}`),
  );
  await expect(verdicts).toContainText(`${number(review.rows.length)} verdicts decided by an officer`);
  await expect(next).toContainText('eligible applications wait for triage');
  await screenshot(page, 'overview-triage-en');

  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(page.getByTestId('overview-next')).toContainText('candidatures recevables attendent le tri');
  await expect(page.getByTestId('overview-triage').getByRole('columnheader', { name: 'Proposée pour la liste restreinte' })).toBeVisible();
  await screenshot(page, 'overview-triage-fr');
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
  // Dark, as the system asks: the bars and their figures stay readable.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
  await screenshot(page, 'overview-triage-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The button opens the division with the most applications waiting, on the Divisions page.
  await next.getByRole('button', { name: `Open ${after.nextStep.queue}` }).click();
  await expect(page).toHaveURL(/#\/divisions$/);
  await expect(page.getByTestId(`queue-${after.nextStep.queue}`)).toHaveAttribute('aria-current', 'true');
  // And a division's row opens its own queue.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  await page.getByTestId('overview-triage').getByRole('link', { name: 'OPS' }).click();
  await expect(page.getByTestId('queue-OPS')).toHaveAttribute('aria-current', 'true');
});
