// The output kinds: their registry, their text alternatives, and the geometry of the two
// figures (plot scales, network layout), tested as numbers rather than as pictures.
import { describe, expect, test } from 'vitest';
import { DATA, VIEWS, entrySize, entryText } from '../../src/runner/kinds/index';
import * as log from '../../src/runner/kinds/log';
import { layoutNetwork, MAX_LINK_WIDTH, MIN_LINK_WIDTH } from '../../src/runner/kinds/network-layout';
import * as plot from '../../src/runner/kinds/plot';
import { extent, formatTick, linear, niceStep, xTicks, yAxis } from '../../src/runner/kinds/plot-scale';
import type { NetworkLink } from '../../src/runner/kinds/network';

describe('registry', () => {
  test('every kind has its data half and its view half', () => {
    expect(Object.keys(VIEWS).sort()).toEqual(Object.keys(DATA).sort());
    expect(Object.keys(DATA).sort()).toEqual(['check', 'log', 'network', 'plot', 'table']);
  });

  test('sizes count lines and characters', () => {
    expect(entrySize(log.build('log', ['a\nb\nc']))).toEqual({ lines: 3, chars: 6 });
    expect(entrySize({ kind: 'table', columns: ['(index)', 'a'], rows: [['0', '1'], ['1', '22']] }).lines).toBe(3);
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
  test('round steps: the smallest multiple of a power of ten at least the rough step', () => {
    expect(niceStep(0.23, [1, 2, 2.5, 5, 10])).toBeCloseTo(0.25);
    expect(niceStep(3, [1, 2, 5, 10])).toBe(5);
    expect(niceStep(1, [1, 2, 5, 10])).toBe(1);
    expect(niceStep(0.0041, [1, 2, 2.5, 5, 10])).toBeCloseTo(0.005);
  });

  test('the y axis covers the data with round ticks, and starts at zero for an error that stays well above it', () => {
    const y = yAxis(0.12, 0.93);
    expect(y.min).toBe(0);
    expect(y.max).toBeGreaterThanOrEqual(0.93);
    expect(y.ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const near = yAxis(0.8, 0.9); // a narrow band far from zero keeps its own range
    expect(near.min).toBeGreaterThan(0.7);
    expect(near.min).toBeLessThanOrEqual(0.8);
    expect(near.max).toBeGreaterThanOrEqual(0.9);
    const neg = yAxis(-3, 2);
    expect(neg.min).toBeLessThanOrEqual(-3);
    expect(neg.ticks).toContain(0);
  });

  test('x ticks for steps are whole numbers, never repeated, within the data', () => {
    expect(xTicks(0, 2, true)).toEqual([0, 1, 2]);
    const t = xTicks(0, 49, true);
    expect(t).toEqual([0, 10, 20, 30, 40]);
    expect(new Set(t).size).toBe(t.length);
    expect(xTicks(0, 1, false)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  test('extent skips gaps, and is never zero-wide', () => {
    expect(extent([{ name: 'y', y: [null, 2, 4] }])).toEqual({ xmin: 1, xmax: 2, ymin: 2, ymax: 4 });
    expect(extent([{ name: 'y', y: [3] }])).toEqual({ xmin: 0, xmax: 1, ymin: 2, ymax: 4 });
    expect(extent([{ name: 'y', y: [null] }])).toEqual({ xmin: 0, xmax: 1, ymin: 0, ymax: 1 });
  });

  test('the pixel map puts the ends of the range where they belong (y upwards)', () => {
    const sy = linear(0, 1, 186, 12);
    expect(sy(0)).toBe(186);
    expect(sy(1)).toBe(12);
    expect(sy(0.5)).toBe(99);
  });

  test('tick labels carry no float noise', () => {
    expect(formatTick(0.1 + 0.2)).toBe('0.3');
    expect(formatTick(0)).toBe('0');
    expect(formatTick(25000)).toBe('2.5e+4');
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
