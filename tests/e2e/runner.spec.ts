// The runner's fault tests: each fault from DESIGN §4, provoked on a fixture page that
// the test setup serves (tests/support/runner-fixture.ts: a built chapter page with its
// snippets swapped for misbehaving ones; nothing of it is in dist/), plus one test that
// runs every snippet on every chapter page and compares what it shows with the chapter's
// expected output. Every test fails on a page error, a crash or a dialog.
import { expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { gzipSync } from 'node:zlib';
import { data as tableKind } from '../../src/runner/kinds/table';
import { encodeShared } from '../../src/runner/page/share-link';
import { MAX_SNIPPET_LINE } from '../support/line-length';
import { FIXTURE_CHAPTER, FIXTURE_PATH, firstChapterPath } from '../support/runner-fixture';
import { fixtureTest, refusedByPolicy } from './fixture-test';


const PAGE = FIXTURE_PATH;

const test = fixtureTest({
  path: PAGE,
  problem: (m) => (m.type() === 'error' ? refusedByPolicy(m) : undefined),
});

const snip = (page: Page, key: string) => page.locator(`#snippet-${key}`);
const btn = (s: Locator, name: 'Run' | 'Stop' | 'Edit' | 'Reset' | 'Copy link') => s.getByRole('button', { name, exact: true });
const log = (s: Locator) => s.getByRole('log');

/** Does the main thread paint a frame within `ms`? (page.evaluate alone would hang.) */
async function alive(page: Page, ms = 200): Promise<boolean> {
  return Promise.race([
    page.evaluate(() => new Promise<boolean>((r) => requestAnimationFrame(() => r(true)))),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]);
}

/** Opens the editor (waits until it has focus) and replaces the code by typing. */
async function typeCode(page: Page, s: Locator, code: string) {
  const editor = s.getByRole('textbox', { name: /Code editor/ });
  if ((await btn(s, 'Edit').getAttribute('aria-pressed')) === 'true') await editor.focus();
  else await btn(s, 'Edit').click();
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(code);
}

async function open(page: Page, hash = '') {
  await page.goto(PAGE + hash);
  await page.waitForFunction(() => !!customElements.get('lernmi-snippet'));
}

test.describe('reading', () => {
  test('each snippet is a captioned figure with Run, Edit, Reset and an output log', async ({ page }) => {
    await open(page);
    const s = snip(page, 'hello');
    await expect(s.getByRole('figure', { name: 'Hello' })).toBeVisible();
    for (const name of ['Run', 'Edit', 'Reset', 'Copy link'] as const) await expect(btn(s, name)).toBeVisible();
    await expect(btn(s, 'Stop')).toBeHidden();
    await expect(s.locator('[role=log]')).toHaveCount(1);
    await expect(s.locator('pre.astro-code').first()).toContainText('console.log("hello", 1 + 1);');
  });

  test('the page loads neither the runner nor the editor before interaction', async ({ page }) => {
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await open(page);
    await page.waitForLoadState('networkidle');
    expect(urls.filter((u) => /worker|editor|session|sandbox/.test(u))).toEqual([]);
  });
});

test.describe('running', () => {
  test('Run prints output and says how long it took', async ({ page }) => {
    await open(page);
    const s = snip(page, 'hello');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('hello 2');
    await expect(log(s)).toContainText(/Done in [\d.]+ ms/);
  });

  test('show() draws a table, a plot and a network; a Network prints its shape', async ({ page }) => {
    await open(page);
    const s = snip(page, 'show');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText(/Done in/);
    await expect(log(s).locator('table')).toHaveCount(1);
    await expect(log(s).locator('table')).toContainText('epoch');
    await expect(log(s).locator('.figure-plot svg path.series')).toHaveCount(1);
    await expect(log(s).locator('.figure-network svg line.link')).toHaveCount(13);
    expect(await log(s).locator('.figure-network line.link.pos, .figure-network line.link.neg').count()).toBeGreaterThan(0);
    await expect(log(s)).toContainText('Network(2-3-1, tanh, trainingRate=0.1, seed=7, 13 links)');
  });

  test('show.heatmap, show.activation and show.errorCurve draw their figures, with text of 12 px or more', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await open(page);
    const s = snip(page, 'hello');
    await typeCode(page, s, 'import { Network, datasets } from "lernmi";\nconst net = new Network([2, 2, 1], { seed: 1 });\nshow.heatmap(net, { samples: datasets.xor(), resolution: 10 });\nshow.activation("tanh", { at: 2 });\nshow.errorCurve(net, 0, [1, 0], [1]);');
    await btn(s, 'Run').click();
    await expect(log(s).locator('.status-ok')).toHaveCount(1);
    await expect(log(s).locator('.figure-heatmap svg .heat-cells rect')).toHaveCount(100);
    await expect(log(s).locator('.figure-heatmap svg circle.heat-point')).toHaveCount(4);
    await expect(log(s).locator('.figure-activation svg path.series')).toHaveCount(2);
    await expect(log(s).locator('.figure-activation svg circle.marker-dot')).toHaveCount(2);
    await expect(log(s).locator('.figure-plot svg line.tangent')).toHaveCount(1);
    // each figure carries its text alternative and an SVG <title>
    for (const kind of ['heatmap', 'activation', 'errorCurve']) {
      const fig = log(s).locator(`[data-kind="${kind}"]`);
      await expect(fig).toHaveAttribute('data-text', /^\[/);
      await expect(fig.locator('svg > title')).toHaveCount(1);
    }
    // drawn at the width they are shown at: tick and label text is at least 12 CSS px
    const sizes = await log(s).locator('svg text').evaluateAll((ts) =>
      ts.map((t) => {
        const root = (t as SVGTextElement).ownerSVGElement!;
        return parseFloat(getComputedStyle(t).fontSize) * (root.getBoundingClientRect().width / root.viewBox.baseVal.width);
      }),
    );
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11.9);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });

  test('in the built (minified) site, a Neuron, a layer, a Link and a Network print as themselves', async ({ page }) => {
    await open(page);
    const s = snip(page, 'print');
    await btn(s, 'Run').click();
    await expect(log(s).locator('.status-ok')).toHaveCount(1);
    const lines = (await shownText(s)).split('\n');
    expect(lines[0]).toBe('Neuron(h1[0], tanh, value=0, sensitivity=0)');
    expect(lines[1]).toBe('[Neuron(h1[0], tanh, value=0, sensitivity=0), Neuron(h1[1], tanh, value=0, sensitivity=0), Neuron(h1[2], tanh, value=0, sensitivity=0)]');
    expect(lines[2]).toMatch(/^Link\(in\[0\] → h1\[0\], weight=-?[\d.]+\)$/);
    expect(lines[3]).toBe('Network(2-3-1, tanh, trainingRate=0.1, seed=7, 13 links)');
    expect(lines[4]).toBe('Neuron(y, sigmoid, value=0, sensitivity=0)');
  });

  test('HTML in output is shown as text', async ({ page }) => {
    await open(page);
    const s = snip(page, 'html');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('<img src=x onerror=alert(1)>');
    await expect(log(s)).toContainText('<b>not bold</b>');
    await expect(log(s).locator('img, b')).toHaveCount(0);
  });
});

