import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
await p.goto('http://127.0.0.1:4700/#token=tok-0123456789-0123456789-0123456789-0123');
await p.waitForTimeout(2000);
if (process.argv[2] === 'fr') { await p.getByRole('combobox', { name: 'Language' }).click(); await p.getByRole('option', { name: 'Français' }).click(); await p.waitForTimeout(500); }
await p.evaluate(() => { window.location.hash = '#/reports'; });
await p.waitForTimeout(2500);
for (const [i, y] of [[1, 0], [2, 850], [3, 1700], [4, 2550]]) {
  await p.evaluate((y) => { for (const el of document.querySelectorAll('*')) { if (el.scrollHeight > el.clientHeight + 50 && getComputedStyle(el).overflowY !== 'visible') el.scrollTop = y; } }, y);
  await p.waitForTimeout(200);
  await p.screenshot({ path: `/tmp/rep-${process.argv[2] ?? 'en'}-${i}.png` });
}
await b.close();
