import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { screenshot } from './support';
import { startTestServer } from '../unit/support/postgres-server';

/**
 * Team mode in the browser (issue 14): a real PostgreSQL as the office server, set up as IT does
 * (`cohort server init`, officers marie and jan, an administrator copying a laptop's screened demo
 * campaign there), and two web hosts, one per officer's workstation, each with its own port and
 * token. Marie decides by keyboard; Jan's window shows it within two seconds without reloading
 * (LISTEN/NOTIFY, then the web host's event stream). A stale decision is refused naming Marie.
 * Stopping the server brings the lost-server banner to both windows; starting it again takes the
 * banner away and decisions are saved again. Every other page of the season opens on the server.
 *
 * A window is made stale deterministically as in working-together.spec.ts: its event stream is
 * refused (every request it makes still reaches its host), and Marie changes the application it
 * shows through her own host's API.
 *
 * The server is this spec's own (test/unit/support/postgres-server.ts, paused and resumed so the
 * test can look at the windows while it is down; never the run's shared one).
 */
test.describe.configure({ mode: 'serial' });

const CLI = join('dist', 'node', 'cli.cjs');
const WEB_HOST = join('dist', 'node', 'web-host.cjs');
const PASSWORDS = { marie: 'marie-e2e-secret', jan: 'jan-e2e-secret', office_admin: 'admin-e2e-secret' } as const;

interface Detail {
  ref: number;
  raw: Record<string, string>;
  state: { stage: string; assignee: string | null };
  version: number;
}

/** The spec's PostgreSQL (its own: stopped and started, never the run's shared one), as each login reaches it. */
interface OfficeServer {
  url(login?: keyof typeof PASSWORDS): string;
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

async function startOfficeServer(): Promise<OfficeServer> {
  const server = await startTestServer({ own: true });
  return {
    url(login) {
      if (!login) return server.url;
      const url = new URL(server.url);
      url.username = login;
      url.password = PASSWORDS[login];
      return url.href;
    },
    pause: () => server.pause(),
    resume: () => server.resume(),
    stop: () => server.stop(),
  };
}

function cohort(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A workstation: the web host on the server as one officer, on its own port with its own token. */
interface Workstation {
  login: string;
  url: string;
  token: string;
  process: ChildProcess;
  dataDir: string;
}

async function startWorkstation(server: OfficeServer, login: 'marie' | 'jan'): Promise<Workstation> {
  const dataDir = mkdtempSync(join(tmpdir(), `cohort-e2e-${login}-`));
  const token = `team-mode-${login}-token-not-secret-0123456789`;
  const child = spawn(process.execPath, [WEB_HOST, '--port', '0', '--db', server.url(login), '--data-dir', dataDir, '--token', token], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the web host as ${login} did not start: ${out}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the web host as ${login} stopped (${code}): ${out}`));
    });
  });
  return { login, url, token, process: child, dataDir };
}

async function stopWorkstation(station: Workstation): Promise<void> {
  if (station.process.exitCode === null && station.process.signalCode === null) {
    const exited = new Promise((resolve) => station.process.once('exit', resolve));
    station.process.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (station.process.exitCode === null && station.process.signalCode === null) station.process.kill('SIGKILL');
  }
  rmSync(station.dataDir, { recursive: true, force: true });
}

/** Calls the services of a workstation's host, as its page does (to arrange a test or read the truth). */
async function call<T>(request: APIRequestContext, station: Workstation, method: string, input: unknown): Promise<T> {
  const response = await request.post(`${station.url}/api/invoke`, { headers: { Authorization: `Bearer ${station.token}` }, data: { method, input } });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function openWindow(context: BrowserContext, station: Workstation, options: { offTheFeed?: boolean } = {}): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // Cut off the change feed: this window hears of no change (see above).
  if (options.offTheFeed) await page.route('**/api/events**', (route) => route.abort());
  await page.goto(`${station.url}/#token=${station.token}`);
  return page;
}

/** The application the detail pane shows, once its details have loaded. */
async function shownRef(page: Page): Promise<number> {
  const pane = page.getByTestId('triage-detail');
  await expect(pane).toHaveAttribute('data-ref', /\d+/);
  return Number(await pane.getAttribute('data-ref'));
}

/** The OPS queue, every stage (a decided application stays in its place). */
async function openQueue(page: Page, divisions = 'Divisions'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: divisions, exact: true }).click();
  await page.getByTestId('queue-OPS').click();
  await expect(page.getByRole('heading', { name: 'OPS', level: 2 })).toBeVisible();
  await page.getByRole('tablist').getByRole('tab').last().click();
}

let office: OfficeServer | undefined;
let marie: Workstation | undefined;
let jan: Workstation | undefined;
let laptopDir: string | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  office = await startOfficeServer();
  // IT sets the server up and gives each officer a login; an administrator copies the laptop's campaign over.
  cohort(['server', 'init', '--url', office.url()]);
  for (const login of ['marie', 'jan'] as const) cohort(['server', 'add-officer', login, '--url', office.url()], { COHORT_NEW_PASSWORD: PASSWORDS[login] });
  cohort(['server', 'add-officer', 'office_admin', '--admin', '--url', office.url()], { COHORT_NEW_PASSWORD: PASSWORDS.office_admin });
  laptopDir = mkdtempSync(join(tmpdir(), 'cohort-e2e-laptop-'));
  const laptop = join(laptopDir, 'laptop.sqlite');
  cohort(['demo', '--db', laptop, '--count', '400', '--seed', '14']);
  cohort(['screen', '--db', laptop]);
  cohort(['campaign', 'copy', '--from', laptop, '--to', office.url('office_admin')]);
  marie = await startWorkstation(office, 'marie');
  jan = await startWorkstation(office, 'jan');
});

