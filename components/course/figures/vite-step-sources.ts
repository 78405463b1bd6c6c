// A Vite plugin that serves `virtual:lernmi/step-sources`: every engine member a
// step-through step can point at (SOURCES in src/runner/kinds/steps-model.ts), highlighted
// by Shiki as <StepThrough> highlights them, and per source the lines it marks. The
// figure show.steps draws in the page imports it (in its lazily loaded chunk), so a
// reader's own figure shows the same engine lines with the same marking, and the page
// never loads Shiki. A line that is gone or appears twice fails the build (findLines).
import type { Plugin } from 'vite';
import { SOURCES, type SourceKey } from '../../../src/runner/kinds/steps-model';
import { renderSources } from './step-render';

export const STEP_SOURCES_MODULE = 'virtual:lernmi/step-sources';
const RESOLVED = `\0${STEP_SOURCES_MODULE}`;

/** The module's data: the blocks (without their plain code), and each source's block and lines. */
export async function stepSources(dir = 'src/engine') {
  const keys = Object.keys(SOURCES) as SourceKey[];
  const { blocks, refs } = await renderSources(keys, dir);
  return {
    blocks: blocks.map(({ file, name, startLine, html }) => ({ file, name, startLine, html })),
    refs: Object.fromEntries(keys.map((k, i) => [k, refs[i]])) as Record<SourceKey, { block: number; lines: number[] }>,
    files: [...new Set(blocks.map((b) => b.file))],
  };
}

export function stepSourcesPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'lernmi-step-sources',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === STEP_SOURCES_MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { blocks, refs, files } = await stepSources();
      for (const f of files) this.addWatchFile(`${root}/${f}`);
      return `export const STEP_SOURCES = ${JSON.stringify({ blocks, refs })};\n`;
    },
  };
}
