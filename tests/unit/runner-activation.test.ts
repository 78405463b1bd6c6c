// The activation kind: the worker half samples the engine's own functions (values, slopes
// from the value, the marked sum, caps, the text alternative); the page half's layout puts
// both panels, their curves and marks inside the picture; then a snippet through the executor.
import { describe, expect, test } from 'vitest';
import * as engine from '../../src/lernmi';
import { activations, activationByName } from '../../src/lernmi';
import { build, data, MAX_SUM, SAMPLES, type ActivationEntry } from '../../src/runner/kinds/activation';
import { activationLayout } from '../../src/runner/kinds/activation-layout';
import { entryText, type OutputEntry } from '../../src/runner/kinds/index';
import { execute } from '../../src/runner/worker/execute';

const entry = (x: ReturnType<typeof build>) => {
  expect(x.kind).toBe('activation');
  return x as ActivationEntry;
};

describe('activation data (worker side)', () => {
  test('samples the function and its slope across [-6, 6]; the slope is the engine’s, from the value', () => {
    const e = entry(build('sigmoid', {}, activationByName));
    expect(e.sums).toHaveLength(SAMPLES);
    expect([e.sums[0], e.sums.at(-1)]).toEqual([-6, 6]);
    const mid = (SAMPLES - 1) / 2;
    expect(e.sums[mid]).toBeCloseTo(0, 12);
    expect(e.values[mid]).toBeCloseTo(0.5, 12);
    expect(e.slopes[mid]).toBeCloseTo(0.25, 12); // σ′(0) = σ(0)(1 − σ(0))
    e.sums.forEach((s, i) => expect(e.slopes[i]).toBe(activations.sigmoid.derivative(activations.sigmoid.fn(s))));
  });

  test('marks the sum with its value and slope, and widens the domain to show it', () => {
    const e = entry(build(activations.tanh, { at: 2 }));
    expect(e.at).toEqual({ sum: 2, value: Math.tanh(2), slope: 1 - Math.tanh(2) ** 2 });
    const far = entry(build(activations.tanh, { at: 9 }));
    expect(far.sums.at(-1)).toBeGreaterThan(9);
    expect(far.sums[0]).toBe(-6);
    expect(entry(build(activations.relu, { at: 1e9 })).at!.sum).toBe(MAX_SUM);
    expect(entry(build(activations.relu, { domain: [-1, 3] })).sums[0]).toBe(-1);
  });

  test('a name it does not know, or something that is not an activation, is a warning', () => {
    expect(build('softplus', {}, activationByName)).toMatchObject({ kind: 'log', level: 'warn', text: expect.stringMatching(/unknown activation "softplus"; expected one of "sigmoid"/) });
    expect(build(42, {}, activationByName)).toMatchObject({ kind: 'log', level: 'warn' });
  });

  test('the text alternative names the activation, the domain and the marked numbers', () => {
    expect(data.text(entry(build('tanh', { at: 2 }, activationByName)))).toBe('[activation tanh on -6 … 6 · at sum 2: value 0.964, slope 0.0707]');
    expect(data.text(entry(build('relu', { title: 'ReLU' }, activationByName)))).toBe('[activation relu on -6 … 6 · ReLU]');
  });
});

describe('activation layout (page side)', () => {
  const e = entry(build('sigmoid', { at: 3 }, activationByName));

  test('side by side when wide, stacked on a phone; every panel inside the picture', () => {
    expect(activationLayout(e, 640).sideBySide).toBe(true);
    expect(activationLayout(e, 320).sideBySide).toBe(false);
    for (const w of [320, 375, 640]) {
      const L = activationLayout(e, w);
      for (const p of L.panels) {
        expect(p.box.left).toBeGreaterThanOrEqual(30); // room for the tick labels
        expect(p.box.right).toBeLessThanOrEqual(L.width);
        expect(p.box.top).toBeGreaterThanOrEqual(20); // room for the panel's title
        expect(p.box.bottom + 30).toBeLessThanOrEqual(L.height);
      }
      const [a, b] = L.panels;
      const overlap = a.box.right > b.box.left && a.box.bottom > b.box.top;
      expect(overlap, `panels overlap at ${w}`).toBe(false);
    }
  });

  test('the mark sits on the curve at the sum, on both panels; the slope panel shows the slope', () => {
    const L = activationLayout(e, 640);
    const [value, slope] = L.panels;
    expect(value.marker!.x).toBeCloseTo(value.x.scale(3), 0);
    expect(value.marker!.y).toBeCloseTo(value.y.scale(e.at!.value), 0);
    expect(slope.marker!.y).toBeCloseTo(slope.y.scale(e.at!.slope), 0);
    expect(slope.marker!.label).toBe('slope = 0.0452');
    expect(value.marker!.label).toBe('sigmoid(3) = 0.953');
    // the sigmoid's slope tops out at 0.25: its axis fits that, not [0, 1]
    expect(slope.y.scale.domain()[1]).toBeLessThanOrEqual(0.3);
    expect([value.cls, slope.cls]).toEqual(['series-0', 'series-1']);
  });

  test('curves stay inside their panels', () => {
    for (const p of activationLayout(e, 375).panels) {
      const n = p.path.match(/-?\d+(\.\d+)?/g)!.map(Number);
      for (let i = 0; i < n.length; i += 2) {
        expect(n[i]).toBeGreaterThanOrEqual(p.box.left - 0.1);
        expect(n[i]).toBeLessThanOrEqual(p.box.right + 0.1);
        expect(n[i + 1]).toBeGreaterThanOrEqual(p.box.top - 0.1);
        expect(n[i + 1]).toBeLessThanOrEqual(p.box.bottom + 0.1);
      }
    }
  });
});

describe('show.activation in a snippet', () => {
  test('by name and by object, with the sum marked', async () => {
    const out: OutputEntry[] = [];
    const r = await execute('import { activations } from "lernmi";\nshow.activation("tanh", { at: 2 });\nshow.activation(activations.sigmoid);', { modules: { lernmi: engine }, emit: (x) => out.push(x) });
    expect(r.ok).toBe(true);
    expect(out.map(entryText)).toEqual(['[activation tanh on -6 … 6 · at sum 2: value 0.964, slope 0.0707]', '[activation sigmoid on -6 … 6]']);
  });
});
