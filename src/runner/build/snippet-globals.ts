// What a snippet sees besides its imports, as TypeScript declarations, for type-checking
// every chapter snippet (tests/support/check-snippets.ts). Not a copy kept by hand: it
// points at the real types, `show` at ShowFunction (src/runner/worker/show.ts, what the
// worker hands a snippet) and "lernmi" at the engine through the checker's `paths`.
import { join } from 'node:path';

export function snippetGlobalsDts(root: string): string {
  const show = join(root, 'src/runner/worker/show').replace(/\\/g, '/');
  return `declare const show: import(${JSON.stringify(show)}).ShowFunction;\n`;
}
