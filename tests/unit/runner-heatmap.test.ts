// The heat map kind: the worker half (a grid of real forward passes, caps, the text
// alternative) and the page half's layout (cells, points and key inside the picture,
// colours from the diverging scale), then a snippet through the executor.
import { describe, expect, test } from 'vitest';
import * as engine from '../../src/lernmi';
import { Network, datasets } from '../../src/lernmi';
import { build, data, MAX_POINTS, MAX_RESOLUTION, valueRange, type HeatmapEntry } from '../../src/runner/kinds/heatmap';
import { colourDomain, colourScale, heatmapLayout } from '../../src/runner/kinds/heatmap-layout';
import { entryText, type OutputEntry } from '../../src/runner/kinds/index';
import { execute } from '../../src/runner/worker/execute';

const net = () => new Network([2, 3, 1], { seed: 1 });
const entry = (x: ReturnType<typeof build>) => {
  expect(x.kind).toBe('heatmap');
  return x as HeatmapEntry;
};

describe('heatmap data (worker side)', () => {
  test('each cell holds the network’s first output at the cell’s centre, rows from the bottom', () => {
    const n = net();
    const e = entry(build(n, { xDomain: [-1, 1], yDomain: [0, 2], resolution: 4 }));
    expect(e.size).toBe(4);
    expect(e.values).toHaveLength(16);
    // cell (row 0, col 0) is centred at x = -0.75, y = 0.25; (row 3, col 2) at x = 0.25, y = 1.75
    expect(e.values[0]).toBe(net().propagate([-0.75, 0.25])[0]);
    expect(e.values[3 * 4 + 2]).toBe(net().propagate([0.25, 1.75])[0]);
  });

  test('the default grid is 40×40 and the resolution is capped at 50×50', () => {
    expect(entry(build(net())).size).toBe(40);
    const big = entry(build(net(), { resolution: 10_000 }));
    expect(big.size).toBe(MAX_RESOLUTION);
    expect(big.values).toHaveLength(MAX_RESOLUTION ** 2);
    expect(entry(build(net(), { resolution: 0 })).size).toBe(2);
  });

  test('leaves the network’s neuron values as they were', () => {
    const n = net();
    n.propagate([0.3, -0.2]);
    const before = n.layers.flat().map((x) => [x.value, x.sum]);
    build(n, { resolution: 5 });
    expect(n.layers.flat().map((x) => [x.value, x.sum])).toEqual(before);
  });

  test('samples become points (capped); the domain defaults to their extent with a margin', () => {
    const e = entry(build(net(), { samples: datasets.xor() }));
    expect(e.points).toEqual([
      { x: 0, y: 0, expected: 0 },
      { x: 0, y: 1, expected: 1 },
      { x: 1, y: 0, expected: 1 },
      { x: 1, y: 1, expected: 0 },
    ]);
    expect(e.xDomain[0]).toBeCloseTo(-0.1);
    expect(e.xDomain[1]).toBeCloseTo(1.1);
    expect(entry(build(net())).xDomain).toEqual([-1, 1]);
    expect(entry(build(net(), { samples: datasets.xor({ count: 900 }) })).points).toHaveLength(MAX_POINTS);
  });

  test('what it cannot draw is a warning, not a crash', () => {
    expect(build({})).toMatchObject({ kind: 'log', level: 'warn', text: 'show.heatmap expects a Network' });
    expect(build(new Network([3, 1]))).toMatchObject({ kind: 'log', text: expect.stringMatching(/2 inputs .* has 3/) });
    expect(build(net(), { xDomain: [1, 1] })).toMatchObject({ kind: 'log', text: expect.stringMatching(/xDomain/) });
  });

  test('the text alternative names the grid, the output and the range to two decimals', () => {
    const e: HeatmapEntry = { kind: 'heatmap', output: 0, xDomain: [-1, 1], yDomain: [-1, 1], size: 2, values: [-0.9812, 0.2, null, 0.9701], points: [] };
    expect(data.text(e)).toBe('[heatmap 2×2 of out[0]: -0.98 … 0.97]');
    expect(data.text({ ...e, title: 'XOR', points: [{ x: 0, y: 0, expected: 1 }] })).toBe('[heatmap 2×2 of out[0]: -0.98 … 0.97 · 1 points · XOR]');
    expect(data.text({ ...e, values: [null, null, null, null] })).toBe('[heatmap 2×2 of out[0]: no finite values]');
    expect(valueRange([null, 3, -1])).toEqual([-1, 3]);
  });
});

