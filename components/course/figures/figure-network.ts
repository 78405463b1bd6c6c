// The network a chapter's figure describes in its props (<StepThrough>, <ErrorCurvePlot>,
// <TrainingPlot>, <HeatmapPlot>), built with the engine when the site is built.
import { Network, type ActivationName } from '../../../src/lernmi';

export interface NetworkSpec {
  /** Layer sizes, input layer first, e.g. [2, 2, 1]. */
  layers: readonly number[];
  /** Hidden layers' activation (and the output's, unless outputActivation is given). */
  activation?: ActivationName;
  outputActivation?: ActivationName;
  seed?: number;
  trainingRate?: number;
  /** Optional starting weights, in `net.links` order (each neuron's links, bias last). */
  weights?: readonly number[];
}

/** The network, or an Error naming the component (`where`) and what was wrong. */
export function buildNetwork(spec: NetworkSpec, where: string): Network {
  const net = new Network(spec.layers, {
    activation: spec.activation ?? 'sigmoid',
    outputActivation: spec.outputActivation ?? spec.activation ?? 'sigmoid',
    trainingRate: spec.trainingRate ?? 0.1,
    seed: spec.seed ?? 1,
  });
  if (spec.weights) {
    if (spec.weights.length !== net.links.length) {
      throw new Error(`${where}: weights has ${spec.weights.length} numbers; this network has ${net.links.length} links (each neuron's links in order, its bias link last)`);
    }
    spec.weights.forEach((w, k) => (net.links[k]!.weight = w));
  }
  return net;
}
