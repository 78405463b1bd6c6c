// The course frame, over the built site: every page loads cleanly with its math,
// passes axe (WCAG 2.1 A/AA) in light and dark, fits a 375 px phone; search finds each
// chapter by a word of its body; the theme choice and reading progress persist.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { discoverPages, watchErrors, words } from './site-helpers';

const pages = discoverPages();
const chapters = pages.filter((p) => p.kind === 'chapter');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test('the build has a landing page, chapters, the reference and a 404 page', () => {
  const kinds = new Set(pages.map((p) => p.kind));
  for (const k of ['landing', 'chapter', 'reference', '404'] as const) expect(kinds, `missing ${k}`).toContain(k);
});

async function open(page: Page, path: string, kind: string) {
  const response = await page.goto(path, { waitUntil: 'load' });
  expect(response, `no response for ${path}`).not.toBeNull();
  expect(response!.status()).toBe(kind === '404' ? 404 : 200);
  await page.waitForLoadState('networkidle');
}

for (const p of pages) {
  test.describe(`page ${p.name}`, () => {
    // A step-through figure holds every event's formula and source: axe has a large page to read.
    test.slow(p.html.includes('<lernmi-steps'), 'a page with a step-through figure');
    test('loads with no console error, math rendered, fits 375 px', async ({ page }) => {
      const errors = watchErrors(page, p.kind === '404' ? p.path : undefined);
      await page.setViewportSize({ width: 375, height: 812 });
      await open(page, p.path, p.kind);

      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('main#main')).toBeVisible();
      expect(await page.title()).toMatch(/Lernmi/);
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toBeTruthy();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      if (p.hasMath || p.kind === 'chapter') {
        expect(await page.locator('.katex').count(), 'KaTeX output expected').toBeGreaterThan(0);
        await expect(page.locator('.katex-error')).toHaveCount(0);
        await expect(page.locator('.katex').first()).toBeVisible();
        expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
      }

      const overflow = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(overflow.scroll, 'horizontal scroll at 375 px').toBeLessThanOrEqual(overflow.client);
      // Wide math and code scroll inside their own box instead.
      // Measured in one pass in the page: a step-through figure holds a formula and a source
      // block for every event (hidden but one), too many to ask about one by one.
      const sticking = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.katex-display, pre')]
          .filter((el) => el.getClientRects().length > 0) // rendered (not display: none)
          .map((el) => ({ tag: el.matches('pre') ? 'pre' : '.katex-display', right: el.getBoundingClientRect().right + window.scrollX }))
          .filter((b) => b.right > 376)
          .map((b) => `${b.tag} sticks out of the page (right edge ${Math.round(b.right)} px)`),
      );
      expect(sticking).toEqual([]);
      // Phone layout passes axe too (scrolling math and code must be keyboard-reachable).
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(errors).toEqual([]);
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`axe finds no WCAG 2.1 A/AA violation (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await open(page, p.path, p.kind);
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
        const summary = violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`,
        );
        expect(summary).toEqual([]);
      });
    }
  });
}

test.describe('search', () => {
  // Text of every indexed page, to pick for each chapter a word no other page has.
  const indexed = pages.filter((p) => p.html.includes('data-pagefind-body'));

  for (const chapter of chapters) {
    test(`finds ${chapter.name} by a word only its body contains`, async ({ page }) => {
      const bodies = new Map<string, Set<string>>();
      for (const p of indexed) {
        await page.goto(p.path);
        const text = await page.evaluate(() => {
          const body = document.querySelector<HTMLElement>('[data-pagefind-body]')!.cloneNode(true) as HTMLElement;
          body.querySelectorAll('[data-pagefind-ignore], h1, .katex, pre').forEach((e) => e.remove());
          return body.textContent ?? '';
        });
        bodies.set(p.path, words(text));
      }
      const title = words(
        (await page.goto(chapter.path), await page.locator('h1').innerText()) +
          ' ' +
          ((await page.locator('meta[name="description"]').getAttribute('content')) ?? ''),
      );
      const others = [...bodies].filter(([path]) => path !== chapter.path).flatMap(([, w]) => [...w]);
      const candidates = [...bodies.get(chapter.path)!]
        .filter((w) => w.length >= 7 && !title.has(w) && !others.some((o) => o.startsWith(w.slice(0, 6))))
        .sort((a, b) => b.length - a.length || a.localeCompare(b));
      expect(candidates.length, 'no word unique to this chapter').toBeGreaterThan(0);
      const word = candidates[0];

      const errors = watchErrors(page);
      await page.goto('');
      const input = page.getByRole('searchbox', { name: 'Search the course' });
      await input.fill(word);
      const result = page.locator('.search-results a').filter({ has: page.locator('.result-title') });
      await expect(result.first()).toBeVisible();
      const hrefs = await result.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(hrefs.some((h) => h.endsWith(`/${chapter.path}`)), `results for “${word}”: ${hrefs.join(', ')}`).toBe(true);
      await expect(page.locator('#search-status')).toContainText(word);
      // Following the result opens the chapter.
      await page.locator(`.search-results a[href$="/${chapter.path}"]`).first().click();
      await expect(page).toHaveURL(new RegExp(`${chapter.path}$`));
      expect(errors).toEqual([]);
    });
  }
});

