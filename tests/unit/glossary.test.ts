// The reference's Notation table pairs each symbol with an engine name. Every engine
// name in it must exist on the real objects of a network that has just learned, so a
// renamed field fails here rather than misleading a reader.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Network, gradientCheck } from 'lernmi';

/** The code spans of the "Engine name" column of the table under "## Notation". */
function engineNames(): string[] {
  const mdx = readFileSync('src/pages/reference.mdx', 'utf8');
  const section = mdx.slice(mdx.indexOf('## Notation'), mdx.indexOf('\n## ', mdx.indexOf('## Notation') + 1));
  const rows = section.split('\n').filter((l) => l.startsWith('|'));
  const header = rows[0].split('|').map((c) => c.trim());
  const column = header.indexOf('Engine name');
  expect(column, 'the table has an "Engine name" column').toBeGreaterThan(0);
  return rows.slice(2).flatMap((r) => [...r.split('|')[column].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
}

function objects() {
  const network = new Network([2, 2, 1], { activation: 'tanh', seed: 3 });
  network.learn([1, 0], [1]);
  const neuron = network.layers[1][0];
  return {
    network,
    neuron,
    link: network.links.find((l) => l.to === neuron)!,
    activation: neuron.activation,
    'gradientCheck(…)[i]': gradientCheck(network, [1, 0], [1])[0],
  } as Record<string, unknown>;
}

/** `root.a.b` or `root.method(args)`: what the name reads, or why it cannot be read. */
function lookUp(name: string, roots: Record<string, unknown>): { value?: unknown; problem?: string } {
  const root = Object.keys(roots).find((r) => name.startsWith(`${r}.`));
  if (!root) return { problem: `no known object starts ${name}` };
  const path = name.slice(root.length + 1).replace(/\(.*\)$/, '');
  let value: unknown = roots[root];
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) return { problem: `${name}: no ${key}` };
    value = (value as Record<string, unknown>)[key];
  }
  if (name.endsWith(')') && typeof value !== 'function') return { problem: `${name} is not a method` };
  return { value };
}

describe('the Notation table', () => {
  it('names only fields and methods the engine has', () => {
    const names = engineNames();
    for (const n of ['neuron.sensitivity', 'link.outputSensitivity', 'link.weightChange', 'network.trainingRate', 'neuron.sum']) {
      expect(names).toContain(n);
    }
    const roots = objects();
    const problems = names.map((n) => lookUp(n, roots)).filter((r) => r.problem).map((r) => r.problem);
    expect(problems).toEqual([]);
  });

  it('finds a misspelt name', () => {
    const roots = objects();
    expect(lookUp('link.outputSensitivty', roots).problem).toMatch(/no outputSensitivty/);
    expect(lookUp('neuron.value()', roots).problem).toMatch(/not a method/);
    expect(lookUp('layer.value', roots).problem).toMatch(/no known object/);
  });
});
