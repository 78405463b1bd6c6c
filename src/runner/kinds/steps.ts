// The "steps" kind: show.steps(net, input, expected), the step-through figure for a
// reader's own network. The worker runs one traced `learn` and sends numbers only
// (steps-capture.ts): layer sizes, activations from a fixed list, the sample, the
// weights, and each event's numbers in the order the engine reports them. The page
// checks every one of them, then writes the text, TeX and diagram itself
// (steps-model.ts, steps-markup.ts), as <StepThrough> does at build time. KaTeX and the
// highlighted engine lines load only when a figure is drawn (steps-view.ts).
import { el } from './dom';
import { finite, isInt, list, numbers, optStr, record } from './fields';
import { formatNumber } from './format';
import type { KindData, KindView } from './kind';
import { LIMITS } from './protocol';
import { EVENT_FIELDS, captureStep, type CapturedEvent, type GradientCheckFn, type StepCapture } from './steps-capture';
import { ACTIVATION_KEYS, MAX_STEP_LINKS, activationSummary, describeShape, linkCount, stepSequence, type ActivationKey } from './steps-shape';

export interface StepsEntry extends StepCapture {
  kind: 'steps';
  title?: string;
}

export type { GradientCheckFn };

export interface StepsOptions {
  title?: string;
}

type Warning = { kind: 'log'; level: 'warn'; text: string };

/**
 * Worker side: one `net.learn(input, expected)`, heard event by event. The network is
 * left stepped, as `net.learn` leaves it; when the figure cannot show the network (too
 * many links, another loss, wrong lengths) a warning says why and, unless it says the
 * step was taken, the network is as it was.
 */
export function build(net: unknown, input: unknown, expected: unknown, opts: StepsOptions = {}, gradientCheck?: GradientCheckFn): StepsEntry | Warning {
  const captured = captureStep(net, input, expected, gradientCheck);
  if (typeof captured === 'string') return { kind: 'log', level: 'warn', text: `show.steps ${captured}` };
  const e: StepsEntry = { kind: 'steps', ...captured };
  if (typeof opts.title === 'string') e.title = opts.title.slice(0, LIMITS.maxFieldChars);
  return e;
}

/** E before the step: the error event's own number. */
export const errorOf = (e: StepCapture) => e.events.find((x) => x.type === 'error')?.values[0] ?? NaN;

const numberList = (x: unknown, length: number) => {
  const l = list(x, length, finite);
  return l && l.length === length ? l : undefined;
};

export const data: KindData<StepsEntry> = {
  size: (e) => {
    const links = e.weights.length;
    const neurons = e.layers.reduce((n, s) => n + s + 1, 0);
    // controls, status, the highlighted members (~600), per neuron 5, per link 4 + a table row of 6, per step a formula box
    return { lines: 12, chars: e.events.length * 48 + (e.title?.length ?? 0), elements: 700 + 5 * neurons + 10 * links + e.events.length };
  },
  check(x) {
    const layers = list(x.layers, 12, (n) => (isInt(n, 1, MAX_STEP_LINKS) ? n : undefined));
    if (!layers || layers.length < 2 || linkCount(layers) > MAX_STEP_LINKS) return undefined;
    const links = linkCount(layers);
    const outputs = layers.at(-1)!;
    const activations = list(x.activations, layers.length, (a) => ACTIVATION_KEYS.find((k) => k === a));
    const trainingRate = finite(x.trainingRate);
    const input = numberList(x.input, layers[0]);
    const expected = numberList(x.expected, outputs);
    const actual = numberList(x.actual, outputs);
    const weights = numberList(x.weights, links);
    const title = optStr(x.title, LIMITS.maxFieldChars);
    if (!activations || activations.length !== layers.length || trainingRate === undefined || !input || !expected || !actual || !weights || title === false) return undefined;
    // The events must be the ones the engine reports for this shape, in its order, each with its numbers.
    const sequence = stepSequence(describeShape(layers));
    const events = list(x.events, sequence.length, (v): CapturedEvent | undefined => {
      const r = record(v);
      const type = sequence.find((s) => s.type === r?.type)?.type;
      if (!r || !type) return undefined;
      const values = numberList(r.values, EVENT_FIELDS[type].length);
      return values && ({ type, values } as CapturedEvent);
    });
    if (!events || events.length !== sequence.length || events.some((e, i) => e.type !== sequence[i].type)) return undefined;
    const gradientCheck = list(x.gradientCheck, links, (g) => numbers(g, ['backprop', 'numerical', 'relativeError'] as const));
    if (!gradientCheck || (gradientCheck.length !== 0 && gradientCheck.length !== links)) return undefined;
    return {
      kind: 'steps',
      layers,
      activations: activations as ActivationKey[],
      trainingRate,
      input,
      expected,
      actual,
      weights,
      events,
      gradientCheck,
      ...(title !== undefined ? { title } : {}),
    };
  },
  text: (e) =>
    `[step-through ${e.layers.join('-')} ${activationSummary(e.activations)}${e.title ? ': ' + e.title : ''} · ${e.events.length} events · E = ${formatNumber(errorOf(e))} before the step]`,
};

/**
 * How the page loads the figure's drawing code (KaTeX, the highlighted engine lines, the
 * element): set by page/output-view.ts, so that the worker's bundle, which sees this file
 * for its data half, never meets the dynamic import.
 */
export const drawing: { load?: () => Promise<{ stepsFigure(e: StepsEntry): HTMLElement }> } = {};

export const view: KindView<StepsEntry> = {
  render(e) {
    const fig = el('div', 'figure-steps');
    fig.dataset.text = data.text(e); // the text alternative, as the expected output states it
    if (e.title) fig.appendChild(el('p', 'figure-title', e.title));
    const wait = el('p', 'figure-steps-loading', `Drawing the step-through of the ${e.layers.join('-')} network…`);
    fig.appendChild(wait);
    const failed = () => (wait.textContent = `The step-through of the ${e.layers.join('-')} network could not be drawn (its part of the page did not load). ${data.text(e)}`);
    // KaTeX and the highlighted engine lines come with the first figure, not with the page.
    if (!drawing.load) failed();
    else drawing.load().then((m) => wait.replaceWith(m.stepsFigure(e)), failed);
    return fig;
  },
};