test.describe('faults', () => {
  test('an endless loop: the page stays responsive, Stop shows, the time limit stops it and ends the worker, the next Run works', async ({ page }) => {
    await open(page);
    const s = snip(page, 'loop');
    const workers: { closed: boolean }[] = [];
    page.on('worker', (w) => {
      const rec = { closed: false };
      workers.push(rec);
      w.on('close', () => (rec.closed = true));
    });
    const t0 = Date.now();
    await btn(s, 'Run').click();
    await expect(btn(s, 'Stop')).toBeVisible();
    await expect(log(s)).toBeVisible();
    await page.waitForTimeout(1000);
    for (let i = 0; i < 5; i++) {
      expect(await alive(page), 'a frame within 200 ms while the snippet spins').toBe(true);
      await page.waitForTimeout(200);
    }
    await expect(btn(s, 'Stop')).toBeEnabled();
    await expect(log(s)).toContainText(/Stopped: time limit of 5 s/, { timeout: 9_000 });
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeLessThan(5000 + 2500);
    await expect(s.getByRole('status')).toContainText('Stopped: time limit');
    await expect.poll(() => workers.some((w) => w.closed), { message: 'the spinning worker was terminated' }).toBe(true);
    await expect(btn(s, 'Run')).toBeVisible();
    const hello = snip(page, 'hello');
    await btn(hello, 'Run').click();
    await expect(log(hello)).toContainText('hello 2');
  });

  test('a snippet’s own time limit (timeout=1) is kept', async ({ page }) => {
    await open(page);
    const s = snip(page, 'short');
    const t0 = Date.now();
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('Stopped: time limit of 1 s', { timeout: 4000 });
    expect(Date.now() - t0).toBeLessThan(2500);
  });

  for (const delay of [0, 150, 1500]) {
    test(`Stop works at any moment (after ${delay} ms)`, async ({ page }) => {
      await open(page);
      const s = snip(page, 'loop');
      await btn(s, 'Run').click();
      if (delay) await page.waitForTimeout(delay);
      await btn(s, 'Stop').click();
      await expect(log(s)).toContainText('Stopped.');
      await expect(btn(s, 'Run')).toBeVisible();
      expect(await alive(page)).toBe(true);
      await btn(s, 'Run').click();
      await page.waitForTimeout(300);
      await btn(s, 'Stop').click();
      await expect(btn(s, 'Run')).toBeVisible();
      const hello = snip(page, 'hello');
      await btn(hello, 'Run').click();
      await expect(log(hello)).toContainText('hello 2');
    });
  }

  test('deep recursion reports a stack overflow with its line', async ({ page }) => {
    await open(page);
    const s = snip(page, 'recursion');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText(/RangeError: Maximum call stack size exceeded.*\(line [12], column \d+\)/);
    expect(await alive(page)).toBe(true);
  });

  test('a syntax error shows line and column of the reader’s code and nothing runs', async ({ page }) => {
    await open(page);
    const s = snip(page, 'syntax');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText(/Did not run: SyntaxError: Unexpected token \(line 3, column 15\)/);
  });

  test('a runtime error shows the line and column where it was thrown', async ({ page }) => {
    await open(page);
    const s = snip(page, 'runtime');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText(/TypeError: Cannot read properties of undefined \(reading 'weight'\) \(line 7, column 21\)/);
    await expect(s.locator('.snippet-code .line').nth(6)).toHaveClass(/error-line/);
    await expect(s.locator('.error-line')).toHaveCount(1);
    // With the editor open, the editor underlines it too.
    await btn(s, 'Edit').click();
    await btn(s, 'Run').click();
    await expect(s.locator('.cm-lintRange-error')).toHaveCount(1);
    await expect(s.locator('.cm-lintRange-error')).toHaveText('weight);');
  });

  test('a rejected promise nobody awaited is reported, not lost', async ({ page }) => {
    await open(page);
    const s = snip(page, 'hello');
    await typeCode(page, s, 'async function fail() { throw new Error("nobody waited"); } fail(); console.log("after");');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('after');
    await expect(log(s).locator('.status-error')).toContainText('Error: nobody waited');
  });

  test('timers from a stopped run print nothing', async ({ page }) => {
    await open(page);
    const s = snip(page, 'timers');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('tick 2');
    await btn(s, 'Stop').click();
    await expect(log(s)).toContainText('Stopped.');
    const before = await log(s).innerText();
    await page.waitForTimeout(700);
    expect(await log(s).innerText()).toBe(before);
    // And a new run starts clean: the old interval does not join in.
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('tick 1');
    await btn(s, 'Stop').click();
    const text = await log(s).innerText();
    expect(text.match(/tick 0/g)?.length).toBe(1);
    expect(text).not.toContain('tick 9');
  });

  test('a flood of output is capped, with a count of what was dropped, in at most 20 flushes a second', async ({ page }) => {
    await open(page);
    const s = snip(page, 'flood');
    await page.evaluate(() => {
      const w = window as unknown as { __flushes: number[] };
      w.__flushes = [];
      const target = document.querySelector('#snippet-flood [role=log]')!;
      new MutationObserver(() => w.__flushes.push(performance.now())).observe(target, { childList: true });
    });
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText(/more lines not shown/, { timeout: 15_000 });
    const lines = await log(s).locator('.line').count();
    expect(lines).toBeLessThanOrEqual(1000 + 3);
    await expect(log(s)).toContainText('line 999');
    await expect(log(s)).not.toContainText('line 1000\n');
    await expect(log(s)).toContainText(/999,000 more lines not shown/);
    const flushes = await page.evaluate(() => (window as unknown as { __flushes: number[] }).__flushes);
    const span = (flushes.at(-1)! - flushes[0]!) / 1000;
    // every mutation batch after the first, per second of output (plus the final status line)
    expect(flushes.length - 2).toBeLessThanOrEqual(Math.ceil(span * 20) + 1);
    expect(await alive(page)).toBe(true);
  });

  test('training that diverges shows the engine’s message', async ({ page }) => {
    await open(page);
    const s = snip(page, 'nan');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText(/diverged .*try a smaller trainingRate/);
    await expect(log(s)).not.toContainText('never printed');
  });

  test('at most two runs at once; the third waits its turn', async ({ page }) => {
    await open(page);
    await btn(snip(page, 'loop'), 'Run').click();
    await btn(snip(page, 'spin2'), 'Run').click();
    const hello = snip(page, 'hello');
    await btn(hello, 'Run').click();
    await page.waitForTimeout(1200);
    await expect(log(hello)).not.toContainText('hello 2');
    expect(page.workers().length).toBeLessThanOrEqual(2);
    await btn(snip(page, 'loop'), 'Stop').click();
    await expect(log(hello)).toContainText('hello 2');
    await btn(snip(page, 'spin2'), 'Stop').click();
  });
});

