// The site's own Content-Security-Policy (issue 10, DESIGN §4), for astro.config.mjs.
// Astro 5's experimental.csp writes it as a <meta> tag in every page, with a hash for each
// script and style it emits, so any static host serves it without special headers. It
// allows only the site's own scripts, styles, fonts, images and connections: no request
// leaves the site. What Astro's config cannot say is added after the build:
// - the hash of every inline script and style the page has: Astro 5.18 does not hash an
//   `is:inline` script inside a component (the sidebar's open-before-paint line);
// - styles: `style-src 'self' 'unsafe-inline'`, without Astro's style hashes (beside which
//   'unsafe-inline' would be ignored). CodeMirror writes its theme into a <style> element
//   at run time (style-mod), which a static site can give neither a hash nor a nonce, and
//   KaTeX and Shiki write style attributes (KaTeX#4096). A style cannot run code, and with
//   img-src, font-src and connect-src at 'self' it cannot send anything off the site
//   either; scripts stay hash-only.
// `frame-ancestors` and `report-uri` are ignored in a meta policy, so they are not set.
// The runner's sandbox page (runner/sandbox.html) has its own, stricter policy and is not
// touched here: it is an endpoint, not an Astro page.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** experimental.csp for astro.config.mjs */
export const csp = {
  algorithm: 'SHA-256',
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:", // the build inlines the smallest font files as data: URLs
    "connect-src 'self'",
    "frame-src 'self'", // the runner's sandbox frame
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  // Pagefind's search index is WebAssembly: 'wasm-unsafe-eval' lets it compile, no more.
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
};

const STYLES = "style-src 'self' 'unsafe-inline'";

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The policy `policy` with the hashes of the page's inline scripts, and its styles as above. */
export function finishPolicy(policy, html) {
  const parts = policy.split(';').map((d) => d.trim()).filter(Boolean);
  const add = (name, sources) => {
    const i = parts.findIndex((d) => d.split(/\s+/)[0] === name);
    if (i < 0) return;
    const have = new Set(parts[i].split(/\s+/));
    const missing = [...new Set(sources)].filter((x) => !have.has(x));
    if (missing.length) parts[i] = `${parts[i]} ${missing.join(' ')}`;
  };
  const inline = (tag) => [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\ssrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'gi'))].map((m) => sha256(m[1]));
  add('script-src', inline('script'));
  const style = parts.findIndex((d) => d.split(/\s+/)[0] === 'style-src');
  if (style >= 0) parts[style] = STYLES;
  return parts.join('; ');
}

/** Finishes the meta policy of every built page under `dir`; returns how many changed. */
export function finishPolicies(dir) {
  let pages = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      pages += finishPolicies(path);
      continue;
    }
    if (!name.endsWith('.html')) continue;
    const html = readFileSync(path, 'utf8');
    const next = html.replace(/(<meta http-equiv="content-security-policy" content=")([^"]*)(")/, (_, a, policy, b) => a + finishPolicy(policy, html) + b);
    if (next !== html) {
      writeFileSync(path, next);
      pages++;
    }
  }
  return pages;
}

/** The Astro integration that runs finishPolicies on the build's output. */
export function cspFinish() {
  return {
    name: 'lernmi-csp-finish',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const n = finishPolicies(fileURLToPath(dir));
        logger.info(`inline script hashes and ${STYLES} set in the policy of ${n} page(s)`);
      },
    },
  };
}
