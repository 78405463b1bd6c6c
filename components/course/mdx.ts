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
};
