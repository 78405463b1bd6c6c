// The editor's completions, generated at build time (src/runner/build/vite-engine-names.ts).
declare module 'virtual:lernmi/engine-names' {
  export const ENGINE_NAMES: import('../build/engine-names').NameInfo[];
}