test.afterAll(async () => {
  for (const station of [marie, jan]) if (station) await stopWorkstation(station);
  await office?.stop();
  if (laptopDir) rmSync(laptopDir, { recursive: true, force: true });
});

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'en-GB', colorScheme: 'light', viewport: { width: 1280, height: 800 } });
}

test('two officers on the office server: a decision seen at once, a stale one refused naming Marie, the lost-server banner; in English and French', async ({ browser, request }) => {
  test.setTimeout(180_000);
  if (!office || !marie || !jan) throw new Error('the office server and its workstations did not start');
  const janHost: Workstation = jan;
  const marieContext = await newContext(browser);
  const janContext = await newContext(browser);
  try {
    // ---- Each window opens on the Overview, as on a file, signed with the officer's login --------
    const m = await openWindow(marieContext, marie);
    await expect(m.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    await expect(m.getByTestId('server-identity')).toHaveText(/^Office server 127\.0\.0\.1:\d+\/postgres · marie$/);
    await openQueue(m);
    await expect(m.getByTestId('officer-login')).toHaveText('marie');
    const j = await openWindow(janContext, jan);
    await openQueue(j);
    const first = await shownRef(m);
    expect(await shownRef(j)).toBe(first);

    // ---- Marie decides by keyboard; Jan's window shows it without reloading --------------------
    await m.getByTestId('triage-grid').focus();
    await m.keyboard.press('s');
    expect(await shownRef(m)).not.toBe(first);
    const janPane = j.getByTestId('triage-detail');
    await expect(janPane.getByText('Proposed for shortlist', { exact: true })).toBeVisible({ timeout: 2_000 });
    await expect(janPane.getByTestId('triage-detail-changed')).toHaveText(/^Last changed by marie, \d/);

    // ---- Jan's second window is off the change feed; Marie changes what it shows ----------------
    const stale = await openWindow(janContext, jan, { offTheFeed: true });
    await openQueue(stale);
    expect(await shownRef(stale)).toBe(first);
    const before = await call<Detail>(request, marie, 'triage.detail', { ref: first });
    await call(request, marie, 'triage.decide', { refs: [first], assignee: 'marie' });
    await expect(janPane.getByText('Assigned to marie', { exact: true }).first()).toBeVisible({ timeout: 2_000 });
    await expect(stale.getByTestId('triage-detail').getByText('Not assigned', { exact: true })).toBeVisible();

    await stale.getByTestId('triage-grid').focus();
    await stale.keyboard.press('i');
    const refusal = stale.getByText(`${before.raw.applicationId} was changed by marie on`);
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText('Nothing was changed: its new state is now shown.');
    await expect(stale.getByTestId('triage-detail').getByText('Assigned to marie', { exact: true }).first()).toBeVisible();
    expect((await call<Detail>(request, jan, 'triage.detail', { ref: first })).state).toMatchObject({ stage: 'proposed', assignee: 'marie' });
    await screenshot(stale, 'team-mode-refused-en');

    // ---- The same refusal in French ------------------------------------------------------------
    await stale.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await stale.reload();
    await openQueue(stale);
    expect(await shownRef(stale)).toBe(first);
    await call(request, marie, 'triage.decide', { refs: [first], stage: 'inReview' });
    await stale.getByTestId('triage-grid').focus();
    await stale.keyboard.press('s');
    const refusalFr = stale.getByText(`${before.raw.applicationId} a été modifiée par marie le`);
    await expect(refusalFr).toBeVisible();
    await expect(refusalFr).toContainText('Rien n’a été changé\u00a0: son nouvel état est maintenant affiché.');
    await screenshot(stale, 'team-mode-refused-fr');
    await stale.close();

    // ---- Every part of the season works on the server, for an officer -----------------------------
    const pages: [string, string][] = [
      ['Overview', 'team-mode-overview-en'],
      ['Screening', 'team-mode-screening-en'],
      ['Shortlists', ''],
      ['Notices', ''],
      ['Reports', 'team-mode-reports-en'],
      ['Personal data', ''],
      ['Audit log', ''],
    ];
    for (const [name, shot] of pages) {
      await m.getByRole('navigation').getByRole('link', { name, exact: true }).click();
      await expect(m.getByRole('heading', { name, level: 1 })).toBeVisible();
      // Its data loaded: no error bar, no "not on the server".
      await expect(m.getByRole('progressbar')).toHaveCount(0, { timeout: 15_000 });
      await expect(m.getByText('Something went wrong')).toHaveCount(0);
      await expect(m.getByText('does not work on the office server')).toHaveCount(0);
      if (shot) await screenshot(m, shot);
    }
    // The audit log shows Marie's decisions of a moment ago, under her login.
    await m.getByRole('navigation').getByRole('link', { name: 'Audit log', exact: true }).click();
    await expect(m.getByRole('cell', { name: 'marie', exact: true }).first()).toBeVisible();
    // Jan's window is in French now (the language is the browser's choice, and his stale window chose it).
    await j.reload();
    for (const [name, shot] of [['Présélection', 'team-mode-screening-fr'], ['Notifications', 'team-mode-notices-fr']] as const) {
      await j.getByRole('navigation').getByRole('link', { name, exact: true }).click();
      await expect(j.getByRole('heading', { name, level: 1 })).toBeVisible();
      await expect(j.getByRole('progressbar')).toHaveCount(0, { timeout: 15_000 });
      await expect(j.getByText('Un problème est survenu')).toHaveCount(0);
      await screenshot(j, shot);
    }
    await openQueue(j, 'Divisions');
    // Settings works on the server: the campaign's settings, and which server as whom (no backups: IT's).
    await m.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
    await expect(m.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(m.getByText('Something went wrong')).toHaveCount(0);
    // The page scrolls inside the main area: down to the Database panel.
    await m.getByRole('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    await screenshot(m, 'team-mode-settings-en');
    await openQueue(m);

    // ---- The server stops: both windows say so; it starts again: the banner goes --------------
    await office.pause();
    const banner = m.getByTestId('server-lost');
    await expect(banner).toBeVisible({ timeout: 10_000 });
    await expect(banner).toContainText('The office server cannot be reached.');
    await expect(banner).toContainText('Cohort keeps trying; what you see may be out of date; a decision made meanwhile is refused and not saved: make it again once the server is back.');
    // A decision made meanwhile is refused in words, and not saved.
    const pending = await shownRef(m);
    await m.getByTestId('triage-grid').focus();
    await m.keyboard.press('x');
    await expect(m.getByRole('dialog')).toBeVisible();
    await m.keyboard.press('Enter');
    await expect(m.getByText(/Cohort cannot reach the office server/).first()).toBeVisible({ timeout: 10_000 });
    await screenshot(m, 'team-mode-server-lost-en');
    const janBanner = j.getByTestId('server-lost');
    await expect(janBanner).toContainText('Le serveur du bureau est injoignable.', { timeout: 10_000 });
    await screenshot(j, 'team-mode-server-lost-fr');

    await office.resume();
    await expect(banner).toBeHidden({ timeout: 15_000 });
    await expect(janBanner).toBeHidden({ timeout: 15_000 });
    // Nothing of the refused decision was saved; decisions are saved again.
    const afterRestart = await call<Detail>(request, jan, 'triage.detail', { ref: pending });
    expect(afterRestart.state.stage).not.toBe('notRetained');
    await m.getByTestId('triage-grid').locator(`[data-ref="${pending}"]`).click();
    await expect(m.getByTestId('triage-detail')).toHaveAttribute('data-ref', String(pending));
    await m.getByTestId('triage-grid').focus();
    await m.keyboard.press('i');
    await expect.poll(async () => (await call<Detail>(request, janHost, 'triage.detail', { ref: pending })).state.stage, { timeout: 10_000 }).toBe('inReview');
  } finally {
    await marieContext.close();
    await janContext.close();
  }
});
