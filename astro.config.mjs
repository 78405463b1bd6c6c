import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { shikiThemes } from './components/course/shiki-themes.mjs';
import rehypeScrollable from './components/course/rehype-scrollable.mjs';
import remarkSnippets from './src/runner/build/remark-snippets.ts';
import { engineNamesPlugin } from './src/runner/build/vite-engine-names.ts';
import { stepSourcesPlugin } from './components/course/figures/vite-step-sources.ts';
import { csp, cspFinish } from './scripts/csp.mjs';

// BASE_PATH lets the static build live under a sub-path (e.g. GitHub Pages: /lernmi/).
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  integrations: [mdx(), cspFinish()], // MDX inherits the markdown config below
  // Every page carries a policy allowing only the site's own resources (scripts/csp.mjs).
  experimental: { csp },
  vite: {
    // The runner worker is a classic script: it starts from a blob: URL inside an
    // opaque-origin frame, where a module worker does not start (src/runner/README.md).
    worker: { format: 'iife' },
    // The editor's completions, read from the engine's types; the engine lines show.steps' figure quotes.
    plugins: [engineNamesPlugin(), stepSourcesPlugin()],
  },
  markdown: {
    remarkPlugins: [remarkMath, remarkSnippets], // remarkSnippets: ```ts run → <Snippet>
    // A broken formula must fail the build, not ship as red text.
    rehypePlugins: [[rehypeKatex, { strict: 'error', throwOnError: true }], rehypeScrollable],
    // GitHub's themes with every token colour raised to WCAG AA on the site's code background.
    shikiConfig: { themes: shikiThemes, defaultColor: false },
  },
});
