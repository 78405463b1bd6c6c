// Unit tests of the runner's parts that do not need a browser: the snippet parser and
// remark plugin, the executor (transpile, line mapping, timers, errors), formatting,
// storage keys, build-time <Computed>, and the snippet checker itself.
import { describe, expect, test } from 'vitest';
import * as engine from '../../src/lernmi';
import { execute, compile } from '../../src/runner/execute';
import { formatNumber, formatValue, tableEntry, entryText, networkEntry } from '../../src/runner/format';
import { parseMetaString, splitHidden, collectRunnable, type MdNode } from '../../src/runner/parse';
import remarkSnippets from '../../src/runner/remark-snippets';
import { hashCode, storageKey } from '../../src/runner/storage';
import { computeText } from '../../src/runner/computed';
import { ENGINE_NAMES } from '../../src/runner/completions';
import { extractSnippets, runSnippetCase, typeCheckSnippets } from '../../src/runner/check-snippets';
import type { OutputEntry } from '../../src/runner/protocol';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

async function run(code: string, setup?: string) {
  const out: OutputEntry[] = [];
  const r = await execute(code, { modules: { lernmi: engine }, setup, emit: (e) => out.push(e) });
  return { ...r, out, text: out.map(entryText).join('\n') };
}

describe('parse', () => {
  test('meta: run, quoted title, numbers, ids', () => {
    const m = parseMetaString('run title="Sum two \\"links\\"" timeout=30 id=\'sum\'');
    expect(m.get('run')).toBe(true);
    expect(m.get('title')).toBe('Sum two "links"');
    expect(m.get('timeout')).toBe('30');
    expect(m.get('id')).toBe('sum');
  });

  test('hidden lines come first and keep their line numbers', () => {
    expect(splitHidden('import { Network } from "lernmi"; // @hide\nconst a = 1;')).toEqual({
      setup: 'import { Network } from "lernmi";',
      code: 'const a = 1;',
    });
    expect(splitHidden('// @hide-start\nconst x = 1;\n// @hide-end\nx;')).toEqual({ setup: '\nconst x = 1;\n', code: 'x;' });
    expect(() => splitHidden('a;\nb; // @hide')).toThrow(/hidden lines must come before/);
  });

  test('the remark plugin turns ```ts run into <Snippet> and consumes ```output', () => {
    const tree: MdNode = {
      type: 'root',
      children: [
        { type: 'code', lang: 'ts', meta: 'run title="A"', value: 'console.log(1)', position: { start: { line: 3 }, end: { line: 5 } } },
        { type: 'code', lang: 'output', meta: null, value: '1' },
        { type: 'code', lang: 'ts', meta: null, value: 'not runnable' },
        { type: 'code', lang: 'ts', meta: 'run id="b" timeout=30', value: 'x; // @hide\ny' },
      ],
    };
    remarkSnippets()(tree, { path: '/x/content/chapters/02-neuron.mdx' });
    const kids = tree.children!;
    expect(kids.map((k) => k.type)).toEqual(['mdxJsxFlowElement', 'code', 'mdxJsxFlowElement']);
    const attrs = (k: MdNode) => Object.fromEntries((k.attributes as { name: string; value: string }[]).map((a) => [a.name, a.value]));
    expect(attrs(kids[0]!)).toMatchObject({ code: 'console.log(1)', title: 'A', expect: '1', chapter: '02-neuron', snippetKey: 's1', index: '0' });
    expect(attrs(kids[2]!)).toMatchObject({ code: 'y', setup: 'x;', timeout: '30', snippetKey: 'b', index: '1' });
  });

  test('a bad option fails the build naming the chapter line', () => {
    const tree: MdNode = { type: 'root', children: [{ type: 'code', lang: 'ts', meta: 'run timeout=999', value: '', position: { start: { line: 12 }, end: { line: 13 } } }] };
    expect(() => collectRunnable(tree, 'content/chapters/03.mdx')).toThrow('content/chapters/03.mdx:12: runnable snippet: timeout must be');
  });
});

