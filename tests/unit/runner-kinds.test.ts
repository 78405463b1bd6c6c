// The output kinds: their registry, their text alternatives, and the geometry of the two
// figures (plot scales, network layout), tested as numbers rather than as pictures.
import { describe, expect, test } from 'vitest';
import { DATA, VIEWS, entrySize, entryText } from '../../src/runner/kinds/index';
import * as log from '../../src/runner/kinds/log';
import { layoutNetwork, MAX_LINK_WIDTH, MIN_LINK_WIDTH } from '../../src/runner/kinds/network-layout';
import * as plot from '../../src/runner/kinds/plot';
import { indexAxis, seriesExtent, seriesPath, span, valueAxis } from '../../src/runner/kinds/plot-scale';
import type { NetworkLink } from '../../src/runner/kinds/network';

describe('registry', () => {
  test('every kind has its data half and its view half', () => {
    expect(Object.keys(VIEWS).sort()).toEqual(Object.keys(DATA).sort());
    expect(Object.keys(DATA).sort()).toEqual(['activation', 'check', 'errorCurve', 'heatmap', 'log', 'network', 'plot', 'steps', 'table', 'training', 'trainingPoints']);
  });

  test('sizes count lines, characters and drawn elements', () => {
    expect(entrySize(log.build('log', ['a\nb\nc']))).toEqual({ lines: 3, chars: 6, elements: 1 });
    const t = entrySize({ kind: 'table', columns: ['(index)', 'a'], rows: [['0', '1'], ['1', '22']] });
    expect(t.lines).toBe(3);
    expect(t.elements).toBeGreaterThanOrEqual(9); // 3 rows of 3 cells, at least
  });
});

describe('text alternatives', () => {
  test('a plot and a diagram print as one bracketed line', () => {
    const p = plot.build({ train: [1, 0.5], test: [1, 0.7, 0.6] }, { title: 'Error' });
    expect(entryText(p)).toBe('[plot: Error · train (2 points), test (3 points)]');
    expect(entryText({ kind: 'network', layers: [2, 1], links: [], title: 'T' })).toBe('[network 2-1: T · 0 links]');
  });

  test('plot: non-finite values become gaps; what is not numbers is a warning', () => {
    const p = plot.build([1, NaN, Infinity, 2]);
    expect(p).toMatchObject({ kind: 'plot', series: [{ name: 'y', y: [1, null, null, 2] }] });
    expect(plot.build('nope')).toMatchObject({ kind: 'log', level: 'warn' });
  });
});

