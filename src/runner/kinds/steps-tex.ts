// How a step's TeX goes through KaTeX: its lines aligned, and `trust` for \htmlClass
// only (the colour and box classes steps-model.ts writes). One definition for the build
// (<StepThrough>, renderToString) and the page (show.steps, render into an element).
import type { KatexOptions } from 'katex';

/** A step's TeX (lines joined by ` \\ `) as one aligned display. */
export function alignedTex(tex: string): string {
  return `\\begin{aligned}${tex.split(' \\\\ ').map((l) => `&${l}`).join(' \\\\ ')}\\end{aligned}`;
}

export const STEP_KATEX: KatexOptions = {
  displayMode: true,
  throwOnError: true,
  // \htmlClass is an HTML extension, which strict mode refuses; anything else is an error.
  strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error'),
  trust: (context) => context.command === '\\htmlClass',
};
