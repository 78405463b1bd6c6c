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

// The neurons call these only when someone listens (one null check per neuron
// otherwise), and they run the very same Link methods, so a traced network learns
// exactly what an untraced one does.

/** Reports a neuron's forward step: what each incoming link carried, then the activation. */
export function traceActivate(neuron: Neuron): void {
  const trace = neuron.trace!;
  for (const link of neuron.inputs) trace({ type: "carry", link, value: link.propagate() });
  trace({ type: "activate", neuron, sum: neuron.sum, value: neuron.value });
}

/**
 * A neuron's backward step, link by link, with events between the steps.
 * trainingRate null: a mini-batch, where links only collect their gradient.
 */
export function traceBackpropagate(neuron: Neuron, outputSensitivity: number, trainingRate: number | null): void {
  const trace = neuron.trace!;
  trace({ type: "sensitivity", neuron, sensitivity: neuron.sensitivity });
  for (const link of neuron.inputs) {
    const weight = link.weight;
    trace({ type: "outputSensitivity", link, outputSensitivity });
    if (trainingRate === null) link.collectGradient(outputSensitivity);
    else link.backpropagate(outputSensitivity, trainingRate);
    trace({ type: "sendBack", link, sensitivity: outputSensitivity * weight, weight });
    if (trainingRate !== null) trace({ type: "weightChange", link, weightChange: link.weightChange, weight: link.weight });
  }
}
