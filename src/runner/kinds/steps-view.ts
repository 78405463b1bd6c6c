// Page side, loaded only when a show.steps figure is drawn (steps.ts imports it
// dynamically): KaTeX, the engine lines highlighted at build time, and <lernmi-steps>.
// The figure is the one <StepThrough> builds, from the same model, layout and markup
// code; only its formulas are rendered here, each when its step is first shown.
import katex from 'katex';
import 'katex/dist/katex.min.css'; // pages that quote no maths have not loaded it
import { STEP_SOURCES } from 'virtual:lernmi/step-sources';
import { formatNumber } from './format';
import type { StepsEntry } from './steps';
import './steps-element'; // defines <lernmi-steps>
import type { StepThroughElement } from './steps-element';
import { layoutNetwork, stepViews } from './steps-layout';
import { figureData, statuses, stepFigure, toDom } from './steps-markup';
import { presentSteps } from './steps-model';
import { activationSummary } from './steps-shape';
import { STEP_KATEX, alignedTex } from './steps-tex';

/** Ids are unique on the page however many figures its runs draw. */
let drawn = 0;

export function stepsFigure(e: StepsEntry): HTMLElement {
  const model = presentSteps(e);
  const net = e.layers.join('-');
  const list = (xs: number[]) => xs.map(formatNumber).join(', ');
  const parts = {
    id: `steps-run-${++drawn}`,
    caption:
      `Step through one learning step of your ${net} network (${activationSummary(e.activations)}), one event of the engine's trace ` +
      `at a time: input ${list(e.input)}, target ${list(e.expected)}, training rate ${formatNumber(e.trainingRate)}.`,
    model,
    layout: layoutNetwork(model.shape),
    views: stepViews(model),
    statuses: statuses(model),
    formulas: model.steps.map(() => null),
    blocks: STEP_SOURCES.blocks,
    refs: model.steps.map((s) => STEP_SOURCES.refs[s.source]),
    start: model.forwardEnd,
  };
  const figure = toDom(stepFigure(parts)) as StepThroughElement;
  // The run's Stop halts its Play (OutputView.halt calls figure.halt()).
  figure.setAttribute('data-halts', '');
  figure.setup(figureData(parts), (i, into) => {
    // KaTeX builds the nodes itself (no HTML string); its TeX was written from checked numbers.
    try {
      katex.render(alignedTex(model.steps[i].tex), into, STEP_KATEX);
    } catch {
      into.textContent = model.steps[i].description; // never expected: the words, rather than nothing
    }
  });
  return figure;
}
