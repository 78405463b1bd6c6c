/**
 * Finite-difference checks of `learn`: for every activation, both losses, several
 * shapes (one with three hidden layers) and several seeds, the change `learn` makes
 * to each weight must equal −trainingRate × ∂E/∂w, where ∂E/∂w is measured by
 * nudging that weight on an independent reference forward pass *before* the step.
 * The training rate is large (3), so a link that sent its sensitivity back with its
 * new weight instead of its old one would be off by far more than the tolerance
 * (the last test proves this by planting exactly that bug).
 */
import { describe, expect, it } from "vitest";
import { Link, Network, type ActivationName, type LossName } from "lernmi";
import { lcg, numericalGradient, referencePass } from "./engine-helpers";

const RATE = 3;
const activations: ActivationName[] = ["sigmoid", "tanh", "relu", "leakyRelu", "linear"];
const losses: LossName[] = ["squaredError", "softmaxCrossEntropy"];
const shapes = [
  [2, 3, 2],
  [3, 5, 4, 3],
  [2, 4, 3, 5, 3], // three hidden layers
];
// (Seed 2 gives a [2, 3, 2] ReLU network whose outputs are dead for every input: nothing to check.)
const seeds = [1, 3, 4];

/**
 * A sample whose pre-activation sums all stay clear of ReLU's kink at 0, and for
 * which a good share of the weights really move (ReLU layers can be dead for a sample).
 */
function sampleFor(net: Network, shape: number[], loss: LossName, activation: ActivationName, seed: number) {
  const json = net.toJSON();
  for (let attempt = 0; attempt < 50; attempt++) {
    const random = lcg(seed * 1000 + attempt);
    const input = shape.slice(0, 1).flatMap((n) => Array.from({ length: n }, () => random() * 2 - 1));
    const outputs = shape[shape.length - 1];
    let expected: number[];
    if (loss === "softmaxCrossEntropy") {
      expected = Array.from({ length: outputs }, () => 0);
      expected[Math.floor(random() * outputs)] = 1;
    } else if (activation === "sigmoid") {
      expected = Array.from({ length: outputs }, () => random());
    } else {
      expected = Array.from({ length: outputs }, () => random() * 2 - 1);
    }
    const { sums } = referencePass(json, json.weights, input, expected);
    const closest = Math.min(...sums.flat().map(Math.abs));
    // Nudges are 1e-6 on weights whose inputs are at most ~3 in size: a margin of 1e-3
    // keeps every nudged sum on the same side of the kink, so the slope is well defined.
    if (closest <= 1e-3) continue;
    const moving = numericalGradient(json, input, expected).filter((g) => Math.abs(RATE * g) > 1e-4).length;
    if (moving > net.links.length / 4) return { input, expected };
  }
  throw new Error("no sample clear of the kink with live gradients: pick other seeds");
}

describe("learn moves every weight by −trainingRate × ∂E/∂w (finite differences)", () => {
  for (const loss of losses) {
    for (const activation of activations) {
      for (const shape of shapes) {
        for (const seed of seeds) {
          it(`${loss}, ${activation}, [${shape}], seed ${seed}`, () => {
            const net = new Network(shape, { activation, loss, trainingRate: RATE, seed });
            const { input, expected } = sampleFor(net, shape, loss, activation, seed);
            const before = net.toJSON();
            const oldWeights = net.links.map((link) => link.weight);
            const gradient = numericalGradient(before, input, expected);
            const reference = referencePass(before, before.weights, input, expected);

            const error = net.learn(input, expected);

            expect(error).toBeCloseTo(reference.error, 12);
            // Output neurons: sensitivity = actual − expected (also for softmax + cross-entropy).
            net.outputs.forEach((neuron, i) => {
              expect(neuron.sensitivity).toBeCloseTo(reference.outputs[i] - expected[i], 12);
            });
            let nonZero = 0;
            net.links.forEach((link, k) => {
              const wanted = -RATE * gradient[k];
              const tolerance = 1e-7 + 1e-6 * Math.abs(wanted);
              expect(Math.abs(link.weightChange - wanted), `link ${k}: ${link.weightChange} vs ${wanted}`).toBeLessThan(tolerance);
              expect(link.weight).toBe(oldWeights[k] + link.weightChange);
              if (Math.abs(wanted) > 1e-4) nonZero++;
            });
            // The check means something only if some weights really move.
            expect(nonZero).toBeGreaterThan(net.links.length / 4);
          });
        }
      }
    }
  }

  it("would catch a link that sends its sensitivity back with its new weight", () => {
    const original = Link.prototype.backpropagate;
    // The planted bug: move the weight first, then send blame back with the new weight.
    Link.prototype.backpropagate = function (this: Link, trainingRate: number) {
      const outputSensitivity = this.outputSensitivity;
      this.changeWeight(-trainingRate * outputSensitivity * this.from.value);
      this.sendBack(outputSensitivity);
    };
    try {
      const net = new Network([2, 4, 3, 5, 3], { activation: "tanh", trainingRate: RATE, seed: 1 });
      const input = [0.3, -0.7];
      const expected = [0.5, -0.5, 0.25];
      const gradient = numericalGradient(net.toJSON(), input, expected);
      net.learn(input, expected);
      const worst = Math.max(...net.links.map((link, k) => Math.abs(link.weightChange + RATE * gradient[k])));
      expect(worst).toBeGreaterThan(1e-3); // far beyond the 1e-7 tolerance used above
    } finally {
      Link.prototype.backpropagate = original;
    }
  });
});
