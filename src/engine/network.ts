import { activationByName, linear, softmaxOutput } from "./activations";
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
import type { ActivationName } from "./activations";
import type { EpochRecord, Evaluation, InitName, LossName, NetworkJSON, NetworkOptions, Sample, TrainOptions } from "./types";

/**
 * Layers of Neurons joined by Links, every neuron of one layer to every neuron of the
 * next, plus one bias neuron (value always 1) per layer feeding the next layer.
 */
export class Network {
  readonly layerSizes: readonly number[];
  /** Neuron[][]: input layer first; bias neurons not listed. */
  readonly layers: Neuron[][];
  /** biases[l] feeds layer l + 1. */
  readonly biases: Neuron[];
  /** Every link, layer by layer, neuron by neuron, the bias link last for each neuron. */
  readonly links: Link[];
  readonly activation: ActivationName;
  /** The output layer's activation; with softmaxCrossEntropy it is unused (the output layer is a softmax). */
  readonly outputActivation: ActivationName;
  readonly loss: LossName;
  trainingRate: number;
  readonly seed: number;
  readonly init: InitName;
  /** Steps taken: one per `learn`, one per mini-batch. */
  step = 0;
  readonly random: Random;
  private readonly listeners: TraceListener[] = [];
  /** Handed to every neuron and link while someone listens; undefined otherwise. */
  private trace: TraceListener | undefined = undefined;