describe('heatmap layout (page side)', () => {
  const e = entry(build(net(), { samples: datasets.xor(), resolution: 10 }));
  const range = valueRange(e.values);

  test('the grid is a square of size² cells inside the picture, which fits the width it is shown at', () => {
    for (const shown of [300, 375, 800]) {
      const L = heatmapLayout(e, range, shown);
      expect(L.width).toBeLessThanOrEqual(Math.max(240, shown));
      expect(L.box.right - L.box.left).toBeCloseTo(L.box.bottom - L.box.top);
      expect(L.cells).toHaveLength(100);
      for (const c of L.cells) {
        expect(c.x).toBeGreaterThanOrEqual(L.box.left - 0.05);
        expect(c.x + c.w).toBeLessThanOrEqual(L.box.right + 0.5);
        expect(c.y).toBeGreaterThanOrEqual(L.box.top - 0.05);
        expect(c.y + c.h).toBeLessThanOrEqual(L.box.bottom + 0.5);
      }
      expect(L.key.y + L.key.h + 14).toBeLessThanOrEqual(L.height);
    }
  });

  test('the first value is the bottom-left cell; a point sits where its coordinates say', () => {
    const L = heatmapLayout(e, range, 360);
    const first = L.cells[0]!;
    expect(first.x).toBeCloseTo(L.box.left, 0);
    expect(first.y + first.h).toBeCloseTo(L.box.bottom, 0);
    const [p00, p01] = L.points;
    expect(p00!.cx).toBeCloseTo(L.x.scale(0), 0);
    expect(p01!.cy).toBeLessThan(p00!.cy); // y = 1 is above y = 0
    for (const t of [...L.x.ticks, ...L.y.ticks]) expect(t).toBeGreaterThanOrEqual(-0.1);
  });

  test('colours: a 0…1 output is centred on 0.5, others on 0; high is blue, low is red', () => {
    expect(colourDomain([0.02, 0.97])).toEqual([0, 0.5, 1]);
    expect(colourDomain([-0.98, 0.5])).toEqual([-0.98, 0, 0.98]);
    const c = colourScale([-1, 0, 1]);
    const rgb = (s: string) => s.match(/\d+/g)!.map(Number) as [number, number, number];
    const [r1, , b1] = rgb(c(1));
    const [r0, , b0] = rgb(c(-1));
    expect(b1).toBeGreaterThan(r1);
    expect(r0).toBeGreaterThan(b0);
    expect(c(5)).toBe(c(1)); // clamped
  });

  test('a point is coloured by its expected output, on the same scale as the cells', () => {
    const L = heatmapLayout(e, range, 360);
    const c = colourScale(colourDomain(range));
    expect(L.points.map((p) => p.fill)).toEqual(e.points.map((p) => c(p.expected)));
  });
});

describe('show.heatmap in a snippet', () => {
  test('show.heatmap(new Network([2, 3, 1], { seed: 1 })) produces the entry and its text', async () => {
    const out: OutputEntry[] = [];
    const r = await execute('import { Network } from "lernmi";\nshow.heatmap(new Network([2, 3, 1], { seed: 1 }));', { modules: { lernmi: engine }, emit: (x) => out.push(x) });
    expect(r.ok).toBe(true);
    expect(out).toHaveLength(1);
    const e = out[0] as HeatmapEntry;
    expect(e).toMatchObject({ kind: 'heatmap', size: 40, xDomain: [-1, 1], yDomain: [-1, 1] });
    expect(e.values[0]).toBe(new Network([2, 3, 1], { seed: 1 }).propagate([-1 + 1 / 40, -1 + 1 / 40])[0]);
    expect(entryText(e)).toMatch(/^\[heatmap 40×40 of out\[0\]: -?\d\.\d\d? … -?\d\.\d\d?\]$/);
  });
});
