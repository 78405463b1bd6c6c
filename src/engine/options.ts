/**
 * A network's options and size: the defaults, the names it knows, the range its first
 * weights are drawn from, and the limits that keep a hand-typed size from freezing the page.
 */
import { activationByName } from "./activations";
import { checkOptions, describe } from "./checks";
import type { InitName, LossName, NetworkOptions } from "./types";

/**
 * Readers type layer sizes by hand; refuse sizes that would freeze the page. Every
 * link is an object of its own: a million take about a second and 130 MB to build.
 */
export const MAX_LINKS = 1_000_000;
/** The same for neurons (a very deep stack of tiny layers has few links but many neurons). */
export const MAX_NEURONS = 100_000;

const LOSSES: readonly LossName[] = ["squaredError", "softmaxCrossEntropy"];
const INITS: readonly InitName[] = ["uniform", "xavier", "he"];

/** Fills in the defaults and refuses unknown names, saying what is known. */
export function resolveOptions(options: NetworkOptions): Required<NetworkOptions> {
  checkOptions("new Network", options, ["activation", "outputActivation", "loss", "trainingRate", "seed", "init"]);
  const activation = options.activation ?? "sigmoid";
  const outputActivation = options.outputActivation ?? activation;
  const loss = options.loss ?? "squaredError";
  const init = options.init ?? "uniform";
  const trainingRate = options.trainingRate ?? 0.1;
  const seed = options.seed ?? 1;
  activationByName(activation);
  activationByName(outputActivation);
  if (!LOSSES.includes(loss)) {
    throw new Error(`unknown loss "${String(loss)}"; expected one of "squaredError", "softmaxCrossEntropy"`);
  }
  if (!INITS.includes(init)) {
    throw new Error(`unknown init "${String(init)}"; expected one of "uniform", "xavier", "he"`);
  }
  if (loss === "softmaxCrossEntropy" && options.outputActivation !== undefined) {
    throw new Error(
      `outputActivation must be left out with loss "softmaxCrossEntropy" (the output layer is a softmax); received "${outputActivation}"`,
    );
  }
  checkTrainingRate(trainingRate);
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new Error(`seed must be a finite number; received ${describe(seed)}`);
  }
  return { activation, outputActivation, loss, trainingRate, seed, init };
}

/** The range a layer's first weights are drawn from, given the sizes of the layers a link joins. */
export function initRange(init: InitName, fanIn: number, fanOut: number): [number, number] {
  if (init === "xavier") {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return [-limit, limit];
  }
  if (init === "he") {
    const limit = Math.sqrt(6 / fanIn);
    return [-limit, limit];
  }
  return [-0.5, 0.5];
}

export function checkLayerSizes(layerSizes: readonly number[]): void {
  if (!Array.isArray(layerSizes) || layerSizes.length < 2) {
    throw new Error(
      `expected layer sizes as an array of at least 2 positive integers, e.g. [2, 3, 1]; received ${describe(layerSizes)}`,
    );
  }
  layerSizes.forEach((size, l) => {
    if (typeof size !== "number" || !Number.isInteger(size) || size < 1) {
      throw new Error(`layer ${l} size must be a positive integer; received ${describe(size)}`);
    }
  });
  let links = 0;
  for (let l = 1; l < layerSizes.length; l++) links += (layerSizes[l - 1] + 1) * layerSizes[l];
  const neurons = layerSizes.reduce((total, size) => total + size, 0);
  if (neurons > MAX_NEURONS) {
    throw new Error(
      `network too large: layer sizes need ${neurons.toLocaleString("en-US")} neurons; expected at most ${MAX_NEURONS.toLocaleString("en-US")}`,
    );
  }
  if (links > MAX_LINKS) {
    throw new Error(
      `network too large: layer sizes [${layerSizes.join(", ")}] need ${links.toLocaleString("en-US")} links; expected at most ${MAX_LINKS.toLocaleString("en-US")}`,
    );
  }
}

function checkTrainingRate(rate: number): void {
  if (typeof rate !== "number" || !Number.isFinite(rate) || rate <= 0) {
    throw new Error(`trainingRate must be a positive finite number; received ${describe(rate)}`);
  }
}