test.describe('editing and keeping edits', () => {
  test('Edit opens a labelled editor with completion; Ctrl+Enter runs the edited code', async ({ page }) => {
    await open(page);
    const s = snip(page, 'hello');
    await btn(s, 'Edit').click();
    const editor = s.getByRole('textbox', { name: /Code editor: Hello/ });
    await expect(editor).toBeVisible();
    await expect(editor).toBeFocused();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Netw');
    await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('Network');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('console.log("edited");');
    await page.keyboard.press('Control+Enter');
    await expect(log(s)).toContainText('edited');
    await expect(s.locator('.snippet-badge')).toHaveText('edited');
  });

  test('edits survive a reload; Reset restores the original', async ({ page }) => {
    await open(page);
    const s = snip(page, 'hello');
    await typeCode(page, s, 'console.log("kept");');
    await page.waitForTimeout(500);
    await page.reload();
    await page.waitForFunction(() => !!customElements.get('lernmi-snippet'));
    await expect(s.locator('.snippet-plain')).toContainText('console.log("kept");');
    await expect(s.locator('.snippet-badge')).toHaveText('edited');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('kept');
    await btn(s, 'Reset').click();
    await expect(s.locator('.snippet-code')).toBeVisible();
    await expect(s.locator('.snippet-plain')).toBeHidden();
    await page.reload();
    await expect(s.locator('.snippet-code')).toBeVisible();
    await expect(s.locator('.snippet-badge')).toBeHidden();
  });

  test('an edit saved for a different version of the snippet is not revived', async ({ page }) => {
    await open(page);
    await page.evaluate((chapter) => localStorage.setItem(`lernmi:snippet:${chapter}:hello:0000`, JSON.stringify({ code: 'console.log("stale")', t: Date.now() })), FIXTURE_CHAPTER);
    await page.reload();
    await expect(snip(page, 'hello').locator('.snippet-code')).toBeVisible();
    await expect(snip(page, 'hello')).not.toContainText('stale');
  });

  test('two tabs: the newer edit wins', async ({ page, context }) => {
    await open(page);
    const other = await context.newPage();
    await other.goto(PAGE);
    await other.waitForFunction(() => !!customElements.get('lernmi-snippet'));
    const s = snip(page, 'hello');
    await typeCode(page, s, 'console.log("from tab one");');
    await expect(snip(other, 'hello').locator('.snippet-plain')).toContainText('from tab one', { timeout: 5000 });
    await expect(snip(other, 'hello')).toContainText('newer edit from another tab');
    await other.close();
  });

  test('storage disabled: editing and running still work, with a notice', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    });
    await open(page);
    const s = snip(page, 'hello');
    await typeCode(page, s, 'console.log("no storage");');
    await expect(s.locator('.snippet-notice')).toContainText('cannot be saved');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('no storage');
  });

  test('storage full: editing and running still work, with a notice', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await open(page);
    const s = snip(page, 'hello');
    await typeCode(page, s, 'console.log("storage full");');
    await expect(s.locator('.snippet-notice')).toContainText('cannot be saved');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('storage full');
  });

  test('a tab closed mid-run does not run again on load', async ({ page }) => {
    await open(page);
    const s = snip(page, 'timers');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('tick 0');
    await page.reload(); // closes the page mid-run
    await page.waitForFunction(() => !!customElements.get('lernmi-snippet'));
    await expect(s.locator('.snippet-notice')).toContainText('still running when the page was last closed');
    await page.waitForTimeout(500);
    await expect(log(s)).toBeHidden();
    expect(page.workers()).toHaveLength(0);
  });
});

