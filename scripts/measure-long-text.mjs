/* global fetch, setTimeout, performance, localStorage, requestAnimationFrame -- the last two run in the page */
// How long the Divisions detail pane takes to show an application whose motivation is very long
// (databases imported before the field limits may hold megabytes), beside a short one as the
// baseline, in Chromium against the web host. Run after `npm run build`:
//   node scripts/measure-long-text.mjs
// Measured 2026-12-03 (2 cores): before the cut, 2,000,000 characters 600–1,100 ms, 100,000 130 ms,
// 1,000 90 ms; with the first 5,000 characters shown and "Show all", each about 90 ms.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';

const TOKEN = 'measure-token-not-secret-but-long-enough-000';
const PORT = Number(process.env.COHORT_MEASURE_PORT ?? 4711);
const WORDS = 'I would like to contribute to the work of the Alliance and learn from its staff. ';

async function measure(length) {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-measure-'));
  const host = spawn(process.execPath, ['dist/node/web-host.cjs', '--port', String(PORT), '--data-dir', dir, '--token', TOKEN], { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: process.env.COHORT_CHROMIUM ?? '/usr/bin/chromium' });
  try {
    const call = async (method, input) => {
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await fetch(`http://127.0.0.1:${PORT}/api/invoke`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
            body: JSON.stringify({ method, input }),
          });
          const json = await res.json();
          if (!json.ok) throw new Error(JSON.stringify(json.error));
          return json.value;
        } catch (error) {
          if (attempt > 50 || !String(error).includes('fetch failed')) throw error;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    const { id } = await call('campaign.create', { name: 'Measure' });
    await call('demo.load', { campaignId: id, count: 200, seed: 1 });
    await call('screening.list', { campaignId: id, tab: 'all', limit: 1 });

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${PORT}/#token=${TOKEN}`);
    await page.evaluate(() => localStorage.setItem('cohort.triage.choice', JSON.stringify({ kind: 'queue', queue: 'all' })));
    await page.goto(`http://127.0.0.1:${PORT}/#/divisions`);
    const target = Number(await page.locator('[role="row"][data-ref]').first().getAttribute('data-ref'));
    const db = new Database(join(dir, 'cohort.sqlite'));
    db.prepare('UPDATE applications SET motivation = ? WHERE id = ?').run(WORDS.repeat(Math.ceil(length / WORDS.length)).slice(0, length), target);
    db.close();
    await call('screening.list', { campaignId: id, tab: 'all', limit: 1 });
    await page.reload();

    const times = [];
    for (let i = 0; i < 5; i++) {
      // Another application first, then the long one: from the click to its motivation drawn.
      await page.locator('[role="row"][data-ref]').nth(3).click();
      await page.waitForTimeout(300);
      const start = performance.now();
      await page.locator(`[role="row"][data-ref="${target}"]`).click();
      await page.getByTestId('triage-motivation').filter({ hasText: 'contribute' }).waitFor();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      times.push(Math.round(performance.now() - start));
    }
    times.sort((a, b) => a - b);
    console.log(`motivation of ${length.toLocaleString('en')} characters: median ${times[2]} ms (${times.join(', ')})`);
  } finally {
    await browser.close();
    host.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const length of [1_000, 100_000, 2_000_000]) await measure(length);
