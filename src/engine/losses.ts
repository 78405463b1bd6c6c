/**
 * The two ways the network measures how wrong it was, and the softmax that turns the
 * output layer's sums into probabilities for the second.
 */
import type { Neuron } from "./neuron";
import type { LossName } from "./types";

/** E for the output layer's current values. */
export function errorFor(loss: LossName, outputs: readonly Neuron[], expected: readonly number[]): number {
  let error = 0;
  if (loss === "squaredError") {
    // E = ½ Σ (actual − expected)²
    for (let i = 0; i < outputs.length; i++) {
      const difference = outputs[i].value - expected[i];
      error += difference * difference;
    }
    return error / 2;
  }
  // Cross-entropy E = −Σ expected × log(softmax), with log(softmax) = sum − log Σ exp(sum).
  let max = -Infinity;
  for (const neuron of outputs) max = Math.max(max, neuron.sum);
  let total = 0;
  for (const neuron of outputs) total += Math.exp(neuron.sum - max);
  const logTotal = Math.log(total);
  for (let i = 0; i < outputs.length; i++) {
    if (expected[i] !== 0) error -= expected[i] * (outputs[i].sum - max - logTotal);
  }
  return error;
}

/** Turns the output sums into probabilities: exp(sum) / Σ exp(sum), computed stably. */
export function softmax(outputs: readonly Neuron[]): void {
  let max = -Infinity;
  for (const neuron of outputs) max = Math.max(max, neuron.sum);
  let total = 0;
  for (const neuron of outputs) total += Math.exp(neuron.sum - max);
  for (const neuron of outputs) neuron.value = Math.exp(neuron.sum - max) / total;
}
