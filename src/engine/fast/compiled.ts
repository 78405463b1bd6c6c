import type { Activation } from "../activations";
import { checkExpected, checkSize, diverged, notFinite } from "../checks";
import { crossEntropy, softmax, squaredError } from "../losses";
import type { Network } from "../network";
import type { Sample } from "../types";

/**
 * A fast path for bulk training (the playground, the digits chapter): the network's
 * weights copied into one Float64Array per layer, trained by loops over those arrays.
 *
 * It is not a different algorithm. Each step performs exactly the arithmetic of
 * `Network.learn` — the same sums in the same order, the same activation functions,
 * blame sent back with the old weight, weight += (−trainingRate × outputSensitivity) ×
 * input value — so the weights it reaches are bit-for-bit the weights the Neuron and Link
 * objects reach (tests/unit/engine-compiled.test.ts checks this). It only skips what
 * no weight depends on: the input and bias neurons' sensitivities, and the trace.
 * The activations, losses and softmax are the teaching path's own functions.
 *
 * Layout: weights[l][j * (n + 1) + i] is the link from neuron i of layer l into
 * neuron j of layer l + 1, where n is the size of layer l; i = n is the bias link.
 * That is also the order of `network.links`.
 */
export class CompiledNetwork {
  readonly network: Network;
  readonly sizes: readonly number[];
  readonly weights: Float64Array[];
  /** The batch gradient being collected, then the batch's weight changes. */
  readonly changes: Float64Array[];
  values: Float64Array[];
  readonly sums: Float64Array[];
  readonly sensitivities: Float64Array[];
  readonly activations: Activation[];
  readonly softmax: boolean;
  step: number;
  /**
   * What the last step was. After a single-sample step the weight changes are not
   * stored by the hot loop but recomputed on demand from `lastSteps` (−trainingRate ×
   * output sensitivity, per neuron) and `lastValues` (what each layer held in that
   * step; `values` and `spareValues` swap after every step so it survives later passes).
   */
  private lastStep: "none" | "sample" | "batch" = "none";
  private lastSteps: Float64Array[] = [];
  private lastValues: Float64Array[] = [];
  private spareValues: Float64Array[] = [];

  constructor(network: Network) {
    this.network = network;
    this.sizes = network.layerSizes.slice();
    this.softmax = network.loss === "softmaxCrossEntropy";
    this.weights = [];
    this.changes = [];
    this.values = [];
    this.sums = [];
    this.sensitivities = [];
    this.activations = [];
    for (let l = 0; l < this.sizes.length; l++) {
      const size = this.sizes[l];
      this.values.push(new Float64Array(size));
      this.spareValues.push(new Float64Array(size));
      this.lastSteps.push(new Float64Array(size));
      this.sums.push(new Float64Array(size));
      this.sensitivities.push(new Float64Array(size));
      this.activations.push(network.layers[l][0].activation);
      if (l > 0) {
        this.weights.push(new Float64Array(size * (this.sizes[l - 1] + 1)));
        this.changes.push(new Float64Array(size * (this.sizes[l - 1] + 1)));
      }
    }
    this.step = network.step;
    this.readWeights();
  }

  /** Copies the network's link weights in (after someone changed them by hand). */
  readWeights(): void {
    const links = this.network.links;
    let k = 0;
    for (let l = 0; l < this.weights.length; l++) {
      const weights = this.weights[l];
      const changes = this.changes[l];
      for (let w = 0; w < weights.length; w++, k++) {
        weights[w] = links[k].weight;
        changes[w] = links[k].weightChange;
      }
    }
    this.step = this.network.step;
    this.lastStep = "none";
  }

  /** Copies the weights, the last step's changes and the step count back into the network's links. */
  writeWeights(): void {
    if (this.lastStep === "sample") this.recomputeChanges();
    const links = this.network.links;
    let k = 0;
    for (let l = 0; l < this.weights.length; l++) {
      const weights = this.weights[l];
      const changes = this.changes[l];
      for (let w = 0; w < weights.length; w++, k++) {
        links[k].weight = weights[w];
        links[k].weightChange = changes[w];
      }
    }
    this.network.step = this.step;
  }

  /** The output values for these inputs. */
  propagate(inputs: readonly number[]): number[] {
    this.forward(inputs);
    return Array.from(this.values[this.values.length - 1]);
  }

  /**
   * Exactly `Network.learn`, on the arrays: one step, returning the error before it.
   * Inputs are stored as doubles, then checked to be finite (`train({ fast: true })`
   * also checks every sample strictly, as `Network.learn` does, before it starts).
   */
  learn(inputs: readonly number[], expected: readonly number[]): number {
    checkExpected(expected, this.sizes[this.sizes.length - 1]);
    this.forward(inputs);
    const error = this.measure(expected);
    const rate = this.network.trainingRate;
    const sizes = this.sizes;
    for (let l = sizes.length - 1; l >= 1; l--) {
      const weights = this.weights[l - 1];
      const from = this.values[l - 1];
      const sensitivity = this.sensitivities[l];
      const values = this.values[l];
      const activation = this.activations[l];
      const n = sizes[l - 1];
      const blame = this.sensitivities[l - 1];
      const steps = this.lastSteps[l];
      if (l > 1) {
        blame.fill(0);
        for (let j = 0, row = 0; j < sizes[l]; j++, row += n + 1) {
          // The slope from the value, as Neuron.activate takes it; taken here,
          // where it is used, instead of stored by the forward pass.
          const outputSensitivity = sensitivity[j] * activation.derivative(values[j]);
          const step = -rate * outputSensitivity; // weight change = step × input value
          steps[j] = step;
          for (let i = 0; i < n; i++) {
            const weight = weights[row + i];
            blame[i] += outputSensitivity * weight;
            weights[row + i] = weight + step * from[i];
          }
          weights[row + n] += step * 1; // the bias link; its input is always 1
        }
      } else {
        // Layer 1's inputs are the input neurons: their blame changes no weight.
        for (let j = 0, row = 0; j < sizes[l]; j++, row += n + 1) {
          const step = -rate * (sensitivity[j] * activation.derivative(values[j]));
          steps[j] = step;
          for (let i = 0; i < n; i++) weights[row + i] += step * from[i];
          weights[row + n] += step * 1;
        }
      }
    }
    this.step++;
    this.lastStep = "sample";
    this.lastValues = this.values;
    this.values = this.spareValues;
    this.spareValues = this.lastValues;
    return error;
  }

