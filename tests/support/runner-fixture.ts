// The runner's fault snippets, served by the test setup rather than built into the site:
// readers get only reader pages in dist/. The fixture page is a built chapter page with
// its snippets swapped for these, so it loads the site's own CSS and runner bundle, as a
// reader's page does; only the snippets' code is set here (plain, unhighlighted lines).
// Used by tests/e2e/runner.spec.ts (through a Playwright route) and bench/runner.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the fixture page is served, under the site's base path. */
export const FIXTURE_PATH = 'test-fixtures/runner/';
/** The chapter slug the fixture snippets save their edits under. */
export const FIXTURE_CHAPTER = 'test-runner';

export interface FixtureSnippet {
  key: string;
  title: string;
  code: string;
  setup?: string;
  /** time limit in seconds */
  timeout?: number;
}

const S = (key: string, title: string, code: string, extra: { setup?: string; timeout?: number } = {}): FixtureSnippet => ({ key, title, code, ...extra });
const ENGINE = 'import { Network } from "lernmi";';

/** One snippet per fault the runner must survive, plus a friendly one. */
export const FIXTURE_SNIPPETS: FixtureSnippet[] = [
  S('hello', 'Hello', 'console.log("hello", 1 + 1);'),
  S('loop', 'Endless loop', 'let n = 0;\nwhile (true) {\n  n++;\n}'),
  S('recursion', 'Deep recursion', 'function down(n: number): number {\n  return down(n + 1) + 1;\n}\nconsole.log(down(0));'),
  S('syntax', 'Syntax error', 'const a = 1;\nconst b = 2;\nconst c = (a +;\nconsole.log(c);'),
  S('runtime', 'Runtime error', 'const values = [1, 2, 3];\nlet total = 0;\nfor (const v of values) {\n  total += v;\n}\nconst missing: any = undefined;\nconsole.log(missing.weight);\n'),
  S('timers', 'Timers', 'let i = 0;\nsetInterval(() => console.log("tick", i++), 100);'),
  S('flood', 'Flood of output', 'for (let i = 0; i < 1_000_000; i++) console.log("line", i);'),
  S('html', 'HTML in output', 'console.log("<img src=x onerror=alert(1)>");\nconsole.log("<b>not bold</b>");'),
  S('nan', 'Training diverges', 'const net = new Network([1, 4, 1], { activation: "relu", outputActivation: "linear", trainingRate: 5, seed: 1 });\nfor (let step = 0; step < 1000; step++) net.learn([10], [1000]);\nconsole.log("never printed");', { setup: ENGINE }),
  S('show', 'Table, plot and network', 'const net = new Network([2, 3, 1], { activation: "tanh", seed: 7 });\nconst errors: number[] = [];\nfor (let epoch = 0; epoch < 50; epoch++) errors.push(net.learn([0, 1], [1]));\nshow.table([{ epoch: 1, error: errors[0] }, { epoch: 50, error: errors[49] }]);\nshow.plot(errors, { title: "Error per step" });\nshow.network(net);\nconsole.log(net);', { setup: ENGINE }),
  S('print', 'Engine objects print themselves', 'const net = new Network([2, 3, 1], { activation: "tanh", seed: 7 });\nconsole.log(net.layers[1]![0]);\nconsole.log(net.layers[1]);\nconsole.log(net.links[0]);\nconsole.log(net);\nconsole.log(new Neuron("sigmoid", "y"));', { setup: 'import { Network, Neuron } from "lernmi";' }),
  S('spin2', 'Another endless loop', 'for (;;) {}'),
  S('short', 'Endless loop, 1 s limit', 'while (true) {}', { timeout: 1 }),
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Replaces the one match of `re` in `html`, or fails naming what the markup no longer has. */
function replaceOnce(html: string, re: RegExp, by: string, what: string): string {
  if (!re.test(html)) throw new Error(`runner fixture: the built snippet markup has no ${what}; update tests/support/runner-fixture.ts`);
  return html.replace(re, () => by);
}

function snippetMarkup(template: string, s: FixtureSnippet): string {
  const uid = /aria-labelledby="([^"]+)"/.exec(template)?.[1];
  if (!uid) throw new Error('runner fixture: the built snippet markup has no labelled figure');
  const code = `<pre class="astro-code" tabindex="0"><code>${s.code.split('\n').map((l) => `<span class="line">${escapeHtml(l)}</span>`).join('\n')}</code></pre>`;
  let html = template.split(uid).join(`snippet-${FIXTURE_CHAPTER}-${s.key}`);
  html = replaceOnce(html, /\sid="snippet-[^"]*"/, ` id="snippet-${s.key}"`, 'id');
  html = replaceOnce(html, /\sdata-code="[^"]*"/, ` data-code="${escapeHtml(s.code)}"`, 'data-code');
  html = html.replace(/\sdata-setup="[^"]*"/, '');
  if (s.setup) html = html.replace(/<lernmi-snippet/, `<lernmi-snippet data-setup="${escapeHtml(s.setup)}"`);
  html = replaceOnce(html, /\sdata-chapter="[^"]*"/, ` data-chapter="${FIXTURE_CHAPTER}"`, 'data-chapter');
  html = replaceOnce(html, /\sdata-key="[^"]*"/, ` data-key="${s.key}"`, 'data-key');
  html = replaceOnce(html, /\sdata-timeout="[^"]*"/, ` data-timeout="${s.timeout ?? 5}"`, 'data-timeout');
  html = replaceOnce(html, /<span class="snippet-title"([^>]*)>[^<]*<\/span>/, `<span class="snippet-title">${escapeHtml(s.title)}</span>`, 'title');
  html = replaceOnce(html, /aria-label="Output: [^"]*"/, `aria-label="Output: ${escapeHtml(s.title)}"`, 'output log');
  html = replaceOnce(html, /<pre class="astro-code[^"]*"[^>]*>[\s\S]*?<\/pre>/, code, 'highlighted code');
  return html.replace(/<details class="snippet-expected"[\s\S]*?<\/details>/, '');
}

