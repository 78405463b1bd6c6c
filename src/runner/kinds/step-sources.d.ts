// The engine lines the step-through figure quotes, highlighted at build time
// (components/course/figures/vite-step-sources.ts). Declared here, beside the page-side
// view that imports it (steps-view.ts).
declare module 'virtual:lernmi/step-sources' {
  export const STEP_SOURCES: {
    blocks: import('./steps-markup').SourceBlock[];
    refs: Record<import('./steps-model').SourceKey, { block: number; lines: number[] }>;
  };
}
