import { type ActivationName, activationByName, linear, softmaxOutput } from "./activations";
import { Link } from "./link";
import { Neuron } from "./neuron";
import { Random } from "./random";
import { type TraceEvent, type TraceListener, traceActivate, traceBackpropagate } from "./trace";
import { checkCount, checkExpected, checkInputs, describe, diverged } from "./checks";
import { CompiledNetwork } from "./compiled";
import { errorFor, softmax } from "./losses";
import { checkLayerSizes, initRange, resolveOptions } from "./options";
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
  /** The neurons with incoming links (every layer but the input layer), which hold the links' weights. */
  private readonly learners: Neuron[];
  readonly activation: ActivationName;
  /** The output layer's activation; with softmaxCrossEntropy it is unused (the output layer is a softmax). */
  readonly outputActivation: ActivationName;
  readonly loss: LossName;
  trainingRate: number;
  readonly seed: number;
  readonly init: InitName;
  /** Steps taken: one per `learn`, one per mini-batch. */
  step: number;
  readonly random: Random;
  private listeners: TraceListener[];

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
    this.step = 0;
    this.random = new Random(seed);
    this.listeners = [];
    this.layers = [];
    this.biases = [];
    this.links = [];

    // Neurons, layer by layer, and a bias neuron beside every layer but the last.
    const hidden = activationByName(activation);
    const output = loss === "softmaxCrossEntropy" ? softmaxOutput : activationByName(outputActivation);
    const last = layerSizes.length - 1;
    for (let l = 0; l <= last; l++) {
      const kind = l === 0 ? linear : l === last ? output : hidden;
      const layer: Neuron[] = [];
      for (let j = 0; j < layerSizes[l]; j++) layer.push(new Neuron(kind));
      this.layers.push(layer);
      if (l < last) this.biases.push(new Neuron(linear, true));
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
      const inputNeurons = [...this.layers[l - 1], this.biases[l - 1]];
      for (const neuron of this.layers[l]) neuron.shareInputNeurons(inputNeurons);
    }
    this.learners = this.layers.slice(1).flat();
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
    this.backward(true);
    this.step++;
    return error;
  }

  /** The error for one sample, without learning from it. */
  errorOf(inputs: readonly number[], expected: readonly number[]): number {
    checkExpected(expected, this.outputs.length);
    this.forward(inputs);
    return errorFor(this.loss, this.outputs, expected);
  }

  /** ∂E/∂weight for every link (in `links` order) on one sample; no weight moves. */
  gradients(inputs: readonly number[], expected: readonly number[]): number[] {
    checkExpected(expected, this.outputs.length);
    this.forward(inputs);
    this.measure(expected);
    this.setOutputSensitivities(expected);
    this.backward(false);
    const gradients = this.links.map((link) => link.gradient);
    for (const neuron of this.learners) neuron.clearGradients();
    return gradients;
  }

  /** Trains on the samples; returns one record per epoch. */
  train(samples: readonly Sample[], options: TrainOptions = {}): EpochRecord[] {
    const { epochs = 1, batchSize = 1, shuffle = true, fast = false, onEpoch } = options;
    checkCount("epochs", epochs, 0);
    checkCount("batchSize", batchSize, 1);
    samples.forEach((sample, i) => this.checkSample(sample, `train: sample ${i}`));
    const order = new Uint32Array(samples.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    for (const neuron of this.learners) neuron.clearGradients();
    const compiled = fast && this.listeners.length === 0 ? this.compile() : null;
    const history: EpochRecord[] = [];
    try {
      for (let epoch = 1; epoch <= epochs && samples.length > 0; epoch++) {
        if (shuffle) this.random.shuffle(order);
        let total = 0;
        for (let start = 0; start < order.length; start += batchSize) {
          const end = Math.min(start + batchSize, order.length);
          if (batchSize === 1) {
            const { input, expected } = samples[order[start]];
            total += compiled !== null ? compiled.learn(input, expected) : this.learn(input, expected);
          } else {
            total += compiled !== null ? compiled.learnBatch(samples, order, start, end) : this.learnBatch(samples, order, start, end);
          }
        }
        compiled?.writeWeights();
        this.checkWeights();
        const record: EpochRecord = { epoch, error: total / samples.length, step: this.step };
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

  /** A typed-array copy for fast bulk training; see CompiledNetwork. Call `writeWeights()` to copy back. */
  compile(): CompiledNetwork {
    return new CompiledNetwork(this);
  }

  /**
   * Mean error over the samples and, when they are a classification (one output with
   * two labels, or one-hot expected values), the fraction classified right.
   */
  evaluate(samples: readonly Sample[]): Evaluation {
    samples.forEach((sample, i) => this.checkSample(sample, `evaluate: sample ${i}`));
    const labels = new Set(samples.map((s) => s.expected[0]));
    const oneHot = samples.every((s) => s.expected.every((y) => y === 0 || y === 1) && s.expected.includes(1));
    const classes = this.outputs.length === 1 ? (labels.size <= 2 ? "two labels" : null) : oneHot ? "one-hot" : null;
    const low = Math.min(...labels);
    const high = Math.max(...labels);
    let total = 0;
    let right = 0;
    for (const { input, expected } of samples) {
      this.forward(input);
      total += errorFor(this.loss, this.outputs, expected);
      if (classes === "one-hot") {
        // The predicted class is the output neuron with the largest value.
        if (argmax(this.outputs.map((n) => n.value)) === argmax(expected)) right++;
      } else if (classes === "two labels") {
        // One output: the prediction is whichever of the two labels is nearer.
        const predicted = this.outputs[0].value >= (low + high) / 2 ? high : low;
        if (predicted === expected[0]) right++;
      }
    }
    const n = Math.max(samples.length, 1);
    return classes === null ? { error: total / n } : { error: total / n, accuracy: right / n };
  }

  /** Subscribe to every forward and backward event. Returns a function that unsubscribes. */
  onTrace(listener: TraceListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  toJSON(): NetworkJSON {
    const weights: number[][][] = [];
    let k = 0;
    for (let l = 1; l < this.layers.length; l++) {
      const layer: number[][] = [];
      for (let j = 0; j < this.layers[l].length; j++) {
        const row: number[] = [];
        for (let i = 0; i <= this.layers[l - 1].length; i++) row.push(this.links[k++].weight);
        layer.push(row);
      }
      weights.push(layer);
    }
    return {
      format: "lernmi-network",
      version: 1,
      layerSizes: this.layerSizes.slice(),
      activation: this.activation,
      // A softmax output layer has no activation of its own to record.
      ...(this.loss === "softmaxCrossEntropy" ? {} : { outputActivation: this.outputActivation }),
      loss: this.loss,
      trainingRate: this.trainingRate,
      seed: this.seed,
      init: this.init,
      step: this.step,
      randomState: this.random.state,
      weights,
    };
  }

  static fromJSON(json: NetworkJSON | string): Network {
    const data: NetworkJSON = typeof json === "string" ? JSON.parse(json) : json;
    if (data === null || typeof data !== "object" || data.format !== "lernmi-network") {
      throw new Error(`fromJSON: expected an object with format "lernmi-network"; received ${describe(data)}`);
    }
    const network = new Network(data.layerSizes, {
      activation: data.activation,
      outputActivation: data.loss === "softmaxCrossEntropy" ? undefined : data.outputActivation,
      loss: data.loss,
      trainingRate: data.trainingRate,
      seed: data.seed,
      init: data.init,
    });
    let k = 0;
    const sizes = data.layerSizes;
    for (let l = 1; l < sizes.length; l++) {
      for (let j = 0; j < sizes[l]; j++) {
        const row = data.weights?.[l - 1]?.[j];
        if (!Array.isArray(row) || row.length !== sizes[l - 1] + 1) {
          throw new Error(
            `fromJSON: expected weights[${l - 1}][${j}] to hold ${sizes[l - 1] + 1} numbers; received ${describe(row)}`,
          );
        }
        for (const weight of row) network.links[k++].weight = weight;
      }
    }
    network.step = data.step ?? 0;
    if (data.randomState !== undefined) network.random.state = data.randomState >>> 0;
    return network;
  }

  /** An independent copy with the same weights, options and random state. */
  clone(): Network {
    return Network.fromJSON(this.toJSON());
  }

  // --- the steps `learn` is made of ---------------------------------------------------

  private forward(inputs: readonly number[]): void {
    const inputLayer = this.layers[0];
    checkInputs(inputs, inputLayer.length);
    const trace = this.listeners.length > 0 ? this.dispatch : null;
    for (let i = 0; i < inputLayer.length; i++) {
      const neuron = inputLayer[i];
      neuron.value = inputs[i];
      neuron.sensitivity = 0;
      if (trace !== null) trace({ type: "input", neuron, value: neuron.value });
    }
    for (let l = 0; l < this.biases.length; l++) this.biases[l].sensitivity = 0;
    const layers = this.layers;
    for (let l = 1; l < layers.length; l++) {
      const layer = layers[l];
      for (let j = 0; j < layer.length; j++) {
        layer[j].activate();
        if (trace !== null) traceActivate(layer[j], trace);
      }
    }
    if (this.loss === "softmaxCrossEntropy") {
      // The output layer's values become probabilities (see losses.ts).
      const outputs = this.outputs;
      softmax(outputs);
      if (trace !== null) trace({ type: "softmax", neurons: outputs, values: outputs.map((n) => n.value) });
    }
  }

  /** Measures the error and stops, naming the step, if it is no longer a number. */
  private measure(expected: readonly number[]): number {
    const error = errorFor(this.loss, this.outputs, expected);
    if (!Number.isFinite(error)) {
      throw diverged(this.step + 1, `the error became ${error}`, this.trainingRate);
    }
    if (this.listeners.length > 0) {
      this.dispatch({ type: "error", error, actual: this.outputs.map((n) => n.value), expected });
    }
    return error;
  }

  /** An output neuron's sensitivity is simply how wrong it was: actual − expected. */
  private setOutputSensitivities(expected: readonly number[]): void {
    const outputs = this.outputs;
    for (let i = 0; i < outputs.length; i++) outputs[i].sensitivity = outputs[i].value - expected[i];
  }

  /**
   * Backward, from the output layer to the first hidden layer, so that each neuron's
   * sensitivity is complete before it acts on it. Each neuron's links learn or, for
   * a mini-batch (`learning` false), only collect their gradients.
   */
  private backward(learning: boolean): void {
    const trace = this.listeners.length > 0 ? this.dispatch : null;
    const layers = this.layers;
    for (let l = layers.length - 1; l >= 1; l--) {
      const layer = layers[l];
      for (let j = 0; j < layer.length; j++) {
        const neuron = layer[j];
        // A listener is told about the step afterwards, with the weights it started from.
        const oldWeights = trace === null ? null : neuron.inputWeights.slice();
        if (learning) neuron.backpropagate(this.trainingRate);
        else neuron.collectGradients();
        if (trace !== null && oldWeights !== null) traceBackpropagate(neuron, oldWeights, learning, trace);
      }
    }
  }

  private learnBatch(samples: readonly Sample[], order: Uint32Array, start: number, end: number): number {
    let total = 0;
    try {
      for (let k = start; k < end; k++) {
        const { input, expected } = samples[order[k]];
        this.forward(input);
        total += this.measure(expected);
        this.setOutputSensitivities(expected);
        this.backward(false);
      }
    } catch (error) {
      for (const neuron of this.learners) neuron.clearGradients();
      throw error;
    }
    for (const neuron of this.learners) neuron.applyGradients(this.trainingRate, end - start);
    if (this.listeners.length > 0) {
      for (const link of this.links) this.dispatch({ type: "weightChange", link, weightChange: link.weightChange, weight: link.weight });
    }
    this.step++;
    return total;
  }

  private checkWeights(): void {
    for (let k = 0; k < this.links.length; k++) {
      const weight = this.links[k].weight;
      if (!Number.isFinite(weight)) {
        throw new Error(
          `diverged by step ${this.step}: the weight of link ${k} became ${weight}; try a smaller trainingRate than ${this.trainingRate}`,
        );
      }
    }
  }

  private checkSample(sample: Sample, where: string): void {
    if (sample === null || typeof sample !== "object") {
      throw new Error(`${where}: expected { input, expected }; received ${describe(sample)}`);
    }
    try {
      checkInputs(sample.input, this.layers[0].length);
      checkExpected(sample.expected, this.outputs.length);
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`);
    }
  }

  private readonly dispatch = (event: TraceEvent): void => {
    for (const listener of this.listeners) listener(event);
  };
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

