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
  /** A neuron's sensitivity is complete and it starts sending blame back. */
  | { type: "sensitivity"; neuron: Neuron; sensitivity: number }
  /** A link computed its output sensitivity: output neuron's sensitivity × activation slope. */
  | { type: "outputSensitivity"; link: Link; outputSensitivity: number }
  /** A link sent outputSensitivity × its (old) weight back to its input neuron. */
  | { type: "sendBack"; link: Link; sensitivity: number; weight: number }
  /** A link changed its weight. */
  | { type: "weightChange"; link: Link; weightChange: number; weight: number };

export type TraceListener = (event: TraceEvent) => void;
