import { type Activation, type ActivationName, activationByName } from "./activations";
import type { Link } from "./link";
import { type TraceListener, traceActivate, traceBackpropagate } from "./trace";

/**
 * A Neuron sums what its incoming links carry and passes the sum through its
 * activation function. On the way back it holds its sensitivity: how much the error
 * changes when its value changes.
 */
export class Neuron {
  /** Links that bring values in: one from each neuron of the previous layer, and the bias. */
  readonly inputs: Link[] = [];
  /** Links that take this neuron's value on to the next layer. */
  readonly outputs: Link[] = [];
  // `declare`: set in the constructor, so a neuron never holds `undefined` here.
  declare activation: Activation;
  /** The weighted sum of the inputs, before the activation. */
  sum = 0;
  /** The neuron's output: activation(sum). An input neuron's value is set directly. */
  value = 0;
  /** The activation's slope at this value, kept for the way back. */
  derivative = 0;
  /**
   * ∂E/∂value: how much the error moves when this neuron's value moves.
   * Output neuron: actual − expected. Hidden neuron: the sum of what its outgoing links send back.
   */
  sensitivity = 0;
  /** A bias neuron's value is always 1; the links leaving it act as biases. */
  declare readonly isBias: boolean;
  /** Told about everything this neuron and its incoming links do, when a figure listens. */
  trace: TraceListener | null = null;

  constructor(activation: Activation | ActivationName = "sigmoid", isBias = false) {
    this.activation = activationByName(activation);
    this.isBias = isBias;
    if (isBias) this.value = 1;
  }

  /** Forward: sum what the incoming links carry, then activate. */
  activate(): number {
    let sum = 0;
    const inputs = this.inputs;
    for (let i = 0; i < inputs.length; i++) sum += inputs[i].propagate();
    const value = this.activation.fn(sum);
    this.sum = sum;
    this.value = value;
    this.derivative = this.activation.derivative(value);
    // No blame has arrived for this pass yet; the outgoing links will add it up.
    this.sensitivity = 0;
    if (this.trace !== null) traceActivate(this);
    return value;
  }

  /**
   * Backward, once our sensitivity is complete (every outgoing link has sent its
   * share): each incoming link learns from the same output sensitivity, our
   * sensitivity × the slope of our activation.
   */
  backpropagate(trainingRate: number): void {
    const outputSensitivity = this.sensitivity * this.derivative;
    if (this.trace !== null) return traceBackpropagate(this, outputSensitivity, trainingRate);
    const inputs = this.inputs;
    for (let i = 0; i < inputs.length; i++) inputs[i].backpropagate(outputSensitivity, trainingRate);
  }

  /** Backward for a mini-batch: as `backpropagate`, but the links only collect their gradient. */
  collectGradients(): void {
    const outputSensitivity = this.sensitivity * this.derivative;
    if (this.trace !== null) return traceBackpropagate(this, outputSensitivity, null);
    for (const link of this.inputs) link.collectGradient(outputSensitivity);
  }
}
