// The built site holds reader pages only, and its bundles keep to their side: read from
// dist/ on disk (run after `npm run build`).
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const DIST = resolve(import.meta.dirname, '../../dist');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('dist/ has no test page: no test or fixture path, and no page kept from search but the 404', () => {
  expect(existsSync(join(DIST, 'index.html')), 'run `npm run build` first').toBe(true);
  const pages = files(DIST).filter((f) => f.endsWith('.html')).map((f) => relative(DIST, f));
  expect(pages.length).toBeGreaterThan(1);
  expect(pages.filter((p) => /(^|\/)(tests?|fixtures?|test-fixtures)(\/|$)/.test(p))).toEqual([]);
  const hidden = pages.filter((p) => p !== '404.html' && /<meta[^>]+name="robots"[^>]+noindex/.test(readFileSync(join(DIST, p), 'utf8')));
  expect(hidden, 'pages marked noindex (a test page would be)').toEqual([]);
});

test('each side’s bundle carries its half of the output kinds only', () => {
  const assets = join(DIST, '_astro');
  const read = (re: RegExp) => {
    const names = readdirSync(assets).filter((n) => re.test(n));
    expect(names.length, `a bundle matching ${re} in dist/_astro`).toBeGreaterThan(0);
    return names.map((n) => readFileSync(join(assets, n), 'utf8')).join('\n');
  };
  const worker = read(/^worker[.-].*\.js$/);
  const page = read(/^session[.-].*\.js$/); // what the page loads on the first Run
  // the data half: building entries (its messages are in the worker, not the page)
  expect(worker).toContain('show.plot expects');
  expect(page).not.toContain('show.plot expects');
  // the view half: SVG and the figures' classes (in the page, not the worker)
  for (const mark of ['http://www.w3.org/2000/svg', 'figure-plot', 'figure-network', 'snippet-table', 'figure-heatmap', 'figure-activation']) {
    expect(page, mark).toContain(mark);
    expect(worker, mark).not.toContain(mark);
  }
  // the new kinds' builders run in the worker
  for (const mark of ['show.heatmap expects', 'show.activation expects', 'show.errorCurve expects', 'draws networks of up to']) {
    expect(worker, mark).toContain(mark);
    expect(page, mark).not.toContain(mark);
  }
  expect(page).toContain('figure-steps');
  expect(worker).not.toContain('figure-steps');
});

test('KaTeX reaches the page with the first show.steps figure only: in its own chunk, named by no page', () => {
  const assets = join(DIST, '_astro');
  const holding = readdirSync(assets).filter((n) => n.endsWith('.js') && readFileSync(join(assets, n), 'utf8').includes('KaTeX parse error'));
  expect(holding.map((n) => n.replace(/[.-][\w-]+\.js$/, ''))).toEqual(['steps-view']);
  const pages = files(DIST).filter((f) => f.endsWith('.html'));
  expect(pages.filter((p) => readFileSync(p, 'utf8').includes(holding[0]!)).map((p) => relative(DIST, p))).toEqual([]);
});

test('d3 loads with the output renderer, never in the worker or before a reader interacts', () => {
  const assets = join(DIST, '_astro');
  // d3-scale-chromatic's RdBu scheme (its colours as one hex string) marks d3 in a bundle
  const RDBU = '67001fb2182bd6604df4a582';
  const holding = readdirSync(assets).filter((n) => n.endsWith('.js') && readFileSync(join(assets, n), 'utf8').includes(RDBU));
  expect(holding.map((n) => n.replace(/[.-][\w-]+\.js$/, ''))).toEqual(['session']);
  // and no page names that chunk: it is imported on the first Run (or hover or focus of Run)
  const pages = files(DIST).filter((f) => f.endsWith('.html'));
  expect(pages.filter((p) => readFileSync(p, 'utf8').includes(holding[0]!)).map((p) => relative(DIST, p))).toEqual([]);
});
