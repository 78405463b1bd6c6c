/**
 * An independent reference for the engine tests: the error of a network computed
 * straight from its JSON weights with textbook formulas, sharing no code with
 * src/engine (so a bug there cannot hide itself here).
 */
import type { NetworkJSON } from "lernmi";

const f: Record<string, (z: number) => number> = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: (z) => (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z)),
  relu: (z) => Math.max(0, z),
  leakyRelu: (z) => (z > 0 ? z : 0.01 * z),
  linear: (z) => z,
};

export interface ReferencePass {
  error: number;
  outputs: number[];
  /** Pre-activation sums of every non-input layer. */
  sums: number[][];
}

export function referencePass(json: NetworkJSON, weights: number[][][], input: readonly number[], expected: readonly number[]): ReferencePass {
  let values = input.slice();
  const sums: number[][] = [];
  for (let l = 0; l < weights.length; l++) {
    const last = l === weights.length - 1;
    const z = weights[l].map((row) => {
      let s = row[row.length - 1]; // bias: weight × 1
      for (let i = 0; i < values.length; i++) s += row[i] * values[i];
      return s;
    });
    sums.push(z);
    if (last && json.loss === "softmaxCrossEntropy") {
      const m = Math.max(...z);
      const logTotal = m + Math.log(z.reduce((t, zi) => t + Math.exp(zi - m), 0));
      const outputs = z.map((zi) => Math.exp(zi - logTotal));
      const error = -expected.reduce((t, y, i) => t + y * (z[i] - logTotal), 0);
      return { error, outputs, sums };
    }
    values = z.map(f[last ? (json.outputActivation ?? json.activation) : json.activation]);
  }
  const error = 0.5 * values.reduce((t, a, i) => t + (a - expected[i]) ** 2, 0);
  return { error, outputs: values, sums };
}

/** ∂E/∂w for every weight, by central differences, in `links` order (weights[l][j][i] flattened). */
export function numericalGradient(json: NetworkJSON, input: readonly number[], expected: readonly number[], h = 1e-6): number[] {
  const weights = json.weights.map((layer) => layer.map((row) => row.slice()));
  const gradient: number[] = [];
  for (const layer of weights) {
    for (const row of layer) {
      for (let i = 0; i < row.length; i++) {
        const w = row[i];
        row[i] = w + h;
        const above = referencePass(json, weights, input, expected).error;
        row[i] = w - h;
        const below = referencePass(json, weights, input, expected).error;
        row[i] = w;
        gradient.push((above - below) / (2 * h));
      }
    }
  }
  return gradient;
}

/** A tiny generator for test inputs, separate from the engine's own. */
export function lcg(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
