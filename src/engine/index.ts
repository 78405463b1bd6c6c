/**
 * lernmi: a neural network made of Neurons and Links, small enough to read.
 *
 * Imports nothing from the site and touches neither the DOM nor Node, so the same
 * code runs in Node, in a Web Worker and in the page.
 */
export { Neuron } from "./neuron";
export { Link } from "./link";
export {
  Network,
  MAX_LINKS,
  type NetworkOptions,
  type NetworkJSON,
  type Sample,
  type TrainOptions,
  type EpochRecord,
  type Evaluation,
  type LossName,
  type InitName,
} from "./network";
export {
  Activation,
  activations,
  activationByName,
  activationNames,
  sigmoid,
  tanh,
  relu,
  leakyRelu,
  linear,
  type ActivationName,
} from "./activations";
export { Random } from "./random";
export { CompiledNetwork } from "./compiled";
export { gradientCheck, type GradientCheckEntry } from "./gradient-check";
export type { TraceEvent, TraceListener } from "./trace";
export * as datasets from "../datasets/index";
export { xor, circle, gauss, spiral } from "../datasets/index";
