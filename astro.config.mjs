import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { shikiThemes } from './components/course/shiki-themes.mjs';
import rehypeScrollable from './components/course/rehype-scrollable.mjs';
import remarkSnippets from './src/runner/build/remark-snippets.ts';
import { engineNamesPlugin } from './src/runner/build/vite-engine-names.ts';

// BASE_PATH lets the static build live under a sub-path (e.g. GitHub Pages: /lernmi/).
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  integrations: [mdx()], // MDX inherits the markdown config below
  vite: {
    worker: { format: 'es' }, // module workers that import npm packages
    plugins: [engineNamesPlugin()], // the editor's completions, read from the engine's types
  },
  markdown: {
    remarkPlugins: [remarkMath, remarkSnippets], // remarkSnippets: ```ts run → <Snippet>
    // A broken formula must fail the build, not ship as red text.
    rehypePlugins: [[rehypeKatex, { strict: 'error', throwOnError: true }], rehypeScrollable],
    // GitHub's themes with every token colour raised to WCAG AA on the site's code background.
    shikiConfig: { themes: shikiThemes, defaultColor: false },
  },
});
