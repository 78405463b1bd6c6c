import type { Neuron } from "./neuron";
import type { TraceListener } from "./trace";

/**
 * A Link joins two neurons. Forward, it carries its input neuron's value, scaled by
 * its weight. Backward, it takes its share of the blame for the error, passes that
 * blame back to its input neuron, and moves its weight.
 */
export class Link {
  // `declare`: the constructor sets these, so the objects never hold `undefined` here
  // (which would make every read of a link a little slower).
  declare readonly from: Neuron;
  declare readonly to: Neuron;
  weight = 0;
  /** How much the last step moved the weight. */
  weightChange = 0;
  /** ∂E/∂weight summed over the samples of a mini-batch so far. */
  gradient = 0;
  /** Called with every event when a figure listens; null (and free) otherwise. */
  trace: TraceListener | null = null;

  constructor(from: Neuron, to: Neuron, weight = 0) {
    this.from = from;
    this.to = to;
    this.weight = weight;
    from.outputs.push(this);
    to.inputs.push(this);
  }

  /**
   * How the error moves with the output neuron's sum: that neuron's sensitivity ×
   * the slope of its activation. It is the same for every link into that neuron.
   */
  get outputSensitivity(): number {
    return this.to.sensitivity * this.to.derivative;
  }

  /** Forward: what this link adds to its output neuron's sum. */
  propagate(): number {
    const value = this.from.value * this.weight;
    if (this.trace !== null) this.trace({ type: "carry", link: this, value });
    return value;
  }

  /** One step of learning, once the output neuron's sensitivity is complete. */
  backpropagate(outputSensitivity: number, trainingRate: number): void {
    const weight = this.weight; // the weight that produced the error
    // Blame goes back first, with the old weight: the input neuron's sensitivity is
    // the sum of what each of its outgoing links sends back.
    this.from.sensitivity += outputSensitivity * weight;
    // Then the weight moves downhill. ∂E/∂weight = outputSensitivity × input value:
    // the larger the input, the more this link contributed to the error.
    const weightChange = -trainingRate * (outputSensitivity * this.from.value);
    this.weightChange = weightChange;
    this.weight = weight + weightChange;
    if (this.trace !== null) this.traceBackward(outputSensitivity, weight, true);
  }

  /** For mini-batches: the same blame, but the weight waits until the batch is done. */
  collectGradient(outputSensitivity: number): void {
    const weight = this.weight;
    this.from.sensitivity += outputSensitivity * weight;
    this.gradient += outputSensitivity * this.from.value;
    if (this.trace !== null) this.traceBackward(outputSensitivity, weight, false);
  }

  /** After a mini-batch: move by the batch's average gradient, then start afresh. */
  applyGradient(trainingRate: number, batchSize: number): void {
    const weightChange = -trainingRate * (this.gradient / batchSize);
    this.weightChange = weightChange;
    this.weight += weightChange;
    this.gradient = 0;
    if (this.trace !== null) this.trace({ type: "weightChange", link: this, weightChange, weight: this.weight });
  }

  /** Tells a listening figure what `backpropagate` just did, in the order it did it. */
  private traceBackward(outputSensitivity: number, oldWeight: number, weightMoved: boolean): void {
    const trace = this.trace!;
    trace({ type: "outputSensitivity", link: this, outputSensitivity });
    trace({ type: "sendBack", link: this, sensitivity: outputSensitivity * oldWeight, weight: oldWeight });
    if (weightMoved) trace({ type: "weightChange", link: this, weightChange: this.weightChange, weight: this.weight });
  }
}
