// Shared by the site's end-to-end tests: which pages the build produced, and helpers
// to watch a page for errors. Pages are discovered from dist/, so a new chapter is
// covered without touching the tests.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ConsoleMessage, Page } from '@playwright/test';

export const DIST = join(process.cwd(), 'dist');

export interface SitePage {
  /** Path relative to the base URL, e.g. "chapters/01-x/" ("" is the landing page). */
  path: string;
  name: string;
  kind: 'landing' | 'chapter' | 'reference' | 'page' | '404';
  /** The built HTML contains KaTeX output. */
  hasMath: boolean;
  html: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    // pagefind/ and _astro/ are assets; test/ holds other suites' fixture pages, not course pages.
    if (e.isDirectory()) return ['pagefind', '_astro'].includes(e.name) || (dir === DIST && e.name === 'test') ? [] : walk(p);
    return e.name === 'index.html' ? [p] : [];
  });
}

export function discoverPages(): SitePage[] {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests.');
  const pages: SitePage[] = walk(DIST)
    .map((file) => {
      const rel = relative(DIST, file).split(sep).slice(0, -1).join('/');
      const path = rel ? `${rel}/` : '';
      const html = readFileSync(file, 'utf8');
      const kind: SitePage['kind'] =
        path === '' ? 'landing' : path.startsWith('chapters/') ? 'chapter' : path === 'reference/' ? 'reference' : 'page';
      return { path, name: path || '(landing)', kind, hasMath: html.includes('class="katex"'), html };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  const notFound = join(DIST, '404.html');
  if (existsSync(notFound)) {
    const html = readFileSync(notFound, 'utf8');
    pages.push({ path: 'no-such-page-here/', name: '404', kind: '404', hasMath: html.includes('class="katex"'), html });
  }
  return pages;
}

/** Collects console errors and uncaught exceptions. The 404 page's own 404 status is expected. */
export function watchErrors(page: Page, expected404?: string): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() !== 'error') return;
    if (expected404 && m.location().url.includes(expected404) && /404/.test(m.text())) return;
    errors.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  return errors;
}

/** Words of a page's indexed text, lower-cased. */
export function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z]{3,}/g) ?? []);
}
