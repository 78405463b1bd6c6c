/**
 * Activation functions, each beside its derivative.
 *
 * Every derivative is written from the neuron's *value* (its output),
 * not its sum: the neuron already holds the value after the forward
 * pass, and for the sigmoid and tanh the value is all we need
 * (σ′ = σ(1 − σ), tanh′ = 1 − tanh²).
 */
export class Activation {
  constructor(
    /** The name used in options and in JSON. */
    readonly name: string,
    /** value = fn(sum) */
    readonly fn: (sum: number) => number,
    /** d value / d sum, from the value alone */
    readonly derivative: (value: number) => number,
  ) {}
}

export const sigmoid = new Activation(
  "sigmoid",
  (sum) => 1 / (1 + Math.exp(-sum)),
  (value) => value * (1 - value),
);

export const tanh = new Activation(
  "tanh",
  (sum) => Math.tanh(sum),
  (value) => 1 - value * value,
);

// ReLU's value is positive exactly when its sum is, so the value tells
// us the slope. At sum = 0 the slope is undefined; like most libraries
// we take 0 there.
export const relu = new Activation(
  "relu",
  (sum) => (sum > 0 ? sum : 0),
  (value) => (value > 0 ? 1 : 0),
);

// Leaky ReLU keeps a small slope below zero, so a neuron is never
// silenced for good.
export const LEAK = 0.01;
export const leakyRelu = new Activation(
  "leakyRelu",
  (sum) => (sum > 0 ? sum : LEAK * sum),
  (value) => (value > 0 ? 1 : LEAK),
);

export const linear = new Activation(
  "linear",
  (sum) => sum,
  () => 1,
);

/**
 * The output neurons of a softmax + cross-entropy network pass their
 * sum through; the network then normalises the whole layer (see
 * `softmax` in losses.ts). Its derivative is 1 because, with
 * cross-entropy, the error's slope with respect to each output sum is
 * already actual − expected: the softmax's own slope cancels out.
 */
export const softmaxOutput = new Activation(
  "softmax",
  (sum) => sum,
  () => 1,
);

export const activations = { sigmoid, tanh, relu, leakyRelu, linear } as const;
export type ActivationName = keyof typeof activations;
export const activationNames = Object.keys(activations) as ActivationName[];

/** Looks up an activation by name, with an error that lists the names it knows. */
export function activationByName(name: unknown): Activation {
  if (name instanceof Activation) return name;
  if (typeof name === "string" && Object.prototype.hasOwnProperty.call(activations, name)) {
    return activations[name as ActivationName];
  }
  const known = activationNames.map((n) => `"${n}"`).join(", ");
  throw new Error(
    `unknown activation ${typeof name === "string" ? `"${name}"` : String(name)}; expected one of ${known}`,
  );
}
