// show.steps in the page: a snippet opens the step-through figure on its own network
// (src/runner/kinds/steps.ts). Served as a fixture page like runner.spec.ts's (a built
// chapter page with its snippets swapped for these). Stepping moves one engine event at a
// time, with the link or neuron, formula and engine line changing together; after End
// the diagram holds the weights the snippet prints after the same learn; KaTeX loads only
// with the first figure; several figures on a page keep apart; Play stops when the
// output is replaced or the run is stopped; axe in light and dark; 375 px. Every test
// fails on a page error, a crash, a dialog or a refused resource (the site's CSP).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { FixtureSnippet } from '../support/runner-fixture';
import { fixtureTest, refusedByPolicy } from './fixture-test';

const PAGE = 'test-fixtures/steps/';
const ENGINE = 'import { Network } from "lernmi";';
const SNIPPETS: FixtureSnippet[] = [
  {
    key: 'mine',
    title: 'Step through a 2-2-1 network',
    setup: ENGINE,
    code: [
      'const net = new Network([2, 2, 1], { seed: 3, trainingRate: 0.5 });',
      'show.steps(net, [1, 0.5], [1]);',
      'console.log(JSON.stringify(net.links.map((l) => l.weight)));',
    ].join('\n'),
  },
  { key: 'small', title: 'Step through one neuron', setup: ENGINE, code: 'const net = new Network([2, 1], { seed: 5 });\nshow.steps(net, [0.2, -1], [0]);' },
  { key: 'big', title: 'Too big to step through', setup: ENGINE, code: 'const net = new Network([6, 6, 1]);\nshow.steps(net, [0, 0, 0, 0, 0, 0], [1]);' },
  {
    key: 'busy',
    title: 'Steps, then a long loop',
    setup: ENGINE,
    code: 'const net = new Network([2, 1], { seed: 5 });\nshow.steps(net, [1, 1], [0]);\nconst end = Date.now() + 20000;\nwhile (Date.now() < end) {}',
    timeout: 30,
  },
];

const test = fixtureTest({
  path: PAGE,
  snippets: () => SNIPPETS,
  // KaTeX writes inline styles; the site's policy must let them through.
  problem: refusedByPolicy,
  what: 'no page errors, crashes, dialogs or refused resources',
});

const snip = (page: Page, key: string) => page.locator(`#snippet-${key}`);
const run = (s: Locator) => s.getByRole('button', { name: 'Run', exact: true }).click();
const log = (s: Locator) => s.getByRole('log');

async function open(page: Page) {
  await page.goto(PAGE);
  await page.waitForFunction(() => !!customElements.get('lernmi-snippet'));
}

/** Runs a snippet and waits for its figure's controls. */
async function figureOf(page: Page, key: string): Promise<Locator> {
  const s = snip(page, key);
  await s.scrollIntoViewIfNeeded();
  await run(s);
  const figure = log(s).locator('lernmi-steps');
  await expect(figure.getByRole('button', { name: 'Next step' })).toBeVisible();
  return figure;
}

/** What the reader sees change: status, the step's formula, the marked engine lines, the outlined element. */
async function snapshot(figure: Locator) {
  return figure.evaluate((el) => ({
    status: el.querySelector('[role="status"]')!.textContent!,
    formula: el.querySelector<HTMLElement>('.st-formula:not([hidden])')!.dataset.step!,
    formulaText: el.querySelector<HTMLElement>('.st-formula:not([hidden]) .katex-html')?.textContent ?? '',
    boxed: el.querySelector<HTMLElement>('.st-formula:not([hidden]) .hl')?.textContent ?? '',
    lines: [...el.querySelectorAll('.st-source:not([hidden]) [data-marked]')].map((l) => l.textContent!.trim()),
    current: [...el.querySelectorAll('.is-current')].map((c) => c.getAttribute('data-link') ?? `n${c.getAttribute('data-neuron')}`).join(),
  }));
}
const stepOf = (status: string) => Number(/^Event (\d+) of (\d+)\./.exec(status)![1]);
const totalOf = (status: string) => Number(/^Event (\d+) of (\d+)\./.exec(status)![2]);

test('KaTeX and the figure code load only when a figure is drawn', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await open(page);
  await page.waitForLoadState('networkidle');
  expect(urls.filter((u) => /steps-view/.test(u))).toEqual([]);
  await figureOf(page, 'small');
  expect(urls.filter((u) => /steps-view/.test(u))).toHaveLength(1);
});

