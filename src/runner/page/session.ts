// Everything a Run needs on the page, loaded together on the first Run (or on hover/focus
// of Run): the worker pool and the output renderer.
export { run, prewarm, type RunOutcome, type RunHandle } from './client';
export { OutputView, statusLine } from './output-view';
