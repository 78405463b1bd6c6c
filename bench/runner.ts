/**
 * `npm run bench` (runner half): in Chromium, the time from pressing Run to the first
 * output line of a one-line snippet (`console.log("hello", 1 + 1)` on the runner's fixture
 * page, tests/support/runner-fixture.ts, which this bench serves beside dist/).
 *   cold: the first Run on a freshly loaded page (runner chunk, worker and engine all load
 *         on that click; no hover prewarm), median of several fresh pages;
 *   cold after hover: the same, with the pointer resting on Run for 150 ms first (what a
 *         mouse user gets: hovering Run starts the worker);
 *   warm: later Runs on the same page, median (a quarter second apart: each run gets a
 *         fresh worker, and the spare for the next one warms up while the reader looks).
 * Builds the site first if dist/ is missing or older than the runner's sources, and
 * serves dist/ itself (a tiny static server), so nothing else needs to be running.
 * Targets on this machine: cold < 400 ms, warm < 50 ms.
 */
import { execSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumFlags, chromiumPath } from '../scripts/find-chromium.mjs';
import { FIXTURE_PATH, fixtureFromDist } from '../tests/support/runner-fixture';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 15);

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

function ensureBuilt() {
  const page = join(DIST, 'index.html');
  const sources = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'components')), newest(join(ROOT, 'content')));
  if (existsSync(page) && statSync(page).mtimeMs >= sources) return;
  console.log('runner bench: building the site (dist/ is missing or stale)…');
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.png': 'image/png',
};

function serve(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === `/${FIXTURE_PATH}`) {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      return void res.end(fixtureFromDist(DIST));
    }
    let file = normalize(join(DIST, path));
    if (!file.startsWith(DIST)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address() as { port: number };
    r({ url: `http://127.0.0.1:${addr.port}`, close: () => server.close() });
  }));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** In the page: press Run (a real click event) and time until the first output line appears. */
const timeRun = (key: string) =>
  new Promise<number>((resolveRun, reject) => {
    const el = document.getElementById(`snippet-${key}`)!;
    const log = el.querySelector('[role=log]')!;
    const run = el.querySelector<HTMLButtonElement>('[data-act=run]')!;
    log.replaceChildren();
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (log.querySelector('.line:not(.status)')) {
        obs.disconnect();
        resolveRun(performance.now() - t0);
      }
    });
    obs.observe(log, { childList: true, subtree: true });
    setTimeout(() => reject(new Error('no output within 10 s')), 10_000);
    run.click();
  });

async function main() {
  ensureBuilt();
  const { url, close } = await serve();
  const browser = await chromium.launch({
    executablePath: chromiumPath() ?? undefined,
    args: chromiumFlags,
  });
  const context = await browser.newContext();
  const page = `${url}/${FIXTURE_PATH}`;
  // dist/ is shared with other builds in the same tree: if a page is missing for a moment
  // (another `astro build` is rewriting dist/), wait and try again rather than fail.
  const goto = async (p: import('@playwright/test').Page) => {
    for (let attempt = 1; ; attempt++) {
      const r = await p.goto(page, { waitUntil: 'load' }).catch((e: Error) => e);
      if (!(r instanceof Error) && r?.ok()) return;
      if (attempt >= 10) throw r instanceof Error ? r : new Error(`${page}: HTTP ${r?.status()}`);
      await new Promise((res) => setTimeout(res, 3000));
    }
  };
  const waitIdle = async (p: import('@playwright/test').Page) => {
    await p.waitForFunction(() => !!customElements.get('lernmi-snippet'));
    await p.waitForFunction(() => !document.querySelector('lernmi-snippet[data-state=running]'));
  };
  try {
    // Warm the HTTP cache and the browser once, so "cold" measures the runner, not the disk.
    const first = await context.newPage();
    await goto(first);
    await waitIdle(first);
    await first.evaluate(timeRun, 'hello');
    await first.close();

    const cold: number[] = [];
    const coldHover: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const p = await context.newPage();
      await goto(p);
      await waitIdle(p);
      cold.push(await p.evaluate(timeRun, 'hello'));
      await p.close();

      const q = await context.newPage();
      await goto(q);
      await waitIdle(q);
      await q.hover('#snippet-hello [data-act=run]');
      await q.waitForTimeout(150);
      coldHover.push(await q.evaluate(timeRun, 'hello'));
      await q.close();
    }

    const p = await context.newPage();
    await goto(p);
    await waitIdle(p);
    await p.evaluate(timeRun, 'hello');
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      await waitIdle(p);
      await p.waitForTimeout(250);
      warm.push(await p.evaluate(timeRun, 'hello'));
    }

    const f = (n: number) => n.toFixed(1);
    console.log('');
    console.log('Runner: Run → first output line, one-line snippet, Chromium (headless), served from dist/');
    console.log(`  cold (first Run on a fresh page, median of ${COLD_RUNS}): ${f(median(cold))} ms   [${cold.map(f).join(', ')}]   target < 400 ms ${median(cold) < 400 ? 'OK' : 'MISSED'}`);
    console.log(`  cold after 150 ms hover on Run (median of ${COLD_RUNS}):  ${f(median(coldHover))} ms   [${coldHover.map(f).join(', ')}]`);
    const chunks = readdirSync(join(DIST, '_astro')).filter((n) => /^(worker|editor|session|Snippet\.astro).*\.js$/.test(n));
    const kb = (n: string) => (gzipSync(readFileSync(join(DIST, '_astro', n))).length / 1024).toFixed(1);
    const sizes = chunks.map((n) => `${n.replace(/[.-][\w-]{8}\.js$/, '').replace(/_astro_type_script.*$/, ' island')} ${kb(n)} KB`).join(', ');
    console.log(`  warm (later Runs, median of ${WARM_RUNS}):                ${f(median(warm))} ms   [min ${f(Math.min(...warm))}, max ${f(Math.max(...warm))}]   target < 50 ms ${median(warm) < 50 ? 'OK' : 'MISSED'}`);
    console.log(`  chunks (gzipped): ${sizes}`);
  } finally {
    await browser.close();
    close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
