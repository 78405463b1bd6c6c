// The reference lists everything a snippet can use: every export of the module
// "lernmi" maps to (values found by importing it, types by the compiler), every
// dataset function, and `show` with each function the runner really gives a snippet.
// Rendered through Astro's container API, as the build renders it.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import EngineApi from '../../components/course/EngineApi.astro';
import { lernmiEntry } from '../../components/course/engine-api';
import { makeShow } from '../../src/runner/worker/show';

const slug = (s: string) => `api-${s.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
const entry = lernmiEntry();

// Content collections are empty under Vitest, so the chapters are read from disk here.
const chapters = readdirSync('content/chapters').map((file) => {
  const body = readFileSync(`content/chapters/${file}`, 'utf8');
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(body)?.[1] ?? '';
  return { title: field('title'), order: Number(field('order')), url: `/chapters/${file.replace(/\.mdx$/, '')}/`, body };
});

/** The four parts as the build renders them (minus the dev-only source attributes Vitest's Astro adds). */
let rendered: Promise<string> | undefined;
const reference = () => (rendered ??= render());
async function render(): Promise<string> {
  const container = await AstroContainer.create();
  const parts = ['engine', 'types', 'datasets', 'show'];
  const html = await Promise.all(parts.map((part) => container.renderToString(EngineApi, { props: { part, chapters } })));
  return html.join('\n').replace(/ data-astro-source-(file|loc)="[^"]*"/g, '');
}

/** Markdown syntax left in text: any backtick, or an asterisk that opens or closes emphasis (not `a * b`). */
const rawMarkdown = (text: string) => /`|(^|[\s(])\*+\S|\S\*+($|[\s.,;:)])/.test(text);

/** Names a snippet can import: the values by running the module, the types by the compiler. */
async function exportedNames(): Promise<string[]> {
  const runtime = (await import(/* @vite-ignore */ resolve(entry))) as Record<string, unknown>;
  const names = Object.keys(runtime);
  for (const [name, value] of Object.entries(runtime)) {
    // A namespace of functions (datasets): each function is listed as datasets.name.
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === null) {
      for (const [k, v] of Object.entries(value)) if (typeof v === 'function') names.push(`${name}.${k}`);
    }
  }
  const program = ts.createProgram([entry], { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, noEmit: true });
  const checker = program.getTypeChecker();
  const types = checker
    .getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)
    .filter((s) => !(checker.getAliasedSymbol(s).flags & ts.SymbolFlags.Value))
    .map((s) => s.name);
  return [...new Set([...names, ...types])];
}

describe('the reference', () => {
  it('lists every export of "lernmi", each dataset function and every show function', async () => {
    const html = await reference();
    const names = await exportedNames();
    for (const n of ['Network', 'Neuron', 'Link', 'datasets.xor', 'datasets.circle', 'datasets.gauss', 'datasets.spiral']) expect(names).toContain(n);
    const show = makeShow(() => {});
    const showNames = ['show', ...Object.keys(show).map((k) => `show.${k}`)];
    expect(showNames).toEqual(['show', 'show.table', 'show.plot', 'show.network', 'show.heatmap', 'show.activation', 'show.errorCurve', 'show.training', 'show.steps']);
    const missing = [...names, ...showNames].filter((n) => !html.includes(`id="${slug(n)}"`));
    expect(missing, 'missing from the reference').toEqual([]);
  });

  it('gives each entry a signature, a repository-relative source line and its first chapter', async () => {
    const html = await reference();
    expect(html).not.toContain(process.cwd());
    const xor = html.slice(html.indexOf(`id="${slug('datasets.xor')}"`));
    expect(xor).toMatch(/^[^]*?Defined in <code>src\/datasets\/index\.ts:\d+<\/code>/);
    expect(xor).toMatch(/^[^]*?<code>datasets\.xor\(options\?: DatasetOptions\): Sample\[\]<\/code>/);
    const network = html.slice(html.indexOf(`id="${slug('Network')}"`));
    expect(network).toMatch(/^[^]*?First used in <a href="\/chapters\/01-[^"]+\/">chapter 1,/);
    const table = html.slice(html.indexOf(`id="${slug('show.table')}"`));
    expect(table).toMatch(/^[^]*?Defined in <code>src\/runner\/[\w/.-]+\.ts:\d+<\/code>/);
  });

  it('renders doc comments as Markdown: code spans and emphasis, no raw backticks or asterisks', async () => {
    const html = await reference();
    const docs = [...html.matchAll(/<div class="api-doc"[^>]*>([^]*?)<\/div>/g)].map((m) => m[1]);
    expect(docs.length).toBeGreaterThan(20);
    expect(docs.some((d) => d.includes('<code>'))).toBe(true);
    expect(docs.some((d) => d.includes('<em>'))).toBe(true);
    const text = docs.map((d) => d.replace(/<pre[^]*?<\/pre>/g, '').replace(/<code>[^]*?<\/code>/g, '').replace(/<[^>]+>/g, ''));
    expect(text.filter(rawMarkdown), 'raw Markdown in a doc comment').toEqual([]);
    // The check itself sees what the old reference showed.
    expect(rawMarkdown('from the neuron\'s *value*')).toBe(true);
    expect(rawMarkdown('Called by `new Link(from, this, weight)`')).toBe(true);
    expect(rawMarkdown('weights[l][j * (n + 1) + i]')).toBe(false);
  });
});
