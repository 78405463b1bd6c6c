/**
 * The compiled fast path (`network.compile()`, `train({ fast: true })`) must reach
 * exactly the weights the Neuron and Link objects reach: compared with toEqual on
 * the JSON (which compares every double exactly), not with a tolerance.
 */
import { describe, expect, it } from "vitest";
import { Network, datasets, type ActivationName, type LossName } from "lernmi";

const cases: [number[], ActivationName, LossName][] = [
  [[2, 8, 8, 1], "tanh", "squaredError"],
  [[2, 5, 4, 3, 1], "sigmoid", "squaredError"],
  [[2, 6, 2], "relu", "softmaxCrossEntropy"],
  [[2, 4, 4, 2], "leakyRelu", "softmaxCrossEntropy"],
  [[2, 3, 1], "linear", "squaredError"],
];

function samplesFor(outputs: number) {
  return datasets.spiral({ count: 60, noise: 0.1, seed: 3, oneHot: outputs === 2, labels: [-1, 1] });
}

describe("compiled fast path is bit-identical to the objects", () => {
  for (const [shape, activation, loss] of cases) {
    for (const batchSize of [1, 4]) {
      it(`${activation}, ${loss}, [${shape}], batchSize ${batchSize}`, () => {
        const samples = samplesFor(shape[shape.length - 1]);
        const objects = new Network(shape, { activation, loss, trainingRate: 0.05, seed: 12 });
        const fast = objects.clone();
        const a = objects.train(samples, { epochs: 4, batchSize });
        const b = fast.train(samples, { epochs: 4, batchSize, fast: true });
        expect(b).toEqual(a);
        expect(fast.toJSON()).toEqual(objects.toJSON());
        expect(fast.links.map((l) => l.weightChange)).toEqual(objects.links.map((l) => l.weightChange));
        expect(fast.step).toBe(objects.step);
      });
    }
  }

  it("CompiledNetwork.learn, step by step, matches Network.learn and returns the same errors", () => {
    const net = new Network([3, 7, 5, 2], { activation: "tanh", outputActivation: "sigmoid", trainingRate: 0.9, seed: 5 });
    const compiled = net.clone().compile();
    const samples = datasets.gauss({ count: 30, seed: 4 }).map((s) => ({ input: [...s.input, s.input[0] * s.input[1]], expected: [s.expected[0], 1 - s.expected[0]] }));
    for (const { input, expected } of samples) {
      expect(compiled.learn(input, expected)).toBe(net.learn(input, expected));
      expect(compiled.propagate(input)).toEqual(net.propagate(input));
    }
    compiled.writeWeights();
    expect(compiled.network.toJSON()).toEqual(net.toJSON());
    expect(compiled.network.links.map((l) => l.weightChange)).toEqual(net.links.map((l) => l.weightChange));
  });

  it("stops with the same divergence message, leaving the weights from before the failing step", () => {
    const samples = datasets.gauss({ count: 20, seed: 1 }).map((s) => ({ input: s.input.map((x) => x * 10), expected: s.expected }));
    const objects = new Network([2, 4, 1], { activation: "linear", trainingRate: 5, seed: 1 });
    const fast = objects.clone();
    const failure = (net: Network, options: object) => {
      try {
        net.train(samples, { epochs: 50, ...options });
      } catch (error) {
        return (error as Error).message;
      }
      return "no error";
    };
    expect(failure(fast, { fast: true })).toBe(failure(objects, {}));
    expect(fast.toJSON()).toEqual(objects.toJSON());
    expect(fast.links.map((l) => l.weightChange)).toEqual(objects.links.map((l) => l.weightChange));
  });

  it("falls back to the objects while a trace listener is subscribed, so figures still see every event", () => {
    const net = new Network([2, 3, 1], { seed: 2 });
    let events = 0;
    net.onTrace(() => events++);
    net.train(datasets.xor(), { epochs: 1, fast: true });
    expect(events).toBeGreaterThan(0);
  });

  it("the input checks still apply", () => {
    const compiled = new Network([2, 3, 1]).compile();
    expect(() => compiled.learn([1, NaN], [0])).toThrow(/input 1 must be a finite number; received NaN/);
    expect(() => compiled.learn([1], [0])).toThrow(/expected 2 inputs \(one per input neuron\); received 1/);
    expect(() => compiled.learn([1, 2], [0, 1])).toThrow(/expected 1 expected value \(one per output neuron\); received 2/);
  });
});