test('the theme toggle overrides the system and persists across a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('');
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // The background really changed (designed dark theme, not just an attribute).
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(21, 23, 28)');
  await toggle.click();
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false');
});

test('the theme is applied before first paint (no flash)', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('lernmi-theme', 'dark'));
  await page.emulateMedia({ colorScheme: 'light' });
  // Record the theme the moment <body> appears, before any module script runs.
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.body) {
        (window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? '';
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(chapters[0]?.path ?? '');
  expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
});

test('print keeps the text, math and code and drops the navigation', async ({ page }) => {
  await page.goto(chapters[0].path);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  for (const sel of ['.site-header', '.sidebar', '.toc', '.chapter-end']) {
    for (const el of await page.locator(sel).all()) await expect(el).toBeHidden();
  }
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.katex').first()).toBeVisible();
  const pre = page.locator('pre').first();
  await expect(pre).toBeVisible();
  expect(await pre.evaluate((e) => getComputedStyle(e).whiteSpace)).toBe('pre-wrap');
  // Printed on white, whatever the screen theme.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test.describe('chapter navigation', () => {

  test('sidebar marks the current chapter and remembers finished ones; prev/next link the chapters', async ({ page }) => {
    const first = chapters[0];
    await page.goto(first.path);
    const sidebar = page.getByRole('navigation', { name: 'Chapters' });
    await expect(sidebar.locator('a[aria-current="page"]')).toHaveCount(1);
    await expect(sidebar.locator('li[data-chapter]')).toHaveCount(chapters.length);
    const finish = page.getByRole('button', { name: /Finished this chapter/ });
    await expect(finish).toHaveAttribute('aria-pressed', 'false');
    await expect(sidebar.locator('li[data-finished]')).toHaveCount(0);

    // Scrolling to the end of the chapter marks it finished…
    await page.mouse.wheel(0, 300);
    await page.locator('[data-chapter-end]').scrollIntoViewIfNeeded();
    await expect(finish).toHaveAttribute('aria-pressed', 'true');
    await expect(sidebar.locator('li[data-finished]')).toHaveCount(1);
    // …and it is remembered.
    await page.reload();
    await expect(sidebar.locator('li[data-finished] a[aria-current="page"]')).toHaveCount(1);
    await expect(sidebar.locator('a[aria-current="page"]')).toContainText('(finished)');
    // The button undoes it (and the end of the page does not re-mark it on this visit).
    await page.getByRole('button', { name: /Finished this chapter/ }).click();
    await expect(finish).toHaveAttribute('aria-pressed', 'false');
    await expect(sidebar.locator('li[data-finished]')).toHaveCount(0);
    await page.mouse.wheel(0, -100);
    await page.mouse.wheel(0, 100);
    await expect(sidebar.locator('li[data-finished]')).toHaveCount(0);
    // The landing page shows progress too.
    await finish.click();
    await page.goto('');
    await expect(page.locator(`[data-chapter-cards] li[data-chapter="${first.path.split('/')[1]}"][data-finished]`)).toHaveCount(1);

    // Previous/next: every chapter but the last links the next one, and back.
    for (let i = 0; i < chapters.length; i++) {
      await page.goto(chapters[i].path);
      const pager = page.getByRole('navigation', { name: 'Previous and next chapter' });
      await expect(pager.locator('a[rel="next"]')).toHaveCount(i < chapters.length - 1 ? 1 : 0);
      await expect(pager.locator('a[rel="prev"]')).toHaveCount(i > 0 ? 1 : 0);
      if (i < chapters.length - 1) {
        expect(await pager.locator('a[rel="next"]').getAttribute('href')).toMatch(new RegExp(`${chapters[i + 1].path}$`));
      }
    }
  });

  test('the skip link is the first stop and jumps to the content; the landing page starts the course', async ({ page }) => {
    await page.goto('');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    await page.getByRole('link', { name: /Start with chapter 1/ }).click();
    await expect(page).toHaveURL(new RegExp(`${chapters[0].path}$`));
  });

  test('the on-page contents link to every section heading', async ({ page }) => {
    await page.goto(chapters[0].path);
    const hrefs = await page.locator('.toc--inline a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) await expect(page.locator(h!)).toHaveCount(1);
  });
});
