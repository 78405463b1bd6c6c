import {
  type ActivationName,
  activationByName,
  linear,
  softmaxOutput,
} from "./activations";
import { checkExpected, checkInputs, diverged } from "./checks";
import { describeNumber } from "./describe";
import { CompiledNetwork } from "./fast/compiled";
import { networkToJSON, readNetworkJSON } from "./json";
import { Link } from "./link";
import { crossEntropy, softmax, squaredError } from "./losses";
import { Neuron } from "./neuron";
import { checkLayerSizes, initRange, resolveOptions } from "./options";
import { Random } from "./random";
import type { TraceEvent, TraceListener } from "./trace";
import { evaluate, train } from "./training";
import type {
  Evaluation,
  InitName,
  LossName,
  NetworkJSON,
  NetworkOptions,
  Sample,
  TrainOptions,
} from "./types";

/**
 * Layers of Neurons joined by Links, every neuron of one layer to
 * every neuron of the next, plus one bias neuron (value always 1)
 * beside every layer but the last, feeding the next layer.
 */
export class Network {
  readonly layerSizes: readonly number[];
  /** Neuron[][]: input layer first; bias neurons not listed. */
  readonly layers: Neuron[][];
  /** biases[l] feeds layer l + 1. */
  readonly biases: Neuron[];
  /** Every link, layer by layer, neuron by neuron, bias link last. */
  readonly links: Link[];
  readonly activation: ActivationName;
  /** The output layer's; unused with softmaxCrossEntropy (softmax). */
  readonly outputActivation: ActivationName;
  readonly loss: LossName;
  trainingRate: number;
  readonly seed: number;
  readonly init: InitName;
  /** Steps taken: one per `learn`, one per mini-batch. */
  step = 0;
  readonly random: Random;
  private readonly listeners: TraceListener[] = [];
  /** Handed to every neuron and link while someone listens. */
  private trace: TraceListener | undefined = undefined;
  /** The output layer's values (or sums), as the losses read them. */
  private readonly outputNumbers: Float64Array;

  constructor(
    layerSizes: readonly number[],
    options: NetworkOptions = {},
  ) {
    checkLayerSizes(layerSizes);
    const resolved = resolveOptions(options);
    const { activation, outputActivation, loss, trainingRate } = resolved;
    const { seed, init } = resolved;
    this.layerSizes = layerSizes.slice();
    this.activation = activation;
    this.outputActivation = outputActivation;
    this.loss = loss;
    this.trainingRate = trainingRate;
    this.seed = seed;
    this.init = init;
    this.random = new Random(seed);
    this.layers = [];
    this.biases = [];
    this.links = [];
    this.outputNumbers = new Float64Array(layerSizes[layerSizes.length - 1]);

    // Neurons, layer by layer; a bias neuron beside all but the last.
    const hidden = activationByName(activation);
    const output =
      loss === "softmaxCrossEntropy"
        ? softmaxOutput
        : activationByName(outputActivation);
    const last = layerSizes.length - 1;
    for (let l = 0; l <= last; l++) {
      const kind = l === 0 ? linear : l === last ? output : hidden;
      const prefix = l === 0 ? "in" : l === last ? "out" : `h${l}`;
      const layer: Neuron[] = [];
      for (let j = 0; j < layerSizes[l]; j++) {
        const name = `${prefix}[${j}]`;
        layer.push(new Neuron({ activation: kind, name }));
      }
      this.layers.push(layer);
      if (l < last) {
        const bias = new Neuron({ activation: linear, isBias: true });
        this.biases.push(bias);
      }
    }
    // Links from every neuron of one layer (and its bias) to every
    // neuron of the next, weights drawn from the seeded generator in
    // this fixed order.
    for (let l = 1; l <= last; l++) {
      const fanIn = layerSizes[l - 1];
      const [low, high] = initRange(init, fanIn, layerSizes[l]);
      // "uniform" draws biases from ±0.5 too; xavier and he start them at 0.
      const drawBias = init === "uniform";
      for (const neuron of this.layers[l]) {
        for (const from of this.layers[l - 1]) {
          const weight = this.random.uniform(low, high);
          this.links.push(new Link(from, neuron, weight));
        }
        const bias = drawBias ? this.random.uniform(-0.5, 0.5) : 0;
        this.links.push(new Link(this.biases[l - 1], neuron, bias));
      }
    }
  }