  /**
   * The weight changes of the last `learn`, recomputed with exactly its arithmetic
   * (step × input value), so the hot loop need not store them.
   */
  private recomputeChanges(): void {
    const sizes = this.sizes;
    for (let l = 1; l < sizes.length; l++) {
      const changes = this.changes[l - 1];
      const from = this.lastValues[l - 1];
      const steps = this.lastSteps[l];
      const n = sizes[l - 1];
      for (let j = 0, row = 0; j < sizes[l]; j++, row += n + 1) {
        const step = steps[j];
        for (let i = 0; i < n; i++) changes[row + i] = step * from[i];
        changes[row + n] = step * 1;
      }
    }
    this.lastStep = "none";
  }

  /** Exactly `Network.learnBatch`: average the batch's gradients, then move once. */
  learnBatch(samples: readonly Sample[]): number {
    const sizes = this.sizes;
    for (const gradients of this.changes) gradients.fill(0);
    let total = 0;
    for (const { input, expected } of samples) {
      this.forward(input);
      total += this.measure(expected);
      for (let l = sizes.length - 1; l >= 1; l--) {
        const weights = this.weights[l - 1];
        const gradients = this.changes[l - 1];
        const from = this.values[l - 1];
        const sensitivity = this.sensitivities[l];
        const values = this.values[l];
        const activation = this.activations[l];
        const n = sizes[l - 1];
        const blame = this.sensitivities[l - 1];
        if (l > 1) blame.fill(0);
        for (let j = 0, row = 0; j < sizes[l]; j++, row += n + 1) {
          const outputSensitivity = sensitivity[j] * activation.derivative(values[j]);
          for (let i = 0; i < n; i++) {
            if (l > 1) blame[i] += outputSensitivity * weights[row + i];
            gradients[row + i] += outputSensitivity * from[i];
          }
          gradients[row + n] += outputSensitivity * 1;
        }
      }
    }
    const count = samples.length;
    const rate = this.network.trainingRate;
    for (let l = 0; l < this.weights.length; l++) {
      const weights = this.weights[l];
      const changes = this.changes[l];
      for (let w = 0; w < weights.length; w++) {
        const change = -rate * (changes[w] / count);
        changes[w] = change;
        weights[w] += change;
      }
    }
    this.step++;
    this.lastStep = "batch";
    return total;
  }

  private forward(inputs: readonly number[]): void {
    const sizes = this.sizes;
    checkSize(inputs, sizes[0], "input");
    const first = this.values[0];
    for (let i = 0; i < sizes[0]; i++) first[i] = inputs[i];
    // x − x is 0 for every finite number and NaN otherwise, so one sum checks them all
    // without a branch per input (a branch in the copy loop costs ~6% on 784 inputs).
    let check = 0;
    for (let i = 0; i < sizes[0]; i++) check += first[i] - first[i];
    if (check !== 0) {
      const i = first.findIndex((x) => x - x !== 0);
      throw notFinite(inputs[i], i, "input");
    }
    for (let l = 1; l < sizes.length; l++) {
      const weights = this.weights[l - 1];
      const from = this.values[l - 1];
      const values = this.values[l];
      const sums = this.sums[l];
      const activation = this.activations[l];
      const n = sizes[l - 1];
      for (let j = 0, row = 0; j < sizes[l]; j++, row += n + 1) {
        // Summed in the order the neuron's links are: inputs first, then the bias.
        let sum = 0;
        for (let i = 0; i < n; i++) sum += from[i] * weights[row + i];
        sum += 1 * weights[row + n];
        sums[j] = sum;
        const value = activation.fn(sum);
        values[j] = value;
      }
    }
    if (this.softmax) {
      const last = sizes.length - 1;
      softmax(this.sums[last], this.values[last]);
    }
  }

  /** The error (as `Network.learn` measures it), the divergence check, and the output sensitivities. */
  private measure(expected: readonly number[]): number {
    const last = this.sizes.length - 1;
    const values = this.values[last];
    const sums = this.sums[last];
    const error = this.softmax ? crossEntropy(sums, expected) : squaredError(values, expected);
    if (!Number.isFinite(error)) throw diverged(this.step + 1, `the error became ${error}`, this.network.trainingRate);
    const sensitivity = this.sensitivities[last];
    for (let i = 0; i < values.length; i++) sensitivity[i] = values[i] - expected[i];
    return error;
  }
}
