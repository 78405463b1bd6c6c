// What the build ships, read as a stranger would: nothing of the machine that built it,
// no page hidden from search engines but the 404, and a reference whose doc comments
// are rendered rather than shown as Markdown source.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DIST } from './site-helpers';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const everything = files(DIST);
const rel = (f: string) => relative(DIST, f).split(sep).join('/');

/** A file's text; gzip (Pagefind's index and fragments) is unpacked first. */
function text(file: string): string {
  const bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('latin1');
    } catch {
      /* not a whole gzip stream: read as it is */
    }
  }
  return bytes.toString('latin1');
}

test('no page or asset contains the absolute path of the build directory', () => {
  const root = process.cwd();
  const shipped = everything.filter((f) => text(f).includes(root)).map(rel);
  expect(everything.length).toBeGreaterThan(10);
  expect(shipped, `files mentioning ${root}`).toEqual([]);
});

test('no page is marked noindex except the 404', () => {
  const noindex = (html: string) =>
    [...html.matchAll(/<meta\b[^>]*>/gi)].some((m) => /name=["']?robots/i.test(m[0]) && /noindex/i.test(m[0]));
  const pages = everything.filter((f) => f.endsWith('.html'));
  const marked = pages.filter((f) => noindex(readFileSync(f, 'utf8'))).map(rel);
  expect(marked).toEqual(['404.html']);
});

test('the reference shows no raw Markdown: no backticks, no asterisks around words', async ({ page }) => {
  await page.goto('reference/');
  const leftovers = await page.locator('main').evaluate((main) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // Code and signatures may hold any character; so may the math.
      if (n.parentElement?.closest('code, pre, .katex, script, style')) continue;
      const t = n.textContent ?? '';
      if (/`|(^|[\s(])\*+\S|\S\*+($|[\s.,;:)])/.test(t)) found.push(t.trim().slice(0, 80));
    }
    return found;
  });
  expect(leftovers).toEqual([]);
  // Doc comments did become Markdown: code spans and emphasis inside the API entries.
  await expect(page.locator('.api-doc code').first()).toBeVisible();
  expect(await page.locator('.api-doc em').count()).toBeGreaterThan(0);
  // Every show function and dataset is there, with where it is defined.
  for (const name of ['show', 'show.table', 'show.plot', 'show.network', 'show.heatmap', 'show.activation', 'show.errorCurve', 'datasets.xor', 'datasets.spiral']) {
    const entry = page.locator(`section.api-item:has(> h3 code:text-is("${name}"))`);
    await expect(entry, name).toHaveCount(1);
    await expect(entry.locator('.api-meta code')).toHaveText(/^src\/[\w/.-]+\.ts:\d+$/);
  }
  await expect(page.locator('.api-meta a[href*="/chapters/"]').first()).toBeVisible();
});
