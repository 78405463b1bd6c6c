// The "activation" kind: show.activation, an activation function and its slope side by
// side, with a neuron's sum marked on both: for the chapters on activation derivatives and
// saturation. The worker samples the engine's own functions (build); the page only draws
// (view, through activation-layout.ts).
import { el, svg } from './dom';
import { finite, list, numbers, optStr, str } from './fields';
import { formatShort } from './format';
import { activationLayout } from './activation-layout';
import type { KindData, KindView } from './kind';

export interface ActivationEntry {
  kind: 'activation';
  /** the activation's name, as the engine calls it */
  name: string;
  title?: string;
  /** the sums sampled, evenly spaced, and at each the value and the slope d value / d sum */
  sums: number[];
  values: number[];
  slopes: number[];
  /** the marked sum, with its value and slope */
  at?: { sum: number; value: number; slope: number };
}

export interface ActivationOptions {
  /** a neuron's sum, marked on both curves */
  at?: number;
  /** the sums drawn (default [-6, 6], widened to show `at`) */
  domain?: readonly [number, number];
  title?: string;
}

/** The engine's Activation, by its public shape: a name, fn(sum) and derivative(value). */
interface ActivationLike {
  name: string;
  fn(sum: number): number;
  derivative(value: number): number;
}

/** Samples across the domain: smooth at any width the page shows, and a small message. */
export const SAMPLES = 241;
/** The widest domain drawn: beyond it every activation the course uses is flat or a line. */
export const MAX_SUM = 1000;

type Warning = { kind: 'log'; level: 'warn'; text: string };
const warn = (text: string): Warning => ({ kind: 'log', level: 'warn', text });

function isActivation(a: unknown): a is ActivationLike {
  const o = a as Partial<ActivationLike> | null;
  return !!o && typeof o === 'object' && typeof o.name === 'string' && typeof o.fn === 'function' && typeof o.derivative === 'function';
}

/**
 * Worker side. `lookup` turns a name into the engine's Activation (the "lernmi" module's
 * activationByName, which throws a message listing the names it knows). The slope is the
 * engine's own derivative, taken from the value as a neuron takes it: nothing is redone here.
 */
