/**
 * lernmi: a neural network made of Neurons and Links, small enough to read.
 *
 * Imports nothing from the site and touches neither the DOM nor Node, so the same
 * code runs in Node, in a Web Worker and in the page.
 */
export { Neuron } from "./neuron";
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
// Activations and datasets are exported as one object each (activations.tanh,
// datasets.spiral(...)), so that a snippet's own `const tanh` or `const xor` never
// collides with a name the runner puts in scope.
export { Activation, activations, activationByName, activationNames, type ActivationName } from "./activations";
export { Random } from "./random";
export { CompiledNetwork } from "./compiled";
export { gradientCheck, type GradientCheckEntry } from "./gradient-check";
export type { TraceEvent, TraceListener } from "./trace";
export * as datasets from "../datasets/index";
export type { DatasetOptions } from "../datasets/index";