describe('execute', () => {
  test('imports the engine as "lernmi", strips types, supports top-level await and exports', async () => {
    const r = await run('import { Network } from "lernmi";\nconst n: number = 2;\nawait Promise.resolve();\nexport const net = new Network([n, 1], { seed: 7 });\nconsole.log(net.propagate([1, 0]).length);');
    expect(r.ok).toBe(true);
    expect(r.text).toBe('1');
    expect(r.exports.net).toBeInstanceOf(engine.Network);
  });

  test('syntax errors: line and column of the reader’s code; nothing runs', async () => {
    const r = await run('console.log("ran");\nconst a = (1 +;');
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ name: 'SyntaxError', phase: 'syntax', position: { line: 2, column: 15 } });
    expect(r.out).toEqual([]);
  });

  test('syntax errors only V8 catches (a name declared twice) still get a line and column', async () => {
    const r = await run('const a: number = 1;\nlet total = 0;\nconsole.log(a);\nlet total = 2;');
    expect(r.error).toMatchObject({ name: 'SyntaxError', phase: 'syntax', message: "Identifier 'total' has already been declared", position: { line: 4, column: 5 } });
    expect(r.out).toEqual([]);
  });

  test('runtime errors map through the transpile (types stripped, imports rewritten) and the hidden setup', async () => {
    const r = await run('const a: number = 1;\nconst o: { w?: { x: number } } = {};\nconsole.log(a, new Network([1, 1]).links.length, o.w!.x);', 'import { Network } from "lernmi";');
    expect(r.error).toMatchObject({ name: 'TypeError', phase: 'runtime', position: { line: 3, column: 55 } }); // the "x" of o.w!.x
    expect(r.error!.position!.hidden).toBeUndefined();
  });

  test('deep recursion reports a RangeError (stack overflow)', async () => {
    const r = await run('function f(n: number): number { return f(n + 1) + 1; }\nf(0);');
    expect(r.error?.name).toBe('RangeError');
    expect(r.error?.message).toMatch(/stack overflow/);
    expect(r.error?.position?.line).toBe(1);
  });

  test('engine misuse and divergence come back with the engine’s message', async () => {
    const r = await run('import { Network } from "lernmi";\nconst net = new Network([1, 4, 1], { activation: "relu", outputActivation: "linear", trainingRate: 5, seed: 1 });\nfor (let i = 0; i < 1000; i++) net.learn([10], [1000]);');
    expect(r.error?.message).toMatch(/diverged .*trainingRate/);
    expect(r.error?.position?.line).toBe(3);
  });

  test('a run lasts until its timers are done; a throwing timer ends it with its line', async () => {
    const r = await run('let i = 0;\nconst t = setInterval(() => { console.log(i); if (++i === 3) clearInterval(t); }, 5);\nsetTimeout(() => console.log("late"), 30);');
    expect(r.text).toBe('0\n1\n2\nlate');
    const e = await run('setTimeout(() => {\n  throw new Error("boom");\n}, 5);\nsetInterval(() => {}, 5);');
    expect(e.error).toMatchObject({ message: 'boom', position: { line: 2 } });
  });

  test('only "lernmi" can be imported', async () => {
    const r = await run('import { readFileSync } from "node:fs";\nreadFileSync("x");');
    expect(r.error?.message).toMatch(/can import only from "lernmi"/);
  });

  test('console.table and show.* produce tables, plots and diagrams', async () => {
    const r = await run('import { Network } from "lernmi";\nconsole.table([{ a: 1, b: 2 }]);\nshow.plot([1, 0.5, 0.25], { title: "E" });\nshow.network(new Network([2, 1], { seed: 1 }));\nshow([{ x: 1 }]);');
    expect(r.out.map((e) => e.kind)).toEqual(['table', 'plot', 'network', 'table']);
    const net = r.out[2] as Extract<OutputEntry, { kind: 'network' }>;
    expect(net.layers).toEqual([2, 1]);
    expect(net.links).toHaveLength(3);
    expect(net.links.filter((l) => l.from[1] === -1)).toHaveLength(1); // the bias link
  });

  test('a huge message is cut to about 10 KB, saying how much was left out', async () => {
    const r = await run('console.log("x".repeat(50_000_000));\nconsole.log(Array.from({ length: 100_000 }, (_, i) => i));');
    const [big, arr] = r.out as Extract<OutputEntry, { kind: 'log' }>[];
    expect(big!.text.length).toBeLessThan(10_100);
    expect(big!.text).toMatch(/… \(49,?990,?000 more characters not shown\)$/);
    expect(arr!.text).toMatch(/^\[0, 1, 2, .*, 49, … 99950 more\]$/);
  });

  test('the compiled code keeps the reader’s line numbers', () => {
    const c = compile('import { Network } from "lernmi";\ntype T = number;\nconst x: T = 1;\nconsole.log(x);');
    expect(c.ok && c.compiled.js.split('\n').length).toBe(4);
  });
});

describe('format', () => {
  test('numbers are readable', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(0.7310585786300049)).toBe('0.731059');
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('-Infinity');
  });

  test('values, arrays, objects, cycles', () => {
    const o: Record<string, unknown> = { a: [1, 'x', null], b: { c: true } };
    o.self = o;
    expect(formatValue(o)).toBe('{ a: [1, "x", null], b: { c: true }, self: [Circular] }');
    expect(formatValue(Array.from({ length: 60 }, (_, i) => i))).toMatch(/, 49, … 10 more\]$/);
    expect(formatValue('top-level strings print as they are')).toBe('top-level strings print as they are');
  });

  test('a Network shows its shape and a few weights, not a wall of fields', () => {
    const net = new engine.Network([2, 3, 1], { activation: 'tanh', seed: 7 });
    const s = formatValue(net);
    expect(s).toMatch(/^Network \[2, 3, 1\] \{activation: tanh, outputActivation: tanh, trainingRate: 0.1, seed: 7\} · 13 links · weights: /);
    expect(s).toMatch(/… 9 more$/);
    expect(s.length).toBeLessThan(250);
    expect(formatValue(net.links[0])).toMatch(/^Link\(in\[0\] → h1\[0\], weight=-?[\d.]+\)$/);
    expect(formatValue(net.layers[1]![0])).toBe('Neuron(h1[0], tanh, value=0, sensitivity=0)');
    expect(formatValue(net.layers[1])).toBe('[Neuron(h1[0], tanh, value=0, sensitivity=0), Neuron(h1[1], tanh, value=0, sensitivity=0), Neuron(h1[2], tanh, value=0, sensitivity=0)]');
    expect(entryText(networkEntry(net))).toBe('[network 2-3-1 · 13 links]');
  });

  test('tables from rows of objects', () => {
    expect(entryText(tableEntry([{ a: 1, b: 'x' }, { a: 2 }]))).toBe('(index) │ a │ b\n0       │ 1 │ x\n1       │ 2 │');
  });
});

