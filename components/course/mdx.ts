// Components every chapter can use without importing them: the chapter route passes
// this map to each MDX page's <Content components={…} />. Remark plugins that turn
// markdown into components (runnable snippets) rely on the names registered here.
import Callout from './Callout.astro';
import EngineSource from './EngineSource.astro';
import Snippet from './Snippet.astro';
import Computed from './Computed.astro';
import Exercise from './exercise/Exercise.astro';
import Hint from './exercise/Hint.astro';
import Solution from './exercise/Solution.astro';
import Mistake from './exercise/Mistake.astro';
import Choice from './exercise/Choice.astro';
import StepThrough from './figures/StepThrough.astro';
import ActivationPlot from './figures/ActivationPlot.astro';
import ErrorCurvePlot from './figures/ErrorCurvePlot.astro';
import HeatmapPlot from './figures/HeatmapPlot.astro';
import TrainingPlot from './figures/TrainingPlot.astro';

export const mdxComponents = {
  Callout,
  EngineSource,
  Snippet, // ```ts run blocks become <Snippet> (src/runner/build/remark-snippets.ts)
  Computed, // <Computed code="…" />: a value computed by the engine at build time
  // <Exercise>: checked by the page itself; Hint, Solution, Mistake and Choice go inside it
  Exercise,
  Hint,
  Solution,
  Mistake,
  Choice,
  // <StepThrough layers={[2, 2, 1]} input={…} expected={…} />: one learning step, event by event
  StepThrough,
  // Static plots, drawn at build time by the runner's own views (figures/README.md):
  // <ActivationPlot activation="tanh" at={2} />, <ErrorCurvePlot layers={[1, 1]} link={0} … />,
  // <HeatmapPlot dataset="xor" layers={[2, 3, 1]} trainEpochs={500} />, <TrainingPlot dataset="xor" … />
  ActivationPlot,
  ErrorCurvePlot,
  HeatmapPlot,
  TrainingPlot,
};
