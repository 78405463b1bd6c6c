// The step-through figure (components/course/figures/StepThrough.astro) on every built page
// that places it (dist/ ships reader pages only, so a 2-2-1 network is covered here once a
// chapter places one, and by the unit tests until then): stepping moves one engine event at a time and
// moves the highlighted link or neuron, formula and engine line together; play and pause;
// keyboard; 375 px; axe in light and dark; a static forward picture without JavaScript.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { discoverPages, watchErrors } from './site-helpers';

const pages = discoverPages()
  .filter((p) => p.html.includes('<lernmi-steps'))
  .map((p) => ({ path: p.path, name: p.name }));

test('some chapter places the step-through figure', () => {
  expect(pages.length).toBeGreaterThan(0);
});

/** What the reader sees change: status, the step's formula, the marked engine lines, the outlined element. */
async function snapshot(figure: Locator) {
  return figure.evaluate((el) => ({
    status: el.querySelector('[role="status"]')!.textContent!,
    formula: el.querySelector<HTMLElement>('.st-formula:not([hidden])')!.dataset.step!,
    formulaText: el.querySelector<HTMLElement>('.st-formula:not([hidden]) .katex-html')!.textContent!,
    boxed: el.querySelector<HTMLElement>('.st-formula:not([hidden]) .hl')!.textContent!,
    source: el.querySelector<HTMLElement>('.st-source:not([hidden])')!.querySelector('code')!.closest('[data-source]')!.getAttribute('data-source')!,
    lines: [...el.querySelectorAll('.st-source:not([hidden]) [data-marked]')].map((l) => l.textContent!.trim()),
    current: [...el.querySelectorAll('.is-current')].map((c) => c.getAttribute('data-link') ?? `n${c.getAttribute('data-neuron')}`).join(),
  }));
}
const stepOf = (status: string) => Number(/^Event (\d+) of (\d+)\./.exec(status)![1]);
const totalOf = (status: string) => Number(/^Event (\d+) of (\d+)\./.exec(status)![2]);

async function open(page: Page, path: string) {
  await page.goto(path);
  const figure = page.locator('lernmi-steps').first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.getByRole('button', { name: 'Next step' })).toBeVisible();
  return figure;
}

