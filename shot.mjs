import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
await p.goto('http://127.0.0.1:4700/#token=tok-0123456789-0123456789-0123456789-0123');
await p.waitForTimeout(2500);
await p.evaluate(() => { window.location.hash = '#/reports'; });
await p.waitForTimeout(2500);
await p.screenshot({ path: '/tmp/rep1.png', fullPage: true });
await b.close();
