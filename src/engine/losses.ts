/**
 * The two ways a network measures how wrong it was, and the softmax that turns the
 * output layer's sums into probabilities for the second. They work on plain lists of
 * numbers, so the Neuron/Link network and the fast path share one definition.
 */

/** E = ½ Σ (actual − expected)². The ½ cancels the 2 of the square's slope: ∂E/∂actual = actual − expected. */
export function squaredError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let error = 0;
  for (let i = 0; i < actual.length; i++) {
    const difference = actual[i] - expected[i];
    error += difference * difference;
  }
  return error / 2;
}

/**
 * E = −Σ expected × log(softmax(sums)), computed from the sums, with
 * log(softmax) = sum − max − log Σ exp(sum − max), so that no exp overflows.
 */
export function crossEntropy(sums: ArrayLike<number>, expected: ArrayLike<number>): number {
  const max = largest(sums);
  let total = 0;
  for (let i = 0; i < sums.length; i++) total += Math.exp(sums[i] - max);
  const logTotal = Math.log(total);
  let error = 0;
  for (let i = 0; i < sums.length; i++) {
    if (expected[i] !== 0) error -= expected[i] * (sums[i] - max - logTotal);
  }
  return error;
}

/** Writes exp(sum) / Σ exp(sum) into `values`, computed stably (shifted by the largest sum). */
export function softmax(sums: ArrayLike<number>, values: { [i: number]: number }): void {
  const max = largest(sums);
  let total = 0;
  for (let i = 0; i < sums.length; i++) total += Math.exp(sums[i] - max);
  for (let i = 0; i < sums.length; i++) values[i] = Math.exp(sums[i] - max) / total;
}

function largest(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]);
  return max;
}
