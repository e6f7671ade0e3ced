import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ShortlistDetail, ShortlistSummary } from '../../shared/api/shortlists';
import type { SelectionConflict } from '../../shared/api/selection';
import { answerWorkbook } from '../unit/support/manager-reply';
import { api, createCampaign, openApp, screenshot } from './support';

/**
 * The season after triage, as the office works it (issue 11): a shortlist built from a division's
 * proposals and put in order, the workbook sent, the hiring manager's reply read back through its
 * preview, an interview recorded, a selection, a double selection settled, an offer made and
 * declined, and a reserve promoted. In English, then the same pages in French.
 */
test.describe.configure({ mode: 'serial' });

async function demoCampaign(page: Page): Promise<number> {
  await openApp(page);
  await createCampaign(page, `Shortlists ${Date.now()}`);
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText('2,000 demo applications loaded', { exact: true })).toBeVisible({ timeout: 60_000 });
  return Number(await page.getByRole('combobox', { name: 'Campaign' }).inputValue());
}

async function candidateMenu(page: Page, code: string, item: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^Actions for ${code} `) }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

async function stageOf(page: Page, listId: number, code: string): Promise<string | undefined> {
  return (await api<ShortlistDetail>(page, 'shortlists.get', { id: listId })).entries.find((e) => e.candidateCode === code)?.stage;
}

test('a shortlist from proposal to offer: built, ordered, sent, answered, interviews, selection, a double selection, an offer declined and a reserve promoted', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const campaignId = await demoCampaign(page);

  // The demo's mid-season: a shortlist per division, one answered, one person selected twice.
  await page.getByRole('navigation').getByRole('link', { name: 'Shortlists' }).click();
  await expect(page.getByRole('heading', { name: 'DI shortlist', level: 2 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Shortlists of this campaign' }).getByRole('button')).toHaveCount(8);
  await expect(page.getByRole('tab', { name: /Places and offers/ })).toContainText('1');
  await screenshot(page, 'shortlists-en');

  // Three more proposals in PASP, as its triage officer would make them.
  const newInPasp = await api<number[]>(page, 'triage.refs', { campaignId, queue: 'PASP', filter: { stages: ['new'] }, sort: [] });
  const proposed = newInPasp.slice(0, 3);
  await api(page, 'triage.decide', { refs: proposed, stage: 'proposed' });

  // Build it: a second PASP list, from those three.
  await page.getByRole('button', { name: 'New shortlist' }).click();
  const create = page.getByRole('dialog', { name: 'New shortlist' });
  await create.getByRole('combobox', { name: 'Division' }).click();
  await page.getByRole('option', { name: /\(PASP\)$/ }).click();
  await create.getByRole('textbox', { name: 'Position (optional)' }).fill('');
  await create.getByRole('button', { name: 'Make the shortlist' }).click();
  await expect(create).toBeHidden();
  const lists = await api<ShortlistSummary[]>(page, 'shortlists.list', { campaignId });
  const list = lists.filter((l) => l.division === 'PASP').sort((a, b) => b.id - a.id)[0];
  if (!list) throw new Error('no new PASP shortlist');
  expect(list.candidates).toBe(3);
  let detail = await api<ShortlistDetail>(page, 'shortlists.get', { id: list.id });
  const [first, second, third] = detail.entries.map((e) => e.candidateCode);
  if (!first || !second || !third) throw new Error('three candidates expected');
  const table = page.getByTestId('shortlist-candidates');
  await expect(table.getByRole('row')).toHaveCount(4);

  // Ordered by keys: the first candidate goes down one place (Alt+↓), and the order is kept.
  await table.getByRole('row', { name: new RegExp(`^1\\. ${first} `) }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(table.getByRole('row', { name: new RegExp(`^2\\. ${first} `) })).toBeVisible();
  await expect.poll(async () => (await api<ShortlistDetail>(page, 'shortlists.get', { id: list.id })).entries.map((e) => e.candidateCode)).toEqual([second, first, third]);

  // A note for the hiring manager, from the row's menu (Enter on the row opens it).
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Add a note…', exact: true }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('Speaks Ukrainian; strong on public diplomacy.');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(table).toContainText('Speaks Ukrainian');

  // Sent: the workbook, downloaded in a browser; the candidates are now Shortlisted.
  await page.getByRole('button', { name: 'Send to the hiring manager…' }).click();
  const send = page.getByRole('dialog', { name: /^Send 3 candidates/ });
  await send.getByRole('textbox', { name: 'Hiring manager' }).fill('Jana Novak');
  await send.getByRole('textbox', { name: 'Their e-mail' }).fill('jana.novak@example.int');
  await screenshot(page, 'shortlist-send-en');
  const download = page.waitForEvent('download');
  await send.getByRole('button', { name: 'Save the workbook' }).click();
  const folder = mkdtempSync(join(tmpdir(), 'cohort-e2e-shortlist-'));
  const workbook = join(folder, (await download).suggestedFilename());
  await (await download).saveAs(workbook);
  expect(workbook).toMatch(/PASP shortlist \d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(send).toBeHidden();
  await expect(page.getByRole('heading', { name: 'PASP shortlist', level: 2 })).toBeVisible();
  await expect(page.getByText(/Sent today, awaiting reply/).first()).toBeVisible();
  expect(await stageOf(page, list.id, first)).toBe('shortlisted');

  // The manager's answers, partly in French, read back through File > Import: preview, then apply.
  const reply = await answerWorkbook(workbook, join(folder, 'PASP reply.xlsx'), {
    [second]: { decision: 'Interview', date: '2027-01-14 10:30', comment: 'Please invite.' },
    [first]: { decision: 'Sélectionné(e)' },
    [third]: { decision: 'Réserve' },
  });
  await page.getByRole('button', { name: 'Import a reply…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('dialog', { name: 'Import applications' }).getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(reply);
  const preview = page.getByRole('dialog', { name: "Hiring manager's reply: PASP reply.xlsx" });
  await expect(preview.getByTestId('reply-changes').getByRole('row')).toHaveCount(4);
  await expect(preview.getByTestId('reply-changes')).toContainText('Shortlisted → Interview');
  await expect(preview.getByTestId('reply-changes')).toContainText('Please invite.');
  await screenshot(page, 'shortlist-reply-preview-en');
  await preview.getByRole('button', { name: 'Apply 3 changes' }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByText('3 changes applied', { exact: true })).toBeVisible();
  expect(await stageOf(page, list.id, second)).toBe('interview');
  expect(await stageOf(page, list.id, first)).toBe('selected');
  expect(await stageOf(page, list.id, third)).toBe('reserve');

  // The interview's time settled with the candidate, then the selection after it.
  await candidateMenu(page, second, 'Record an interview');
  const interview = page.getByRole('dialog', { name: new RegExp(`^Record an interview: ${second} `) });
  await interview.getByRole('textbox', { name: 'Interview date' }).fill('15/01/2027');
  await interview.getByRole('textbox', { name: 'Time' }).fill('14:30');
  await interview.getByRole('button', { name: 'Record an interview' }).click();
  await expect(interview).toBeHidden();
  await expect(table.getByRole('row', { name: new RegExp(`${second} `) })).toContainText('on 15 Jan 2027 14:30');
  await candidateMenu(page, second, 'Select');
  const select = page.getByRole('dialog', { name: new RegExp(`^Select: ${second} `) });
  await select.getByRole('radio', { name: 'March session' }).check();
  await select.getByRole('button', { name: 'Select' }).click();
  await expect(select).toBeHidden();
  expect(await stageOf(page, list.id, second)).toBe('selected');

  // The demo's person selected by OPS and PDD: the office settles it on the Places tab.
  await page.getByRole('tab', { name: /Places and offers/ }).click();
  const conflicts = page.getByTestId('selection-conflicts');
  await expect(conflicts).toContainText('1 person is selected by two divisions');
  await expect(page.getByTestId('division-places')).toContainText('Political Affairs and Security Policy Division (PASP)');
  await screenshot(page, 'shortlist-places-en');
  await conflicts.getByRole('button', { name: 'Offer from OPS' }).click();
  await expect(conflicts).toBeHidden();
  expect(await api<SelectionConflict[]>(page, 'selection.conflicts', { campaignId })).toEqual([]);

  // An offer made and declined; the reserve promoted to the free place.
  await page.getByRole('tab', { name: 'Shortlists' }).click();
  await page.getByRole('navigation', { name: 'Shortlists of this campaign' }).getByRole('button', { name: /PASP shortlist.*Reply received/ }).click();
  await candidateMenu(page, first, 'Make an offer');
  await page.getByRole('dialog', { name: new RegExp(`^Make an offer: ${first} `) }).getByRole('button', { name: 'Make an offer' }).click();
  await expect.poll(() => stageOf(page, list.id, first)).toBe('offerMade');
  await candidateMenu(page, first, 'Offer declined');
  const decline = page.getByRole('dialog', { name: new RegExp(`^Offer declined: ${first} `) });
  await decline.getByRole('textbox', { name: 'Reason (optional)' }).fill('Accepted a post elsewhere');
  await decline.getByRole('button', { name: 'Offer declined' }).click();
  await expect.poll(() => stageOf(page, list.id, first)).toBe('offerDeclined');
  await candidateMenu(page, third, 'Select');
  await page.getByRole('dialog', { name: new RegExp(`^Select: ${third} `) }).getByRole('button', { name: 'Select' }).click();
  await expect.poll(() => stageOf(page, list.id, third)).toBe('selected');
  detail = await api<ShortlistDetail>(page, 'shortlists.get', { id: list.id });
  expect(detail.entries.map((e) => [e.candidateCode, e.stage])).toEqual([
    [second, 'selected'],
    [first, 'offerDeclined'],
    [third, 'selected'],
  ]);
  await expect(table.getByRole('row', { name: new RegExp(`${first} `) })).toContainText('Offer declined');
  await screenshot(page, 'shortlist-after-selection-en');

  // The same pages in French.
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Listes restreintes', level: 1 })).toBeVisible();
  await expect(table).toContainText('Offre déclinée');
  await screenshot(page, 'shortlists-fr');
  await page.getByRole('tab', { name: /Places et offres/ }).click();
  await expect(page.getByTestId('division-places')).toContainText('Session de mars');
  await screenshot(page, 'shortlist-places-fr');
  await page.getByLabel('Langue').selectOption('en');
});
