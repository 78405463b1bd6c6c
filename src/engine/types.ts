/** The shapes the engine takes and gives: options, samples, training records, saved networks. */
import type { ActivationName } from "./activations";

export type LossName = "squaredError" | "softmaxCrossEntropy";
export type InitName = "uniform" | "xavier" | "he";

export interface NetworkOptions {
  /** Hidden layers' activation. Default "sigmoid". */
  activation?: ActivationName;
  /** Output layer's activation. Defaults to `activation`. Not used with softmaxCrossEntropy. */
  outputActivation?: ActivationName;
  /** "squaredError" (E = ½ Σ (actual − expected)², the default) or "softmaxCrossEntropy". */
  loss?: LossName;
  /** How far each step moves the weights. Default 0.1. */
  trainingRate?: number;
  /** Same seed, same weights, same run. Default 1. */
  seed?: number;
  /** "uniform" in ±0.5 (default), "xavier" or "he" (uniform, biases start at 0). */
  init?: InitName;
}

export interface Sample {
  input: readonly number[];
  expected: readonly number[];
}

export interface TrainOptions {
  /** Passes over the samples. Default 1. */
  epochs?: number;
  /** Samples whose gradients are averaged into one step. Default 1 (plain `learn`). */
  batchSize?: number;
  /** Shuffle (seeded) before every epoch. Default true. */
  shuffle?: boolean;
  /**
   * Train on typed arrays (see fast/compiled.ts): the same weights, bit for bit, and
   * several times faster on a large network. Ignored while a trace listener is subscribed.
   */
  fast?: boolean;
  /** Called after each epoch; return false to stop early. */
  onEpoch?: (record: EpochRecord) => void | boolean;
}

export interface EpochRecord {
  /** 1 for the first epoch. */
  epoch: number;
  /** Mean error over the epoch's samples, each measured just before its step. */
  error: number;
  /** Total steps taken by the network so far. */
  step: number;
}

export interface Evaluation {
  /** Mean error per sample. */
  error: number;
  /**
   * Fraction classified right, for classification only: argmax against one-hot
   * expected values, or for one output with two labels, the nearer label.
   */
  accuracy?: number;
}

export interface NetworkJSON {
  format: "lernmi-network";
  version: 1;
  layerSizes: number[];
  activation: ActivationName;
  /**
   * The output layer's activation. Left out with loss "softmaxCrossEntropy", whose
   * output layer is a softmax (files saved before this was left out hold the hidden
   * activation there; `fromJSON` ignores it).
   */
  outputActivation?: ActivationName;
  loss: LossName;
  trainingRate: number;
  seed: number;
  init: InitName;
  /** Steps taken so far. */
  step: number;
  /** The seeded generator's state, so shuffling continues exactly where it left off. */
  randomState: number;
  /** weights[l][j]: links into neuron j of layer l + 1, one per neuron of layer l, then the bias. */
  weights: number[][][];
}
