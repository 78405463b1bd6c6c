// Node-only: finds, type-checks and runs the runnable snippets of chapters. Used by
// tests/unit/snippets.test.ts (every snippet in content/) and by its own unit tests.
// Uses the same parser as the remark plugin (src/runner/build/parse.ts) and the same
// executor as the page's worker (src/runner/worker/execute.ts). Every problem is reported as `file:line[:col]: message`.
import { join } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import { collectRunnable, type MdNode, type ParsedSnippet } from '../../src/runner/build/parse';
import { snippetGlobalsDts } from '../../src/runner/build/snippet-globals';
import { entryText, type OutputEntry } from '../../src/runner/kinds/index';
import { LIMITS } from '../../src/runner/kinds/protocol';
import { foldLive } from '../../src/runner/kinds/training';
import { execute } from '../../src/runner/worker/execute';
import { joinSource } from '../../src/runner/worker/source-map';
import { longLines, MAX_SNIPPET_LINE } from './line-length';

export interface SnippetCase {
  /** chapter file, relative to the repo */
  file: string;
  snippet: ParsedSnippet;
  /** chapter line of the first line of setup + code */
  firstLine: number;
  /** "file:line (snippet key "title")" */
  where: string;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath);

export function extractSnippets(source: string, file: string): SnippetCase[] {
  const tree = parser.parse(source) as unknown as MdNode;
  return collectRunnable(tree, file).map(({ snippet: s }) => ({
    file,
    snippet: s,
    firstLine: s.codeLine ?? 1,
    where: `${file}:${s.line ?? '?'} (snippet ${s.key}${s.title ? ` "${s.title}"` : ''})`,
  }));
}

/** Type-checks all cases in one program; returns diagnostics per case, with chapter lines. */
export function typeCheckSnippets(all: SnippetCase[], root: string): Map<SnippetCase, string[]> {
  const virtual = new Map<string, string>();
  const byFile = new Map<string, SnippetCase>();
  all.forEach((c, i) => {
    const name = join(root, `__snippets__/snippet-${i}.ts`);
    const { source } = joinSource(c.snippet.code, c.snippet.setup || undefined);
    virtual.set(name, `${source}\nexport {};\n`); // a module, so top-level await type-checks
    byFile.set(name, c);
  });
  virtual.set(join(root, '__snippets__/globals.d.ts'), snippetGlobalsDts(root));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    baseUrl: root,
    paths: { lernmi: ['./src/lernmi.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) =>
    virtual.has(name) ? ts.createSourceFile(name, virtual.get(name)!, lang) : getSourceFile(name, lang, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const result = new Map<SnippetCase, string[]>();
  const add = (c: SnippetCase, m: string) => result.set(c, [...(result.get(c) ?? []), m]);
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const c = d.file ? byFile.get(d.file.fileName) : undefined;
    const msg = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!c) {
      // A problem outside the snippets (say, in the engine's types) concerns them all.
      const at = d.file ? d.file.fileName.replace(root + '/', '') : 'compiler options';
      for (const k of all) add(k, `${at}: TS${d.code}: ${msg}`);
      continue;
    }
    const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
    add(c, `${c.file}:${c.firstLine + line}:${character + 1}: TS${d.code}: ${msg}`);
  }
  return result;
}

const normalise = (s: string) => s.replace(/\r\n/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim();

export interface RunReport {
  /** empty when the snippet ran cleanly and printed what the chapter expects */
  problems: string[];
  output: string;
}

/**
 * Runs the synchronous part of a call under vm with a time limit, so `while (true) {}`
 * throws "Script execution timed out" instead of hanging the test run. (Code after an
 * `await` is not covered; the test's own timeout is the backstop there.)
 */
export function invokeWithTimeout(ms: number) {
  return (call: () => Promise<unknown>) => {
    const g = globalThis as { __lernmiCall?: () => Promise<unknown> };
    g.__lernmiCall = call;
    try {
      return new vm.Script('globalThis.__lernmiCall()').runInThisContext({ timeout: ms }) as Promise<unknown>;
    } finally {
      delete g.__lernmiCall;
    }
  };
}

/** Runs a case through execute() with the engine; compares against its expected output. */
export async function runSnippetCase(c: SnippetCase, engine: unknown): Promise<RunReport> {
  const out: OutputEntry[] = [];
  const r = await execute(c.snippet.code, {
    modules: { lernmi: engine },
    setup: c.snippet.setup || undefined,
    emit: (e) => out.push(e),
    invoke: invokeWithTimeout((c.snippet.timeout ?? LIMITS.timeLimitSeconds) * 1000),
  });
  // Curves drawn while training arrive in parts: shown, as on the page, whole.
  const output = foldLive(out).map(entryText).join('\n');
  const problems: string[] = [];
  if (!r.ok) {
    const e = r.error!;
    const pos = e.position;
    const setupLines = c.snippet.setup ? c.snippet.setup.split('\n').length : 0;
    const line = pos ? c.firstLine + (pos.hidden ? pos.line - 1 : setupLines + pos.line - 1) : c.snippet.line;
    problems.push(`${c.file}:${line}${pos ? `:${pos.column}` : ''}: ${e.name}: ${e.message} (in ${c.where})`);
  }
  for (const e of out) if (e.kind === 'log' && e.level === 'error') problems.push(`${c.where}: logged an error: ${e.text}`);
  if (r.ok && c.snippet.expect !== undefined && normalise(output) !== normalise(c.snippet.expect)) {
    problems.push(`${c.where}: output differs from the expected output\n--- expected\n${normalise(c.snippet.expect)}\n--- actual\n${normalise(output)}`);
  }
  return { problems, output };
}

/**
 * The chapter line of each visible line of a case that is too long for the code column.
 * `excused` lines (exact text) are left out.
 */
export function lineLengthProblems(c: SnippetCase, excused: ReadonlySet<string> = new Set(), max = MAX_SNIPPET_LINE): string[] {
  const setupLines = c.snippet.setup ? c.snippet.setup.split('\n').length : 0;
  const lines = c.snippet.code.split('\n');
  return longLines(c.snippet.code, max)
    .filter(([line]) => !excused.has(lines[line - 1]!))
    .map(([line, length]) => `${c.file}:${c.firstLine + setupLines + line - 1}: ${length} characters; a snippet line fits the code column at 1280 px up to ${max} (in ${c.where})`);
}
