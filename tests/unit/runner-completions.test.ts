// The editor's completions are generated from the engine's types (build/engine-names.ts):
// every export of the module snippets import must be there, with the members of its
// classes, and `show` with its functions.
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as engine from '../../src/lernmi';
import { readEngineNames } from '../../src/runner/build/engine-names';

const ROOT = resolve(__dirname, '../..');
const { names } = readEngineNames(ROOT);
const labels = new Set(names.map((n) => n.label));

describe('editor completions', () => {
  test('every value the engine exports is completed', () => {
    const missing = Object.keys(engine).filter((k) => !labels.has(k));
    expect(missing, `engine exports missing from the completions: ${missing.join(', ')}`).toEqual([]);
  });

  test('the members the course relies on (DESIGN §2) are completed', () => {
    const contract = ['propagate', 'learn', 'links', 'layers', 'weight', 'from', 'to', 'toJSON', 'fromJSON', 'value', 'sensitivity', 'outputSensitivity', 'weightChange', 'train', 'evaluate', 'compile'];
    const runtime = new engine.Network([2, 1], { seed: 1 });
    for (const k of contract) {
      // the member exists at run time (else this list is wrong), and the editor offers it
      const onSomething = [runtime, engine.Network, runtime.layers[1]![0]!, runtime.links[0]!].some((o) => k in o);
      expect(onSomething, `${k} exists on a Network, Neuron or Link`).toBe(true);
      expect(labels, k).toContain(k);
    }
  });

  test('show and its functions are completed, with their signatures', () => {
    for (const k of ['show', 'table', 'plot', 'network']) expect(labels, k).toContain(k);
    expect(names.find((n) => n.label === 'plot')!.info).toMatch(/^show\.plot\(/);
  });

  test('classes complete with their constructor and doc comment; options keys complete too', () => {
    const network = names.find((n) => n.label === 'Network')!;
    expect(network.type).toBe('class');
    expect(network.info).toMatch(/^new Network\(/);
    expect(labels).toContain('activation');
    expect(labels).toContain('trainingRate');
  });
});
