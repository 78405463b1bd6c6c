/**
 * Small networks worked by hand. The expected numbers are derived in the comments
 * from the definitions (not read back from the engine).
 */
import { describe, expect, it } from "vitest";
import { Link, Network, Neuron } from "lernmi";

describe("a linear neuron, by hand", () => {
  it("one step with exact decimals", () => {
    // input x = 2 → link (w = 0.5) → output neuron (linear), bias link b = 0.25.
    const input = new Neuron("linear");
    const bias = new Neuron({ activation: "linear", isBias: true });
    const output = new Neuron("linear");
    const link = new Link(input, output, 0.5);
    const biasLink = new Link(bias, output, 0.25);
    input.value = 2;
    // Forward: sum = 2 × 0.5 + 1 × 0.25 = 1.25; linear, so value = 1.25.
    expect(output.activate()).toBe(1.25);
    // Expected 2: sensitivity = actual − expected = 1.25 − 2 = −0.75.
    output.sensitivity = output.value - 2;
    // Backward at training rate 0.1: the output sensitivity is −0.75 × 1 (linear slope).
    output.backpropagate(0.1);
    expect(link.outputSensitivity).toBe(-0.75);
    // Weight change = −0.1 × (−0.75 × 2) = 0.15 → w = 0.65; bias: −0.1 × (−0.75 × 1) = 0.075 → 0.325.
    expect(link.weightChange).toBeCloseTo(0.15, 15);
    expect(link.weight).toBeCloseTo(0.65, 15);
    expect(biasLink.weight).toBeCloseTo(0.325, 15);
    // Sent back with the old weight: −0.75 × 0.5 = −0.375 (not −0.75 × 0.65).
    expect(input.sensitivity).toBe(-0.375);
    expect(bias.value).toBe(1);
  });
});

describe("a 1-2-2 sigmoid network, one step of learn, by hand", () => {
  // x = 0.5, training rate 0.5, expected [1, 0], σ(z) = 1 / (1 + e^−z).
  // Hidden h1: weight 0.4, bias 0.1 → z1 = 0.4·0.5 + 0.1 = 0.3   → h1 = σ(0.3)  = 0.574442516811659
  // Hidden h2: weight −0.6, bias 0.2 → z2 = −0.6·0.5 + 0.2 = −0.1 → h2 = σ(−0.1) = 0.475020812521060
  // Output o1: 0.3·h1 − 0.5·h2 + 0.05 = −0.015177651217032 → o1 = 0.496205660034488
  // Output o2: −0.2·h1 + 0.7·h2 − 0.1 =  0.117626065402410 → o2 = 0.529372657749338
  // E = ½((o1 − 1)² + (o2 − 0)²) = 0.267022073876942
  // Output sensitivities: o1 − 1 = −0.503794339965512, o2 − 0 = 0.529372657749338
  // Output sensitivity of the links into o1: −0.5037943… × o1(1 − o1) = −0.125941331856319
  //                                    into o2:  0.5293726… × o2(1 − o2) =  0.131886446576430
  // Changes into o1: −0.5 × (−0.1259413…) × [h1, h2, 1] = [0.036173027821078, 0.029912376894186, 0.062970665928159]
  // Changes into o2: −0.5 × ( 0.1318864…) × [h1, h2, 1] = [−0.037880591152356, −0.031324403506626, −0.065943223288215]
  // h1's sensitivity: what its two links send back, with their OLD weights:
  //   −0.1259413… × 0.3 + 0.1318864… × (−0.2) = −0.064159688872182
  // h2's: −0.1259413… × (−0.5) + 0.1318864… × 0.7 = 0.155291178531661
  // Output sensitivities of the links into h1, h2: × h(1 − h) → −0.015684369220297, 0.038725899179113
  // Changes into h1: −0.5 × (−0.0156843…) × [0.5, 1] = [0.003921092305074, 0.007842184610149]
  // Changes into h2: −0.5 × ( 0.0387258…) × [0.5, 1] = [−0.009681474794778, −0.019362949589556]
  // The input neuron's sensitivity: −0.0156843… × 0.4 + 0.0387258… × (−0.6) = −0.029509287195587
  const net = Network.fromJSON({
    format: "lernmi-network",
    version: 1,
    layerSizes: [1, 2, 2],
    activation: "sigmoid",
    outputActivation: "sigmoid",
    loss: "squaredError",
    trainingRate: 0.5,
    seed: 1,
    init: "uniform",
    step: 0,
    randomState: 0,
    weights: [
      [[0.4, 0.1], [-0.6, 0.2]],
      [[0.3, -0.5, 0.05], [-0.2, 0.7, -0.1]],
    ],
  });

  it("forward values", () => {
    const [o1, o2] = net.propagate([0.5]);
    expect(net.layers[1][0].value).toBeCloseTo(0.574442516811659, 14);
    expect(net.layers[1][1].value).toBeCloseTo(0.47502081252106, 14);
    expect(o1).toBeCloseTo(0.496205660034488, 14);
    expect(o2).toBeCloseTo(0.529372657749338, 14);
  });

  it("learn returns E before the step and leaves the blame it used", () => {
    const error = net.learn([0.5], [1, 0]);
    expect(error).toBeCloseTo(0.267022073876942, 14);
    const [h1, h2] = net.layers[1];
    const [o1, o2] = net.layers[2];
    expect(o1.sensitivity).toBeCloseTo(-0.503794339965512, 14);
    expect(o2.sensitivity).toBeCloseTo(0.529372657749338, 14);
    expect(h1.sensitivity).toBeCloseTo(-0.064159688872182, 14);
    expect(h2.sensitivity).toBeCloseTo(0.155291178531661, 14);
    expect(net.layers[0][0].sensitivity).toBeCloseTo(-0.029509287195587, 14);

    const changes = net.links.map((link) => link.weightChange);
    const expected = [
      0.003921092305074, 0.007842184610149, // into h1: from x, bias
      -0.009681474794778, -0.019362949589556, // into h2
      0.036173027821078, 0.029912376894186, 0.062970665928159, // into o1: from h1, h2, bias
      -0.037880591152356, -0.031324403506626, -0.065943223288215, // into o2
    ];
    changes.forEach((change, k) => expect(change).toBeCloseTo(expected[k], 14));
    expect(net.links[4].outputSensitivity).toBeCloseTo(-0.125941331856319, 14);
    expect(net.links[0].outputSensitivity).toBeCloseTo(-0.015684369220297, 14);
    expect(net.links[4].weight).toBeCloseTo(0.3 + 0.036173027821078, 14);
    // A bias link's `from` is a bias neuron, whose value is always 1.
    expect(net.links[1].from.isBias).toBe(true);
    expect(net.links[1].from.value).toBe(1);
    expect(net.step).toBe(1);
  });
});