describe('plot scales', () => {
  /** A tick is round when it is a whole multiple of a power of ten times 1, 2, 2.5 or 5. */
  const step = (ticks: number[]) => ticks[1]! - ticks[0]!;
  const isRoundStep = (s: number) => {
    const m = s / 10 ** Math.floor(Math.log10(s) + 1e-9);
    return [1, 2, 2.5, 5].some((r) => Math.abs(m - r) < 1e-9);
  };

  test('the y axis covers the data with a few evenly spaced round ticks', () => {
    for (const [lo, hi] of [[0.12, 0.93], [-3, 2], [0.8, 0.9], [0, 25000], [1e-5, 4e-5], [-0.98, 0.97]] as [number, number][]) {
      const y = valueAxis([lo, hi], [186, 12]);
      const [d0, d1] = y.scale.domain() as [number, number];
      expect(d0, `${lo}…${hi}`).toBeLessThanOrEqual(lo);
      expect(d1, `${lo}…${hi}`).toBeGreaterThanOrEqual(hi);
      expect(y.ticks.length).toBeGreaterThanOrEqual(3);
      expect(y.ticks.length).toBeLessThanOrEqual(7);
      expect(isRoundStep(step(y.ticks)), `step ${step(y.ticks)}`).toBe(true);
      for (let i = 1; i < y.ticks.length; i++) expect(y.ticks[i]! - y.ticks[i - 1]!).toBeCloseTo(step(y.ticks), 12);
      // the ticks reach the ends of the axis, so the data never runs past the last label
      expect(y.ticks[0]).toBeCloseTo(d0, 12);
      expect(y.ticks.at(-1)).toBeCloseTo(d1, 12);
    }
  });

  test('an error that stays well above zero still starts at zero; a narrow band keeps its range', () => {
    expect(valueAxis([0.12, 0.93], [186, 12], { fromZero: true }).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const near = valueAxis([0.8, 0.9], [186, 12], { fromZero: true });
    expect(near.ticks[0]).toBeGreaterThan(0.7);
    expect(valueAxis([-3, 2], [186, 12], { fromZero: true }).ticks).toContain(0);
  });

  test('tick labels are short and free of float noise', () => {
    expect(valueAxis([0, 0.3], [100, 0]).labels).toEqual(['0', '0.1', '0.2', '0.3']);
    expect(valueAxis([0, 1], [100, 0]).labels).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    expect(valueAxis([0, 25000], [100, 0]).labels.at(-1)).toBe('25,000');
    for (const [lo, hi] of [[0, 1e7], [0, 4e-6], [-1e-4, 1e-4]] as [number, number][]) {
      for (const l of valueAxis([lo, hi], [100, 0]).labels) expect(l.length, l).toBeLessThanOrEqual(7);
    }
  });

  test('x ticks for steps are whole numbers, never repeated, within the data', () => {
    const ticks = (lo: number, hi: number, whole: boolean) => indexAxis([lo, hi], [52, 548], whole).ticks;
    expect(ticks(0, 2, true)).toEqual([0, 1, 2]);
    expect(ticks(0, 49, true)).toEqual([0, 10, 20, 30, 40]);
    expect(ticks(0, 1, true)).toEqual([0, 1]);
    expect(ticks(0, 1, false)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const t = ticks(0, 999, true);
    expect(new Set(t).size).toBe(t.length);
    expect(t.every((v) => Number.isInteger(v) && v >= 0 && v <= 999)).toBe(true);
  });

  test('the extent skips gaps and non-finite values, and is never zero-wide', () => {
    expect(seriesExtent([{ name: 'y', y: [null, 2, 4] }])).toEqual({ x: [1, 2], y: [2, 4] });
    expect(seriesExtent([{ name: 'y', y: [3] }])).toEqual({ x: [0, 1], y: [2, 4] });
    expect(seriesExtent([{ name: 'y', y: [null] }])).toEqual({ x: [0, 1], y: [0, 1] });
    expect(span([NaN, Infinity, 1, -2])).toEqual([-2, 1]);
  });

  test('the scales put the ends of the range where they belong (y upwards)', () => {
    const y = valueAxis([0, 1], [186, 12]);
    expect(y.scale(0)).toBe(186);
    expect(y.scale(1)).toBe(12);
    expect(y.scale(0.5)).toBe(99);
  });

  test('a series path lifts the pen at a gap and stays inside the plotting area', () => {
    const x = indexAxis([0, 3], [52, 548], true);
    const y = valueAxis([0, 1], [186, 12]);
    const d = seriesPath([1, 0.5, null, 0], undefined, x.scale, y.scale);
    expect(d.match(/M/g)).toHaveLength(2);
    const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    for (let i = 0; i < numbers.length; i += 2) {
      expect(numbers[i]).toBeGreaterThanOrEqual(52);
      expect(numbers[i]).toBeLessThanOrEqual(548);
      expect(numbers[i + 1]).toBeGreaterThanOrEqual(12);
      expect(numbers[i + 1]).toBeLessThanOrEqual(186);
    }
    expect(d.startsWith('M52,12')).toBe(true);
  });
});

describe('network layout', () => {
  // A 2-2-1 network with bias links into both later layers.
  const links: NetworkLink[] = [
    { from: [0, 0], to: [1, 0], weight: 1 },
    { from: [0, 1], to: [1, 1], weight: -0.25 },
    { from: [0, -1], to: [1, 0], weight: 0.5 },
    { from: [1, 0], to: [2, 0], weight: 0 },
    { from: [1, -1], to: [2, 0], weight: -4 },
  ];
  const layout = layoutNetwork([2, 2, 1], links);
  const at = (layer: number, index: number) => layout.neurons.find((n) => n.layer === layer && n.index === index)!;

  test('layers are columns from left to right, inside the picture', () => {
    expect(at(0, 0).x).toBeLessThan(at(1, 0).x);
    expect(at(1, 0).x).toBeLessThan(at(2, 0).x);
    for (const n of layout.neurons) {
      expect(n.x).toBeGreaterThan(0);
      expect(n.x).toBeLessThan(layout.width);
      expect(n.y).toBeGreaterThan(0);
      expect(n.y).toBeLessThan(layout.height);
    }
  });

  test('a bias neuron is drawn only for layers that send a bias link, below their neurons', () => {
    expect(layout.neurons.filter((n) => n.index === -1).map((n) => n.layer)).toEqual([0, 1]);
    expect(at(0, -1).y).toBeGreaterThan(at(0, 1).y);
    expect(layout.neurons).toHaveLength(2 + 2 + 1 + 2);
  });

  test('each link joins the neurons it names', () => {
    const bias = layout.links[2]!;
    expect([bias.x1, bias.y1, bias.x2, bias.y2]).toEqual([at(0, -1).x, at(0, -1).y, at(1, 0).x, at(1, 0).y]);
  });

  test('link width grows with the size of the weight, whatever its sign', () => {
    const width = (w: number) => layout.links.find((l) => l.weight === w)!.width;
    expect(width(-4)).toBeCloseTo(MAX_LINK_WIDTH);
    expect(width(0)).toBeCloseTo(MIN_LINK_WIDTH);
    expect(width(1)).toBeGreaterThan(width(-0.25));
    expect(width(1)).toBeLessThan(width(-4));
  });

  test('the picture grows with the network, within bounds', () => {
    expect(layout.width).toBeGreaterThanOrEqual(240);
    const big = layoutNetwork([2, 30, 30, 30, 30, 1], []);
    expect(big.width).toBeLessThanOrEqual(560);
    expect(big.height).toBeLessThanOrEqual(420);
    expect(big.height).toBeGreaterThan(layout.height);
  });
});

describe('the check kind', () => {
  test('says passed or failed with the numbers, and draws its class from a fixed pair', async () => {
    const { build, data } = await import('../../src/runner/kinds/check');
    expect(data.text(build('weight', true))).toBe('✓ weight');
    expect(data.text(build('weight', false, 'expected 1; received 2'))).toBe('✗ weight: expected 1; received 2');
    // A forged entry cannot smuggle a class name: passed is true only for true itself.
    expect(build('x', 'yes' as unknown as boolean).passed).toBe(false);
    expect(build('n'.repeat(2000), true).name.length).toBe(500);
  });
});
