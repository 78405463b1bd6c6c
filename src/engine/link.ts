import type { Neuron } from "./neuron";

/**
 * A Link joins two neurons. Forward, it carries its input neuron's value, scaled by
 * its weight. Backward, it takes its share of the blame for the error, passes that
 * blame back to its input neuron, and moves its weight. Its output neuron takes these
 * steps for all of its incoming links in one loop: see `Neuron.backpropagate`.
 *
 * The link's numbers live in its output neuron's arrays, at `index` (see
 * `Neuron.inputWeights` for why); reading and writing them here is the same as there.
 */
export class Link {
  // `declare`: the constructor sets these, so a link never holds `undefined` here.
  declare readonly from: Neuron;
  declare readonly to: Neuron;
  /** This link's place among its output neuron's inputs: `to.inputs[index] === this`. */
  declare readonly index: number;

  constructor(from: Neuron, to: Neuron, weight = 0) {
    this.from = from;
    this.to = to;
    this.index = to.connect(this, weight);
    from.outputs.push(this);
  }

  get weight(): number {
    return this.to.inputWeights[this.index];
  }

  set weight(weight: number) {
    this.to.inputWeights[this.index] = weight;
  }

  /** How much the last step moved the weight. */
  get weightChange(): number {
    return this.to.weightChanges[this.index];
  }

  /** ∂E/∂weight summed over the samples of a mini-batch so far. */
  get gradient(): number {
    return this.to.gradients[this.index];
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
}