  /** The output layer's neurons. */
  get outputs(): Neuron[] {
    return this.layers[this.layers.length - 1];
  }

  /** Runs the inputs forward and returns the output neurons' values. */
  propagate(inputs: readonly number[]): number[] {
    this.forward(inputs);
    return this.outputs.map((neuron) => neuron.value);
  }

  /**
   * One step of stochastic gradient descent on one sample: every
   * weight moves by −trainingRate × ∂E/∂weight, all taken at the
   * weights before the step. Returns the error E before the step.
   */
  learn(inputs: readonly number[], expected: readonly number[]): number {
    checkExpected(expected, this.outputs.length);
    this.forward(inputs);
    const error = this.measure(expected);
    this.setOutputSensitivities(expected);
    // From the output layer back, so that each neuron's sensitivity is
    // complete (every link leaving it has sent its share) before its
    // own links learn from it.
    for (let l = this.layers.length - 1; l >= 1; l--) {
      for (const neuron of this.layers[l]) {
        neuron.backpropagate(this.trainingRate, this.trace);
      }
    }
    this.step++;
    return error;
  }

  /**
   * One step on a mini-batch: every link collects its ∂E/∂weight over
   * the samples, at the same weights, then moves once by
   * −trainingRate × their average. Returns the summed error of the
   * samples, each measured before the step.
   */
  learnBatch(samples: readonly Sample[]): number {
    let total = 0;
    try {
      for (const { input, expected } of samples) {
        total += this.collectGradients(input, expected);
      }
    } catch (error) {
      this.clearGradients(); // leave no half-collected sums behind
      throw error;
    }
    for (const link of this.links) {
      link.applyGradient(this.trainingRate, samples.length, this.trace);
    }
    this.step++;
    return total;
  }

  /** The error for one sample, without learning from it. */
  errorOf(inputs: readonly number[], expected: readonly number[]) {
    checkExpected(expected, this.outputs.length);
    this.forward(inputs);
    return this.error(expected);
  }

  /** ∂E/∂weight for every link (`links` order); no weight moves. */
  gradients(inputs: readonly number[], expected: readonly number[]) {
    this.clearGradients();
    this.collectGradients(inputs, expected);
    const gradients = this.links.map((link) => link.gradient);
    this.clearGradients();
    return gradients;
  }

  /** Trains epoch after epoch; one record per epoch (training.ts). */
  train(samples: readonly Sample[], options: TrainOptions = {}) {
    return train(this, samples, options);
  }

  /** Mean error and, for a classification, the fraction right. */
  evaluate(samples: readonly Sample[]): Evaluation {
    return evaluate(this, samples);
  }

  /** A typed-array copy for fast training (fast/compiled.ts). */
  compile(): CompiledNetwork {
    return new CompiledNetwork(this);
  }

