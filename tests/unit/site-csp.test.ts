// scripts/csp.mjs: what the build adds to Astro's meta policy.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { csp, finishPolicy } from '../../scripts/csp.mjs';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('finishPolicy', () => {
  const policy = "default-src 'self'; script-src 'self' 'sha256-AAA='; style-src 'self' 'sha256-BBB='";
  const html = '<script>one()</script><script type="module" src="/x.js"></script><script is:inline>\n two()\n</script><style>p{}</style>';

  test('adds the hash of every inline script, once, and none for a script with src', () => {
    const out = finishPolicy(policy, html + '<script>one()</script>');
    const script = out.split('; ').find((d: string) => d.startsWith('script-src'))!;
    expect(script).toBe(`script-src 'self' 'sha256-AAA=' ${hash('one()')} ${hash('\n two()\n')}`);
  });

  test('styles: the site and inline ones (CodeMirror, KaTeX, Shiki), no hashes beside them', () => {
    expect(finishPolicy(policy, html)).toContain("style-src 'self' 'unsafe-inline'");
    expect(finishPolicy(policy, html)).not.toContain('BBB');
  });

  test('the configured policy names no other origin', () => {
    const all = [...csp.directives, ...csp.scriptDirective.resources, ...csp.styleDirective.resources].join(' ');
    expect(all).not.toMatch(/https?:|\*|wss?:/);
  });
});
