import type { Neuron } from "./neuron";

/**
 * A Link joins two neurons. Forward, it carries its input neuron's value, scaled by
 * its weight. Backward, it takes its share of the blame for the error, passes that
 * blame back to its input neuron, and moves its weight.
 */
export class Link {
  // `declare`: the constructor sets these, so a link never holds `undefined` here
  // (which would make every read of a link a little slower).
  declare readonly from: Neuron;
  declare readonly to: Neuron;
  weight = 0;
  /** How much the last step moved the weight. */
  weightChange = 0;
  /** ∂E/∂weight summed over the samples of a mini-batch so far. */
  gradient = 0;

  constructor(from: Neuron, to: Neuron, weight = 0) {
    this.from = from;
    this.to = to;
    this.weight = weight;
    from.outputs.push(this);
    to.inputs.push(this);
  }

  /**
   * How the error moves with the output neuron's sum: that neuron's sensitivity ×
   * the slope of its activation. Every link into the same neuron shares it.
   */
  get outputSensitivity(): number {
    return this.to.sensitivity * this.to.derivative;
  }

  /** Forward: what this link adds to its output neuron's sum. */
  propagate(): number {
    return this.from.value * this.weight;
  }

  /** One step of learning, once the output neuron's sensitivity is complete. */
  backpropagate(outputSensitivity: number, trainingRate: number): void {
    const weight = this.weight; // the weight that produced the error
    // Blame goes back first, with the old weight: the input neuron's sensitivity is
    // the sum of what each of its outgoing links sends back.
    this.from.sensitivity += outputSensitivity * weight;
    // Then the weight moves downhill. ∂E/∂weight = outputSensitivity × input value:
    // the larger the input, the more this link contributed to the error.
    const weightChange = -trainingRate * outputSensitivity * this.from.value;
    this.weightChange = weightChange;
    this.weight = weight + weightChange;
  }

  /** For mini-batches: the same blame, but the weight waits until the batch is done. */
  collectGradient(outputSensitivity: number): void {
    this.from.sensitivity += outputSensitivity * this.weight;
    this.gradient += outputSensitivity * this.from.value;
  }

  /** After a mini-batch: move by the batch's average gradient, then start afresh. */
  applyGradient(trainingRate: number, batchSize: number): void {
    this.weightChange = -trainingRate * (this.gradient / batchSize);
    this.weight += this.weightChange;
    this.gradient = 0;
  }
}
