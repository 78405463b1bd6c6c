/**
 * Small seeded datasets for the course: every call with the same options returns
 * the same points, so a figure in the prose matches what the reader's run draws.
 * Each sample is { input: [x, y], expected: [label] } (or one-hot with `oneHot`).
 */
import { checkOptions } from "../engine/checks";
import { Random } from "../engine/random";
import type { Sample } from "../engine/types";

const DATASET_OPTIONS = ["count", "noise", "seed", "labels", "oneHot"] as const;

export interface DatasetOptions {
  /** How many points. */
  count?: number;
  /** Standard deviation of Gaussian noise added to each coordinate. */
  noise?: number;
  /** Same seed, same points. Default 1. */
  seed?: number;
  /** The two class labels, negative first. Default [0, 1]; use [-1, 1] for a tanh output. */
  labels?: readonly [number, number];
  /** expected = [1, 0] or [0, 1] (for softmax + cross-entropy) instead of [label]. */
  oneHot?: boolean;
}

function label(positive: boolean, options: DatasetOptions): number[] {
  if (options.oneHot) return positive ? [0, 1] : [1, 0];
  const [negative, pos] = options.labels ?? [0, 1];
  return [positive ? pos : negative];
}

/**
 * `count` seeded samples (default 200): `draw` gives the i-th point and its class, using
 * `random` in a fixed order so the same options always give the same points.
 */
function sampled(
  name: string,
  options: DatasetOptions,
  draw: (i: number, random: Random, noise: number) => { input: number[]; positive: boolean },
): Sample[] {
  checkOptions(`datasets.${name}`, options, DATASET_OPTIONS);
  const count = options.count ?? 200;
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`${name}: count must be a positive integer; received ${String(count)}`);
  }
  const random = new Random(options.seed ?? 1);
  const noise = options.noise ?? 0;
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const { input, positive } = draw(i, random, noise);
    samples.push({ input, expected: label(positive, options) });
  }
  return samples;
}

/**
 * XOR: positive when exactly one input is on. Without `count`, the four rows of the
 * truth table; with `count`, that many points scattered in the four corners of [-1, 1]².
 */
export function xor(options: DatasetOptions = {}): Sample[] {
  checkOptions("datasets.xor", options, DATASET_OPTIONS);
  if (options.count === undefined) {
    return [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ].map(([a, b]) => ({ input: [a, b], expected: label((a ^ b) === 1, options) }));
  }
  return sampled("xor", options, (_, random, noise) => {
    const x = random.uniform(-1, 1);
    const y = random.uniform(-1, 1);
    // Keep points off the axes so the class is clear.
    const px = x + (x > 0 ? 0.05 : -0.05);
    const py = y + (y > 0 ? 0.05 : -0.05);
    return { input: [px + noise * random.normal(), py + noise * random.normal()], positive: px * py < 0 };
  });
}

/** Two circles: an inner disc (positive) inside a ring (negative). */
export function circle(options: DatasetOptions = {}): Sample[] {
  return sampled("circle", options, (i, random, noise) => {
    const inside = i % 2 === 0;
    const radius = inside ? random.uniform(0, 0.5) : random.uniform(0.7, 1);
    const angle = random.uniform(0, 2 * Math.PI);
    return {
      input: [radius * Math.sin(angle) + noise * random.normal(), radius * Math.cos(angle) + noise * random.normal()],
      positive: inside,
    };
  });
}

/** Two Gaussian clouds, centred at (0.5, 0.5) (positive) and (-0.5, -0.5) (negative). */
export function gauss(options: DatasetOptions = {}): Sample[] {
  return sampled("gauss", options, (i, random, noise) => {
    const positive = i % 2 === 0;
    const centre = positive ? 0.5 : -0.5;
    const spread = 0.25 + noise;
    return { input: [centre + spread * random.normal(), centre + spread * random.normal()], positive };
  });
}

/** Two interleaved spirals, each turning 1.75 times around the origin. */
export function spiral(options: DatasetOptions = {}): Sample[] {
  const half = Math.ceil((options.count ?? 200) / 2);
  return sampled("spiral", options, (i, random, noise) => {
    const positive = i % 2 === 0;
    const radius = Math.floor(i / 2) / half; // 0 → 1 along the arm
    const angle = 1.75 * 2 * Math.PI * radius + (positive ? 0 : Math.PI);
    return {
      input: [radius * Math.sin(angle) + noise * random.normal(), radius * Math.cos(angle) + noise * random.normal()],
      positive,
    };
  });
}
