import { Activation, type ActivationName, activationByName } from "./activations";
import { checkOptions } from "./checks";
import { describeNumber } from "./describe";
import type { Link } from "./link";
import type { TraceListener } from "./trace";

/** `new Neuron({ activation: "tanh", name: "h" })`: the same as `new Neuron("tanh", "h")`. */
export interface NeuronOptions {
  /** Default "sigmoid". */
  activation?: Activation | ActivationName;
  /** How the neuron is printed, and how links print their ends. */
  name?: string;
  /** A bias neuron's value is always 1. */
  isBias?: boolean;
}

/**
 * A Neuron sums what its incoming links carry and passes the sum through its
 * activation function. On the way back it holds its sensitivity: how much the error
 * changes when its value changes.
 */
export class Neuron {
  /** The neuron's output: activation(sum). An input neuron's value is set directly. */
  value = 0;
  /**
   * ∂E/∂value: how much the error moves when this neuron's value moves.
   * Output neuron: actual − expected. Other neurons: the sum of what their outgoing links send back.
   */
  sensitivity = 0;
  /** The weighted sum of the inputs, before the activation. */
  sum = 0;
  /** The activation's slope at this neuron's sum, kept for the way back. */
  derivative = 0;
  /** Links that bring values in (in a Network: one from each neuron of the previous layer, then the bias). */
  readonly inputs: Link[] = [];
  /** Links that take this neuron's value on to the next layer. */
  readonly outputs: Link[] = [];
  // `declare`: set in the constructor, so a neuron never holds `undefined` here.
  declare activation: Activation;
  /** Printed by `toString()`, and at the ends of links. A Network names its neurons `in[0]`, `h1[2]`, `out[0]`. */
  declare name: string | undefined;
  /** A bias neuron's value is always 1; the links leaving it act as biases. */
  declare readonly isBias: boolean;

  constructor(activation: Activation | ActivationName | NeuronOptions = "sigmoid", name?: string) {
    const options: NeuronOptions =
      typeof activation === "object" && activation !== null && !(activation instanceof Activation)
        ? checkOptions("new Neuron", activation, ["activation", "name", "isBias"])
        : { activation, name };
    this.activation = activationByName(options.activation ?? "sigmoid");
    this.name = options.name;
    this.isBias = options.isBias === true;
    if (this.isBias) this.value = 1;
  }

  /** Forward: sum what the incoming links carry, then activate. */
  activate(trace?: TraceListener): number {
    let sum = 0;
    for (const link of this.inputs) sum += link.propagate(trace);
    this.sum = sum;
    this.value = this.activation.fn(sum);
    // The slope, kept for the way back. It is written in terms of the value (see activations.ts).
    this.derivative = this.activation.derivative(this.value);
    // No blame has arrived for this pass yet; outgoing links will add theirs.
    this.sensitivity = 0;
    trace?.({ type: "activate", neuron: this, sum, value: this.value });
    return this.value;
  }

  /**
   * Backward, once this neuron's sensitivity is complete (every outgoing link has sent
   * its share): each incoming link takes its three steps (see Link).
   */
  backpropagate(trainingRate: number, trace?: TraceListener): void {
    trace?.({ type: "sensitivity", neuron: this, sensitivity: this.sensitivity });
    for (const link of this.inputs) link.backpropagate(trainingRate, trace);
  }

  /** Backward for a mini-batch: the same blame, but each link only remembers its ∂E/∂weight. */
  collectGradients(trace?: TraceListener): void {
    trace?.({ type: "sensitivity", neuron: this, sensitivity: this.sensitivity });
    for (const link of this.inputs) link.collectGradient(trace);
  }

  /** How links name this neuron: its name, else "bias" or the kind of neuron it is. */
  get label(): string {
    return this.name ?? (this.isBias ? "bias" : `${this.activation.name} neuron`);
  }

  /** For example `Neuron(h1[0], tanh, value=0.76, sensitivity=-0.12)`. */
  toString(): string {
    const name = this.name === undefined ? "" : `${this.name}, `;
    const kind = this.isBias ? "bias" : this.activation.name;
    return `Neuron(${name}${kind}, value=${describeNumber(this.value)}, sensitivity=${describeNumber(this.sensitivity)})`;
  }

  // Printed and recognised as a Neuron even after a minifier renames the class.
  get [Symbol.toStringTag](): string {
    return "Neuron";
  }
}
