// show.training in the page: the curve grows while the worker is still training, ends
// with one point per epoch, keeps what it drew when the reader stops the run, and an
// update for a curve the run never made is dropped with the usual notice. On a
// fixture page made like the runner's (tests/support/runner-fixture.ts).
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { firstChapterPath, fixturePage, type FixtureSnippet } from '../support/runner-fixture';

const PAGE = 'test-fixtures/training/';
const EPOCHS = 1000;

/** About 2 s of training: each epoch waits 2 ms, so the time does not hang on the machine's speed. */
const TRAIN = `import { Network, datasets } from "lernmi";
const net = new Network([2, 3, 1], { activation: "tanh", seed: 1 });
const curve = show.training("Error per epoch");
net.train(datasets.xor(), {
  epochs: ${EPOCHS},
  onEpoch: (r) => {
    const t = performance.now();
    while (performance.now() - t < 2) {}
    curve.onEpoch(r);
  },
});`;

/** A curve of two points: the page's copy of it must not change when a forged update comes. */
const REAL = `const curve = show.training("Real curve");
curve.add(0.3);
curve.add(0.2);`;

const SNIPPETS: FixtureSnippet[] = [
  { key: 'train', title: 'Training, live', code: TRAIN, timeout: 15 },
  { key: 'forge', title: 'A forged update', code: REAL },
];

let html: Promise<string> | undefined;
const test = base.extend<{ fixtureRoute: void }>({
  fixtureRoute: [
    async ({ context, baseURL }, use) => {
      html ??= (async () => {
        const landing = await (await fetch(baseURL!)).text();
        return fixturePage(await (await fetch(new URL(firstChapterPath(landing), baseURL))).text(), SNIPPETS);
      })();
      await context.route(`**/${PAGE}`, async (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: await html! }));
      await use();
    },
    { auto: true },
  ],
});

const snip = (page: Page, key: string) => page.locator(`#snippet-${key}`);
const btn = (s: Locator, name: 'Run' | 'Stop') => s.getByRole('button', { name, exact: true });
const log = (s: Locator) => s.getByRole('log');

/** Points on the drawn curve (one per M or L of its path), or -1 while there is no curve. */
const points = (s: Locator) =>
  log(s).evaluate((l) => {
    const d = l.querySelector('.figure-training path.series')?.getAttribute('d');
    return d === undefined || d === null ? -1 : (d.match(/[ML]/g) ?? []).length;
  });

async function open(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(PAGE);
  await page.waitForFunction(() => !!customElements.get('lernmi-snippet'));
  return errors;
}

test('the curve grows while training runs, and ends with one point per epoch', async ({ page }) => {
  const errors = await open(page);
  const s = snip(page, 'train');
  await btn(s, 'Run').click();
  await expect(log(s).locator('.figure-training')).toHaveCount(1);
  // Sample the curve while the run is still going (Stop is shown until it ends).
  const seen: number[] = [];
  while (await btn(s, 'Stop').isVisible()) {
    seen.push(await points(s));
    await page.waitForTimeout(100);
  }
  const during = seen.filter((n) => n > 0 && n < EPOCHS);
  expect(during.length, `points seen while running: ${seen.join(', ')}`).toBeGreaterThanOrEqual(3);
  expect(new Set(during).size, 'the curve grew between samples').toBeGreaterThanOrEqual(3);
  await expect(log(s).locator('.status-ok')).toHaveCount(1);
  expect(await points(s)).toBe(EPOCHS);
  await expect(log(s).locator('.figure-training')).toHaveAttribute('data-text', /^\[training: Error per epoch · 1,000 epochs · error \S+ → \S+\]$/);
  // one chart, drawn again in place: not one chart per update
  await expect(log(s).locator('.figure-training')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('Stop in the middle of training leaves the points drawn so far', async ({ page }) => {
  await open(page);
  const s = snip(page, 'train');
  await btn(s, 'Run').click();
  await expect.poll(() => points(s), { timeout: 10_000 }).toBeGreaterThan(50);
  await btn(s, 'Stop').click();
  await expect(log(s)).toContainText('Stopped.');
  const left = await points(s);
  expect(left).toBeGreaterThan(50);
  expect(left).toBeLessThan(EPOCHS);
  await page.waitForTimeout(300);
  expect(await points(s)).toBe(left);
});

test('an update for a curve the run never made is dropped with the usual notice', async ({ page }) => {
  // Reader code cannot reach the runner's port (it is bound before the snippet runs), so the
  // forgery is made where a compromised worker's message would arrive: the page's own port.
  // After the real curve's entry, the page also receives an update for curve 99.
  await page.addInitScript(() => {
    const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage')!;
    Object.defineProperty(MessagePort.prototype, 'onmessage', {
      ...onmessage,
      set(this: MessagePort, handler: ((ev: MessageEvent) => void) | null) {
        onmessage.set!.call(this, handler && ((ev: MessageEvent) => {
          handler.call(this, ev);
          const m = ev.data;
          if (m?.type === 'output' && m.entries?.[0]?.kind === 'training') {
            const u = { kind: 'trainingPoints', live: 99, series: ['error'], count: 1, x: [1], y: [[0.5]], last: [0.5] };
            handler.call(this, new MessageEvent('message', { data: { type: 'output', id: m.id, entries: [u] } }));
          }
        }));
      },
    });
  });
  const errors = await open(page);
  const s = snip(page, 'forge');
  await btn(s, 'Run').click();
  await expect(log(s).locator('.status-ok')).toHaveCount(1);
  await expect(log(s).locator('.malformed')).toHaveCount(1);
  await expect(log(s)).toContainText('Dropped malformed output');
  // the real curve is untouched by the forgery
  await expect(log(s).locator('.figure-training')).toHaveAttribute('data-text', '[training: Real curve · 2 epochs · error 0.3 → 0.2]');
  expect(await points(s)).toBe(2);
  expect(errors).toEqual([]);
});

test('without the forgery, the same run has no notice', async ({ page }) => {
  await open(page);
  const s = snip(page, 'forge');
  await btn(s, 'Run').click();
  await expect(log(s).locator('.status-ok')).toHaveCount(1);
  await expect(log(s).locator('.figure-training')).toHaveAttribute('data-text', '[training: Real curve · 2 epochs · error 0.3 → 0.2]');
  await expect(log(s).locator('.malformed')).toHaveCount(0);
});
