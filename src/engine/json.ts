/**
 * A network saved as plain JSON and read back: the options, every weight, the step
 * count and the random state, so that a loaded network continues exactly where the
 * saved one stopped.
 */
import { describe } from "./checks";
import type { Network } from "./network";
import type { NetworkJSON, NetworkOptions } from "./types";

export function networkToJSON(network: Network): NetworkJSON {
  // weights[l][j]: the weights into neuron j of layer l + 1, one from each neuron of
  // layer l, then the bias: the order of the neuron's `inputs`, and of `network.links`.
  const weights = network.layers.slice(1).map((layer) => layer.map((neuron) => neuron.inputs.map((link) => link.weight)));
  return {
    format: "lernmi-network",
    version: 1,
    layerSizes: network.layerSizes.slice(),
    activation: network.activation,
    // A softmax output layer has no activation of its own to record.
    ...(network.loss === "softmaxCrossEntropy" ? {} : { outputActivation: network.outputActivation }),
    loss: network.loss,
    trainingRate: network.trainingRate,
    seed: network.seed,
    init: network.init,
    step: network.step,
    randomState: network.random.state,
    weights,
  };
}

/** What `Network.fromJSON` needs to rebuild a network, checked. */
export interface SavedNetwork {
  layerSizes: number[];
  options: NetworkOptions;
  /** Every weight, in `network.links` order. */
  weights: number[];
  step: number;
  randomState: number | undefined;
}

export function readNetworkJSON(json: NetworkJSON | string): SavedNetwork {
  const data: NetworkJSON = typeof json === "string" ? JSON.parse(json) : json;
  if (data === null || typeof data !== "object" || data.format !== "lernmi-network") {
    throw new Error(`fromJSON: expected an object with format "lernmi-network"; received ${describe(data)}`);
  }
  const sizes = data.layerSizes;
  const weights: number[] = [];
  for (let l = 1; Array.isArray(sizes) && l < sizes.length; l++) {
    for (let j = 0; j < sizes[l]; j++) {
      const row = data.weights?.[l - 1]?.[j];
      if (!Array.isArray(row) || row.length !== sizes[l - 1] + 1) {
        throw new Error(
          `fromJSON: expected weights[${l - 1}][${j}] to hold ${sizes[l - 1] + 1} numbers; received ${describe(row)}`,
        );
      }
      weights.push(...row);
    }
  }
  return {
    layerSizes: sizes,
    options: {
      activation: data.activation,
      // Files saved with softmax + cross-entropy may hold the hidden activation here: ignore it.
      outputActivation: data.loss === "softmaxCrossEntropy" ? undefined : data.outputActivation,
      loss: data.loss,
      trainingRate: data.trainingRate,
      seed: data.seed,
      init: data.init,
    },
    weights,
    step: data.step ?? 0,
    randomState: data.randomState === undefined ? undefined : data.randomState >>> 0,
  };
}
