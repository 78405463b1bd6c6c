// How printed values read: numbers, containers, and the engine's own objects.
import { describe, expect, test } from 'vitest';
import * as engine from '../../src/lernmi';
import { formatNumber, formatValue } from '../../src/runner/kinds/format';
import { entryText } from '../../src/runner/kinds/index';
import * as network from '../../src/runner/kinds/network';
import * as table from '../../src/runner/kinds/table';

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

  // The engine's contract: Neuron, Link and Network carry Symbol.toStringTag and print
  // themselves with toString(). These fakes stand for them, under other class names, as a
  // minifier would leave them.
  class Zq {
    constructor(private text: string) {}
    get [Symbol.toStringTag]() {
      return 'Neuron';
    }
    value = 0.76;
    inputs = [{ deep: { internals: true } }];
    toString() {
      return this.text;
    }
  }
  class Xr {
    get [Symbol.toStringTag]() {
      return 'Link';
    }
    weight = 0.42;
    toString() {
      return 'Link(h1[0] → out[0], weight=0.42)';
    }
  }

  test('a Neuron, a Link and a Network print as their toString(), found by their tag, not their class name', () => {
    expect(formatValue(new Zq('Neuron(tanh, value=0.76, sensitivity=-0.12)'))).toBe('Neuron(tanh, value=0.76, sensitivity=-0.12)');
    expect(formatValue(new Xr())).toBe('Link(h1[0] → out[0], weight=0.42)');
    const net = { get [Symbol.toStringTag]() { return 'Network'; }, toString: () => 'Network 2-3-1 (tanh)' };
    expect(formatValue(net)).toBe('Network 2-3-1 (tanh)');
  });

  test('a layer (an array of Neurons) prints as a list of neurons, not their internals', () => {
    const layer = [new Zq('Neuron(tanh, value=0.76, sensitivity=-0.12)'), new Zq('Neuron(tanh, value=-0.3, sensitivity=0.05)')];
    expect(formatValue(layer)).toBe('[Neuron(tanh, value=0.76, sensitivity=-0.12), Neuron(tanh, value=-0.3, sensitivity=0.05)]');
    expect(formatValue({ layer })).not.toContain('internals');
  });

  test('a class merely named Neuron is printed like any object; a toString that throws falls back to the fields', () => {
    class Neuron {
      value = 1;
    }
    expect(formatValue(new Neuron())).toBe('Neuron { value: 1 }');
    const broken = { get [Symbol.toStringTag]() { return 'Neuron'; }, value: 2, toString() { throw new Error('no'); } };
    expect(formatValue(broken)).toMatch(/value: 2/);
  });

  test('the real engine: a Neuron, a layer, a Link with its ends, a Network with its summary', () => {
    const net = new engine.Network([2, 3, 1], { activation: 'tanh', seed: 7 });
    expect(formatValue(net.layers[1]![0])).toBe('Neuron(h1[0], tanh, value=0, sensitivity=0)');
    expect(formatValue(net.layers[1])).toBe('[Neuron(h1[0], tanh, value=0, sensitivity=0), Neuron(h1[1], tanh, value=0, sensitivity=0), Neuron(h1[2], tanh, value=0, sensitivity=0)]');
    expect(formatValue(net.links[0])).toMatch(/^Link\(in\[0\] → h1\[0\], weight=-?[\d.]+\)$/);
    expect(formatValue(net)).toBe('Network(2-3-1, tanh, trainingRate=0.1, seed=7, 13 links)');
    expect(formatValue(new engine.Neuron('sigmoid', 'y'))).toBe('Neuron(y, sigmoid, value=0, sensitivity=0)');
  });

  test('a diagram of a real Network names its shape and link count', () => {
    const net = new engine.Network([2, 3, 1], { activation: 'tanh', seed: 7 });
    expect(entryText(network.build(net))).toBe('[network 2-3-1 · 13 links]');
  });

  test('tables from rows of objects', () => {
    expect(entryText(table.build([{ a: 1, b: 'x' }, { a: 2 }]))).toBe('(index) │ a │ b\n0       │ 1 │ x\n1       │ 2 │');
  });
});

