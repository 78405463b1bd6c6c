import { type Activation, type ActivationName, activationByName } from "./activations";
import type { Link } from "./link";
import type { TraceListener } from "./trace";

/**
 * A Neuron sums what its incoming links carry and passes the sum through its
 * activation function. On the way back it holds its sensitivity: how much the error
 * changes when its value changes.
 */
export class Neuron {
  /** Links that bring values in: one from each neuron of the previous layer, and the bias. */
  readonly inputs: Link[];
  /** Links that take this neuron's value on to the next layer. */
  readonly outputs: Link[];
  activation: Activation;
  /** The weighted sum of the inputs, before the activation. */
  sum: number;
  /** The neuron's output: activation(sum). An input neuron's value is set directly. */
  value: number;
  /** The activation's slope at this value, kept for the way back. */
  derivative: number;
  /** ∂E/∂value. Output neuron: actual − expected. Hidden neuron: the sum of what its outgoing links send back. */
  sensitivity: number;
  /** A bias neuron's value is always 1; the link leaving it acts as a bias. */
  readonly isBias: boolean;
  /** Called with every event when a figure listens; null (and free) otherwise. */
  trace: TraceListener | null;

  constructor(activation: Activation | ActivationName = "sigmoid", isBias = false) {
    this.inputs = [];
    this.outputs = [];
    this.activation = activationByName(activation);
    this.sum = 0;
    this.value = isBias ? 1 : 0;
    this.derivative = 0;
    this.sensitivity = 0;
    this.isBias = isBias;
    this.trace = null;
  }

  /** Forward: sum what the incoming links carry, then activate. */
  activate(): number {
    let sum = 0;
    const inputs = this.inputs;
    for (let i = 0; i < inputs.length; i++) sum += inputs[i].propagate();
    this.sum = sum;
    this.value = this.activation.fn(sum);
    this.derivative = this.activation.derivative(this.value);
    // Blame for this pass has not arrived yet: the outgoing links will add it up.
    this.sensitivity = 0;
    if (this.trace !== null) this.trace({ type: "activate", neuron: this, sum, value: this.value });
    return this.value;
  }

  /**
   * Backward: our sensitivity is complete (every outgoing link has sent its share),
   * so each incoming link can now work out its blame, send it on, and move its weight.
   */
  backpropagate(trainingRate: number): void {
    if (this.trace !== null) this.trace({ type: "sensitivity", neuron: this, sensitivity: this.sensitivity });
    const inputs = this.inputs;
    for (let i = 0; i < inputs.length; i++) inputs[i].backpropagate(trainingRate);
  }

  /** Backward for a mini-batch: as `backpropagate`, but links only collect their gradient. */
  collectGradients(): void {
    if (this.trace !== null) this.trace({ type: "sensitivity", neuron: this, sensitivity: this.sensitivity });
    const inputs = this.inputs;
    for (let i = 0; i < inputs.length; i++) inputs[i].collectGradient();
  }
}
