// The editor's completions, generated at build time (src/runner/build/vite-engine-names.ts
// reads them from the engine's types). The shape is declared here, on the page side that
// uses it; the generator imports this type.
declare module 'virtual:lernmi/engine-names' {
  export interface NameInfo {
    label: string;
    type: 'class' | 'function' | 'method' | 'property' | 'variable' | 'constant' | 'type' | 'interface';
    /** the signature, then the first sentence of its doc comment */
    info: string;
  }
  export const ENGINE_NAMES: NameInfo[];
}
