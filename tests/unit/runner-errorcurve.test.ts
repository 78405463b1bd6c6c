// The error-curve kind: the worker half nudges one weight and records E, and takes the
// tangent's slope from backpropagation (checked here against a finite difference of the
// curve itself); the page half's layout keeps curve and tangent inside the plotting area.
import { describe, expect, test } from 'vitest';
import * as engine from '../../src/lernmi';
import { Network } from '../../src/lernmi';
import { build, data, SAMPLES, type ErrorCurveEntry } from '../../src/runner/kinds/errorcurve';
import { errorCurveLayout } from '../../src/runner/kinds/errorcurve-layout';
import { entryText, type OutputEntry } from '../../src/runner/kinds/index';
import { execute } from '../../src/runner/worker/execute';

const entry = (x: ReturnType<typeof build>) => {
  expect(x.kind).toBe('errorCurve');
  return x as ErrorCurveEntry;
};
const net = () => new Network([2, 2, 1], { seed: 1 });

describe('error curve data (worker side)', () => {
  test('E at each weight is the network’s error with that weight; the slope is backpropagation’s', () => {
    const n = net();
    const e = entry(build(n, n.links[4], [1, 0], [1]));
    expect(e.weights).toHaveLength(SAMPLES);
    const other = net();
    other.links[4]!.weight = e.weights[7]!;
    expect(e.errors[7]).toBe(other.errorOf([1, 0], [1]));
    expect(e.at.gradient).toBe(net().gradients([1, 0], [1])[4]);
    expect(e.at.error).toBe(net().errorOf([1, 0], [1]));
    // the tangent touches the curve: a centred difference of E around the weight agrees
    const h = 1e-5, probe = net();
    probe.links[4]!.weight = e.at.weight + h;
    const up = probe.errorOf([1, 0], [1]);
    probe.links[4]!.weight = e.at.weight - h;
    expect((up - probe.errorOf([1, 0], [1])) / (2 * h)).toBeCloseTo(e.at.gradient, 6);
  });

  test('the range is around the current weight (or given), and the network is left as it was', () => {
    const n = net();
    n.propagate([0.5, 0.5]);
    const before = JSON.stringify(n.toJSON());
    const values = n.layers.flat().map((x) => [x.value, x.sum, x.sensitivity]);
    const e = entry(build(n, 0, [1, 0], [1], { range: [-1, 1] }));
    expect([e.weights[0], e.weights.at(-1)]).toEqual([-1, 1]);
    expect(JSON.stringify(n.toJSON())).toBe(before);
    expect(n.layers.flat().map((x) => [x.value, x.sum, x.sensitivity])).toEqual(values);
    const w0 = n.links[0]!.weight;
    const d = entry(build(n, 0, [1, 0], [1]));
    expect(d.weights[0]).toBeLessThanOrEqual(w0 - 2);
    expect(d.weights.at(-1)).toBeGreaterThanOrEqual(w0 + 2);
  });

  test('names the link as the engine does; what it cannot use is a warning', () => {
    const n = net();
    expect(entry(build(n, n.links[0], [1, 0], [1])).link).toMatch(/^in\[0\] → h1\[0\]$/);
    expect(build({}, 0, [1], [1])).toMatchObject({ kind: 'log', level: 'warn' });
    expect(build(n, 99, [1, 0], [1])).toMatchObject({ kind: 'log', level: 'warn' });
    expect(build(n, net().links[0], [1, 0], [1])).toMatchObject({ kind: 'log', level: 'warn' }); // another network's link
    expect(build(n, 0, 'x', [1])).toMatchObject({ kind: 'log', level: 'warn' });
  });

  test('the text alternative states the weight, the error and the slope', () => {
    const e: ErrorCurveEntry = { kind: 'errorCurve', link: 'h1[0] → out[0]', weights: [-2, 2], errors: [0.3, 0.1], at: { weight: 0.5, error: 0.1234, gradient: -0.04567 } };
    expect(data.text(e)).toBe('[error curve of the weight h1[0] → out[0] on -2 … 2 · at 0.5: E 0.123, slope ∂E/∂w -0.0457]');
  });
});

describe('error curve layout (page side)', () => {
  const n = net();
  const e = entry(build(n, 4, [1, 0], [1]));

  test('curve, tangent and dot are inside the plotting area, at 300 and 560 wide', () => {
    for (const w of [300, 560]) {
      const L = errorCurveLayout(e, w);
      const inside = (px: number, py: number) => {
        expect(px).toBeGreaterThanOrEqual(L.box.left - 0.1);
        expect(px).toBeLessThanOrEqual(L.box.right + 0.1);
        expect(py).toBeGreaterThanOrEqual(L.box.top - 0.1);
        expect(py).toBeLessThanOrEqual(L.box.bottom + 0.1);
      };
      const nums = L.curve.match(/-?\d+(\.\d+)?/g)!.map(Number);
      for (let i = 0; i < nums.length; i += 2) inside(nums[i]!, nums[i + 1]!);
      inside(L.tangent!.x1, L.tangent!.y1);
      inside(L.tangent!.x2, L.tangent!.y2);
      inside(L.dot.cx, L.dot.cy);
    }
  });

  test('the tangent passes through the dot with the gradient’s slope (in data units)', () => {
    const L = errorCurveLayout(e, 560);
    const t = L.tangent!;
    const [wa, wb] = [L.x.scale.invert(t.x1), L.x.scale.invert(t.x2)];
    const [ea, eb] = [L.y.scale.invert(t.y1), L.y.scale.invert(t.y2)];
    expect((eb - ea) / (wb - wa)).toBeCloseTo(e.at.gradient, 2);
    const atDot = ea + ((eb - ea) * (e.at.weight - wa)) / (wb - wa);
    expect(atDot).toBeCloseTo(e.at.error, 2);
    expect(L.label.text).toBe(`∂E/∂w = ${Number(e.at.gradient.toPrecision(3))}`);
  });
});

describe('show.errorCurve in a snippet', () => {
  test('takes a link of the network and prints its text', async () => {
    const out: OutputEntry[] = [];
    const r = await execute('import { Network } from "lernmi";\nconst net = new Network([2, 2, 1], { seed: 1 });\nshow.errorCurve(net, net.links[4], [1, 0], [1]);', { modules: { lernmi: engine }, emit: (x) => out.push(x) });
    expect(r.ok).toBe(true);
    expect(out.map((x) => x.kind)).toEqual(['errorCurve']);
    expect(entryText(out[0]!)).toMatch(/^\[error curve of the weight \S+ → \S+ on .* · at .*: E .*, slope ∂E\/∂w .*\]$/);
  });
});
