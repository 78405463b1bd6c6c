import { checkOptions } from "./checks";
import type { Link } from "./link";
import type { Network } from "./network";

export interface GradientCheckEntry {
  link: Link;
  /** ∂E/∂weight from the sensitivities: outputSensitivity × input. */
  backprop: number;
  /** The slope measured by nudging: (E(w + h) − E(w − h)) / 2h. */
  numerical: number;
  /**
   * |backprop − numerical| / max(|backprop|, |numerical|);
   * 0 when both are 0.
   */
  relativeError: number;
}

export interface GradientCheckOptions {
  /** How far each weight is nudged either way. Default 1e-5. */
  epsilon?: number;
}

/**
 * Checks backpropagation against nudge-and-measure, link by link, on
 * one sample. The network's weights are left exactly as they were.
 */
export function gradientCheck(
  network: Network,
  inputs: readonly number[],
  expected: readonly number[],
  options: GradientCheckOptions | number = {},
): GradientCheckEntry[] {
  const epsilon = readEpsilon(options);
  const backprop = network.gradients(inputs, expected);
  return network.links.map((link, k) => {
    const weight = link.weight;
    link.weight = weight + epsilon;
    const above = network.errorOf(inputs, expected);
    link.weight = weight - epsilon;
    const below = network.errorOf(inputs, expected);
    link.weight = weight;
    const numerical = (above - below) / (2 * epsilon);
    const difference = Math.abs(backprop[k] - numerical);
    const scale = Math.max(Math.abs(backprop[k]), Math.abs(numerical));
    const relativeError = scale === 0 ? 0 : difference / scale;
    return { link, backprop: backprop[k], numerical, relativeError };
  });
}

function readEpsilon(options: GradientCheckOptions | number): number {
  const { epsilon = 1e-5 } =
    typeof options === "number"
      ? { epsilon: options }
      : checkOptions("gradientCheck", options, ["epsilon"]);
  if (
    typeof epsilon !== "number" ||
    !(epsilon > 0) ||
    !Number.isFinite(epsilon)
  ) {
    throw new Error(
      "gradientCheck: epsilon must be a small positive number such as " +
        `1e-5; received ${String(epsilon)}`,
    );
  }
  return epsilon;
}
