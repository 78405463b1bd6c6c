import {
  Activation,
  type ActivationName,
  activationByName,
} from "./activations";
import { checkOptions } from "./checks";
import { describeNumber } from "./describe";
import type { Link } from "./link";
import type { TraceListener } from "./trace";

/** `new Neuron({ activation: "tanh", name: "h" })`, same as `new Neuron("tanh", "h")`. */
export interface NeuronOptions {
  /** Default "sigmoid". */
  activation?: Activation | ActivationName;
  /** How the neuron prints, and how links name their ends. */
  name?: string;
  /** A bias neuron's value is always 1. */
  isBias?: boolean;
}

/**
 * A Neuron sums what its incoming links carry and passes the sum
 * through its activation function. On the way back it holds its
 * sensitivity: how much the error changes when its value changes.
 */
export class Neuron {
  /** activation(sum). An input neuron's value is set directly. */
  value = 0;
  /**
   * ∂E/∂value: how much the error moves when this value moves.
   * An output neuron's is actual − expected; any other neuron's is
   * the sum of what its outgoing links send back.
   */
  sensitivity = 0;
  /** The weighted sum of the inputs, before the activation. */
  sum = 0;
  /** The activation's slope at this sum, kept for the way back. */
  derivative = 0;
  /** Links that bring values in (in a Network, the bias link last). */
  readonly inputs: Link[] = [];
  /** Links that take this neuron's value on to the next layer. */
  readonly outputs: Link[] = [];
  // `declare`: set in the constructor, never `undefined` there.
  declare activation: Activation;
  /** Shown when printed. A Network names its `in[0]`, `h1[2]`, `out[0]`. */
  declare name: string | undefined;
  /** A bias neuron's value is always 1; its links act as biases. */
  declare readonly isBias: boolean;

  constructor(
    activation: Activation | ActivationName | NeuronOptions = "sigmoid",
    name?: string,
  ) {
    const options: NeuronOptions =
      typeof activation === "object" && !(activation instanceof Activation)
        ? checkOptions("new Neuron", activation, NEURON_OPTIONS)
        : { activation, name };
    this.activation = activationByName(options.activation ?? "sigmoid");
    this.name = options.name;
    this.isBias = options.isBias === true;
    if (this.isBias) this.value = 1;
  }

  /** Forward: sum what the incoming links carry, then activate. */
  activate(trace?: TraceListener): number {
    let sum = 0;
    if (trace === undefined) {
      for (const link of this.inputs) sum += link.propagate();
    } else {
      // A listening figure hears what each link carries.
      for (const link of this.inputs) {
        const value = link.propagate();
        trace({ type: "carry", link, value });
        sum += value;
      }
    }
    this.sum = sum;
    this.value = this.activation.fn(sum);
    // The slope, written in terms of the value (see activations.ts).
    this.derivative = this.activation.derivative(this.value);
    // No blame has arrived for this pass yet.
    this.sensitivity = 0;
    trace?.({ type: "activate", neuron: this, sum, value: this.value });
    return this.value;
  }

  /**
   * Backward, once this neuron's sensitivity is complete (every
   * outgoing link has sent its share): each incoming link takes its
   * three steps (see Link).
   */
  backpropagate(trainingRate: number, trace?: TraceListener): void {
    if (trace === undefined) {
      // Step 1, the links' output sensitivity, is the same for all of
      // them (see Link.outputSensitivity), so it is worked out once.
      const outputSensitivity = this.sensitivity * this.derivative;
      for (const link of this.inputs) {
        link.backpropagate(trainingRate, outputSensitivity);
      }
      return;
    }
    const { sensitivity } = this;
    trace({ type: "sensitivity", neuron: this, sensitivity });
    for (const link of this.inputs) {
      link.backpropagateTraced(trainingRate, trace);
    }
  }

  /** Backward for a mini-batch: links remember ∂E/∂weight. */
  collectGradients(trace?: TraceListener): void {
    const { sensitivity } = this;
    trace?.({ type: "sensitivity", neuron: this, sensitivity });
    for (const link of this.inputs) link.collectGradient(trace);
  }

  /** How links name this neuron: its name, or what kind it is. */
  get label(): string {
    if (this.name !== undefined) return this.name;
    return this.isBias ? "bias" : `${this.activation.name} neuron`;
  }

  /** For example `Neuron(h1[0], tanh, value=0.76, sensitivity=-0.12)`. */
  toString(): string {
    const name = this.name === undefined ? "" : `${this.name}, `;
    const kind = this.isBias ? "bias" : this.activation.name;
    const value = describeNumber(this.value);
    const sensitivity = describeNumber(this.sensitivity);
    return `Neuron(${name}${kind}, value=${value}, sensitivity=${sensitivity})`;
  }

  // A Neuron even after a minifier renames the class.
  get [Symbol.toStringTag](): string {
    return "Neuron";
  }
}

const NEURON_OPTIONS = ["activation", "name", "isBias"] as const;
