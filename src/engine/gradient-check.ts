import type { Link } from "./link";
import type { Network } from "./network";

export interface GradientCheckEntry {
  link: Link;
  /** ∂E/∂weight from the sensitivities: outputSensitivity × input value. */
  backprop: number;
  /** The same slope measured by nudging the weight: (E(w + h) − E(w − h)) / 2h. */
  numerical: number;
  /** |backprop − numerical| / max(|backprop|, |numerical|); 0 when both are 0. */
  relativeError: number;
}

/**
 * Checks backpropagation against nudge-and-measure, link by link, on one sample.
 * The network's weights are left exactly as they were.
 */
export function gradientCheck(
  network: Network,
  inputs: readonly number[],
  expected: readonly number[],
  epsilon = 1e-5,
): GradientCheckEntry[] {
  const backprop = network.gradients(inputs, expected);
  return network.links.map((link, k) => {
    const weight = link.weight;
    link.weight = weight + epsilon;
    const above = network.errorOf(inputs, expected);
    link.weight = weight - epsilon;
    const below = network.errorOf(inputs, expected);
    link.weight = weight;
    const numerical = (above - below) / (2 * epsilon);
    const scale = Math.max(Math.abs(backprop[k]), Math.abs(numerical));
    const relativeError = scale === 0 ? 0 : Math.abs(backprop[k] - numerical) / scale;
    return { link, backprop: backprop[k], numerical, relativeError };
  });
}
