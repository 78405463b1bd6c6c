import { type Activation, type ActivationName, activationByName } from "./activations";
import type { Link } from "./link";

/**
 * A Neuron sums what its incoming links carry and passes the sum through its
 * activation function. On the way back it holds its sensitivity: how much the error
 * changes when its value changes.
 */
export class Neuron {
  // The four numbers come first: the passes read a neuron's value and sensitivity
  // once per link, and first in the object they share a cache line with its header.
  /** The neuron's output: activation(sum). An input neuron's value is set directly. */
  value = 0;
  /**
   * ∂E/∂value: how much the error moves when this neuron's value moves.
   * Output neuron: actual − expected. Hidden neuron: the sum of what its outgoing links send back.
   */
  sensitivity = 0;
  /** The weighted sum of the inputs, before the activation. */
  sum = 0;
  /** The activation's slope at this value, kept for the way back. */
  derivative = 0;
  /** Links that bring values in: one from each neuron of the previous layer, and the bias. */
  readonly inputs: Link[] = [];
  /** Links that take this neuron's value on to the next layer. */
  readonly outputs: Link[] = [];
  // What each incoming link needs for the two passes lives here, side by side with
  // `inputs`, rather than on the Link objects: an object and its boxed number take
  // about 64 bytes per link, a slot in a number array 8. A 784-100-10 network has
  // 79,510 links; in arrays they stay in the processor's cache from one sample to the
  // next, as objects they did not, and learning ran at 70% of the speed.
  // A Link reads and writes its own slots: `link.weight` is `to.inputWeights[link.index]`.

  /**
   * inputNeurons[i]: the neuron that incoming link i comes from. The neurons of a
   * network layer all listen to the same neurons, so they share one list (see `shareInputNeurons`).
   */
  inputNeurons: Neuron[] = [];
  /** inputWeights[i]: the weight of incoming link i. */
  readonly inputWeights: number[] = [];
  /** weightChanges[i]: how much the last step moved inputWeights[i]. */
  readonly weightChanges: number[] = [];
  /** gradients[i]: ∂E/∂inputWeights[i], summed over the samples of a mini-batch so far. */
  readonly gradients: number[] = [];
  /** False while `inputNeurons` is a list shared with other neurons. */
  private ownsInputNeurons = true;
  // `declare`: set in the constructor, so a neuron never holds `undefined` here.
  declare activation: Activation;
  /** A bias neuron's value is always 1; the links leaving it act as biases. */
  declare readonly isBias: boolean;

  constructor(activation: Activation | ActivationName = "sigmoid", isBias = false) {
    this.activation = activationByName(activation);
    this.isBias = isBias;
    if (isBias) this.value = 1;
  }

  /** Forward: sum what the incoming links carry, then activate. */
  activate(): number {
    const { inputNeurons, inputWeights } = this;
    // Each incoming link carries its input neuron's value × its weight.
    let sum = 0;
    for (let i = 0; i < inputNeurons.length; i++) {
      sum += inputNeurons[i].value * inputWeights[i];
    }
    const value = this.activation.fn(sum);
    this.sum = sum;
    this.value = value;
    this.derivative = this.activation.derivative(value);
    // No blame has arrived for this pass yet; outgoing links will add it up.
    this.sensitivity = 0;
    return value;
  }

  /**
   * Backward, once our sensitivity is complete (every outgoing link has
   * sent its share). Each incoming link learns from the same output
   * sensitivity: our sensitivity × the slope of our activation.
   */
  backpropagate(trainingRate: number): void {
    const outputSensitivity = this.sensitivity * this.derivative;
    const { inputNeurons, inputWeights, weightChanges } = this;
    for (let i = 0; i < inputNeurons.length; i++) {
      // Incoming link i: from inputNeurons[i], with weight inputWeights[i].
      const from = inputNeurons[i];
      const inputValue = from.value; // read before the += below: 8% faster
      const weight = inputWeights[i]; // the weight that produced the error
      // The link sends blame back first, with its old weight: the input
      // neuron's sensitivity is the sum of what its links send back.
      from.sensitivity += outputSensitivity * weight;
      // Then its weight moves downhill. ∂E/∂weight is outputSensitivity
      // × input value: the larger the input, the more the link added to
      // the error.
      const weightChange = -trainingRate * outputSensitivity * inputValue;
      weightChanges[i] = weightChange;
      inputWeights[i] = weight + weightChange;
    }
  }

  /** Backward for a mini-batch: the same blame, but the weights wait until the batch is done. */
  collectGradients(): void {
    const outputSensitivity = this.sensitivity * this.derivative;
    const { inputNeurons, inputWeights, gradients } = this;
    for (let i = 0; i < inputNeurons.length; i++) {
      const from = inputNeurons[i];
      const inputValue = from.value;
      from.sensitivity += outputSensitivity * inputWeights[i];
      gradients[i] += outputSensitivity * inputValue;
    }
  }

  /** After a mini-batch: every incoming weight moves by the batch's average gradient. */
  applyGradients(trainingRate: number, batchSize: number): void {
    const { inputWeights, weightChanges, gradients } = this;
    for (let i = 0; i < inputWeights.length; i++) {
      const weightChange = -trainingRate * (gradients[i] / batchSize);
      weightChanges[i] = weightChange;
      inputWeights[i] += weightChange;
      gradients[i] = 0;
    }
  }

  /** Forgets a mini-batch's gradients (when it was abandoned, or after they were read). */
  clearGradients(): void {
    this.gradients.fill(0);
  }

  /** Called by `new Link(from, this, weight)`: gives the link its slots; returns their index. */
  connect(link: Link, weight: number): number {
    // A neuron sharing its list of input neurons takes its own copy before adding to it.
    if (!this.ownsInputNeurons) this.inputNeurons = this.inputNeurons.slice();
    this.ownsInputNeurons = true;
    this.inputs.push(link);
    this.inputNeurons.push(link.from);
    this.inputWeights.push(weight);
    this.weightChanges.push(0);
    this.gradients.push(0);
    return this.inputs.length - 1;
  }

  /**
   * Lets this neuron use a list of input neurons that other neurons share: the same
   * neurons its links come from, in the same order. One list per layer instead of one
   * per neuron keeps a large layer's backward pass in the cache.
   */
  shareInputNeurons(neurons: Neuron[]): void {
    const expected = `the ${this.inputs.length} neurons this neuron's links come from, in order`;
    if (neurons.length !== this.inputs.length) {
      throw new Error(`shareInputNeurons: expected ${expected}; received ${neurons.length} neurons`);
    }
    const differs = this.inputs.findIndex((link, i) => link.from !== neurons[i]);
    if (differs >= 0) {
      throw new Error(`shareInputNeurons: expected ${expected}; received another neuron at position ${differs}`);
    }
    this.inputNeurons = neurons;
    this.ownsInputNeurons = false;
  }
}
