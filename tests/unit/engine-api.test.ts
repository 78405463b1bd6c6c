import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Link, Network, Neuron, Random, datasets, gradientCheck, type TraceEvent } from "lernmi";

describe("determinism", () => {
  it("same seed, same weights; another seed, other weights", () => {
    const a = new Network([3, 4, 2], { seed: 11 });
    const b = new Network([3, 4, 2], { seed: 11 });
    const c = new Network([3, 4, 2], { seed: 12 });
    expect(a.toJSON().weights).toEqual(b.toJSON().weights);
    expect(a.toJSON().weights).not.toEqual(c.toJSON().weights);
  });

  it("same seed, same training run, shuffling included", () => {
    const samples = datasets.circle({ count: 60, seed: 5 });
    const run = () => {
      const net = new Network([2, 5, 1], { activation: "tanh", trainingRate: 0.2, seed: 3 });
      const history = net.train(samples, { epochs: 5, batchSize: 3 });
      return { history, json: net.toJSON() };
    };
    expect(run()).toEqual(run());
  });

  it("the generator is the documented mulberry32, so other engines can reproduce it", () => {
    // Reference mulberry32 (written out independently of src/engine/random.ts), state 0.
    let state = 0;
    const next = () => {
      let t = (state = (state + 0x6d2b79f5) >>> 0);
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const random = new Random(0);
    state = random.state;
    for (let i = 0; i < 5; i++) expect(random.next()).toBe(next());
  });

  it("initialises in ±0.5 by default; Xavier and He use their own ranges and start biases at 0", () => {
    const uniform = new Network([10, 20, 5], { seed: 2 });
    expect(Math.max(...uniform.links.map((l) => Math.abs(l.weight)))).toBeLessThanOrEqual(0.5);
    expect(uniform.links.filter((l) => l.from.isBias).some((l) => l.weight !== 0)).toBe(true);
    const xavier = new Network([10, 20, 5], { seed: 2, init: "xavier" });
    const he = new Network([10, 20, 5], { seed: 2, init: "he" });
    for (const [net, limit0, limit1] of [
      [xavier, Math.sqrt(6 / 30), Math.sqrt(6 / 25)],
      [he, Math.sqrt(6 / 10), Math.sqrt(6 / 20)],
    ] as const) {
      const first = net.links.filter((l) => !l.from.isBias && net.layers[1].includes(l.to));
      const second = net.links.filter((l) => !l.from.isBias && net.layers[2].includes(l.to));
      expect(Math.max(...first.map((l) => Math.abs(l.weight)))).toBeLessThanOrEqual(limit0);
      expect(Math.max(...first.map((l) => Math.abs(l.weight)))).toBeGreaterThan(limit0 * 0.8);
      expect(Math.max(...second.map((l) => Math.abs(l.weight)))).toBeLessThanOrEqual(limit1);
      expect(net.links.filter((l) => l.from.isBias).every((l) => l.weight === 0)).toBe(true);
    }
  });
});

describe("structure", () => {
  it("layers list neurons input first, without bias neurons; links include the bias links", () => {
    const net = new Network([2, 3, 1]);
    expect(net.layers.map((layer) => layer.length)).toEqual([2, 3, 1]);
    expect(net.links.length).toBe((2 + 1) * 3 + (3 + 1) * 1);
    expect(net.layers.flat().some((n) => n.isBias)).toBe(false);
    const biasLinks = net.links.filter((l) => l.from.isBias);
    expect(biasLinks.length).toBe(4);
    for (const link of net.links) {
      expect(link.to.inputs).toContain(link);
      expect(link.from.outputs).toContain(link);
    }
  });

  it("weight is read/write and propagate sees the change", () => {
    const net = new Network([1, 1], { activation: "linear" });
    net.links[0].weight = 2;
    net.links[1].weight = 0.5; // bias
    expect(net.propagate([3])).toEqual([6.5]);
  });

  it("a link wired by hand into a network's neuron joins its sum, and the network's own links stay as they were", () => {
    const net = new Network([2, 3, 1], { seed: 4 });
    const [a, b] = net.layers[1];
    const extra = new Neuron("linear", "extra");
    extra.value = 2;
    const before = net.propagate([0.5, 0.5]);
    const link = new Link(extra, a, 0.25);
    expect(a.inputs.at(-1)).toBe(link);
    expect(extra.outputs).toEqual([link]);
    net.propagate([0.5, 0.5]);
    expect(a.sum).toBeCloseTo(a.inputs.slice(0, 3).reduce((t, l) => t + l.from.value * l.weight, 0) + 2 * 0.25, 14);
    expect(net.propagate([0.5, 0.5])).not.toEqual(before);
    expect(b.inputs.length).toBe(3);
    expect(net.links).not.toContain(link);
  });
});

describe("JSON", () => {
  it("round-trips exactly, through a string, and keeps training identically", () => {
    const samples = datasets.spiral({ count: 40, seed: 2 });
    const net = new Network([2, 6, 4, 1], { activation: "leakyRelu", outputActivation: "sigmoid", trainingRate: 0.05, seed: 9, init: "he" });
    net.train(samples, { epochs: 3 });
    const copy = Network.fromJSON(JSON.stringify(net));
    expect(copy.toJSON()).toEqual(net.toJSON());
    for (const { input } of samples) expect(copy.propagate(input)).toEqual(net.propagate(input));
    net.train(samples, { epochs: 2 });
    copy.train(samples, { epochs: 2 });
    expect(copy.toJSON()).toEqual(net.toJSON());
  });

  it("round-trips a softmax + cross-entropy network, recording no output activation", () => {
    const samples = datasets.circle({ count: 30, seed: 6, oneHot: true });
    const net = new Network([2, 3, 2], { activation: "tanh", loss: "softmaxCrossEntropy", seed: 4 });
    net.train(samples, { epochs: 2 });
    const json = net.toJSON();
    expect("outputActivation" in json).toBe(false);
    expect(JSON.stringify(net)).not.toContain("outputActivation");
    const copy = Network.fromJSON(JSON.stringify(net));
    expect(copy.toJSON()).toEqual(json);
    expect(Object.keys(copy.toJSON())).toEqual(Object.keys(json));
    for (const { input } of samples) expect(copy.propagate(input)).toEqual(net.propagate(input));
    net.train(samples, { epochs: 2 });
    copy.train(samples, { epochs: 2 });
    expect(copy.toJSON()).toEqual(net.toJSON());
  });

  it("still reads softmax networks saved with the hidden activation as outputActivation", () => {
    const net = new Network([2, 3, 2], { activation: "tanh", loss: "softmaxCrossEntropy", seed: 4 });
    const old = { ...net.toJSON(), outputActivation: "tanh" as const };
    const copy = Network.fromJSON(JSON.stringify(old));
    expect(copy.toJSON()).toEqual(net.toJSON());
    expect(copy.propagate([0.3, -0.2])).toEqual(net.propagate([0.3, -0.2]));
  });

  it("keeps recording the output activation of a squared-error network", () => {
    const json = new Network([2, 3, 1], { activation: "tanh", outputActivation: "sigmoid" }).toJSON();
    expect(json.outputActivation).toBe("sigmoid");
    expect(new Network([2, 1], { activation: "relu" }).toJSON().outputActivation).toBe("relu");
  });

  it("refuses JSON of the wrong shape, naming what it expected", () => {
    const json = new Network([2, 2, 1]).toJSON();
    json.weights[1][0] = [1, 2];
    expect(() => Network.fromJSON(json)).toThrow(/expected weights\[1\]\[0\] to hold 3 numbers; received \[1, 2\]/);
    expect(() => Network.fromJSON({} as never)).toThrow(/format "lernmi-network"/);
  });
});

describe("misuse errors name what was expected and what came", () => {
  const net = new Network([2, 3, 1]);
  it.each([
    [() => new Network([]), /at least 2 positive integers.*received \[\]/],
    [() => new Network([4]), /at least 2 positive integers.*received \[4\]/],
    [() => new Network([2, 0, 1]), /layer 1 size must be a positive integer; received 0/],
    [() => new Network([2, 2.5, 1]), /layer 1 size must be a positive integer; received 2.5/],
    [() => new Network([2, -3]), /layer 1 size must be a positive integer; received -3/],
    [() => new Network(["2", 1] as never), /layer 0 size must be a positive integer; received "2"/],
    [() => new Network([2, 1], { activation: "sigmod" as never }), /unknown activation "sigmod"; expected one of "sigmoid", "tanh", "relu", "leakyRelu", "linear"/],
    [() => new Network([2, 1], { outputActivation: "softmax" as never }), /unknown activation "softmax"; expected one of/],
    [() => new Network([2, 1], { loss: "mse" as never }), /unknown loss "mse"; expected one of "squaredError", "softmaxCrossEntropy"/],
    [() => new Network([2, 1], { init: "glorot" as never }), /unknown init "glorot"; expected one of "uniform", "xavier", "he"/],
    [() => new Network([2, 1], { trainingRate: -1 }), /trainingRate must be a positive finite number; received -1/],
    [() => new Network([2, 2], { loss: "softmaxCrossEntropy", outputActivation: "sigmoid" }), /outputActivation must be left out/],
    [() => net.propagate([1, 2, 3]), /expected 2 inputs \(one per input neuron\); received 3/],
    [() => net.propagate([1]), /expected 2 inputs \(one per input neuron\); received 1/],
    [() => net.propagate("12" as never), /expected 2 inputs \(an array of numbers\); received "12"/],
    [() => net.learn([1, 2], [1, 0]), /expected 1 expected value \(one per output neuron\); received 2/],
    [() => net.learn([1, 2], []), /expected 1 expected value \(one per output neuron\); received 0/],
    [() => net.propagate([1, NaN]), /input 1 must be a finite number; received NaN/],
    [() => net.propagate([Infinity, 0]), /input 0 must be a finite number; received Infinity/],
    [() => net.learn([1, 2], [NaN]), /expected value 0 must be a finite number; received NaN/],
    [() => net.train([{ input: [1], expected: [1] }]), /train: sample 0: expected 2 inputs \(one per input neuron\); received 1/],
    [() => net.train([{ input: [1, 2], expected: [1] }], { epochs: 1.5 }), /epochs must be an integer of at least 0; received 1.5/],
    [() => net.train([{ input: [1, 2], expected: [1] }], { batchSize: 0 }), /batchSize must be an integer of at least 1; received 0/],
    [() => net.evaluate([{ input: [1, 2], expected: [1, 1] }]), /evaluate: sample 0: expected 1 expected value/],
  ])("%#", (misuse, message) => {
    expect(misuse).toThrow(Error);
    expect(misuse).toThrow(message);
  });

  it("refuses a network too large for the page before allocating it", () => {
    const started = performance.now();
    expect(() => new Network([784, 10000, 10000])).toThrow(
      /network too large: layer sizes \[784, 10000, 10000\] need 107,860,000 links; expected at most 1,000,000/,
    );
    // Building 108 million links would take minutes; refusing them takes no time at all.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(() => new Network([1000, 999])).not.toThrow(); // 999,999 links is allowed
    expect(() => new Network([1000, 1000])).toThrow(/need 1,001,000 links; expected at most 1,000,000/);
    const deep = Array.from({ length: 60_001 }, () => 2); // few links per layer, but 120,002 neurons
    expect(() => new Network(deep)).toThrow(/network too large: layer sizes need 120,002 neurons; expected at most 100,000/);
  });

  it("stops a diverging run, naming the step and suggesting a smaller training rate", () => {
    const samples = datasets.gauss({ count: 20, seed: 1 }).map((s) => ({ input: s.input.map((x) => x * 10), expected: s.expected }));
    const net = new Network([2, 4, 1], { activation: "linear", trainingRate: 5, seed: 1 });
    let message = "";
    try {
      net.train(samples, { epochs: 50 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^diverged at step \d+: the error became (NaN|Infinity); try a smaller trainingRate than 5$/);
    const step = Number(/step (\d+)/.exec(message)![1]);
    expect(step).toBe(net.step + 1); // the step that failed; the weights are those before it
    expect(step).toBeGreaterThan(1);
  });

  it("stops a diverging mini-batch run too", () => {
    const samples = datasets.gauss({ count: 20, seed: 1 }).map((s) => ({ input: s.input.map((x) => x * 10), expected: s.expected }));
    const net = new Network([2, 4, 1], { activation: "linear", trainingRate: 20, seed: 1 });
    expect(() => net.train(samples, { epochs: 50, batchSize: 5 })).toThrow(/diverged (at|by) step \d+: .*try a smaller trainingRate than 20/);
  });
});

describe("trace", () => {
  it("reports every forward and backward event in order, and nothing after unsubscribing", () => {
    const net = new Network([2, 2, 1], { activation: "tanh", trainingRate: 0.5, seed: 3 });
    const before = net.links.map((l) => l.weight);
    const events: TraceEvent[] = [];
    const stop = net.onTrace((event) => events.push(event));
    net.learn([0.5, -1], [1]);
    const kinds = events.map((e) => e.type);
    // Forward: 2 inputs; each hidden neuron: 3 carries then activate; the output the same; the error.
    expect(kinds.slice(0, 11)).toEqual([
      "input", "input",
      "carry", "carry", "carry", "activate",
      "carry", "carry", "carry", "activate",
      "carry", "carry", "carry", "activate",
      "error",
    ].slice(0, 11));
    expect(kinds.filter((k) => k === "carry").length).toBe(net.links.length);
    expect(kinds.indexOf("error")).toBe(14);
    // Backward: each neuron announces its sensitivity, then each of its links
    // reports its output sensitivity, what it sent back, and its weight change.
    const backward = kinds.slice(15);
    expect(backward).toEqual([
      "sensitivity", ...Array(3).fill(["outputSensitivity", "sendBack", "weightChange"]).flat(),
      "sensitivity", ...Array(3).fill(["outputSensitivity", "sendBack", "weightChange"]).flat(),
      "sensitivity", ...Array(3).fill(["outputSensitivity", "sendBack", "weightChange"]).flat(),
    ]);
    expect((events[15] as { neuron: unknown }).neuron).toBe(net.outputs[0]);
    for (const event of events) {
      if (event.type === "sendBack") {
        const k = net.links.indexOf(event.link);
        expect(event.weight).toBe(before[k]); // blame goes back with the old weight
        expect(event.sensitivity).toBe(event.link.outputSensitivity * before[k]);
      }
      if (event.type === "weightChange") expect(event.weight).toBe(event.link.weight);
      if (event.type === "carry") expect(event.value).toBe(event.link.from.value * before[net.links.indexOf(event.link)]);
    }
    stop();
    const count = events.length;
    net.learn([0.5, -1], [1]);
    expect(events.length).toBe(count);
  });

  it("listening changes no number, one sample at a time", () => {
    const quiet = new Network([2, 4, 3, 1], { activation: "tanh", seed: 9, trainingRate: 0.7 });
    const traced = quiet.clone();
    traced.onTrace(() => {});
    const samples = datasets.spiral({ count: 40, seed: 2, labels: [-1, 1] });
    const a = quiet.train(samples, { epochs: 5 });
    const b = traced.train(samples, { epochs: 5 });
    expect(b).toEqual(a);
    expect(traced.toJSON()).toEqual(quiet.toJSON());
    expect(traced.links.map((l) => l.weightChange)).toEqual(quiet.links.map((l) => l.weightChange));
  });

  it("listening changes no number", () => {
    const samples = datasets.xor();
    const quiet = new Network([2, 3, 1], { seed: 5, trainingRate: 1 });
    const traced = new Network([2, 3, 1], { seed: 5, trainingRate: 1 });
    let seen = 0;
    traced.onTrace(() => seen++);
    quiet.train(samples, { epochs: 20, batchSize: 2 });
    traced.train(samples, { epochs: 20, batchSize: 2 });
    expect(traced.toJSON()).toEqual(quiet.toJSON());
    expect(seen).toBeGreaterThan(1000);
  });
});

describe("training", () => {
  it("batchSize 1 without shuffling is exactly a sequence of learn calls", () => {
    const samples = datasets.circle({ count: 30, seed: 3 });
    const a = new Network([2, 4, 1], { activation: "tanh", trainingRate: 0.3, seed: 8 });
    const b = a.clone();
    a.train(samples, { epochs: 3, shuffle: false });
    for (let e = 0; e < 3; e++) for (const s of samples) b.learn(s.input, s.expected);
    expect(a.toJSON().weights).toEqual(b.toJSON().weights);
  });

  it("a mini-batch moves each weight by −rate × the batch's average gradient", () => {
    const samples = datasets.xor();
    const net = new Network([2, 3, 1], { activation: "tanh", trainingRate: 0.7, seed: 2 });
    const probe = net.clone();
    const sum = probe.links.map(() => 0);
    for (const s of samples) probe.gradients(s.input, s.expected).forEach((g, k) => (sum[k] += g));
    const before = net.links.map((l) => l.weight);
    net.train(samples, { epochs: 1, batchSize: 4, shuffle: false });
    net.links.forEach((link, k) => expect(link.weight).toBeCloseTo(before[k] - 0.7 * (sum[k] / 4), 14));
    expect(net.step).toBe(1);
  });

  it("shuffles with the network's seed, keeps a history, and onEpoch can stop early", () => {
    const samples = datasets.gauss({ count: 40, seed: 1 });
    const net = new Network([2, 3, 1], { seed: 1, trainingRate: 0.5 });
    const seen: number[] = [];
    const history = net.train(samples, {
      epochs: 10,
      onEpoch: (record) => {
        seen.push(record.epoch);
        return record.epoch < 4;
      },
    });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(history.map((r) => r.epoch)).toEqual([1, 2, 3, 4]);
    expect(history[3].step).toBe(160);
    expect(history[3].error).toBeLessThan(history[0].error);
    const unshuffled = new Network([2, 3, 1], { seed: 1, trainingRate: 0.5 });
    unshuffled.train(samples, { epochs: 4, shuffle: false });
    expect(unshuffled.toJSON().weights).not.toEqual(net.toJSON().weights);
  });

  it("learns XOR from a fixed seed", () => {
    const samples = datasets.xor();
    const net = new Network([2, 3, 1], { activation: "tanh", outputActivation: "sigmoid", trainingRate: 0.5, seed: 7 });
    const history = net.train(samples, { epochs: 1500 });
    const result = net.evaluate(samples);
    expect(result.accuracy).toBe(1);
    expect(result.error).toBeLessThan(0.01);
    expect(history[history.length - 1].error).toBeLessThan(history[0].error / 10);
  });

  it("learns two circles from a fixed seed, and generalises to fresh points", () => {
    const train = datasets.circle({ count: 200, noise: 0.05, seed: 1, labels: [-1, 1] });
    const test = datasets.circle({ count: 200, noise: 0.05, seed: 2, labels: [-1, 1] });
    const net = new Network([2, 8, 1], { activation: "tanh", trainingRate: 0.05, seed: 3 });
    const untrained = net.evaluate(test).accuracy;
    net.train(train, { epochs: 150, batchSize: 1 });
    expect(untrained).toBeLessThan(0.8);
    expect(net.evaluate(train).accuracy).toBeGreaterThanOrEqual(0.97);
    expect(net.evaluate(test).accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("classifies two circles with softmax + cross-entropy", () => {
    const train = datasets.circle({ count: 200, seed: 1, oneHot: true });
    const net = new Network([2, 8, 2], { activation: "tanh", loss: "softmaxCrossEntropy", trainingRate: 0.1, seed: 3 });
    net.train(train, { epochs: 150, batchSize: 4 });
    const outputs = net.propagate(train[0].input);
    expect(outputs[0] + outputs[1]).toBeCloseTo(1, 15);
    expect(net.evaluate(train).accuracy).toBeGreaterThanOrEqual(0.97);
  });
});

describe("evaluate", () => {
  it("gives accuracy for classification only", () => {
    const net = new Network([1, 1], { activation: "linear", seed: 1 });
    net.links[0].weight = 1;
    net.links[1].weight = 0;
    // Outputs equal the inputs. Labels 0/1: predictions 0.2 → 0, 0.9 → 1, 0.6 → 1 (2 of 3 right).
    const binary = net.evaluate([
      { input: [0.2], expected: [0] },
      { input: [0.9], expected: [1] },
      { input: [0.6], expected: [0] },
    ]);
    expect(binary.accuracy).toBeCloseTo(2 / 3, 15);
    // Errors ½(0.2)², ½(0.1)², ½(0.6)²: mean (0.02 + 0.005 + 0.18) / 3.
    expect(binary.error).toBeCloseTo((0.02 + 0.005 + 0.18) / 3, 15);
    const regression = net.evaluate([0.1, 0.5, 0.7].map((x) => ({ input: [x], expected: [x * 2] })));
    expect(regression.accuracy).toBeUndefined();
  });
});

describe("gradientCheck", () => {
  it("agrees with backprop on every link and leaves the network as it was", () => {
    const net = new Network([3, 4, 4, 2], { activation: "sigmoid", seed: 6 });
    const before = net.toJSON();
    const report = gradientCheck(net, [0.2, -0.4, 0.9], [1, 0]);
    expect(report.length).toBe(net.links.length);
    expect(report[0].link).toBe(net.links[0]);
    for (const entry of report) {
      // Relative error is meaningless for a gradient near 0 (the nudge's rounding
      // dominates), so tiny gradients are held to an absolute bound instead.
      const absolute = Math.abs(entry.backprop - entry.numerical);
      expect(entry.relativeError < 1e-6 || absolute < 1e-10, `${entry.backprop} vs ${entry.numerical}`).toBe(true);
    }
    expect(report.filter((e) => e.relativeError < 1e-6).length).toBeGreaterThan(report.length * 0.8);
    expect(net.toJSON()).toEqual(before);
  });

  it("shows a large relative error when a weight's gradient is wrong", () => {
    const net = new Network([2, 2, 1], { activation: "tanh", seed: 6 });
    const original = net.gradients.bind(net);
    net.gradients = (i, e) => original(i, e).map((g, k) => (k === 0 ? g * 1.5 : g));
    const report = gradientCheck(net, [0.3, 0.6], [0.5]);
    expect(report[0].relativeError).toBeGreaterThan(0.3);
    expect(report[1].relativeError).toBeLessThan(1e-6);
  });
});

describe("datasets", () => {
  it("are seeded, sized, and labelled as asked", () => {
    for (const make of [datasets.circle, datasets.gauss, datasets.spiral]) {
      expect(make({ count: 50, seed: 3 })).toEqual(make({ count: 50, seed: 3 }));
      expect(make({ count: 50, seed: 3, noise: 0.1 })).not.toEqual(make({ count: 50, seed: 4, noise: 0.1 }));
      const samples = make({ count: 51, labels: [-1, 1] });
      expect(samples.length).toBe(51);
      expect(new Set(samples.map((s) => s.expected[0]))).toEqual(new Set([-1, 1]));
      expect(make({ count: 4, oneHot: true }).map((s) => s.expected)).toEqual([[0, 1], [1, 0], [0, 1], [1, 0]]);
    }
    expect(() => datasets.circle({ count: 0 })).toThrow(/count must be a positive integer; received 0/);
  });

  it("xor is the truth table, or scattered corners with a count", () => {
    expect(datasets.xor().map((s) => [...s.input, s.expected[0]])).toEqual([[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]);
    for (const { input: [x, y], expected } of datasets.xor({ count: 100, seed: 2 })) {
      expect(expected[0]).toBe(x * y < 0 ? 1 : 0);
    }
  });

  it("two circles: the inner disc is positive, the ring negative", () => {
    for (const { input: [x, y], expected } of datasets.circle({ count: 100 })) {
      expect(Math.hypot(x, y) < 0.6).toBe(expected[0] === 1);
    }
  });
});

describe("the engine stands alone", () => {
  const dir = join(__dirname, "../../src/engine");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
  it.each(files)("%s imports only engine and dataset modules, and uses no Math.random, DOM or Node API", (file) => {
    const source = readFileSync(join(dir, file), "utf8");
    for (const [, path] of source.matchAll(/from\s+"([^"]+)"/g)) expect(path).toMatch(/^\.\.?\/(?!.*(pages|layouts|runner|components))/);
    expect(source).not.toMatch(/Math\.random|\bdocument\.|\bwindow\.|\bprocess\.|require\(|node:/);
  });
});

describe("options are checked", () => {
  it("an unknown Network option names itself, the nearest known one and all of them", () => {
    expect(() => new Network([2, 2, 1], { activaton: "tanh" } as never)).toThrow(
      'new Network: unknown option "activaton" (did you mean activation?); known options: activation, outputActivation, loss, trainingRate, seed, init',
    );
    expect(() => new Network([2, 1], { learningRate: 0.5 } as never)).toThrow(/unknown option "learningRate" \(did you mean trainingRate\?\)/);
  });

  it("a key far from every known one gets no guess", () => {
    expect(() => new Network([2, 1], { colour: "blue" } as never)).toThrow(/new Network: unknown option "colour"; known options: activation,/);
  });

  it("train, gradientCheck, datasets and new Neuron check theirs too", () => {
    const net = new Network([2, 2, 1]);
    expect(() => net.train(datasets.xor(), { epoch: 3 } as never)).toThrow(/train: unknown option "epoch" \(did you mean epochs\?\)/);
    expect(() => gradientCheck(net, [0, 1], [1], { epsilom: 1e-4 } as never)).toThrow(/gradientCheck: unknown option "epsilom" \(did you mean epsilon\?\)/);
    expect(() => datasets.spiral({ cont: 10 } as never)).toThrow(/datasets.spiral: unknown option "cont" \(did you mean count\?\)/);
    expect(() => datasets.xor({ sed: 2 } as never)).toThrow(/datasets.xor: unknown option "sed" \(did you mean seed\?\)/);
    expect(() => new Neuron({ activaton: "tanh" } as never)).toThrow(/new Neuron: unknown option "activaton" \(did you mean activation\?\)/);
  });

  it("known options still work, and gradientCheck still takes a bare epsilon", () => {
    const net = new Network([2, 2, 1], { activation: "tanh", seed: 3 });
    expect(gradientCheck(net, [0, 1], [1], { epsilon: 1e-4 }).map((e) => e.backprop)).toEqual(
      gradientCheck(net, [0, 1], [1], 1e-4).map((e) => e.backprop),
    );
    expect(datasets.spiral({ count: 10, seed: 2 })).toHaveLength(10);
  });
});

describe("engine objects print readably, under any class name", () => {
  it("a network names its neurons; a link prints its ends", () => {
    const net = new Network([2, 3, 1], { activation: "tanh", seed: 7 });
    net.propagate([0, 1]);
    expect(net.layers.map((layer) => layer.map((n) => n.name))).toEqual([["in[0]", "in[1]"], ["h1[0]", "h1[1]", "h1[2]"], ["out[0]"]]);
    const out = net.outputs[0];
    expect(String(out)).toBe(`Neuron(out[0], tanh, value=${Number(out.value.toPrecision(6))}, sensitivity=0)`);
    expect(String(net.links[0])).toMatch(/^Link\(in\[0\] → h1\[0\], weight=-?0\.\d{1,6}\)$/);
    expect(String(net.links[2])).toMatch(/^Link\(bias → h1\[0\], weight=/);
    expect(String(net)).toBe("Network(2-3-1, tanh, trainingRate=0.1, seed=7, 13 links)");
    expect(Object.prototype.toString.call(out)).toBe("[object Neuron]");
    expect(Object.prototype.toString.call(net.links[0])).toBe("[object Link]");
    expect(Object.prototype.toString.call(net)).toBe("[object Network]");
  });

  it("a hand-wired neuron may be named, by a second argument or an options object", () => {
    const x = new Neuron("linear", "x");
    const y = new Neuron({ activation: "sigmoid", name: "y" });
    const link = new Link(x, y, 1.5);
    x.value = 1;
    y.activate();
    expect(String(link)).toBe("Link(x → y, weight=1.5)");
    expect(String(y)).toBe("Neuron(y, sigmoid, value=0.817574, sensitivity=0)");
    expect(String(new Link(new Neuron(), new Neuron("tanh"), -0.4))).toBe("Link(sigmoid neuron → tanh neuron, weight=-0.4)");
  });

  it("a softmax network and a network with two activations say so", () => {
    expect(String(new Network([4, 3, 2], { loss: "softmaxCrossEntropy", seed: 1 }))).toBe(
      "Network(4-3-2, sigmoid → softmax, trainingRate=0.1, seed=1, 23 links)",
    );
    expect(String(new Network([2, 1], { activation: "relu", outputActivation: "linear" }))).toBe(
      "Network(2-1, relu → linear, trainingRate=0.1, seed=1, 3 links)",
    );
  });
});
