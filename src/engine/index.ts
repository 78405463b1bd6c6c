/**
 * The engine: a neural network made of Neurons and Links, small enough to read.
 *
 * Imports nothing outside src/engine and touches neither the DOM nor Node, so the
 * same code runs in Node, in a Web Worker and in the page. Snippets import it, with
 * the datasets, as "lernmi" (src/lernmi.ts).
 */
export { Neuron, type NeuronOptions } from "./neuron";
export { Link } from "./link";
export { Network } from "./network";
export { MAX_LINKS, MAX_NEURONS } from "./options";
export type {
  NetworkOptions,
  NetworkJSON,
  Sample,
  TrainOptions,
  EpochRecord,
  Evaluation,
  LossName,
  InitName,
} from "./types";
// Activations are exported as one object (activations.tanh), so that a snippet's own
// `const tanh` never collides with a name the runner puts in scope.
export { Activation, activations, activationByName, activationNames, type ActivationName } from "./activations";
export { Random } from "./random";
export { CompiledNetwork } from "./fast/compiled";
export { gradientCheck, type GradientCheckEntry, type GradientCheckOptions } from "./gradient-check";
export { checkOptions } from "./checks";
export type { TraceEvent, TraceListener } from "./trace";