  /** Hear every forward and backward step; returns unsubscribe. */
  onTrace(listener: TraceListener): () => void {
    this.listeners.push(listener);
    this.trace = this.dispatch;
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
      if (this.listeners.length === 0) this.trace = undefined;
    };
  }

  /** True while a trace listener is subscribed. */
  get isTraced(): boolean {
    return this.trace !== undefined;
  }

  toJSON(): NetworkJSON {
    return networkToJSON(this);
  }

  static fromJSON(json: NetworkJSON | string): Network {
    const saved = readNetworkJSON(json);
    const network = new Network(saved.layerSizes, saved.options);
    saved.weights.forEach((w, k) => (network.links[k].weight = w));
    network.step = saved.step;
    if (saved.randomState !== undefined) {
      network.random.state = saved.randomState;
    }
    return network;
  }

  /** An independent copy: same weights, options and random state. */
  clone(): Network {
    return Network.fromJSON(this.toJSON());
  }

  /** For example `Network(2-3-1, tanh, trainingRate=0.1, seed=7, …)` */
  toString(): string {
    const softmax = this.loss === "softmaxCrossEntropy";
    const output = softmax ? "softmax" : this.outputActivation;
    const activations =
      output === this.activation
        ? this.activation
        : `${this.activation} → ${output}`;
    const rate = describeNumber(this.trainingRate);
    const links = `${this.links.length} links`;
    return (
      `Network(${this.layerSizes.join("-")}, ${activations}, ` +
      `trainingRate=${rate}, seed=${this.seed}, ${links})`
    );
  }

  // A Network even after a minifier renames the class.
  get [Symbol.toStringTag](): string {
    return "Network";
  }

  // --- the steps `learn` is made of ----------------------------------

  private forward(inputs: readonly number[]): void {
    const trace = this.trace;
    const inputLayer = this.layers[0];
    checkInputs(inputs, inputLayer.length);
    for (let i = 0; i < inputLayer.length; i++) {
      const neuron = inputLayer[i];
      neuron.value = inputs[i];
      neuron.sensitivity = 0;
      trace?.({ type: "input", neuron, value: neuron.value });
    }
    for (const bias of this.biases) bias.sensitivity = 0;
    for (let l = 1; l < this.layers.length; l++) {
      for (const neuron of this.layers[l]) neuron.activate(trace);
    }
    if (this.loss === "softmaxCrossEntropy") {
      // The output layer's values become probabilities (see losses.ts).
      const outputs = this.outputs;
      const values: number[] = [];
      softmax(outputs.map((neuron) => neuron.sum), values);
      outputs.forEach((neuron, i) => (neuron.value = values[i]));
      trace?.({ type: "softmax", neurons: outputs, values });
    }
  }

  /** E for the output layer's current values. */
  private error(expected: readonly number[]): number {
    // The losses read plain lists of numbers; the fast path hands them
    // Float64Arrays, and so does this, so one definition stays fast for both.
    const outputs = this.outputs;
    const numbers = this.outputNumbers;
    const useSums = this.loss === "softmaxCrossEntropy";
    for (let i = 0; i < outputs.length; i++) {
      numbers[i] = useSums ? outputs[i].sum : outputs[i].value;
    }
    if (useSums) return crossEntropy(numbers, expected);
    return squaredError(numbers, expected);
  }

  /** Measures the error; stops, naming the step, if it is no number. */
  private measure(expected: readonly number[]): number {
    const error = this.error(expected);
    if (!Number.isFinite(error)) {
      const what = `the error became ${error}`;
      throw diverged(this.step + 1, what, this.trainingRate);
    }
    // Only a listener needs the outputs as a list; building one for
    // every sample made learning on a small network a sixth slower.
    if (this.trace !== undefined) {
      const actual = this.outputs.map((n) => n.value);
      this.trace({ type: "error", error, actual, expected });
    }
    return error;
  }

  /**
   * An output neuron's sensitivity is how wrong it was: actual −
   * expected, the slope of ½ (actual − expected)². (With softmax +
   * cross-entropy the same difference is the slope with respect to the
   * neuron's sum; see softmaxOutput in activations.ts.)
   */
  private setOutputSensitivities(expected: readonly number[]): void {
    const outputs = this.outputs;
    for (let i = 0; i < outputs.length; i++) {
      outputs[i].sensitivity = outputs[i].value - expected[i];
    }
  }

  /** Backward on one sample: links add ∂E/∂weight to `gradient`. */
  private collectGradients(
    inputs: readonly number[],
    expected: readonly number[],
  ): number {
    checkExpected(expected, this.outputs.length);
    this.forward(inputs);
    const error = this.measure(expected);
    this.setOutputSensitivities(expected);
    for (let l = this.layers.length - 1; l >= 1; l--) {
      for (const neuron of this.layers[l]) {
        neuron.collectGradients(this.trace);
      }
    }
    return error;
  }

  private clearGradients(): void {
    for (const link of this.links) link.gradient = 0;
  }

  private readonly dispatch = (event: TraceEvent): void => {
    for (const listener of this.listeners) listener(event);
  };
}