test('Next and Previous move one event; link or neuron, formula and engine line change together; after End the diagram holds the printed weights', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page);
  const figure = await figureOf(page, 'mine');
  const s = snip(page, 'mine');
  await expect(log(s).locator('.status-ok')).toHaveCount(1);
  await expect(page.getByRole('figure', { name: /^Step through one learning step of your 2-2-1 network/ })).toBeVisible();
  const first = await snapshot(figure);
  // It opens at the end of the forward pass: the error.
  expect(first.status).toMatch(/^Event 15 of 45\. Error\. The output is 0\.\d+ and the target 1, so E = ½ \(actual − target\)² = 0\.\d+/);
  expect(first.boxed).not.toBe('');
  const next = figure.getByRole('button', { name: 'Next step' });
  const prev = figure.getByRole('button', { name: 'Previous step' });
  let before = first;
  for (let i = stepOf(first.status); i < totalOf(first.status); i++) {
    await next.click();
    const now = await snapshot(figure);
    expect(stepOf(now.status)).toBe(stepOf(before.status) + 1);
    expect(now.formula).not.toBe(before.formula);
    expect(now.formulaText).not.toBe(before.formulaText); // rendered by KaTeX when first shown
    expect(now.boxed).not.toBe('');
    expect(now.lines.length).toBeGreaterThan(0);
    expect(now.lines.join() !== before.lines.join() || now.current !== before.current).toBe(true);
    // The status names the step's result, as the formula's last line shows it.
    const result = /=(−?[\d.]+)[^=]*$/.exec(now.formulaText.replace(/\s/g, ''));
    expect(result, now.formulaText).not.toBeNull();
    expect(now.status).toContain(result![1]!);
    before = now;
  }
  await prev.click();
  expect(stepOf((await snapshot(figure)).status)).toBe(44);
  await figure.getByRole('button', { name: 'End', exact: true }).click();
  // After the whole learn the diagram's weights (6 digits in each link's title) are the ones the snippet printed.
  const printed = JSON.parse((await log(s).locator('.line').filter({ hasText: /^\[/ }).first().textContent())!) as number[];
  const titles = await figure.locator('[data-link] > title').allTextContents();
  const shown = titles.map((t) => Number(/weight (−?[\d.e−]+)/.exec(t)![1]!.replace(/−/g, '-')));
  expect(shown).toHaveLength(printed.length);
  shown.forEach((w, k) => expect(w).toBe(Number(printed[k]!.toPrecision(6))));
});

test('the keyboard steps as the buttons do, and two figures on a page keep apart', async ({ page }) => {
  await open(page);
  const a = await figureOf(page, 'mine');
  const b = await figureOf(page, 'small');
  const ids = await page.evaluate(() => {
    const all = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return all.filter((id, i) => all.indexOf(id) !== i);
  });
  expect(ids, 'no id twice on the page').toEqual([]);
  const bStart = (await snapshot(b)).status;
  await a.locator('.st-stage').focus();
  await page.keyboard.press('ArrowRight');
  expect(stepOf((await snapshot(a)).status)).toBe(16);
  await page.keyboard.press('Home');
  expect(stepOf((await snapshot(a)).status)).toBe(1);
  await page.keyboard.press('End');
  expect(stepOf((await snapshot(a)).status)).toBe(45);
  expect((await snapshot(b)).status).toBe(bStart); // the other figure did not move
  await b.getByRole('button', { name: 'Show the gradient check' }).click();
  await expect(b.getByRole('table', { name: 'Gradient check, per link' }).locator('tbody tr')).toHaveCount(3);
});

test('Play stops when the output is replaced by the next Run, and when the run is stopped', async ({ page }) => {
  await open(page);
  const figure = await figureOf(page, 'small');
  await figure.getByRole('button', { name: 'Start' }).click();
  await figure.locator('select[data-speed]').selectOption('450');
  await figure.getByRole('button', { name: 'Play' }).click();
  await expect(figure).toHaveAttribute('data-playing', '');
  await page.evaluate(() => ((window as unknown as { old: Element }).old = document.querySelector('#snippet-small lernmi-steps')!));
  await run(snip(page, 'small'));
  await expect(log(snip(page, 'small')).locator('lernmi-steps').getByRole('button', { name: 'Next step' })).toBeVisible();
  const step = () => page.evaluate(() => (window as unknown as { old: HTMLElement }).old.dataset.step);
  const at = await step();
  await page.waitForTimeout(1200);
  expect(await step(), 'the replaced figure no longer steps').toBe(at);
  expect(await page.evaluate(() => (window as unknown as { old: HTMLElement }).old.hasAttribute('data-playing'))).toBe(false);

  const busy = snip(page, 'busy');
  await busy.scrollIntoViewIfNeeded();
  await run(busy);
  const playing = log(busy).locator('lernmi-steps');
  await playing.getByRole('button', { name: 'Play' }).click();
  await expect(playing).toHaveAttribute('data-playing', '');
  await busy.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(log(busy)).toContainText('Stopped');
  await expect(playing).not.toHaveAttribute('data-playing', '');
});

test('a network over 40 links gets a warning that says so', async ({ page }) => {
  await open(page);
  const s = snip(page, 'big');
  await run(s);
  await expect(log(s).locator('.line.warn')).toHaveText(/show\.steps draws networks of up to 40 links.*this 6-6-1 network has 49/);
  await expect(log(s).locator('lernmi-steps')).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violation in a drawn figure, backward pass and gradient check open (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), scheme);
    const figure = await figureOf(page, 'mine');
    await figure.getByRole('button', { name: 'Next step' }).click();
    await figure.getByRole('button', { name: 'Show the gradient check' }).click();
    const r = await new AxeBuilder({ page }).include('#snippet-mine').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('at 375 px the page does not scroll sideways with a figure drawn', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page);
  const figure = await figureOf(page, 'mine');
  await figure.getByRole('button', { name: 'Next step' }).click();
  await figure.getByRole('button', { name: 'Show the gradient check' }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The diagram's text stays readable: at least 12 px.
  const smallest = await figure.locator('svg text').evaluateAll((ts) => Math.min(...ts.map((t) => (t as SVGTextElement).getBoundingClientRect().height).filter((h) => h > 0)));
  expect(smallest).toBeGreaterThanOrEqual(12);
});
