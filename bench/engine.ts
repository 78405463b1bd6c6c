/**
 * `npm run bench` (engine half): samples per second for `Network.learn`, one sample
 * at a time, against the plain Float64Array baseline in bench/baseline.ts, on
 *   (a) 2-8-8-1, tanh hidden and tanh output, training rate 0.03, 500-point two-spiral set;
 *   (b) 784-100-10, sigmoid hidden and output, training rate 0.1, random inputs.
 * Both start from the same weights and see the same samples in the same order.
 * Each side is warmed up, then engine and baseline are timed in alternating rounds;
 * the table reports the best round of each (the least disturbed by other processes).
 */
import { Network, datasets, Random, type Sample } from "lernmi";
import { BaselineNetwork, type BaselineActivation } from "./baseline.ts";

interface Task {
  name: string;
  sizes: number[];
  activation: BaselineActivation & ("sigmoid" | "tanh");
  trainingRate: number;
  samples: Sample[];
  target: number;
}

const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function randomSamples(count: number, inputs: number, outputs: number, seed: number): Sample[] {
  const random = new Random(seed);
  const samples: Sample[] = [];
  for (let s = 0; s < count; s++) {
    const input = Array.from({ length: inputs }, () => random.next());
    const expected = Array.from({ length: outputs }, () => 0);
    expected[random.int(outputs)] = 1;
    samples.push({ input, expected });
  }
  return samples;
}

const tasks: Task[] = [
  {
    name: "(a) 2-8-8-1 tanh/tanh, rate 0.03, spiral 500",
    sizes: [2, 8, 8, 1],
    activation: "tanh",
    trainingRate: 0.03,
    samples: datasets.spiral({ count: 500, noise: 0, labels: [-1, 1], seed: 1 }),
    target: 0.9,
  },
  {
    name: "(b) 784-100-10 sigmoid, rate 0.1, random",
    sizes: [784, 100, 10],
    activation: "sigmoid",
    trainingRate: 0.1,
    samples: randomSamples(200, 784, 10, 2),
    target: 0.5,
  },
];

/** Runs `learn` over the samples in order until `ms` have passed; returns samples/second. */
function time(learn: (input: readonly number[], expected: readonly number[]) => number, samples: Sample[], ms: number): number {
  let count = 0;
  let sink = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < samples.length; k++) sink += learn(samples[k].input, samples[k].expected);
    count += samples.length;
    now = performance.now();
  }
  if (!Number.isFinite(sink)) throw new Error("bench diverged");
  return (count * 1000) / (now - start);
}

function maxWeightDifference(network: Network, baseline: BaselineNetwork): number {
  let k = 0;
  let worst = 0;
  const json = network.toJSON().weights;
  for (let l = 0; l < json.length; l++) {
    const flat = json[l].flat();
    for (let i = 0; i < flat.length; i++, k++) worst = Math.max(worst, Math.abs(flat[i] - baseline.weights[l][i]));
  }
  return worst;
}

const rows: string[][] = [];
let allMet = true;
const only = process.env.BENCH_ONLY; // e.g. "a" or "b" while tuning
for (const task of tasks.filter((t) => only === undefined || t.name.startsWith(`(${only})`))) {
  const network = new Network(task.sizes, { activation: task.activation, trainingRate: task.trainingRate, seed: 42 });
  const baseline = new BaselineNetwork(task.sizes, task.activation, task.activation, task.trainingRate);
  baseline.setWeights(network.toJSON().weights);

  // Same start, same samples: after one pass both must hold (nearly) the same weights.
  for (const { input, expected } of task.samples) {
    network.learn(input, expected);
    baseline.learn(input, expected);
  }
  const agreement = maxWeightDifference(network, baseline);
  if (!(agreement < 1e-9)) throw new Error(`${task.name}: engine and baseline disagree by ${agreement}`);

  const engineLearn = (i: readonly number[], e: readonly number[]) => network.learn(i, e);
  const baselineLearn = (i: readonly number[], e: readonly number[]) => baseline.learn(i, e);
  time(engineLearn, task.samples, 800); // warm up: let V8 optimise both
  time(baselineLearn, task.samples, 800);
  let engineBest = 0;
  let baselineBest = 0;
  for (let round = 0; round < ROUNDS; round++) {
    engineBest = Math.max(engineBest, time(engineLearn, task.samples, ROUND_MS));
    baselineBest = Math.max(baselineBest, time(baselineLearn, task.samples, ROUND_MS));
  }
  const ratio = engineBest / baselineBest;
  const met = ratio >= task.target;
  allMet &&= met;
  rows.push([
    task.name,
    Math.round(engineBest).toLocaleString("en-US"),
    Math.round(baselineBest).toLocaleString("en-US"),
    `${ratio.toFixed(2)}×`,
    `≥ ${task.target}× ${met ? "met" : "NOT met"}`,
    agreement.toExponential(1),
  ]);
}

const header = ["task: Network.learn, one sample at a time", "engine samples/s", "baseline samples/s", "ratio", "target", "max |Δw| after 1 pass"];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
console.log(`lernmi engine bench (Node ${process.version}; best of ${ROUNDS} rounds of ${ROUND_MS} ms each, after warm-up)`);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of rows) console.log(line(row));
if (!allMet) console.log("at least one target was not met");