export function build(activation: unknown, opts: ActivationOptions = {}, lookup?: (name: string) => unknown): ActivationEntry | Warning {
  let a: unknown = activation;
  if (typeof activation === 'string') {
    if (!lookup) return warn('show.activation: no activations to look the name up in');
    try {
      a = lookup(activation);
    } catch (e) {
      return warn(`show.activation: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (!isActivation(a)) return warn('show.activation expects an activation name ("tanh") or an activation (activations.tanh)');
  const at = typeof opts.at === 'number' && Number.isFinite(opts.at) ? Math.max(-MAX_SUM, Math.min(MAX_SUM, opts.at)) : undefined;
  let lo = -6, hi = 6;
  const d = opts.domain;
  if (Array.isArray(d) && d.length === 2 && d.every((v) => typeof v === 'number' && Number.isFinite(v)) && d[0] < d[1]) {
    [lo, hi] = [Math.max(-MAX_SUM, d[0]), Math.min(MAX_SUM, d[1])];
  }
  // the marked sum is always in view, with a little room around it
  if (at !== undefined && (at < lo || at > hi)) {
    const room = (hi - lo) * 0.1;
    lo = Math.min(lo, at - room);
    hi = Math.max(hi, at + room);
  }
  const sums: number[] = [], values: number[] = [], slopes: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const s = lo + ((hi - lo) * i) / (SAMPLES - 1);
    const v = a.fn(s);
    sums.push(s);
    values.push(v);
    slopes.push(a.derivative(v));
  }
  const e: ActivationEntry = { kind: 'activation', name: a.name.slice(0, 50), sums, values, slopes };
  if (at !== undefined) {
    const value = a.fn(at);
    e.at = { sum: at, value, slope: a.derivative(value) };
  }
  if (typeof opts.title === 'string') e.title = opts.title.slice(0, 200);
  return e;
}

export const data: KindData<ActivationEntry> = {
  size: (e) => ({ lines: 10, chars: e.sums.length * 24 + e.name.length + (e.title?.length ?? 0), elements: 80 }),
  check(x) {
    const name = str(x.name, 100);
    const title = optStr(x.title, 200);
    const sums = list(x.sums, SAMPLES, finite);
    const values = list(x.values, SAMPLES, finite);
    const slopes = list(x.slopes, SAMPLES, finite);
    const at = x.at === undefined ? undefined : numbers(x.at, ['sum', 'value', 'slope'] as const);
    if (name === undefined || title === false || !sums || !values || !slopes || (x.at !== undefined && !at)) return undefined;
    if (values.length !== sums.length || slopes.length !== sums.length) return undefined;
    const e: ActivationEntry = { kind: 'activation', name, sums, values, slopes };
    if (title !== undefined) e.title = title;
    if (at) e.at = at;
    return e;
  },
  text: (e) =>
    `[activation ${e.name} on ${formatShort(e.sums[0] ?? 0)} … ${formatShort(e.sums.at(-1) ?? 0)}` +
    `${e.at ? ` · at sum ${formatShort(e.at.sum)}: value ${formatShort(e.at.value)}, slope ${formatShort(e.at.slope)}` : ''}` +
    `${e.title ? ' · ' + e.title : ''}]`,
};

export const view: KindView<ActivationEntry> = {
  render(e, ctx) {
    const fig = el('div', 'figure-activation');
    fig.dataset.text = data.text(e); // the text alternative, as the expected output states it
    const L = activationLayout(e, ctx.width);
    const root = svg('svg', { viewBox: `0 0 ${L.width} ${L.height}`, role: 'img', class: 'figure-svg' });
    root.appendChild(svg('title', {}, `${e.title ? e.title + '. ' : ''}${L.description}`));
    for (const p of L.panels) {
      const { left, right, top, bottom } = p.box;
      root.appendChild(svg('text', { x: left, y: top - 8, class: `panel-title ${p.cls}` }, p.title));
      p.y.ticks.forEach((v, i) => {
        root.appendChild(svg('line', { x1: left, y1: p.y.scale(v), x2: right, y2: p.y.scale(v), class: 'grid' }));
        root.appendChild(svg('text', { x: left - 6, y: p.y.scale(v) + 4, 'text-anchor': 'end', class: 'tick' }, p.y.labels[i]!));
      });
      p.x.ticks.forEach((v, i) => root.appendChild(svg('text', { x: p.x.scale(v), y: bottom + 16, 'text-anchor': 'middle', class: 'tick' }, p.x.labels[i]!)));
      root.appendChild(svg('line', { x1: left, y1: bottom, x2: right, y2: bottom, class: 'axis' }));
      root.appendChild(svg('line', { x1: left, y1: top, x2: left, y2: bottom, class: 'axis' }));
      root.appendChild(svg('text', { x: right, y: bottom + 30, 'text-anchor': 'end', class: 'label' }, 'sum'));
      root.appendChild(svg('path', { d: p.path, class: `series ${p.cls}`, fill: 'none' }));
      if (p.marker) {
        const m = p.marker;
        root.appendChild(svg('line', { x1: m.x, y1: top, x2: m.x, y2: bottom, class: 'marker-line' }));
        root.appendChild(svg('circle', { cx: m.x, cy: m.y, r: 4.5, class: `marker-dot ${p.cls}` }));
        root.appendChild(svg('text', { x: m.labelX, y: m.labelY, 'text-anchor': m.anchor, class: 'marker-label' }, m.label));
      }
    }
    if (e.title) fig.appendChild(el('p', 'figure-title', e.title));
    fig.appendChild(root);
    return fig;
  },
};