describe('storage keys', () => {
  test('depend on chapter, snippet and the original code', () => {
    const k = storageKey('02-neuron', 's1', 'console.log(1)');
    expect(k).toBe(`lernmi:snippet:02-neuron:s1:${hashCode('\u0000console.log(1)')}`);
    expect(storageKey('02-neuron', 's1', 'console.log(2)')).not.toBe(k);
    expect(storageKey('02-neuron', 's1', 'console.log(1)', 'setup')).not.toBe(k);
  });
});

describe('<Computed>', () => {
  test('an expression prints its value, with engine names in scope', async () => {
    expect(await computeText('new Network([2, 1], { seed: 7 }).links.length')).toBe('3');
    expect(await computeText('1 / 3', { digits: 3 })).toBe('0.333');
  });
  test('code prints what it logs; errors fail loudly', async () => {
    expect(await computeText('const n = new Network([1, 1]);\nconsole.log(n.layers.length);')).toBe('2');
    await expect(computeText('undefinedThing.x')).rejects.toThrow(/ReferenceError/);
  });
});

describe('editor completions', () => {
  test('every class and function the list names is exported by the engine', () => {
    for (const n of ENGINE_NAMES.filter((n) => n.type === 'class' || n.type === 'variable' || (n.type === 'function' && n.label !== 'show'))) {
      expect(engine, n.label).toHaveProperty(n.label);
    }
  });
  test('every member the list names exists on a Network, Neuron or Link', () => {
    const net = new engine.Network([2, 1], { seed: 1 });
    const things: object[] = [net, engine.Network, net.layers[1]![0]!, net.links[0]!, engine.datasets];
    const showApi = ['table', 'plot', 'network'];
    for (const n of ENGINE_NAMES.filter((n) => n.type === 'method' || n.type === 'property')) {
      if (showApi.includes(n.label)) continue;
      expect(things.some((t) => n.label in t), n.label).toBe(true);
    }
  });
  test('the activation entry names every activation the engine knows', () => {
    const info = ENGINE_NAMES.find((n) => n.label === 'activation')!.info;
    for (const name of engine.activationNames) expect(info, name).toContain(`"${name}"`);
  });
});

describe('snippet checker', () => {
  const chapter = [
    '---', 'title: T', '---', '', 'Text.', '',
    '```ts run title="fine"', 'import { Network } from "lernmi"; // @hide', 'console.log(new Network([2, 1]).links.length);', '```',
    '```output', '3', '```', '',
    '```ts run title="wrong output"', 'console.log(1 + 1);', '```', '```output', '3', '```', '',
    '```ts run title="type error"', 'const n: number = "x";', 'console.log(n);', '```', '',
    '```ts run title="throws"', 'const a = 1;', 'throw new Error("line 2 of the snippet");', '```',
    '```ts run title="spins" timeout=1', 'let n = 0;', 'while (true) n++;', '```',
  ].join('\n');
  const cases = extractSnippets(chapter, 'content/chapters/99-test.mdx');

  test('extracts snippets with their chapter lines', () => {
    expect(cases.map((c) => [c.snippet.title, c.snippet.line])).toEqual([['fine', 7], ['wrong output', 15], ['type error', 22], ['throws', 27], ['spins', 31]]);
  });

  test('a type error names the chapter file and line', () => {
    const d = typeCheckSnippets(cases, ROOT);
    expect(d.get(cases[0]!) ?? []).toEqual([]);
    expect(d.get(cases[2]!)?.[0]).toMatch(/^content\/chapters\/99-test\.mdx:23:7: TS2322: Type 'string' is not assignable to type 'number'/);
  });

  test('a runtime error and a wrong output name the chapter file and line', async () => {
    expect((await runSnippetCase(cases[0]!, engine)).problems).toEqual([]);
    expect((await runSnippetCase(cases[1]!, engine)).problems[0]).toMatch(/^content\/chapters\/99-test\.mdx:15 .*output differs/);
    expect((await runSnippetCase(cases[3]!, engine)).problems[0]).toMatch(/^content\/chapters\/99-test\.mdx:29:7: Error: line 2 of the snippet/);
  });

  test('an endless loop fails at its time limit instead of hanging the tests', async () => {
    const t0 = Date.now();
    const { problems } = await runSnippetCase(cases[4]!, engine);
    expect(problems[0]).toMatch(/^content\/chapters\/99-test\.mdx:31: Error: Script execution timed out after 1000ms/);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
