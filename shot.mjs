import { chromium } from '@playwright/test';
const [,, path, selector, out, width = '1280', theme = 'light', run = ''] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: Number(width), height: 900 } });
await p.goto('http://127.0.0.1:4372' + path);
await p.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
const el = p.locator(selector).first();
await el.scrollIntoViewIfNeeded();
if (run) {
  await el.getByRole('button', { name: 'Run', exact: true }).click();
  await p.waitForTimeout(Number(run));
}
await el.screenshot({ path: out });
const sw = await p.evaluate(() => document.documentElement.scrollWidth);
console.log('scrollWidth', sw);
await b.close();
