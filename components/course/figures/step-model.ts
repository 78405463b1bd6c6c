// <StepThrough>'s model: the Network its props describe, one traced `learn` captured and
// presented by the same code that draws show.steps in the page (src/runner/kinds/
// steps-capture.ts and steps-model.ts), so the build-time figure and a reader's own are
// one figure. Pure (no DOM, no Astro): the unit tests hold every step against the engine.
import { gradientCheck } from '../../../src/lernmi';
import { captureStep, type GradientCheckFn } from '../../../src/runner/kinds/steps-capture';
import { presentSteps, type StepModel } from '../../../src/runner/kinds/steps-model';
import { MAX_STEP_LINKS, linkCount } from '../../../src/runner/kinds/steps-shape';
import { buildNetwork, type NetworkSpec } from './figure-network';

export { num, txt, type Step, type StepModel } from '../../../src/runner/kinds/steps-model';

export interface StepThroughSpec extends NetworkSpec {
  /** The one sample `learn` is called with. */
  input: readonly number[];
  expected: readonly number[];
}

/** Builds the network, runs one traced `learn`, and turns the trace into steps. */
export function buildStepModel(spec: StepThroughSpec): StepModel {
  const where = `<StepThrough layers={[${spec.layers.join(', ')}]}>`;
  const links = linkCount(spec.layers);
  if (links > MAX_STEP_LINKS) throw new Error(`${where}: ${links} links are too many to step through; keep it to ${MAX_STEP_LINKS}`);
  const net = buildNetwork(spec, where);
  const captured = captureStep(net, spec.input, spec.expected, gradientCheck as GradientCheckFn);
  if (typeof captured === 'string') throw new Error(`${where}: the figure ${captured}`);
  return presentSteps(captured);
}