  constructor(layerSizes: readonly number[], options: NetworkOptions = {}) {
    checkLayerSizes(layerSizes);
    const { activation, outputActivation, loss, trainingRate, seed, init } = resolveOptions(options);
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

    // Neurons, layer by layer, and a bias neuron beside every layer but the last.
    const hidden = activationByName(activation);
    const output = loss === "softmaxCrossEntropy" ? softmaxOutput : activationByName(outputActivation);
    const last = layerSizes.length - 1;
    for (let l = 0; l <= last; l++) {
      const kind = l === 0 ? linear : l === last ? output : hidden;
      const prefix = l === 0 ? "in" : l === last ? "out" : `h${l}`;
      const layer: Neuron[] = [];
      for (let j = 0; j < layerSizes[l]; j++) layer.push(new Neuron({ activation: kind, name: `${prefix}[${j}]` }));
      this.layers.push(layer);
      if (l < last) this.biases.push(new Neuron({ activation: linear, isBias: true }));
    }
    // Links from every neuron of one layer (and its bias) to every neuron of the next,
    // with weights drawn from the seeded generator in this fixed order.
    for (let l = 1; l <= last; l++) {
      const [low, high] = initRange(init, layerSizes[l - 1], layerSizes[l]);
      const biasRange = init === "uniform" ? 0.5 : 0;
      for (const neuron of this.layers[l]) {
        for (const from of this.layers[l - 1]) this.links.push(new Link(from, neuron, this.random.uniform(low, high)));
        const bias = biasRange === 0 ? 0 : this.random.uniform(-biasRange, biasRange);
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
   * One step of stochastic gradient descent on one sample: every weight moves by
   * −trainingRate × ∂E/∂weight, all taken at the weights before the step.
   * Returns the error E measured before the step.
   */
  learn(inputs: readonly number[], expected: readonly number[]): number {
    checkExpected(expected, this.outputs.length);
    this.forward(inputs);
    const error = this.measure(expected);
    this.setOutputSensitivities(expected);
    // From the output layer back, so that each neuron's sensitivity is complete
    // (every link leaving it has sent its share) before its own links learn from it.
    for (let l = this.layers.length - 1; l >= 1; l--) {
      for (const neuron of this.layers[l]) neuron.backpropagate(this.trainingRate, this.trace);
    }
    this.step++;
    return error;
  }

  /**
   * One step on a mini-batch: every link collects its ∂E/∂weight over the samples,
   * at the same weights, then moves once by −trainingRate × their average.
   * Returns the summed error of the samples, each measured before the step.
   */
  learnBatch(samples: readonly Sample[]): number {
    let total = 0;
    try {
      for (const { input, expected } of samples) total += this.collectGradients(input, expected);
    } catch (error) {
      this.clearGradients(); // a failed batch leaves no half-collected sums behind
      throw error;
    }
    for (const link of this.links) link.applyGradient(this.trainingRate, samples.length, this.trace);
    this.step++;
    return total;
  }

  /** The error for one sample, without learning from it. */
  errorOf(inputs: readonly number[], expected: readonly number[]): number {
    checkExpected(expected, this.outputs.length);
    this.forward(inputs);
    return this.error(expected);
  }

  /** ∂E/∂weight for every link (in `links` order) on one sample; no weight moves. */
  gradients(inputs: readonly number[], expected: readonly number[]): number[] {
    this.clearGradients();
    this.collectGradients(inputs, expected);
    const gradients = this.links.map((link) => link.gradient);
    this.clearGradients();
    return gradients;
  }

  /** Trains on the samples, epoch after epoch; returns one record per epoch (see training.ts). */
  train(samples: readonly Sample[], options: TrainOptions = {}): EpochRecord[] {
    return train(this, samples, options);
  }

  /** Mean error over the samples and, for a classification, the fraction classified right. */
  evaluate(samples: readonly Sample[]): Evaluation {
    return evaluate(this, samples);
  }

  /** A typed-array copy for fast bulk training; see fast/compiled.ts. Call `writeWeights()` to copy back. */
  compile(): CompiledNetwork {
    return new CompiledNetwork(this);
  }

  /** Subscribe to every forward and backward event. Returns a function that unsubscribes. */
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
    saved.weights.forEach((weight, k) => (network.links[k].weight = weight));
    network.step = saved.step;
    if (saved.randomState !== undefined) network.random.state = saved.randomState;
    return network;
  }

  /** An independent copy with the same weights, options and random state. */
  clone(): Network {
    return Network.fromJSON(this.toJSON());
  }

  /** For example `Network(2-3-1, tanh, trainingRate=0.1, seed=7, 13 links)`. */
  toString(): string {
    const output = this.loss === "softmaxCrossEntropy" ? "softmax" : this.outputActivation;
    const activation = output === this.activation ? this.activation : `${this.activation} → ${output}`;
    return `Network(${this.layerSizes.join("-")}, ${activation}, trainingRate=${describeNumber(this.trainingRate)}, seed=${this.seed}, ${this.links.length} links)`;
  }

  // Printed and recognised as a Network even after a minifier renames the class.
  get [Symbol.toStringTag](): string {
    return "Network";
  }

  // --- the steps `learn` is made of ---------------------------------------------------

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
    const outputs = this.outputs;
    if (this.loss === "squaredError") return squaredError(outputs.map((neuron) => neuron.value), expected);
    return crossEntropy(outputs.map((neuron) => neuron.sum), expected);
  }

  /** Measures the error and stops, naming the step, if it is no longer a number. */
  private measure(expected: readonly number[]): number {
    const error = this.error(expected);
    if (!Number.isFinite(error)) throw diverged(this.step + 1, `the error became ${error}`, this.trainingRate);
    this.trace?.({ type: "error", error, actual: this.outputs.map((n) => n.value), expected });
    return error;
  }

  /**
   * An output neuron's sensitivity is how wrong it was: actual − expected, the slope
   * of ½ (actual − expected)². (With softmax + cross-entropy the same difference is
   * the slope with respect to the neuron's sum; see activations.ts, softmaxOutput.)
   */
  private setOutputSensitivities(expected: readonly number[]): void {
    const outputs = this.outputs;
    for (let i = 0; i < outputs.length; i++) outputs[i].sensitivity = outputs[i].value - expected[i];
  }

  /** Backward on one sample, every link adding its ∂E/∂weight to `gradient`; no weight moves. */
  private collectGradients(inputs: readonly number[], expected: readonly number[]): number {
    checkExpected(expected, this.outputs.length);
    this.forward(inputs);
    const error = this.measure(expected);
    this.setOutputSensitivities(expected);
    for (let l = this.layers.length - 1; l >= 1; l--) {
      for (const neuron of this.layers[l]) neuron.collectGradients(this.trace);
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