test.describe('share links', () => {
  test('Copy link puts the code in the URL; opening it shows the code as shared and runs nothing until Run', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page);
    const s = snip(page, 'hello');
    await typeCode(page, s, 'console.log("<img src=x onerror=alert(1)>", 6 * 7);');
    await btn(s, 'Copy link').click();
    await expect(s.getByRole('status')).toContainText(/Link copied|address bar/);
    const link = await s.getAttribute('data-link');
    expect(link).toMatch(/#share-hello=/);
    const fresh = await context.newPage();
    const problems: string[] = [];
    fresh.on('dialog', (d) => { problems.push(d.message()); void d.dismiss(); });
    fresh.on('pageerror', (e) => problems.push(e.message));
    await fresh.goto(link!);
    const f = snip(fresh, 'hello');
    await expect(f.locator('.snippet-badge')).toHaveText(/shared/);
    await expect(f.locator('.snippet-plain')).toContainText('console.log("<img src=x onerror=alert(1)>", 6 * 7);');
    await expect(f.locator('.snippet-plain img')).toHaveCount(0);
    await expect(f.locator('.snippet-notice')).toContainText('Nothing has run');
    await fresh.waitForTimeout(500);
    await expect(log(f)).toBeHidden();
    expect(fresh.workers()).toHaveLength(0);
    await btn(f, 'Run').click();
    await expect(log(f)).toContainText('<img src=x onerror=alert(1)> 42');
    await expect(log(f).locator('img')).toHaveCount(0);
    expect(problems).toEqual([]);
    await fresh.close();
  });

  test('a damaged link shows the original code with a notice', async ({ page }) => {
    await open(page, '#share-hello=%%%not-lz-string%%%');
    const s = snip(page, 'hello');
    await expect(s.locator('.snippet-notice')).toContainText('could not be read');
    await expect(s.locator('.snippet-code')).toBeVisible();
  });
});

