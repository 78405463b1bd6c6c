/**
 * `npm run bench` (engine half): samples per CPU second for learning one sample at a
 * time, against the plain Float64Array baseline in bench/baseline.ts, on
 *   (a) 2-8-8-1, tanh hidden and tanh output, training rate 0.03, 500-point two-spiral set;
 *   (b) 784-100-10, sigmoid hidden and output, training rate 0.1, random inputs;
 *   (c) 2-8-8-8-8-8-1, a deeper small tanh network, on the same spiral.
 * Two engine paths are timed:
 *   - `Network.learn`: the Neuron and Link objects, the code the chapters show, meant
 *     for reading, stepping through and small networks (target on (a) and (c) only);
 *   - `CompiledNetwork.learn` (`network.compile()`, used by `train({ fast: true })`):
 *     the same arithmetic on typed arrays, checked here to reach bit-identical weights.
 * All three start from the same weights and see the same samples in the same order.
 * After a warm-up, the three are timed in alternating rounds, each round preceded by
 * a short untimed run of the same path (so no path pays for the previous one's cache
 * misses). "ratio" divides the best round of each path (the least disturbed by other
 * processes); "median paired ratio" is the median, over rounds, of path ÷ baseline
 * within one round (paths in the same round share the machine's load). Each task
 * runs in BENCH_PROCESSES (3) processes; the table shows the process whose
 * Network.learn ratio is the median, and the targets are judged on its "ratio".
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Network, datasets, Random, type CompiledNetwork, type Sample } from "lernmi";
import { BaselineNetwork } from "./baseline.ts";

interface Task {
  key: string;
  name: string;
  sizes: number[];
  activation: "sigmoid" | "tanh";
  trainingRate: number;
  samples: Sample[];
  /** Network.learn's target ratio; null where the objects have none (the compiled path serves big networks). */
  target: number | null;
}

const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
const FAST_TARGET = 0.9;

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
    key: "a",
    name: "(a) 2-8-8-1 tanh (tanh output), rate 0.03, 500-point spiral",
    sizes: [2, 8, 8, 1],
    activation: "tanh",
    trainingRate: 0.03,
    samples: datasets.spiral({ count: 500, labels: [-1, 1], seed: 1 }),
    target: 0.75,
  },
  {
    key: "b",
    name: "(b) 784-100-10 sigmoid, rate 0.1, random inputs",
    sizes: [784, 100, 10],
    activation: "sigmoid",
    trainingRate: 0.1,
    samples: randomSamples(200, 784, 10, 2),
    target: null,
  },
  {
    key: "c",
    name: "(c) 2-8-8-8-8-8-1 tanh (tanh output), rate 0.03, 500-point spiral",
    sizes: [2, 8, 8, 8, 8, 8, 1],
    activation: "tanh",
    trainingRate: 0.03,
    samples: datasets.spiral({ count: 500, labels: [-1, 1], seed: 1 }),
    target: 0.75,
  },
];

type Learn = (input: readonly number[], expected: readonly number[]) => number;

/**
 * Runs `learn` over the samples in order until `ms` of this process's CPU time have
 * passed; returns samples per CPU second. CPU time rather than the clock: on a shared
 * machine the clock also counts the time other processes held the core, which made
 * a path's rate swing by ±0.15 between rounds; CPU time counts only our own work.
 */
function time(learn: Learn, samples: Sample[], ms: number): number {
  let count = 0;
  let sink = 0;
  const start = cpuMilliseconds();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < samples.length; k++) sink += learn(samples[k].input, samples[k].expected);
    count += samples.length;
    now = cpuMilliseconds();
  }
  if (!Number.isFinite(sink)) throw new Error("bench diverged");
  return (count * 1000) / (now - start);
}

function cpuMilliseconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Largest |difference| between the network's weights and a flat per-layer copy. */
function weightDifference(network: Network, layers: Float64Array[]): number {
  let k = 0;
  let worst = 0;
  for (const layer of layers) for (const weight of layer) worst = Math.max(worst, Math.abs(network.links[k++].weight - weight));
  return worst;
}

