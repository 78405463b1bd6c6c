// <EngineSource> finds declarations with the TypeScript compiler API; these pin down
// what it extracts (leading comments kept, de-indented) and how it fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDeclaration, DeclarationNotFound } from '../../components/course/engine-source';
import { readApi } from '../../components/course/engine-api';

const source = readFileSync('tests/fixtures/engine/network.ts', 'utf8');
const get = (name: string) => extractDeclaration(source, name, 'network.ts');

describe('extractDeclaration', () => {
  it('extracts a method of a class with its JSDoc, de-indented', () => {
    const { code, startLine, endLine } = get('Link.propagate');
    expect(code).toBe(
      '/** Forward: what this link adds to its output neuron\'s sum. */\npropagate(): number {\n  return this.from.value * this.weight;\n}',
    );
    expect(source.split('\n')[startLine - 1]).toContain('/** Forward');
    expect(source.split('\n')[endLine - 1].trim()).toBe('}');
  });

  it('keeps a leading line comment', () => {
    expect(get('Link.backpropagate').code.split('\n')[0]).toBe('// Backward: blame first, then the step.');
  });

  it('extracts a whole class, a function, an arrow-function const and a type', () => {
    const cls = get('Link').code;
    expect(cls.startsWith('/**\n * A link joins two neurons.\n */\nexport class Link {')).toBe(true);
    expect(cls.endsWith('}')).toBe(true);
    expect(get('sigmoid').code).toContain('export function sigmoid(x: number): number {');
    expect(get('relu').code).toBe('export const relu = (x: number): number => (x > 0 ? x : 0);');
    expect(get('ActivationName').code).toBe('export type ActivationName = "sigmoid" | "relu";');
  });

  it('extracts a constructor and every overload with the implementation', () => {
    expect(get('Link.constructor').code).toMatch(/^constructor\(\n  readonly from: Neuron,/);
    const scale = get('Link.scale').code;
    expect(scale.match(/scale\(/g)).toHaveLength(3);
    expect(scale.endsWith('}')).toBe(true);
  });

  it('fails with the names that do exist', () => {
    expect(() => get('Link.nope')).toThrow(DeclarationNotFound);
    expect(() => get('Link.nope')).toThrow(/no member "nope" in Link \(network\.ts\)\. Its members: weight, constructor, propagate, backpropagate, scale/);
    expect(() => get('Nope')).toThrow(/no declaration "Nope" in network\.ts\. Top-level names there: sigmoid, relu, ActivationName, Link/);
    expect(() => get('Link.propagate.more')).toThrow(DeclarationNotFound);
  });
});

describe('readApi', () => {
  it('lists the real engine’s exports with documented classes', () => {
    const api = readApi('src/engine/index.ts');
    expect(api).not.toBeNull();
    const names = api!.map((e) => e.name);
    for (const n of ['Network', 'Neuron', 'Link']) expect(names).toContain(n);
    const network = api!.find((e) => e.name === 'Network')!;
    expect(network.kind).toBe('class');
    const members = network.members.map((m) => m.name);
    for (const m of ['constructor', 'propagate', 'learn', 'toJSON', 'fromJSON']) expect(members).toContain(m);
    expect(network.members.some((m) => m.name.startsWith('_') || m.name === 'forward')).toBe(false); // private stays out
  });

  it('returns null when the entry file is missing', () => {
    expect(readApi('tests/fixtures/engine/missing.ts')).toBeNull();
  });
});