for (const p of pages) {
  test.describe(`step-through on ${p.name}`, () => {
    // Every event's formula and source is in the page: axe and the walks read a lot on a busy machine.
    test.slow();
    test('Next and Previous move one event; link or neuron, formula and engine line change together', async ({ page }) => {
      const errors = watchErrors(page);
      await page.setViewportSize({ width: 1280, height: 800 });
      const figure = await open(page, p.path);
      const region = page.getByRole('figure', { name: /^Step through/ }).first();
      await expect(region).toBeVisible();
      const next = figure.getByRole('button', { name: 'Next step' });
      const prev = figure.getByRole('button', { name: 'Previous step' });
      test.setTimeout(240_000); // a 2-2-1 network has 45 events, three round trips each
      expect(stepOf((await snapshot(figure)).status)).toBeGreaterThan(1); // it opens at the end of the forward pass
      await figure.getByRole('button', { name: 'Start' }).click();
      const first = await snapshot(figure);
      const total = totalOf(first.status);
      // Step through the whole learn: the forward pass, then the backward pass.
      let before = first;
      for (let i = stepOf(first.status); i < total; i++) {
        await next.click();
        const now = await snapshot(figure);
        expect(stepOf(now.status)).toBe(stepOf(before.status) + 1);
        expect(now.status).not.toBe(before.status);
        expect(now.formula).not.toBe(before.formula);
        expect(now.formulaText).not.toBe(before.formulaText);
        expect(now.lines.length).toBeGreaterThan(0);
        // A new step computes something else: a new engine line, or the same line for another link or neuron.
        expect(now.lines.join() !== before.lines.join() || now.current !== before.current).toBe(true);
        // The status names the step's numbers, as the boxed term shows them (an input may be
        // a whole number: "takes the value −1.").
        expect(now.status).toMatch(/\d\.\d|= \S|the value −?\d+\./);
        // At 1280 px the engine's source fits its box, as every quoted member must.
        const scrolls = await figure.locator('.st-source:not([hidden]) pre').evaluate((pre) => pre.scrollWidth > pre.clientWidth + 1);
        expect(scrolls, now.lines.join()).toBe(false);
        before = now;
      }
      await prev.click();
      expect(stepOf((await snapshot(figure)).status)).toBe(total - 1);
      expect(errors).toEqual([]);
    });

    test('Start, End of forward pass, End, and the keyboard', async ({ page }) => {
      const figure = await open(page, p.path);
      const forwardEnd = stepOf((await snapshot(figure)).status);
      await figure.getByRole('button', { name: 'Start' }).click();
      expect(stepOf((await snapshot(figure)).status)).toBe(1);
      await expect(figure.getByRole('status')).toContainText('Forward. The input neuron x₁ takes the value');
      await figure.getByRole('button', { name: 'End', exact: true }).click();
      const last = await snapshot(figure);
      expect(stepOf(last.status)).toBe(totalOf(last.status));
      await expect(figure.getByRole('status')).toContainText('Step 3 of the link');
      await figure.getByRole('button', { name: 'End of forward pass' }).click();
      expect(stepOf((await snapshot(figure)).status)).toBe(forwardEnd);
      await expect(figure.getByRole('status')).toContainText('Error.');

      const stage = figure.locator('.st-stage');
      await stage.focus();
      await page.keyboard.press('ArrowRight');
      expect(stepOf((await snapshot(figure)).status)).toBe(forwardEnd + 1);
      await page.keyboard.press('ArrowLeft');
      expect(stepOf((await snapshot(figure)).status)).toBe(forwardEnd);
      await page.keyboard.press('Home');
      expect(stepOf((await snapshot(figure)).status)).toBe(1);
      await page.keyboard.press('End');
      expect(stepOf(last.status)).toBe(stepOf((await snapshot(figure)).status));
      // Space plays from the start (at the end) and pauses.
      await page.keyboard.press('Space');
      await expect(figure.getByRole('button', { name: 'Pause' })).toBeVisible();
      await expect.poll(async () => stepOf((await snapshot(figure)).status), { timeout: 5000 }).toBeGreaterThan(1);
      await page.keyboard.press('Space');
      await expect(figure.getByRole('button', { name: 'Play' })).toBeVisible();
      const paused = stepOf((await snapshot(figure)).status);
      await page.waitForTimeout(1300);
      expect(stepOf((await snapshot(figure)).status)).toBe(paused);
    });

    test('Play steps at the chosen speed and Pause stops; reduced motion keeps stepping without transitions', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const figure = await open(page, p.path);
      await figure.getByRole('button', { name: 'Start' }).click();
      await figure.getByLabel('Speed').selectOption('fast');
      const duration = await figure.locator('.st-link-line').first().evaluate((l) => getComputedStyle(l).transitionDuration);
      expect(parseFloat(duration)).toBeLessThan(0.01);
      await figure.getByRole('button', { name: 'Play' }).click();
      await expect(figure.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
      await expect.poll(async () => stepOf((await snapshot(figure)).status), { timeout: 5000 }).toBeGreaterThanOrEqual(4);
      await figure.getByRole('button', { name: 'Pause' }).click();
      const paused = stepOf((await snapshot(figure)).status);
      await page.waitForTimeout(1000);
      expect(stepOf((await snapshot(figure)).status)).toBe(paused);
    });

    test('the gradient check shows backprop beside nudging for every link', async ({ page }) => {
      const figure = await open(page, p.path);
      const toggle = figure.getByRole('button', { name: 'Show the gradient check' });
      const table = figure.locator('[data-check] table');
      await expect(table).toBeHidden();
      await toggle.click();
      await expect(table).toBeVisible();
      await expect(figure.getByRole('button', { name: 'Hide the gradient check' })).toHaveAttribute('aria-expanded', 'true');
      const rows = await table.locator('tbody tr').count();
      expect(rows).toBe(await figure.locator('[data-link]').count());
      for (const cell of await table.locator('tbody tr td:last-child').allTextContents()) {
        expect(Number(cell.replace('−', '-'))).toBeLessThan(1e-6);
      }
    });

    test('at 375 px it fits, and its SVG text is 12 px or larger at every step', async ({ page }) => {
      test.setTimeout(240_000); // a 2-2-1 network has 45 events to step through
      await page.setViewportSize({ width: 375, height: 800 });
      const figure = await open(page, p.path);
      const small = () =>
        figure.evaluate((el) =>
          [...el.querySelectorAll<SVGTextElement>('svg text')]
            .filter((t) => t.getAttribute('visibility') !== 'hidden' && t.textContent!.trim() !== '')
            .map((t) => ({ t: t.textContent!, px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM()!.a }))
            .filter((x) => x.px < 12),
        );
      // Every step's formula fits the phone's width (it would otherwise scroll in an unnamed box).
      await figure.getByRole('button', { name: 'Start' }).click();
      const total = totalOf((await snapshot(figure)).status);
      for (let i = 1; i <= total; i++) {
        const wide = await figure
          .locator('.st-formula:not([hidden]) .katex-display')
          .evaluate((d) => (d.scrollWidth > d.clientWidth + 1 ? `${d.scrollWidth} > ${d.clientWidth}` : ''));
        expect(wide, `formula of event ${i}`).toBe('');
        if (i < total) await figure.locator('.st-stage').press('ArrowRight');
      }
      for (const go of ['Start', 'End of forward pass', 'End']) {
        await figure.getByRole('button', { name: go, exact: true }).click();
        expect(await small()).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        const box = (await figure.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(375);
      }
      // The gradient check's table may scroll sideways: in its own box, which the keyboard reaches and which has a name.
      await figure.getByRole('button', { name: 'Show the gradient check' }).click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await expect(figure.getByRole('table', { name: 'Gradient check, per link' })).toHaveAttribute('tabindex', '0');
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`axe finds no violation mid-backward with the gradient check open (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        const figure = await open(page, p.path);
        for (let i = 0; i < 3; i++) await figure.getByRole('button', { name: 'Next step' }).click();
        await figure.getByRole('button', { name: 'Show the gradient check' }).click();
        const { violations } = await new AxeBuilder({ page })
          .include('lernmi-steps')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}

test('chapter 1: after the whole step the diagram holds the weights its snippet prints', async ({ page }) => {
  const chapter = pages.find((p) => p.path.startsWith('chapters/01-'))!;
  const figure = await open(page, chapter.path);
  await figure.getByRole('button', { name: 'End', exact: true }).click();
  const titles = await figure.locator('[data-link] > title').allTextContents();
  // The "One learning step, by hand" snippet prints Link(x1 → y, weight=1.51802) and Link(x2 → y, weight=-0.390989).
  expect(titles[0]).toContain('weight 1.51802');
  expect(titles[1]).toContain('weight −0.390989');
  const labels = await figure.locator('[data-link-label]').allTextContents();
  expect(labels.slice(0, 2)).toEqual(['1.52', '−0.391']);
});

test('without JavaScript: a static picture of the forward pass', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pages.find((p) => p.path.startsWith('chapters/01-'))!.path);
  const figure = page.locator('lernmi-steps').first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('svg.st-svg')).toBeVisible();
  await expect(figure.getByRole('status')).toContainText('Error.');
  await expect(figure.getByRole('button', { name: 'Next step' })).toBeHidden();
  // Every value is drawn; no sensitivity yet.
  const values = await figure.locator('[data-value]').allTextContents();
  expect(values.every((v) => v.trim() !== '')).toBe(true);
  expect(values).toContain('0.786');
  expect((await figure.locator('[data-sens]').allTextContents()).every((s) => s.trim() === '')).toBe(true);
  await expect(figure.locator('[data-check] table')).toBeVisible();
  await context.close();
});
