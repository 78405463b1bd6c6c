// Finds runnable snippets in a chapter's markdown tree. Used by the remark plugin that
// turns them into <Snippet> elements and by the test suite that type-checks and runs
// every one of them, so both see exactly the same snippets.
//
// Authoring syntax (see README, "Writing a runnable snippet"):
//
//   ```ts run title="Sum two links" timeout=30 id="sum"
//   import { Network } from "lernmi";   // @hide
//   const net = new Network([2, 1], { seed: 7 });
//   console.log(net.propagate([1, 0]));
//   ```
//   ```output
//   [0.5]
//   ```
//
// - `run` marks the block runnable (lang ts, typescript, js or javascript).
// - `title="…"` is the caption; `timeout=30` the time limit in seconds (default 5, max 120);
//   `id="…"` a stable name for saved edits and share links (default: its position).
// - Lines ending in `// @hide` (or between `// @hide-start` and `// @hide-end`) are setup
//   the reader does not see; they must come first and run before the visible code.
// - An ```output block right after the snippet (or `expect="…"`) is the expected output:
//   the tests compare it, and readers can open it.

export interface SnippetMeta {
  title?: string;
  timeout?: number;
  id?: string;
  expect?: string;
}

export interface ParsedSnippet extends SnippetMeta {
  /** 0-based position among the chapter's runnable snippets */
  index: number;
  /** a stable identifier within the chapter: meta id or `s<index+1>` */
  key: string;
  lang: string;
  /** the code the reader sees */
  code: string;
  /** hidden setup lines, run before `code` (empty when none) */
  setup: string;
  /** 1-based line in the chapter file where the fence opens */
  line?: number;
  /** 1-based line in the chapter file of the first code line (hidden or not) */
  codeLine?: number;
}

export interface MdNode {
  type: string;
  lang?: string | null;
  meta?: string | null;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number }; end: { line: number } };
  [k: string]: unknown;
}

const RUNNABLE_LANGS = new Set(['ts', 'typescript', 'js', 'javascript']);

/** Parses `run title="A b" timeout=30 flag` into key/value pairs (quotes: "…" or '…'). */
export function parseMetaString(meta: string): Map<string, string | true> {
  const out = new Map<string, string | true>();
  const re = /([A-Za-z_][\w-]*)(?:\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|\{([^}]*)\}|([^\s"']+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(meta))) {
    const raw = m[2] ?? m[3] ?? m[4] ?? m[5];
    out.set(m[1]!, raw === undefined ? true : raw.replace(/\\(["'\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c)));
  }
  return out;
}

export function isRunnable(node: MdNode): boolean {
  if (node.type !== 'code' || !node.lang || !RUNNABLE_LANGS.has(node.lang)) return false;
  return parseMetaString(node.meta ?? '').get('run') === true;
}

export class SnippetError extends Error {}

/** Splits code into hidden setup (which must come first) and the visible code. */
export function splitHidden(value: string): { setup: string; code: string } {
  const lines = value.split('\n');
  const setup: string[] = [];
  const visible: string[] = [];
  let inBlock = false;
  let seenVisible = false;
  const misplaced = (i: number) => new SnippetError(`line ${i + 1} of the snippet: hidden lines must come before the visible code`);
  for (const [i, line] of lines.entries()) {
    const t = line.trim();
    if (/^\/\/\s*@hide-start\b/.test(t)) {
      inBlock = true;
      if (seenVisible) throw misplaced(i);
      setup.push(''); // keep line numbers of the setup stable
      continue;
    }
    if (/^\/\/\s*@hide-end\b/.test(t)) {
      inBlock = false;
      setup.push('');
      continue;
    }
    const hidden = inBlock || /\/\/\s*@hide\s*$/.test(line);
    if (hidden) {
      if (seenVisible) throw misplaced(i);
      setup.push(line.replace(/\s*\/\/\s*@hide\s*$/, ''));
    } else {
      seenVisible = true;
      visible.push(line);
    }
  }
  if (inBlock) throw new SnippetError('`// @hide-start` without `// @hide-end`');
  return { setup: setup.length ? setup.join('\n') : '', code: visible.join('\n') };
}

/**
 * Reads one runnable block. `next` is its next sibling: an ```output block there becomes
 * the expected output unless the meta gives `expect="…"`; `consumedOutput` says it did.
 */
export function parseSnippetNode(node: MdNode, index: number, next?: MdNode): { snippet: ParsedSnippet; consumedOutput: boolean } {
  const meta = parseMetaString(node.meta ?? '');
  const str = (k: string) => {
    const v = meta.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const { setup, code } = splitHidden(node.value ?? '');
  const s: ParsedSnippet = { index, key: '', lang: node.lang ?? 'ts', code, setup };
  const title = str('title');
  if (title) s.title = title;
  const timeout = str('timeout');
  if (timeout !== undefined) {
    const t = Number(timeout);
    if (!Number.isFinite(t) || t <= 0 || t > 120) throw new SnippetError(`timeout must be a number of seconds from 1 to 120, got "${timeout}"`);
    s.timeout = t;
  }
  const id = str('id');
  if (id !== undefined) {
    if (!/^[A-Za-z][\w-]{0,40}$/.test(id)) throw new SnippetError(`id must be letters, digits, - or _, got "${id}"`);
    s.id = id;
  }
  s.key = s.id ?? `s${index + 1}`;
  const expect = str('expect');
  const consumedOutput = expect === undefined && next?.type === 'code' && next.lang === 'output';
  if (expect !== undefined) s.expect = expect;
  else if (consumedOutput) s.expect = next.value ?? '';
  if (node.position) {
    s.line = node.position.start.line;
    s.codeLine = node.position.start.line + 1;
  }
  return { snippet: s, consumedOutput };
}

export interface Found {
  snippet: ParsedSnippet;
  node: MdNode;
  parent: MdNode;
  /** index of node in parent.children */
  at: number;
  /** true when the next sibling is the ```output block this snippet consumed */
  consumedOutput: boolean;
}

/** Every runnable snippet in document order. Errors name the chapter line. */
export function collectRunnable(tree: MdNode, fileLabel = 'chapter'): Found[] {
  const found: Found[] = [];
  const walk = (parent: MdNode) => {
    const kids = parent.children ?? [];
    for (let i = 0; i < kids.length; i++) {
      const node = kids[i]!;
      if (isRunnable(node)) {
        let parsed: ReturnType<typeof parseSnippetNode>;
        try {
          parsed = parseSnippetNode(node, found.length, kids[i + 1]);
        } catch (e) {
          const line = node.position?.start.line;
          throw new SnippetError(`${fileLabel}${line ? `:${line}` : ''}: runnable snippet: ${(e as Error).message}`);
        }
        found.push({ ...parsed, node, parent, at: i });
      } else if (node.children) walk(node);
    }
  };
  walk(tree);
  const keys = new Set<string>();
  for (const f of found) {
    if (keys.has(f.snippet.key)) throw new SnippetError(`${fileLabel}:${f.snippet.line ?? '?'}: two snippets share the id "${f.snippet.key}"`);
    keys.add(f.snippet.key);
  }
  return found;
}

/** A chapter's slug from its file path: `content/chapters/01-intro.mdx` → `01-intro`. */
export function slugFromPath(path: string | undefined): string {
  if (!path) return 'page';
  const base = path.replace(/\\/g, '/').split('/').pop() ?? 'page';
  return base.replace(/\.(mdx?|markdown)$/i, '').replace(/^index$/, 'page');
}