/** The fixture page, made from the HTML of a built chapter page that has a snippet. */
export function fixturePage(chapterHtml: string, snippets: FixtureSnippet[] = FIXTURE_SNIPPETS): string {
  const template = /<lernmi-snippet[\s\S]*?<\/lernmi-snippet>/.exec(chapterHtml)?.[0];
  if (!template) throw new Error('runner fixture: the chapter page has no snippet to use as a template');
  // The scripts of the chapter's main element stay: the snippet island's is among them.
  const oldMain = /<main[\s\S]*<\/main>/.exec(chapterHtml)?.[0] ?? '';
  const scripts = oldMain.match(/<script\b[\s\S]*?<\/script>/g) ?? [];
  const main = `<main id="main" class="chapter" data-pagefind-ignore="all">
<h1>Runner test page</h1>
<p>Snippets that misbehave on purpose, for the runner's fault tests.</p>
${snippets.map((s) => snippetMarkup(template, s)).join('\n')}
${scripts.join('\n')}
</main>`;
  let page = replaceOnce(chapterHtml, /<main[\s\S]*<\/main>/, main, 'main element');
  page = page.replace(/<title>[^<]*<\/title>/, '<title>Runner test page</title>');
  return page;
}

/** The first chapter's path, as the landing page links it (e.g. "/chapters/01-x/"). */
export function firstChapterPath(landingHtml: string): string {
  const href = /href="([^"]*\/chapters\/[^"#]+\/)"/.exec(landingHtml)?.[1];
  if (!href) throw new Error('runner fixture: the landing page links no chapter');
  return href;
}

/** The fixture page built from a dist/ folder on disk. */
export function fixtureFromDist(dist: string, base = '/'): string {
  const chapter = firstChapterPath(readFileSync(join(dist, 'index.html'), 'utf8')).slice(base.length - 1);
  return fixturePage(readFileSync(join(dist, chapter, 'index.html'), 'utf8'));
}
