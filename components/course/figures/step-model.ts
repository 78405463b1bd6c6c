// <StepThrough>'s model: the Network its props describe, one traced `learn` captured and
// presented by the same code that draws show.steps in the page (src/runner/kinds/
// steps-capture.ts and steps-model.ts), so the build-time figure and a reader's own are
// one figure. Pure (no DOM, no Astro): the unit tests hold every step against the engine.
import { Network, gradientCheck, type ActivationName } from '../../../src/lernmi';
import { captureStep, type GradientCheckFn } from '../../../src/runner/kinds/steps-capture';
import { presentSteps, type StepModel } from '../../../src/runner/kinds/steps-model';
import { MAX_STEP_LINKS, linkCount } from '../../../src/runner/kinds/steps-shape';

export { num, txt, type Step, type StepModel } from '../../../src/runner/kinds/steps-model';

export interface StepThroughSpec {
  /** Layer sizes, input layer first, e.g. [2, 2, 1]. */
  layers: readonly number[];
  /** Hidden layers' activation (and the output's, unless outputActivation is given). */
  activation?: ActivationName;
  outputActivation?: ActivationName;
  seed?: number;
  input: readonly number[];
  expected: readonly number[];
  trainingRate?: number;
  /** Optional starting weights, in `net.links` order (each neuron's links, bias last). */
  weights?: readonly number[];
}

/** Builds the network, runs one traced `learn`, and turns the trace into steps. */
export function buildStepModel(spec: StepThroughSpec): StepModel {
  const where = `<StepThrough layers={[${spec.layers.join(', ')}]}>`;
  const links = linkCount(spec.layers);
  if (links > MAX_STEP_LINKS) throw new Error(`${where}: ${links} links are too many to step through; keep it to ${MAX_STEP_LINKS}`);
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
    spec.weights.forEach((w, k) => (net.links[k].weight = w));
  }
  const captured = captureStep(net, spec.input, spec.expected, gradientCheck as GradientCheckFn);
  if (typeof captured === 'string') throw new Error(`${where}: the figure ${captured}`);
  return presentSteps(captured);
}
