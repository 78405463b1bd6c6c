// Finds a Chromium for Playwright and Lighthouse, in this order:
//   1. $CHROMIUM_PATH
//   2. Playwright's own browser (`playwright install chromium`), if it is on disk
//   3. a system chromium / chromium-browser / google-chrome on $PATH
// Returns the absolute path, or null. Shared by scripts/ensure-chromium.mjs,
// playwright.config.ts and scripts/audit.mjs, so they always agree.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

const require = createRequire(import.meta.url);

function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isFile(join(dir, name))) return join(dir, name);
  }
  return null;
}

function playwrightChromium() {
  try {
    const { chromium } = require('playwright-core');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** @returns {{ path: string, source: string } | null} */
export function findChromium() {
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (isFile(env)) return { path: env, source: 'CHROMIUM_PATH' };
    console.warn(`CHROMIUM_PATH=${env} is not a file; looking elsewhere.`);
  }
  const own = playwrightChromium();
  if (own) return { path: own, source: "Playwright's browser" };
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const p = onPath(name);
    if (p) return { path: p, source: `system ${name}` };
  }
  return null;
}

/**
 * How every test tool starts Chromium here: headless, and without the background
 * services that would try to reach Google over this machine's closed network.
 */
export const chromiumFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath() {
  return findChromium()?.path ?? null;
}
