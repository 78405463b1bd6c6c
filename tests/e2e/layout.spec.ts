// Layouts that hold, on every built page. At 375 px: whatever is wider than its box sits
// in a scroll container a reader can see (a shadow at the cut edge), reach with the
// keyboard and hear named. At every width: figure text renders at 12 px or more. At
// 1280 px: chapter (and reference) code fits its column without scrolling sideways.
import { test, expect, type Page } from '@playwright/test';
import { discoverPages } from './site-helpers';

const pages = discoverPages();
const MIN_TEXT_PX = 12;

async function open(page: Page, path: string, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(path, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
}

/** Elements that stick out of their block, and whether a proper scroll container holds them. */
function overflowReport(): string[] {
  const problems: string[] = [];
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : ''}`;
  const isScroller = (el: Element) => {
    const s = getComputedStyle(el);
    return (s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
  };
  const blockOf = (el: Element): Element | null => {
    let p = el.parentElement;
    while (p && getComputedStyle(p).display.startsWith('inline')) p = p.parentElement;
    return p;
  };
  /** Out of the layout, like KaTeX's MathML copy for screen readers: its size means nothing. */
  const outOfFlow = (el: Element) => {
    for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
      const pos = getComputedStyle(a).position;
      if (pos === 'absolute' || pos === 'fixed') return true;
    }
    return false;
  };
  const checked = new Set<Element>();
  const main = document.querySelector('main')!;
  for (const el of main.querySelectorAll('*')) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue; // the SVG's own box counts
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || outOfFlow(el)) continue;
    const r = el.getBoundingClientRect();
    const block = blockOf(el);
    if (!block || r.width === 0) continue;
    const b = block.getBoundingClientRect();
    if (r.right <= b.right + 1 && r.left >= b.left - 1) continue;
    // Too wide for its box: the nearest sideways-scrolling ancestor must hold it.
    let box: Element | null = el.parentElement;
    while (box && box !== main && !isScroller(box)) box = box.parentElement;
    if (!box || box === main) {
      problems.push(`${describe(el)} sticks out of ${describe(block)} with no scroll container`);
      continue;
    }
    if (checked.has(box)) continue;
    checked.add(box);
    const html = box as HTMLElement;
    const name = html.getAttribute('aria-label') || html.getAttribute('aria-labelledby');
    if (html.tabIndex < 0) problems.push(`${describe(box)} scrolls but cannot be focused`);
    if (!name) problems.push(`${describe(box)} scrolls but has no accessible name`);
    if (!/gradient/.test(getComputedStyle(box).backgroundImage)) problems.push(`${describe(box)} scrolls without showing it (no edge shadow)`);
  }
  return problems;
}

/** SVG text drawn smaller than `min` CSS pixels, with its size. */
function smallSvgText(min: number): string[] {
  const small: string[] = [];
  for (const t of document.querySelectorAll<SVGTextElement>('svg text')) {
    const box = t.getBoundingClientRect();
    const m = t.getScreenCTM();
    if (!m || box.width === 0 || getComputedStyle(t).visibility === 'hidden') continue;
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    if (px < min - 0.05) small.push(`"${t.textContent?.trim()}" at ${px.toFixed(1)} px`);
  }
  return small;
}

for (const p of pages) {
  test.describe(`layout of ${p.name}`, () => {
    test('at 375 px, whatever is too wide scrolls in a visible, focusable, named box', async ({ page }) => {
      await open(page, p.path, 375);
      expect(await page.evaluate(overflowReport)).toEqual([]);
    });

    for (const width of [375, 1280]) {
      test(`figure text is at least ${MIN_TEXT_PX} px at ${width} px`, async ({ page }) => {
        await open(page, p.path, width);
        expect(await page.evaluate(smallSvgText, MIN_TEXT_PX)).toEqual([]);
      });
    }

    if (p.kind === 'chapter' || p.kind === 'reference') {
      test('at 1280 px, no code block scrolls sideways', async ({ page }) => {
        await open(page, p.path, 1280);
        const wide = await page.locator('main pre').evaluateAll((pres) =>
          pres
            .filter((pre) => pre.clientWidth > 0 && pre.scrollWidth > pre.clientWidth + 1)
            .map((pre) => {
              // Name the lines that do not fit, as the chapter's author will look for them.
              const lines = (pre.textContent ?? '').split('\n');
              const longest = Math.max(...lines.map((l) => l.length));
              const cut = Math.floor((longest * pre.clientWidth) / pre.scrollWidth);
              const where = pre.closest('figure')?.querySelector('figcaption, .snippet-title')?.textContent?.trim() ?? '';
              return `${where}: ${lines.filter((l) => l.length > cut).map((l) => l.trim()).join(' | ')}`;
            }),
        );
        expect(wide).toEqual([]);
      });
    }
  });
}