test.describe('isolation and access', () => {
  test('a snippet cannot reach the network or storage', async ({ page }) => {
    await open(page);
    const s = snip(page, 'hello');
    await typeCode(page, s, 'console.log(typeof fetch, typeof indexedDB, typeof XMLHttpRequest, typeof importScripts);\nawait fetch("/");');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('undefined undefined undefined undefined');
    await expect(log(s)).toContainText(/TypeError: fetch is not a function \(line 2/);
  });

  test('each run starts clean: globals and engine changes from an earlier run are gone', async ({ page }) => {
    await open(page);
    const s = snip(page, 'hello');
    await typeCode(page, s, 'import { Network } from "lernmi";\n(globalThis as any).leak = 42;\n(Network.prototype as any).propagate = () => [666];\nconsole.log("changed");');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('changed');
    await typeCode(page, s, 'import { Network } from "lernmi";\nconsole.log(typeof (globalThis as any).leak, new Network([1, 1], { seed: 1 }).propagate([1])[0] === 666);');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText('undefined false');
  });

  test('a runner that cannot load says so, and the page carries on', async ({ page }) => {
    await page.route(/\/worker[^/]*\.js$/, (route) => route.abort());
    await open(page);
    const s = snip(page, 'hello');
    await btn(s, 'Run').click();
    await expect(log(s)).toContainText(/The runner stopped working/, { timeout: 15_000 });
    await expect(btn(s, 'Run')).toBeVisible();
  });

  test('no axe violations in snippets: at rest, with output, and with the editor open (light and dark)', async ({ page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page);
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), scheme);
      const scan = async () => {
        const r = await new AxeBuilder({ page }).include('lernmi-snippet').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      };
      expect(await scan(), `${scheme}, at rest`).toEqual([]);
      const show = snip(page, 'show');
      await btn(show, 'Run').click();
      await expect(log(show).locator('.status')).toHaveCount(1);
      const err = snip(page, 'runtime');
      await btn(err, 'Run').click();
      await expect(log(err).locator('.status')).toHaveCount(1);
      await typeCode(page, snip(page, 'hello'), 'import { Network } from "lernmi";\n// a comment\nconst n: number = 1.5;\nconsole.log(`x ${n}`, new Network([1, 1]), true);');
      expect(await scan(), `${scheme}, with output and the editor open`).toEqual([]);
      await open(page, `#share-hello=${await encodeShared('console.log("shared")')}`);
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), scheme);
      await expect(snip(page, 'hello').locator('.snippet-notice')).toBeVisible();
      expect(await scan(), `${scheme}, a shared link's notice and badge`).toEqual([]);
    }
  });
});

