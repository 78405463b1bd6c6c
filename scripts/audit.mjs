// `npm run audit`: Lighthouse 12 (mobile preset, the default) on the landing page and
// the first chapter of the built site, served by `astro preview`, in the Chromium that
// scripts/find-chromium.mjs finds. Prints the four category scores, CLS, and the
// gzipped JavaScript a chapter loads before the reader interacts; checks the targets.
// Builds first if dist/ is missing. Reports go to lh/ (JSON and HTML).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromiumFlags, findChromium } from './find-chromium.mjs';

const PORT = Number(process.env.AUDIT_PORT ?? 4399);
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/').replace(/^\/?/, '/');
const origin = `http://127.0.0.1:${PORT}`;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const TARGETS = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1, cls: 0.05, jsKB: 40 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

if (!existsSync('dist/index.html')) {
  console.log('dist/ is missing: building first (npm run build).');
  const t = Date.now();
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env }).status !== 0) process.exit(1);
  console.log(`Build took ${((Date.now() - t) / 1000).toFixed(1)} s.`);
}
const chrome = findChromium();
if (!chrome) {
  console.error('No Chromium found: run `node scripts/ensure-chromium.mjs` or set CHROMIUM_PATH.');
  process.exit(1);
}
const chapters = existsSync('dist/chapters') ? readdirSync('dist/chapters').sort() : [];
const pages = [
  { name: 'landing', path: '' },
  ...(chapters.length ? [{ name: `chapter ${chapters[0]}`, path: `chapters/${chapters[0]}/`, chapter: true }] : []),
  // More pages on request: npm run audit -- reference/ chapters/02-x/
  ...process.argv.slice(2).map((path) => ({ name: path, path: path.replace(/^\//, ''), chapter: path.includes('chapters/') })),
];

const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin + base)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('astro preview did not start');
}

const flags = chromiumFlags.join(' ');

function lighthouse(url, out) {
  const r = spawnSync(
    'npx',
    [
      'lighthouse',
      url,
      `--chrome-flags=${flags}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      '--output=json',
      '--output=html',
      `--output-path=${out}`,
      '--quiet',
    ],
    { env: { ...env, CHROME_PATH: chrome.path }, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`lighthouse failed for ${url}`);
  return JSON.parse(readFileSync(`${out}.report.json`, 'utf8'));
}

/** GET with a fresh connection each time (the preview server drops idle keep-alive sockets). */
async function get(url) {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(url, { headers: { connection: 'close' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    } catch (e) {
      if (attempt >= 2) throw new Error(`fetching ${url}: ${e.cause?.message ?? e.message}`);
    }
  }
}

/** Gzipped bytes of every script the page loaded (from Lighthouse's network records) plus its inline scripts. */
async function scriptBytes(report, url) {
  const items = report.audits['network-requests']?.details?.items ?? [];
  const scripts = [...new Set(items.filter((i) => i.resourceType === 'Script').map((i) => i.url))];
  let external = 0;
  for (const s of scripts) {
    external += gzipSync(await get(s), { level: 9 }).length;
  }
  const html = (await get(url)).toString('utf8');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .filter((s) => s.trim());
  const inlineBytes = inline.length ? gzipSync(Buffer.from(inline.join('\n')), { level: 9 }).length : 0;
  return { files: scripts.length, external, inline: inlineBytes, total: external + inlineBytes };
}

let failed = false;
const check = (ok, label) => {
  if (!ok) failed = true;
  return `${ok ? 'ok ' : 'MISS'} ${label}`;
};

try {
  await waitForServer();
  mkdirSync('lh', { recursive: true });
  console.log(`Lighthouse 12, mobile preset, ${chrome.path} (${chrome.source})`);
  for (const p of pages) {
    const url = `${origin}${base}${p.path}`;
    const slug = p.path === '' ? 'landing' : p === pages[1] ? 'chapter' : p.path.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '');
    const report = lighthouse(url, `lh/${slug}`);
    const score = (k) => report.categories[k].score;
    const cls = report.audits['cumulative-layout-shift'].numericValue;
    const js = await scriptBytes(report, url);
    console.log(`\n${p.name}  (${url})`);
    for (const k of CATEGORIES) {
      const target = TARGETS[k];
      console.log(`  ${check(score(k) >= target, `${k.padEnd(16)}${score(k).toFixed(2)}  (${target === 1 ? '= 1' : `≥ ${target}`})`)}`);
    }
    console.log(`  ${check(cls < TARGETS.cls, `CLS             ${cls.toFixed(3)}  (< ${TARGETS.cls})`)}`);
    const fcp = report.audits['first-contentful-paint'].numericValue;
    const lcp = report.audits['largest-contentful-paint'].numericValue;
    const tbt = report.audits['total-blocking-time'].numericValue;
    console.log(`       FCP ${(fcp / 1000).toFixed(2)} s, LCP ${(lcp / 1000).toFixed(2)} s, TBT ${tbt.toFixed(0)} ms`);
    const kb = (b) => (b / 1024).toFixed(1);
    const line = `JS before interaction ${kb(js.total)} KB gzipped (${js.files} files ${kb(js.external)} KB + inline ${kb(js.inline)} KB)`;
    console.log(`  ${p.chapter ? check(js.total <= TARGETS.jsKB * 1024, `${line}  (≤ ${TARGETS.jsKB} KB)`) : `     ${line}`}`);
    // The audits that count towards the pass/fail categories (performance audits are metrics).
    const weighted = new Set(
      ['accessibility', 'best-practices', 'seo'].flatMap((c) => report.categories[c].auditRefs.filter((r) => r.weight > 0).map((r) => r.id)),
    );
    for (const a of Object.values(report.audits)) {
      if (a.score !== null && a.score < 1 && weighted.has(a.id)) console.log(`       failing audit: ${a.id} — ${a.title}`);
    }
  }
  console.log(`\nReports (HTML and JSON) in lh/`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  failed = true;
} finally {
  stop();
}
process.exit(failed ? 1 : 0);
