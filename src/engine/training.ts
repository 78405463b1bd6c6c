/**
 * The training loop around `Network.learn`: epochs over the samples in a seeded
 * random order, one sample or one mini-batch per step, a stop when the weights stop
 * being numbers, and the evaluation of a trained network.
 */
import { checkCount, checkExpected, checkInputs, checkOptions, describe } from "./checks";
import type { Network } from "./network";
import type { EpochRecord, Evaluation, Sample, TrainOptions } from "./types";

const TRAIN_OPTIONS = ["epochs", "batchSize", "shuffle", "fast", "onEpoch"] as const;

/** What takes the steps: the network itself, or its fast copy (see fast/compiled.ts). */
interface Learner {
  learn(input: readonly number[], expected: readonly number[]): number;
  learnBatch(samples: readonly Sample[]): number;
}

export function train(network: Network, samples: readonly Sample[], options: TrainOptions = {}): EpochRecord[] {
  checkOptions("train", options, TRAIN_OPTIONS);
  const { epochs = 1, batchSize = 1, shuffle = true, fast = false, onEpoch } = options;
  checkCount("epochs", epochs, 0);
  checkCount("batchSize", batchSize, 1);
  samples.forEach((sample, i) => checkSample(network, sample, `train: sample ${i}`));
  // The fast copy reports no trace events, so a network someone is watching trains itself.
  const compiled = fast && !network.isTraced ? network.compile() : null;
  const learner: Learner = compiled ?? network;
  const order = samples.map((_, i) => i);
  const history: EpochRecord[] = [];
  try {
    for (let epoch = 1; epoch <= epochs && samples.length > 0; epoch++) {
      // A fixed order would let the last samples of every epoch pull the hardest.
      if (shuffle) network.random.shuffle(order);
      let total = 0;
      for (let start = 0; start < order.length; start += batchSize) {
        if (batchSize === 1) {
          const { input, expected } = samples[order[start]];
          total += learner.learn(input, expected);
        } else {
          total += learner.learnBatch(order.slice(start, start + batchSize).map((i) => samples[i]));
        }
      }
      compiled?.writeWeights();
      checkWeights(network);
      const record: EpochRecord = { epoch, error: total / samples.length, step: network.step };
      history.push(record);
      if (onEpoch !== undefined && onEpoch(record) === false) break;
      compiled?.readWeights(); // onEpoch may have changed weights by hand
    }
  } catch (error) {
    compiled?.writeWeights(); // leave the network as it was before the failing step
    throw error;
  }
  return history;
}

/**
 * Mean error over the samples and, when they are a classification (one output with
 * two labels, or one-hot expected values), the fraction classified right.
 */
export function evaluate(network: Network, samples: readonly Sample[]): Evaluation {
  samples.forEach((sample, i) => checkSample(network, sample, `evaluate: sample ${i}`));
  const labels = new Set(samples.map((s) => s.expected[0]));
  const oneHot = samples.every((s) => s.expected.every((y) => y === 0 || y === 1) && s.expected.includes(1));
  const classes = network.outputs.length === 1 ? (labels.size <= 2 ? "two labels" : null) : oneHot ? "one-hot" : null;
  const low = Math.min(...labels);
  const high = Math.max(...labels);
  let total = 0;
  let right = 0;
  for (const { input, expected } of samples) {
    total += network.errorOf(input, expected);
    const actual = network.outputs.map((neuron) => neuron.value);
    if (classes === "one-hot") {
      // The predicted class is the output neuron with the largest value.
      if (argmax(actual) === argmax(expected)) right++;
    } else if (classes === "two labels") {
      // One output: the prediction is whichever of the two labels is nearer.
      const predicted = actual[0] >= (low + high) / 2 ? high : low;
      if (predicted === expected[0]) right++;
    }
  }
  const n = Math.max(samples.length, 1);
  return classes === null ? { error: total / n } : { error: total / n, accuracy: right / n };
}

/** Stops training, naming the step and the link, once a weight is no longer a number. */
function checkWeights(network: Network): void {
  network.links.forEach((link, k) => {
    if (!Number.isFinite(link.weight)) {
      throw new Error(
        `diverged by step ${network.step}: the weight of link ${k} (${link.from.label} → ${link.to.label}) became ${link.weight}; try a smaller trainingRate than ${network.trainingRate}`,
      );
    }
  });
}

function checkSample(network: Network, sample: Sample, where: string): void {
  if (sample === null || typeof sample !== "object") {
    throw new Error(`${where}: expected { input, expected }; received ${describe(sample)}`);
  }
  try {
    checkInputs(sample.input, network.layers[0].length);
    checkExpected(sample.expected, network.outputs.length);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
