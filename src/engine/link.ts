import { describeNumber } from "./describe";
import type { Neuron } from "./neuron";
import type { TraceListener } from "./trace";

/**
 * A Link joins two neurons and holds the weight between them.
 *
 * Forward, it carries its input neuron's value, times its weight,
 * to its output neuron. Backward, once the output neuron's
 * sensitivity is complete, it learns in three steps, in this order:
 *   1. its output sensitivity: how the error moves with the output
 *      neuron's sum;
 *   2. sendBack: its share of the blame goes to its input neuron,
 *      worked out with the weight that caused the error (the old one);
 *   3. changeWeight: only then does the weight move, downhill.
 */
export class Link {
  // `declare`: the constructor sets these three, so a link never
  // holds `undefined` in them (that would make every read slower).
  /** The neuron whose value this link carries. */
  declare readonly from: Neuron;
  /** The neuron whose sum this link adds to. */
  declare readonly to: Neuron;
  declare weight: number;
  /** How much the last step moved the weight. */
  weightChange = 0;
  /** ∂E/∂weight, summed over a mini-batch's samples so far. */
  gradient = 0;

  constructor(from: Neuron, to: Neuron, weight = 0) {
    this.from = from;
    this.to = to;
    this.weight = weight;
    from.outputs.push(this);
    to.inputs.push(this);
  }

  /** Forward: what this link adds to its output neuron's sum. */
  propagate(): number {
    return this.from.value * this.weight;
  }

  /**
   * Step 1. How the error moves with the output neuron's sum,
   * ∂E/∂sum: that neuron's sensitivity × its activation's slope.
   * Every link into the same neuron has the same one.
   */
  get outputSensitivity(): number {
    return this.to.sensitivity * this.to.derivative;
  }

  /**
   * Backward, for one sample: the three steps, in order. Step 1 is the
   * same for every link into a neuron, so Neuron.backpropagate works
   * it out once and hands it in; a link on its own works it out here.
   */
  backpropagate(
    trainingRate: number,
    outputSensitivity = this.outputSensitivity,
  ): void {
    this.sendBack(outputSensitivity);
    const inputValue = this.from.value;
    this.changeWeight(-trainingRate * outputSensitivity * inputValue);
  }

  /**
   * The same three steps for a figure that listens, each reported as
   * it is taken, with the numbers it used. A method of its own, so
   * that the path nobody watches carries no reporting at all (a check
   * in the hot loop made it a third slower).
   */
  backpropagateTraced(trainingRate: number, trace: TraceListener) {
    const outputSensitivity = this.outputSensitivity;
    trace({ type: "outputSensitivity", link: this, outputSensitivity });
    const weight = this.weight;
    const sensitivity = this.sendBack(outputSensitivity);
    trace({ type: "sendBack", link: this, sensitivity, weight });
    const inputValue = this.from.value;
    this.changeWeight(-trainingRate * outputSensitivity * inputValue);
    const { weightChange, weight: newWeight } = this;
    const event = { link: this, weightChange, weight: newWeight };
    trace({ type: "weightChange", ...event });
  }

  /**
   * Step 2. The input neuron's share of the blame: output
   * sensitivity × weight. It adds to what the neuron's other
   * outgoing links send: its sensitivity is their sum. Called
   * before step 3, while `weight` is the one that was used.
   */
  sendBack(outputSensitivity: number): number {
    const sensitivity = outputSensitivity * this.weight;
    this.from.sensitivity += sensitivity;
    return sensitivity;
  }

  /**
   * Step 3. Move the weight. For one sample the change is
   * −trainingRate × ∂E/∂weight, where ∂E/∂weight is output
   * sensitivity × input value: the larger the input, the more
   * this link added to the error.
   */
  changeWeight(weightChange: number): void {
    this.weightChange = weightChange;
    this.weight += weightChange;
  }

  /**
   * Backward, for one sample of a mini-batch: steps 1 and 2, and
   * ∂E/∂weight remembered instead of step 3.
   */
  collectGradient(trace?: TraceListener): void {
    const outputSensitivity = this.outputSensitivity;
    trace?.({ type: "outputSensitivity", link: this, outputSensitivity });
    const sensitivity = this.sendBack(outputSensitivity);
    const { weight } = this;
    trace?.({ type: "sendBack", link: this, sensitivity, weight });
    this.gradient += outputSensitivity * this.from.value;
  }

  /** After a mini-batch: step 3 with its average ∂E/∂weight. */
  applyGradient(
    trainingRate: number,
    batchSize: number,
    trace?: TraceListener,
  ): void {
    this.changeWeight(-trainingRate * (this.gradient / batchSize));
    this.gradient = 0;
    const { weightChange, weight } = this;
    trace?.({ type: "weightChange", link: this, weightChange, weight });
  }

  /** For example `Link(h1[0] → out[0], weight=0.42)`. */
  toString(): string {
    const weight = describeNumber(this.weight);
    return `Link(${this.from.label} → ${this.to.label}, weight=${weight})`;
  }

  // A Link even after a minifier renames the class.
  get [Symbol.toStringTag](): string {
    return "Link";
  }
}