const format = (n: number) => Math.round(n).toLocaleString("en-US");
// Each task runs in a process of its own, as each network would in the page (its own
// worker): V8 then optimises every path for that task's shapes alone, instead of
// code made polymorphic by the task before it (which cost the later task ~7%).
// And in several processes, reporting the median one: from one process to the next
// the same code lands differently in memory and in the optimiser, and (a)'s ratio
// moved by up to 0.05 between otherwise identical runs.
const only = process.env.BENCH_ONLY; // "a" or "b": run just that task, here
const child = process.env.BENCH_CHILD === "1";
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const rows: string[][] = [];
const misses: string[] = [];
const spreads: string[] = [];
interface ChildResult {
  rows: string[][];
  misses: string[];
  ratio: number;
}
if (only === undefined) {
  for (const task of tasks) {
    const results: ChildResult[] = [];
    for (let p = 0; p < PROCESSES; p++) {
      const output = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
        env: { ...process.env, BENCH_ONLY: task.key, BENCH_CHILD: "1" },
        encoding: "utf8",
      });
      results.push(JSON.parse(output.trim().split("\n").pop()!));
    }
    results.sort((x, y) => x.ratio - y.ratio);
    const middle = results[Math.floor(results.length / 2)];
    rows.push(...middle.rows);
    misses.push(...middle.misses);
    spreads.push(`${task.key}: ${results.map((r) => `${r.ratio.toFixed(2)}×`).join(", ")}`);
  }
}
let childRatio = NaN;
for (const task of tasks.filter((t) => only !== undefined && t.key === only)) {
  const network = new Network(task.sizes, { activation: task.activation, trainingRate: task.trainingRate, seed: 42 });
  const compiled: CompiledNetwork = network.clone().compile();
  const baseline = new BaselineNetwork(task.sizes, task.activation, task.activation, task.trainingRate);
  baseline.setWeights(network.toJSON().weights);

  // One pass from the same start: the compiled path must match learn bit for bit,
  // the baseline (which sums in its own order) to rounding.
  for (const { input, expected } of task.samples) {
    network.learn(input, expected);
    compiled.learn(input, expected);
    baseline.learn(input, expected);
  }
  const compiledDifference = weightDifference(network, compiled.weights);
  const baselineDifference = weightDifference(network, baseline.weights);
  if (compiledDifference !== 0) throw new Error(`${task.name}: compiled path differs from learn by ${compiledDifference}`);
  if (!(baselineDifference < 1e-9)) throw new Error(`${task.name}: baseline differs from learn by ${baselineDifference}`);

  const paths: [string, Learn][] = [
    ["Network.learn", (i, e) => network.learn(i, e)],
    ["CompiledNetwork.learn", (i, e) => compiled.learn(i, e)],
    ["baseline", (i, e) => baseline.learn(i, e)],
  ];
  for (const [, learn] of paths) time(learn, task.samples, 600); // warm up: let V8 optimise
  const best = paths.map(() => 0);
  const paired: number[][] = [[], []]; // per round: engine path ÷ baseline in the same round
  for (let round = 0; round < ROUNDS; round++) {
    const rates = paths.map(([, learn]) => {
      time(learn, task.samples, 60); // untimed: bring this path's data back into the caches
      return time(learn, task.samples, ROUND_MS);
    });
    rates.forEach((rate, p) => (best[p] = Math.max(best[p], rate)));
    paired[0].push(rates[0] / rates[2]);
    paired[1].push(rates[1] / rates[2]);
  }
  const [objects, fast, plain] = best;
  const ratio = objects / plain;
  const fastRatio = fast / plain;
  const [pairedObjects, pairedFast] = paired.map(median);
  childRatio = ratio;
  if (task.target !== null && ratio < task.target) misses.push(`${task.key}: Network.learn ${ratio.toFixed(2)}× < ${task.target}×`);
  if (fastRatio < FAST_TARGET) misses.push(`${task.key}: CompiledNetwork.learn ${fastRatio.toFixed(2)}× < ${FAST_TARGET}×`);
  rows.push([task.name, "Network.learn (Neuron/Link objects)", format(objects), format(plain), `${ratio.toFixed(2)}×`, `${pairedObjects.toFixed(2)}×`, task.target === null ? "none" : `≥ ${task.target}×`, baselineDifference.toExponential(1)]);
  rows.push(["", "CompiledNetwork.learn (train fast)", format(fast), format(plain), `${fastRatio.toFixed(2)}×`, `${pairedFast.toFixed(2)}×`, `≥ ${FAST_TARGET}×`, "0 (bit-identical)"]);
}

if (child) {
  console.log(JSON.stringify({ rows, misses, ratio: childRatio } satisfies ChildResult));
  process.exit(0);
}
const header = ["task", "path", "samples/CPU s", "baseline samples/CPU s", "ratio", "median paired ratio", "target", "max |Δw| vs learn after 1 pass"];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (cells: string[]) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
console.log(
  `lernmi engine bench: learning one sample at a time (Node ${process.version}; each task in ${PROCESSES} processes, the median one shown; in each, best of ${ROUNDS} alternating rounds of ${ROUND_MS} ms of CPU time after warm-up)`,
);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of rows) console.log(line(row));
console.log(`Network.learn ratio in each process: ${spreads.join("; ")}`);
console.log(misses.length === 0 ? "all targets met" : `targets missed: ${misses.join("; ")}`);
