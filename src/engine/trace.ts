import type { Link } from "./link";
import type { Neuron } from "./neuron";

/**
 * What a figure sees when it subscribes to a network's trace: every step of the
 * forward and backward pass, in the order the engine takes it.
 */
export type TraceEvent =
  /** An input neuron was given its value. */
  | { type: "input"; neuron: Neuron; value: number }
  /** A link carried its input neuron's value forward, scaled by its weight. */
  | { type: "carry"; link: Link; value: number }
  /** A neuron summed what its links carried and applied its activation. */
  | { type: "activate"; neuron: Neuron; sum: number; value: number }
  /** The output layer was normalised by softmax (softmax + cross-entropy only). */
  | { type: "softmax"; neurons: readonly Neuron[]; values: number[] }
  /** The error of one sample, measured before any weight moves. */
  | { type: "error"; error: number; actual: number[]; expected: readonly number[] }
  /** A neuron's sensitivity is complete; its incoming links are about to learn from it. */
  | { type: "sensitivity"; neuron: Neuron; sensitivity: number }
  /** A link's output sensitivity: its output neuron's sensitivity × that neuron's activation slope. */
  | { type: "outputSensitivity"; link: Link; outputSensitivity: number }
  /** A link sent outputSensitivity × its weight (the old one) back to its input neuron. */
  | { type: "sendBack"; link: Link; sensitivity: number; weight: number }
  /** A link changed its weight (by `weightChange`, to `weight`). */
  | { type: "weightChange"; link: Link; weightChange: number; weight: number };

export type TraceListener = (event: TraceEvent) => void;

// The network calls these only when someone listens, after each neuron has done its
// step exactly as it does untraced: a traced network learns exactly what an untraced
// one does, and the events report what happened, in the order it happened.

/** Reports a neuron's forward step: what each incoming link carried, then the activation. */
export function traceActivate(neuron: Neuron, trace: TraceListener): void {
  for (const link of neuron.inputs) trace({ type: "carry", link, value: link.propagate() });
  trace({ type: "activate", neuron, sum: neuron.sum, value: neuron.value });
}

/**
 * Reports a neuron's backward step, link by link. `oldWeights` are its incoming
 * weights from before the step: the ones the blame was sent back with.
 * `learned` false: a mini-batch, where the links only collected their gradient.
 */
export function traceBackpropagate(neuron: Neuron, oldWeights: readonly number[], learned: boolean, trace: TraceListener): void {
  trace({ type: "sensitivity", neuron, sensitivity: neuron.sensitivity });
  neuron.inputs.forEach((link, i) => {
    const weight = oldWeights[i];
    const outputSensitivity = link.outputSensitivity;
    trace({ type: "outputSensitivity", link, outputSensitivity });
    trace({ type: "sendBack", link, sensitivity: outputSensitivity * weight, weight });
    if (learned) trace({ type: "weightChange", link, weightChange: link.weightChange, weight: link.weight });
  });
}
