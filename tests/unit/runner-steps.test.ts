// The "steps" kind (show.steps): the worker half captures one traced learn as numbers,
// the page half accepts exactly such numbers (and nothing else), and the figure built
// from a reader's network is the one <StepThrough> builds for the same network.
import { describe, expect, test } from 'vitest';
import * as engine from '../../src/lernmi';
import { Network } from '../../src/lernmi';
import { buildStepModel, type StepThroughSpec } from '../../components/course/figures/step-model';
import { renderStepTex } from '../../components/course/figures/step-render';
import { checkEntry, entryText, type OutputEntry } from '../../src/runner/kinds/index';
import { build, data, type StepsEntry } from '../../src/runner/kinds/steps';
import type { GradientCheckFn } from '../../src/runner/kinds/steps-capture';
import { presentSteps } from '../../src/runner/kinds/steps-model';
import { describeShape, linkCount, stepSequence } from '../../src/runner/kinds/steps-shape';
import { execute } from '../../src/runner/worker/execute';

const check = engine.gradientCheck as GradientCheckFn;
const net = () => new Network([2, 2, 1], { seed: 3, trainingRate: 0.5 });
const entry = (x: ReturnType<typeof build>) => {
  expect(x.kind, JSON.stringify(x).slice(0, 200)).toBe('steps');
  return x as StepsEntry;
};
/** What the page receives: the entry after a structured clone, as postMessage sends it (−0 stays −0). */
const sent = (e: unknown) => structuredClone(e) as Record<string, unknown>;

async function run(code: string): Promise<OutputEntry[]> {
  const out: OutputEntry[] = [];
  const r = await execute(code, { modules: { lernmi: engine }, emit: (x) => out.push(x) });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return out;
}

describe('show.steps (worker side)', () => {
  test('the network is left one step further, exactly as net.learn leaves it', () => {
    const a = net();
    const b = net();
    entry(build(a, [1, 0.5], [1], {}, check));
    b.learn([1, 0.5], [1]);
    expect(a.links.map((l) => l.weight)).toEqual(b.links.map((l) => l.weight));
    expect(a.step).toBe(b.step);
    expect(a.isTraced).toBe(false); // the figure stopped listening
  });

  test('numbers and small integers only: the events in the engine order, each with its numbers', () => {
    const e = entry(build(net(), [1, 0.5], [1], {}, check));
    const sequence = stepSequence(describeShape([2, 2, 1]));
    expect(e.events.map((x) => x.type)).toEqual(sequence.map((s) => s.type));
    expect(e.layers).toEqual([2, 2, 1]);
    expect(e.activations).toEqual(['linear', 'sigmoid', 'sigmoid']);
    expect(e.weights).toHaveLength(9);
    expect(e.gradientCheck).toHaveLength(9);
    const strings = JSON.stringify(e).match(/"[^"]*"/g)!.filter((s) => !/^"(kind|steps|layers|activations|linear|sigmoid|trainingRate|input|expected|actual|weights|events|type|values|gradientCheck|backprop|numerical|relativeError|input|carry|activate|error|sensitivity|outputSensitivity|sendBack|weightChange)"$/.test(s));
    expect(strings).toEqual([]);
  });

  test('what it cannot draw is a warning, and the network is not changed', () => {
    const big = new Network([6, 6, 1], { seed: 1 });
    const before = JSON.stringify(big.toJSON());
    const w = build(big, [0, 0, 0, 0, 0, 0], [1], {}, check);
    expect(w).toEqual({ kind: 'log', level: 'warn', text: expect.stringMatching(/^show\.steps draws networks of up to 40 links.*this 6-6-1 network has 49/) });
    expect(JSON.stringify(big.toJSON())).toBe(before);
    const softmax = new Network([2, 2], { loss: 'softmaxCrossEntropy' });
    expect(build(softmax, [1, 0], [1, 0], {}, check)).toMatchObject({ kind: 'log', level: 'warn', text: expect.stringContaining('squared error only') });
    const n = net();
    const saved = JSON.stringify(n.toJSON());
    expect(build(n, [1], [1], {}, check)).toMatchObject({ kind: 'log', level: 'warn', text: 'show.steps expects an input of 2 numbers; received 1' });
    expect(build(n, [1, 0], [1, 2], {}, check)).toMatchObject({ kind: 'log', level: 'warn', text: 'show.steps expects an expected output of 1 numbers; received 2' });
    expect(build(n, [1, Number.NaN], [1], {}, check)).toMatchObject({ kind: 'log', level: 'warn' });
    expect(build({}, [1, 0], [1], {}, check)).toMatchObject({ kind: 'log', level: 'warn', text: 'show.steps expects a Network first' });
    expect(JSON.stringify(n.toJSON())).toBe(saved);
  });

  test("a reader's own activation is named by the figure, never by the reader's string", () => {
    const n = net();
    const own = new engine.Activation('<img src=x onerror=alert(1)>', (s) => s / (1 + Math.abs(s)), (v) => (1 - Math.abs(v)) ** 2);
    for (const neuron of n.layers[1]!) (neuron as { activation: engine.Activation }).activation = own;
    const e = entry(build(n, [1, 0.5], [1], {}, check));
    expect(e.activations).toEqual(['linear', 'other', 'sigmoid']);
    const model = presentSteps(e);
    expect(JSON.stringify(model)).not.toContain('<img');
    expect(model.steps.find((s) => s.type === 'activate')!.description).toContain('through its activation');
  });

  test('in a snippet: the figure, then the weights the same learn gives', async () => {
    const out = await run(
      [
        'import { Network } from "lernmi";',
        'const net = new Network([2, 2, 1], { seed: 3, trainingRate: 0.5 });',
        'show.steps(net, [1, 0.5], [1], { title: "mine" });',
        'console.log(net.links[0].weight);',
      ].join('\n'),
    );
    expect(out.map((x) => x.kind)).toEqual(['steps', 'log']);
    const other = net();
    other.learn([1, 0.5], [1]);
    expect(entryText(out[1]!)).toBe(String(Number(other.links[0]!.weight.toPrecision(6))));
    expect(entryText(out[0]!)).toMatch(/^\[step-through 2-2-1 sigmoid: mine · 45 events · E = 0\.\d+ before the step\]$/);
  });
});

