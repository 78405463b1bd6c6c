import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

// BASE_PATH lets the static build live under a sub-path (e.g. GitHub Pages: /lernmi/).
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  integrations: [mdx()], // MDX inherits the markdown config below
  vite: { worker: { format: 'es' } }, // module workers that import npm packages
  markdown: {
    remarkPlugins: [remarkMath],
    // A broken formula must fail the build, not ship as red text.
    rehypePlugins: [[rehypeKatex, { strict: 'error', throwOnError: true }]],
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
  },
});
