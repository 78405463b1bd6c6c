// Doc comments are Markdown (`code`, *emphasis*, [links](…)): the reference renders
// them with Astro's own Markdown processor, configured as the site's pages are (the
// course's Shiki themes for any code block), so they read like the rest of the page.
import { createMarkdownProcessor, type MarkdownProcessor } from '@astrojs/markdown-remark';
import { shikiThemes } from './shiki-themes.mjs';

let processor: Promise<MarkdownProcessor> | undefined;

/** HTML for one doc comment; '' for none. */
export async function renderDoc(markdown: string): Promise<string> {
  if (!markdown.trim()) return '';
  processor ??= createMarkdownProcessor({ shikiConfig: { themes: shikiThemes, defaultColor: false } });
  return (await (await processor).render(markdown)).code;
}
