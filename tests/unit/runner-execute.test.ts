// The executor shared by the worker, the snippet tests and <Computed>: transpiling,
// positions mapped back to the reader's code, timers, errors, output through the kinds.
import { describe, expect, test } from 'vitest';
import * as engine from '../../src/lernmi';
import { computeText } from '../../src/runner/build/computed';
import { entryText, type OutputEntry } from '../../src/runner/kinds/index';
import { execute } from '../../src/runner/worker/execute';
import { compile, mapPosition } from '../../src/runner/worker/source-map';

async function run(code: string, setup?: string) {
  const out: OutputEntry[] = [];
  const r = await execute(code, { modules: { lernmi: engine }, setup, emit: (e) => out.push(e) });
  return { ...r, out, text: out.map(entryText).join('\n') };
}

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
    // the last timer starts from inside the interval, so the order holds on a busy machine
    const r = await run('let i = 0;\nconst t = setInterval(() => {\n  console.log(i);\n  if (++i === 3) { clearInterval(t); setTimeout(() => console.log("late"), 30); }\n}, 5);');
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


describe('positions in the reader’s code', () => {
  test('a column past a mapped token keeps its distance from it; setup lines are marked hidden', () => {
    const c = compile('const o: { w: number } = { w: 1 };\nconsole.log(o.w);', 'import { Network } from "lernmi";');
    if (!c.ok) throw new Error('did not compile');
    const js = c.compiled.js.split('\n');
    // "log" on the compiled line 3 sits where it does in the reader's line 2
    const col = js[2]!.indexOf('log') + 1;
    expect(mapPosition(c.compiled, 3, col)).toEqual({ line: 2, column: 'console.'.length + 1 });
    expect(mapPosition(c.compiled, 3, col + 2)).toEqual({ line: 2, column: 'console.'.length + 3 });
    expect(mapPosition(c.compiled, 1, 1)).toEqual({ line: 1, column: 1, hidden: true });
  });
});