test('a chapter page loads at most 40 KB of JavaScript (gzipped) before the reader interacts', async ({ page }) => {
  await page.goto('./');
  const hrefs = [...new Set(await page.locator('a[href*="/chapters/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname)))];
  for (const href of hrefs) {
    const scripts: Promise<number>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(r.url())) scripts.push(r.body().then((b) => gzipSync(b).length).catch(() => 0));
    });
    await page.goto(href);
    await page.waitForLoadState('networkidle');
    const inline = await page.locator('script:not([src])').evaluateAll((ss) => ss.map((s) => s.textContent ?? '').join(''));
    const total = (await Promise.all(scripts)).reduce((a, b) => a + b, 0) + gzipSync(inline).length;
    expect(total, `${href}: ${total} bytes of gzipped JavaScript before interaction`).toBeLessThanOrEqual(40 * 1024);
    page.removeAllListeners('response');
  }
});

/** What a run showed, as text in the form expected-output blocks use (see src/runner/kinds/). */
async function shownText(s: Locator): Promise<string> {
  const parts = await log(s).locator(':scope > [data-kind]').evaluateAll((nodes) =>
    nodes.map((n) => {
      const el = n as HTMLElement;
      if (el.dataset.kind === 'table') {
        const cells = (row: Element) => [...row.children].map((c) => c.textContent ?? '');
        const rows = [...el.querySelectorAll('tr')];
        return { table: { columns: cells(rows[0]!), rows: rows.slice(1).map(cells) } };
      }
      return { text: el.dataset.text ?? el.textContent ?? '' };
    }),
  );
  return parts.map((p) => ('table' in p ? tableKind.text({ kind: 'table', ...p.table! }) : p.text!)).join('\n');
}

