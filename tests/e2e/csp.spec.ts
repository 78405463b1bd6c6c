// The pages' own Content-Security-Policy (issue 10 §4, scripts/csp.mjs): every page carries
// one that allows only the site's own scripts, styles, fonts and images, and using the site
// (reading, searching, running and editing a snippet) sends no request off the site and
// trips no refusal of the page's own policy.
import { expect, test } from '@playwright/test';
import { discoverPages, watchErrors } from './site-helpers';

const pages = discoverPages();

/** The page's meta policy as directive → sources. */
function policyOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
  const map = new Map<string, string[]>();
  for (const d of (content ?? '').split(';').map((x) => x.trim()).filter(Boolean)) {
    const [name, ...sources] = d.split(/\s+/);
    map.set(name!, sources);
  }
  return map;
}

test('every page carries a policy that allows only the site’s own resources', () => {
  for (const p of pages) {
    const policy = policyOf(p.html);
    expect(policy.get('default-src'), p.name).toEqual(["'self'"]);
    const script = policy.get('script-src') ?? [];
    expect(script, p.name).toContain("'self'");
    expect(script.filter((s) => !/^'(self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/=]+)'$/.test(s)), `${p.name}: script sources`).toEqual([]);
    for (const d of ['img-src', 'font-src', 'connect-src', 'style-src', 'frame-src', 'worker-src']) {
      expect((policy.get(d) ?? []).filter((s) => /^(https?:|\*|wss?:)/.test(s)), `${p.name}: ${d}`).toEqual([]);
    }
    expect(policy.get('object-src'), p.name).toEqual(["'none'"]);
  }
});

test('reading, searching, running and editing: no request leaves the site, no refusal', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const offSite: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !/^(blob|data):/.test(u)) offSite.push(u);
  });
  const errors = watchErrors(page);
  const chapter = pages.find((p) => p.kind === 'chapter' && p.html.includes('<lernmi-snippet'))!;
  await page.goto(chapter.path);
  await page.waitForFunction(() => !!customElements.get('lernmi-snippet'));
  const s = page.locator('lernmi-snippet').first();
  await s.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(s.getByRole('log')).toContainText(/Done in/);
  await s.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(s.getByRole('textbox', { name: /Code editor/ })).toBeFocused();
  const search = page.getByRole('searchbox').first();
  if (await search.count()) {
    await search.fill('neuron');
    await expect(page.locator('.search-results li').first()).toBeVisible();
  }
  expect(offSite).toEqual([]);
  expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
});
