import type { Neuron } from "./neuron";
import type { TraceListener } from "./trace";

/**
 * A Link joins two neurons. Forward, it carries its input neuron's value, scaled by
 * its weight. Backward, it works out how much it is to blame for the error, passes
 * that blame back to its input neuron, and moves its weight.
 */
export class Link {
  readonly from: Neuron;
  readonly to: Neuron;
  weight: number;
  /** The output neuron's sensitivity × its activation's slope: ∂E/∂(output neuron's sum). */
  outputSensitivity: number;
  /** How much the last step moved the weight. */
  weightChange: number;
  /** ∂E/∂weight summed over the samples of a mini-batch so far. */
  gradient: number;
  /** Called with every event when a figure listens; null (and free) otherwise. */
  trace: TraceListener | null;

  constructor(from: Neuron, to: Neuron, weight = 0) {
    this.from = from;
    this.to = to;
    this.weight = weight;
    this.outputSensitivity = 0;
    this.weightChange = 0;
    this.gradient = 0;
    this.trace = null;
    from.outputs.push(this);
    to.inputs.push(this);
  }

  /** Forward: what this link adds to its output neuron's sum. */
  propagate(): number {
    const value = this.from.value * this.weight;
    if (this.trace !== null) this.trace({ type: "carry", link: this, value });
    return value;
  }

  /** One step of learning for this link; its output neuron's sensitivity must be complete. */
  backpropagate(trainingRate: number): void {
    const outputSensitivity = this.computeOutputSensitivity();
    // Blame goes back first, with the weight that produced the error.
    this.sendSensitivityBack(outputSensitivity);
    // Then the weight moves downhill: ∂E/∂weight = outputSensitivity × input value.
    this.changeWeight(-trainingRate * (outputSensitivity * this.from.value));
  }

  /** For mini-batches: the same blame, but the weight waits until the batch is done. */
  collectGradient(): void {
    const outputSensitivity = this.computeOutputSensitivity();
    this.sendSensitivityBack(outputSensitivity);
    this.gradient += outputSensitivity * this.from.value;
  }

  /** After a mini-batch: move by the batch's average gradient, then start afresh. */
  applyGradient(trainingRate: number, batchSize: number): void {
    this.changeWeight(-trainingRate * (this.gradient / batchSize));
    this.gradient = 0;
  }

  /** How the error moves with the output neuron's sum: its sensitivity × its activation's slope. */
  computeOutputSensitivity(): number {
    const outputSensitivity = this.to.sensitivity * this.to.derivative;
    this.outputSensitivity = outputSensitivity;
    if (this.trace !== null) this.trace({ type: "outputSensitivity", link: this, outputSensitivity });
    return outputSensitivity;
  }

  /** The input neuron's sensitivity is the sum of what each of its outgoing links sends back. */
  sendSensitivityBack(outputSensitivity: number): void {
    const sent = outputSensitivity * this.weight;
    this.from.sensitivity += sent;
    if (this.trace !== null) this.trace({ type: "sendBack", link: this, sensitivity: sent, weight: this.weight });
  }

  changeWeight(weightChange: number): void {
    this.weightChange = weightChange;
    this.weight += weightChange;
    if (this.trace !== null) this.trace({ type: "weightChange", link: this, weightChange, weight: this.weight });
  }
}