const normalise = (s: string) => s.replace(/\r\n/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim();

test('every snippet on every chapter page runs, reports no error, and shows its expected output', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  const hrefs = [...new Set(await page.locator('a[href*="/chapters/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname)))];
  expect(hrefs.length).toBeGreaterThan(0);
  let total = 0;
  let compared = 0;
  for (const href of hrefs) {
    await page.goto(href);
    const snippets = page.locator('lernmi-snippet');
    const n = await snippets.count();
    for (let i = 0; i < n; i++) {
      const s = snippets.nth(i);
      await s.scrollIntoViewIfNeeded();
      await btn(s, 'Run').click();
      const timeout = (Number(await s.getAttribute('data-timeout')) || 5) * 1000 + 5000;
      await expect(log(s).locator('.status'), `${href} snippet ${i + 1}`).toHaveCount(1, { timeout });
      await expect(log(s).locator('.status-ok'), `${href} snippet ${i + 1} finished without error`).toHaveCount(1);
      await expect(log(s).locator('.line.error'), `${href} snippet ${i + 1} logged no error`).toHaveCount(0);
      expect(await log(s).locator(':scope > :not(.status)').count(), `${href} snippet ${i + 1} printed output`).toBeGreaterThan(0);
      // The built page, minified as readers get it, must print what the chapter says it prints.
      const expected = s.locator('.snippet-expected pre');
      if (await expected.count()) {
        expect(normalise(await shownText(s)), `${href} snippet ${i + 1}: output as the chapter states it`).toBe(normalise((await expected.textContent()) ?? ''));
        compared++;
      }
      total++;
    }
  }
  expect(total).toBeGreaterThan(0);
  expect(compared, 'snippets with an expected output were compared').toBeGreaterThan(0);
});

test('the fixture shows a table, a plot and a diagram as their text alternatives', async ({ page }) => {
  await open(page);
  const s = snip(page, 'show');
  await btn(s, 'Run').click();
  await expect(log(s).locator('.status-ok')).toHaveCount(1);
  const text = await shownText(s);
  expect(text).toMatch(/^\(index\) │ epoch │ error\n0       │ 1     │ [\d.]+\n1       │ 50    │ [\d.]+\n/);
  expect(text).toContain('[plot: Error per step · y (50 points)]');
  expect(text).toContain('[network 2-3-1 · 13 links]');
});

test(`a snippet line of ${MAX_SNIPPET_LINE} characters (the snippet tests' limit) fits the code column at 1280 px`, async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./');
  await page.goto(firstChapterPath(await page.content()));
  const box = await page.evaluate((n) => {
    const pre = document.querySelector<HTMLElement>('.snippet-code pre')!;
    const line = document.createElement('span');
    line.className = 'line';
    line.textContent = 'm'.repeat(n);
    pre.querySelector('code')!.append('\n', line);
    return { scrollWidth: pre.scrollWidth, clientWidth: pre.clientWidth };
  }, MAX_SNIPPET_LINE);
  expect(box.scrollWidth, 'the code block scrolls sideways: lower MAX_SNIPPET_LINE or widen the column').toBeLessThanOrEqual(box.clientWidth);
});
