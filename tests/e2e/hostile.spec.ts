// A hostile reader: one test per attack, each on a snippet that prints a marker
// first, so a pass means the attack ran and failed. The snippets are in
// tests/support/hostile-fixture.ts, served on a fixture page made from a built chapter page
// like the runner's. A local listener stands in for "the network": it must hear nothing.
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import { encodeShared } from '../../src/runner/page/share-link';
import { HOSTILE_PATH, hostileSnippets } from '../support/hostile-fixture';
import { fixtureTest, refusedByPolicy } from './fixture-test';

/** Every request (and upgrade) the listener saw. */
const heard: string[] = [];
let listener: Server;
let listenerUrl = '';

base.beforeAll(async () => {
  listener = createServer((req, res) => {
    heard.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/javascript' }).end('postMessage("REACHED")');
  });
  listener.on('upgrade', (req, socket) => {
    heard.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
  listenerUrl = `http://127.0.0.1:${(listener.address() as { port: number }).port}`;
});
base.afterAll(() => listener.close());

const test = fixtureTest({
  path: HOSTILE_PATH,
  snippets: () => hostileSnippets(listenerUrl),
  // A refusal by the page's own policy fails a test; refusals inside the sandbox are
  // the attacks failing, as they should.
  problem: (m) => {
    const where = m.location().url;
    const inSandbox = /runner\/sandbox\.html|^blob:|^$/.test(where);
    if (m.type() !== 'error' || inSandbox || !refusedByPolicy(m)) return undefined;
    return `${m.text()} (${where})`;
  },
  // Chromium announces some requests before its policy refuses them, so what counts is
  // a request that finished (and the listener, which must hear nothing).
  watch: (page, problems) =>
    page.on('requestfinished', (r) => {
      if (listenerUrl && r.url().startsWith(listenerUrl)) problems.push(`request to the listener: ${r.url()}`);
    }),
  what: 'no page errors, crashes, dialogs or requests to the listener',
});

const snip = (page: Page, key: string) => page.locator(`#snippet-${key}`);
const btn = (s: Locator, name: 'Run' | 'Stop' | 'Edit') => s.getByRole('button', { name, exact: true });
const log = (s: Locator) => s.getByRole('log');

async function open(page: Page, hash = '') {
  await page.goto(HOSTILE_PATH + hash);
  await page.waitForFunction(() => !!customElements.get('lernmi-snippet'));
}

/** Starts recording the longest gap between two painted frames. */
async function watchFrames(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __gap: { max: number; last: number } };
    w.__gap = { max: 0, last: performance.now() };
    const tick = (t: number) => {
      w.__gap.max = Math.max(w.__gap.max, t - w.__gap.last);
      w.__gap.last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
const longestFrameGap = (page: Page) => page.evaluate(() => (window as unknown as { __gap: { max: number } }).__gap.max);

/** Does the main thread paint a frame within `ms`? (page.evaluate alone would hang.) */
async function alive(page: Page, ms = 200): Promise<boolean> {
  return Promise.race([
    page.evaluate(() => new Promise<boolean>((r) => requestAnimationFrame(() => r(true)))),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]);
}

test('network: every channel fails, however it is reached, and the listener hears nothing', async ({ page }) => {
  heard.length = 0;
  await open(page);
  const s = snip(page, 'network');
  await btn(s, 'Run').click();
  await expect(log(s)).toContainText('ATTACK network ran');
  await expect(log(s)).toContainText('ATTACK network done', { timeout: 20_000 });
  await expect(log(s)).toContainText(/Done in/);
  const text = await log(s).innerText();
  for (const name of ['fetch via prototype', 'fetch via Function', 'import() via Function', 'import() via eval', 'importScripts via prototype', 'FontFace', 'a worker from the listener']) {
    expect(text, name).toContain(`${name}: failed`);
  }
  // The snippet's own worker still has XMLHttpRequest, WebSocket, EventSource and fetch.
  for (const name of ['fetch', 'importScripts', 'XMLHttpRequest', 'WebSocket', 'EventSource']) expect(text, name).toContain(`nested ${name} failed`);
  expect(text).toContain('a nested blob worker: returned');
  expect(text).not.toContain('REACHED');
  await page.waitForTimeout(500); // anything late would arrive now
  expect(heard).toEqual([]);
});

test('storage: indexedDB, caches, OPFS, storage buckets, localStorage and cookies are out of reach; the page’s storage is untouched', async ({ page }) => {
  await open(page);
  await page.evaluate(() => localStorage.setItem('lernmi-canary', 'kept'));
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const s = snip(page, 'storage');
  await btn(s, 'Run').click();
  await expect(log(s)).toContainText('ATTACK storage ran');
  await expect(log(s)).toContainText('ATTACK storage done');
  const text = await log(s).innerText();
  for (const name of ['indexedDB', 'caches', 'OPFS', 'storage buckets', 'localStorage', 'cookies', 'cookieStore']) expect(text, name).toContain(`${name}: failed`);
  expect(text).not.toContain('WRITTEN');
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
  const site = await page.evaluate(async () => ({
    idb: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    opfs: await (async () => {
      const names: string[] = [];
      for await (const k of (await navigator.storage.getDirectory() as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(k);
      return names;
    })(),
    cookie: document.cookie,
  }));
  expect(site.idb).not.toContain('lernmi-evil');
  expect(site.caches).not.toContain('lernmi-evil');
  expect(site.opfs).not.toContain('lernmi-evil');
  expect(site.cookie).not.toContain('lernmi-evil');
});

test('forged, malformed and stale messages: dropped with one notice; the run ends only when the code ends; Run comes back', async ({ page }) => {
  await open(page);
  const s = snip(page, 'forged');
  await btn(s, 'Run').click();
  await expect(log(s)).toContainText('ATTACK forged ran');
  await expect(log(s)).toContainText('postMessage: failed');
  await expect(log(s)).toContainText('port patched');
  // A forged "done" would have ended the run here; it goes on until the code ends.
  await expect(log(s)).toContainText('still running after the forgeries');
  await expect(log(s).locator('.status-ok')).toContainText(/Done in/);
  await expect(log(s).locator('.malformed')).toHaveCount(1);
  await expect(log(s)).toContainText('Dropped malformed output');
  await expect(log(s)).not.toContainText('smuggled');
  await expect(log(s)).not.toContainText('bogus');
  await expect(log(s).locator('.status-ok')).toHaveCount(1);
  await expect(btn(s, 'Run')).toBeVisible();
  // And the snippet stays usable: a second run does the same, cleanly.
  await btn(s, 'Run').click();
  await expect(log(s)).toContainText('still running after the forgeries');
  await expect(log(s).locator('.malformed')).toHaveCount(1);
});

test('byte flood: capped in characters with the cap named, and no frame gap over 500 ms', async ({ page }) => {
  await open(page);
  const s = snip(page, 'flood');
  await watchFrames(page);
  await btn(s, 'Run').click();
  await expect(log(s)).toContainText('ATTACK flood ran');
  await expect(log(s)).toContainText(/capped at 200,000 characters/, { timeout: 20_000 });
  const chars = await log(s).evaluate((el) => el.textContent!.length);
  expect(chars).toBeLessThan(200_000 + 2_000);
  expect(await longestFrameGap(page)).toBeLessThan(500);
  expect(await alive(page)).toBe(true);
});

test('render bombs: a 1 MB title and label are cut, a 30,000-neuron layer and a million links are summarised, not drawn', async ({ page }) => {
  await open(page);
  const s = snip(page, 'bombs');
  await watchFrames(page);
  await btn(s, 'Run').click();
  await expect(log(s)).toContainText('ATTACK bombs ran');
  await expect(log(s)).toContainText('ATTACK bombs done', { timeout: 15_000 });
  await expect(log(s)).toContainText(/Done in/);
  const caption = await log(s).locator('caption').innerText();
  expect(caption.length).toBeLessThanOrEqual(200);
  expect(caption.endsWith('…')).toBe(true);
  expect((await log(s).locator('td').last().innerText()).length).toBeLessThanOrEqual(200);
  await expect(log(s)).toContainText(/network 2-30000-1, 3 layers, 30,003 neurons, 0 links: too large to draw/);
  await expect(log(s)).toContainText(/a million links: network 3-3, 2 layers, 6 neurons, 1,000,000 links: too large to draw/);
  expect(await log(s).locator('circle').count()).toBe(0);
  expect(await log(s).evaluate((el) => el.textContent!.length)).toBeLessThan(20_000);
  expect(await longestFrameGap(page)).toBeLessThan(500);
});

test('share-link bomb: refused with a notice, under 300 MB of heap, no freeze', async ({ page }) => {
  // 60 million characters squeezed into about 78,000: what lz-string would have decoded whole.
  const bomb = 'd.' + deflateRawSync(Buffer.alloc(60_000_000, 97), { level: 9 }).toString('base64url');
  await page.addInitScript(() => {
    const w = window as unknown as { __gap: { max: number; last: number } };
    w.__gap = { max: 0, last: performance.now() };
    const tick = (t: number) => {
      w.__gap.max = Math.max(w.__gap.max, t - w.__gap.last);
      w.__gap.last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await open(page, `#share-network=${bomb}`);
  const s = snip(page, 'network');
  await expect(s.locator('.snippet-notice')).toContainText(/too long \(over 100,000 characters\)/);
  await expect(s.locator('.snippet-code')).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  expect(usedSize).toBeLessThan(300e6);
  expect(await longestFrameGap(page)).toBeLessThan(500);
  // Nothing ran: no runner frame was even made.
  await expect(page.locator('iframe[sandbox]')).toHaveCount(0);
});

test('a link over an open editor asks; the reader’s own code stays saved and comes back', async ({ page }) => {
  await open(page);
  const s = snip(page, 'microtasks');
  await btn(s, 'Edit').click();
  const editor = s.getByRole('textbox', { name: /Code editor/ });
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('console.log("MY OWN CODE");');
  await page.waitForTimeout(400); // saved
  const link = await encodeShared('console.log("ATTACK link ran");');
  await page.evaluate((h) => (location.hash = h), `#share-microtasks=${link}`);
  const notice = s.locator('.snippet-notice');
  await expect(notice).toContainText('A shared link brought other code');
  await expect(editor).toContainText('MY OWN CODE'); // not replaced while the reader decides
  await notice.getByRole('button', { name: 'Keep my code' }).click();
  await expect(editor).toContainText('MY OWN CODE');
  await expect(notice).toContainText('Kept your code');
  // Again, and this time open it: marked shared, own code kept and restorable.
  await page.evaluate(() => (location.hash = ''));
  await page.evaluate((h) => (location.hash = h), `#share-microtasks=${link}`);
  await notice.getByRole('button', { name: 'Open the shared code' }).click();
  await expect(editor).toContainText('ATTACK link ran');
  await expect(s.locator('.snippet-badge')).toHaveText(/shared/);
  await btn(s, 'Run').click();
  await expect(log(s)).toContainText('ATTACK link ran');
  await expect(s.locator('.snippet-badge')).toHaveText(/shared/); // still marked after running
  await page.reload();
  await page.waitForFunction(() => !!customElements.get('lernmi-snippet'));
  // After a reload the own code is still the saved one, and the link asks again.
  await expect(s.locator('.snippet-notice')).toContainText('A shared link brought other code');
  await expect(s.locator('.snippet-plain')).toContainText('MY OWN CODE');
  await s.locator('.snippet-notice').getByRole('button', { name: 'Open the shared code' }).click();
  await s.locator('.snippet-notice').getByRole('button', { name: 'Back to my code' }).click();
  await expect(s.locator('.snippet-plain')).toContainText('MY OWN CODE');
  await expect(s.locator('.snippet-badge')).toHaveText('edited');
});

test('a microtask loop that never yields: what it printed stays, the page stays responsive, the time limit ends it', async ({ page }) => {
  await open(page);
  const s = snip(page, 'microtasks');
  await watchFrames(page);
  await btn(s, 'Run').click();
  await expect(log(s)).toContainText('ATTACK microtasks ran');
  await expect(log(s)).toContainText('the last line before the loop');
  for (let i = 0; i < 5; i++) {
    expect(await alive(page, 500)).toBe(true);
    await page.waitForTimeout(100);
  }
  expect(await longestFrameGap(page)).toBeLessThan(500);
  await expect(log(s)).toContainText(/time limit of 2 s/, { timeout: 6_000 });
  await expect(log(s)).toContainText('the last line before the loop');
  await expect(btn(s, 'Run')).toBeVisible();
  // Its frame is gone (at most a fresh spare is warming up), and the next run works.
  await expect.poll(() => page.locator('iframe[sandbox]').count()).toBeLessThanOrEqual(1);
  await btn(s, 'Run').click();
  await expect(log(s)).toContainText('ATTACK microtasks ran');
  await btn(s, 'Stop').click();
});

test('timers after Stop: the snippet’s timers, raw timers and its own worker all fall silent', async ({ page }) => {
  await open(page);
  const s = snip(page, 'timers');
  await btn(s, 'Run').click();
  await expect(log(s)).toContainText('ATTACK timers ran');
  await expect(log(s)).toContainText('nested tick');
  await expect(log(s)).toContainText('raw tick');
  const frame = await page.locator('iframe[sandbox]').first().elementHandle();
  await btn(s, 'Stop').click();
  await expect(log(s)).toContainText('Stopped.');
  const before = await log(s).innerText();
  await page.waitForTimeout(1000);
  expect(await log(s).innerText()).toBe(before);
  expect(await frame!.evaluate((f) => f.isConnected)).toBe(false);
});
