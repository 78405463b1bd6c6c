// Build-time rendering for the step-through figure: each step's TeX through KaTeX, and
// the engine members the steps point at through Shiki, with every line numbered so the
// page can mark the one a step computed. Nothing here runs in the browser: <StepThrough>
// uses it, and so does vite-step-sources.ts, which hands the highlighted members to the
// figure show.steps draws in the page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import katex from 'katex';
import { codeToHtml } from 'shiki';
import { extractDeclaration } from '../engine-source';
import { shikiThemes } from '../shiki-themes.mjs';
import { STEP_KATEX, alignedTex } from '../../../src/runner/kinds/steps-tex';
import { SOURCES, type SourceKey, type SourceRef } from '../../../src/runner/kinds/steps-model';
import type { SourceBlock as Block } from '../../../src/runner/kinds/steps-markup';

/** KaTeX with \htmlClass allowed (and nothing else that `trust` would open). */
export function renderStepTex(tex: string): string {
  return katex.renderToString(alignedTex(tex), STEP_KATEX);
}

export interface SourceBlock extends Block {
  endLine: number;
  code: string;
}

/**
 * One block per engine member, and per source (SOURCES in steps-model.ts, one per step
 * or each of the list once) the member and the 1-based lines in it.
 */
export async function renderSources(sources: readonly SourceKey[], dir = 'src/engine') {
  const blocks: SourceBlock[] = [];
  const keys = new Map<string, number>();
  const refs: { block: number; lines: number[] }[] = [];
  for (const source of sources) {
    const ref = SOURCES[source];
    const key = `${ref.file}:${ref.name}`;
    if (!keys.has(key)) {
      keys.set(key, blocks.length);
      blocks.push(await renderBlock(ref, dir));
    }
    const block = keys.get(key)!;
    refs.push({ block, lines: findLines(blocks[block].code, ref) });
  }
  return { blocks, refs };
}

async function renderBlock(ref: SourceRef, dir: string): Promise<SourceBlock> {
  const path = resolve(process.cwd(), dir, ref.file);
  const extracted = extractDeclaration(readFileSync(path, 'utf8'), ref.name, `${dir}/${ref.file}`);
  const html = await codeToHtml(extracted.code, {
    lang: 'ts',
    themes: shikiThemes,
    defaultColor: false,
    transformers: [
      {
        pre(node) {
          this.addClassToHast(node, 'astro-code');
          node.properties.tabindex = '0';
          node.properties.role = 'group';
          node.properties['aria-label'] = `Source of ${ref.name}`;
          node.properties['data-pagefind-ignore'] = '';
        },
        line(node, line) {
          node.properties['data-line'] = String(line);
        },
      },
    ],
  });
  return { file: `${dir}/${ref.file}`, name: ref.name, startLine: extracted.startLine, endLine: extracted.endLine, html, code: extracted.code };
}

/** The 1-based lines of `code` containing each of ref.lines; each must be there exactly once. */
export function findLines(code: string, ref: Pick<SourceRef, 'name' | 'file' | 'lines'>): number[] {
  const lines = code.split('\n');
  return ref.lines.map((text) => {
    const at = lines.flatMap((l, i) => (l.includes(text) ? [i + 1] : []));
    if (at.length !== 1) {
      throw new Error(
        `<StepThrough>: the engine's ${ref.name} (${ref.file}) has ${at.length} lines containing "${text}"; ` +
          'the figure marks that line, so it must be there exactly once. Update SOURCES in src/runner/kinds/steps-model.ts.',
      );
    }
    return at[0];
  });
}