describe('the page accepts a steps entry only as numbers it can check', () => {
  const good = () => sent(entry(build(net(), [1, 0.5], [1], { title: 'mine' }, check)));

  test('a built entry passes unchanged', () => {
    const e = entry(build(net(), [1, 0.5], [1], { title: 'mine' }, check));
    expect(checkEntry(good())).toEqual(e);
  });

  const broken: [string, (x: Record<string, unknown>) => void][] = [
    ['layers not numbers', (x) => (x.layers = ['2', 2, 1])],
    ['a layer of 0', (x) => (x.layers = [2, 0, 1])],
    ['one layer', (x) => (x.layers = [2])],
    ['too many links', (x) => (x.layers = [6, 6, 1])],
    ['an activation outside the list', (x) => ((x.activations as string[])[1] = '<b>x</b>')],
    ['a training rate that is a string', (x) => (x.trainingRate = '0.5')],
    ['an input of the wrong length', (x) => (x.input = [1])],
    ['a non-finite expected', (x) => (x.expected = [null])],
    ['weights of the wrong length', (x) => (x.weights = (x.weights as number[]).slice(1))],
    ['a weight that is a string', (x) => ((x.weights as unknown[])[3] = '1')],
    ['an event missing', (x) => (x.events = (x.events as unknown[]).slice(1))],
    ['events out of order', (x) => (x.events = [...(x.events as unknown[])].reverse())],
    ['an unknown event type', (x) => (((x.events as Record<string, unknown>[])[0]).type = 'softmax')],
    ['an event with too few numbers', (x) => (((x.events as Record<string, unknown>[])[5]).values = [1])],
    ['an event with a string for a number', (x) => (((x.events as Record<string, unknown>[])[5]).values = ['1', 2, 3])],
    ['a gradient check row short of a field', (x) => (((x.gradientCheck as Record<string, unknown>[])[0]).numerical = undefined)],
    ['a gradient check of the wrong length', (x) => (x.gradientCheck = (x.gradientCheck as unknown[]).slice(2))],
    ['a title that is not a string', (x) => (x.title = { toString: 'x' })],
  ];
  for (const [name, spoil] of broken) {
    test(`rejects ${name}`, () => {
      const x = good();
      spoil(x);
      expect(checkEntry(x)).toBeUndefined();
    });
  }

  test('fields it does not know never reach the view; a long title is cut', () => {
    const x = good();
    x.html = '<img src=x onerror=alert(1)>';
    x.title = 'x'.repeat(5000);
    const e = checkEntry(x) as StepsEntry;
    expect(e).not.toHaveProperty('html');
    expect(e.title!.length).toBeLessThan(5000);
  });

  test('the element count stays within the page cap for the largest network it draws', () => {
    const n = new Network([4, 5, 1], { seed: 1 }); // 31 links
    const e = entry(build(n, [1, 0, 1, 0], [1], {}, check));
    expect(data.size(e).elements).toBeLessThan(2500); // one draw
  });
});

describe('the figure for a reader’s network is the one <StepThrough> builds', () => {
  const specs: StepThroughSpec[] = [
    { layers: [2, 2, 1], activation: 'sigmoid', seed: 3, input: [1, 0.5], expected: [1], trainingRate: 0.5 },
    { layers: [2, 1], activation: 'sigmoid', input: [1, 0.5], expected: [1], trainingRate: 0.5, weights: [1.5, -0.4, 0] },
    { layers: [3, 2, 2], activation: 'tanh', outputActivation: 'linear', seed: 11, input: [0.2, -1, 0.7], expected: [0.5, -0.25], trainingRate: 0.1 },
  ];
  for (const spec of specs) {
    test(`${spec.layers.join('-')}: same events, same numbers, same text and TeX`, async () => {
      const weights = spec.weights ? `\n${JSON.stringify(spec.weights)}.forEach((w, k) => (net.links[k].weight = w));` : '';
      const out = await run(
        'import { Network } from "lernmi";\n' +
          `const net = new Network(${JSON.stringify(spec.layers)}, { activation: "${spec.activation}", outputActivation: "${spec.outputActivation ?? spec.activation}", seed: ${spec.seed ?? 1}, trainingRate: ${spec.trainingRate} });` +
          weights +
          `\nshow.steps(net, ${JSON.stringify(spec.input)}, ${JSON.stringify(spec.expected)});`,
      );
      // What the page draws: the entry through its check, then the shared presentation.
      const page = presentSteps(checkEntry(sent(out[0])) as StepsEntry);
      const component = buildStepModel(spec);
      expect(page).toEqual(component);
      expect(page.steps.map((s) => renderStepTex(s.tex))).toEqual(component.steps.map((s) => renderStepTex(s.tex)));
      expect(linkCount(spec.layers)).toBe(page.shape.links.length);
    });
  }
});
