// The "errorCurve" kind: show.errorCurve, the error for one sample as a function of one
// weight, with the tangent at the current weight. The worker nudges that weight across a
// range and records E (build); the tangent's slope is the gradient the engine computed by
// backpropagation, net.gradients(...)[k], so the picture shows the gradient is a slope.
// The page only draws (view, through errorcurve-layout.ts).
import { el, svg } from './dom';
import { finite, finiteOrNull, list, numbers, optStr, str } from './fields';
import { formatShort, isLink, isNetwork } from './format';
import { errorCurveLayout } from './errorcurve-layout';
import type { KindData, KindView } from './kind';

export interface ErrorCurveEntry {
  kind: 'errorCurve';
  /** the link, as the engine names it: "h1[0] → out[0]" */
  link: string;
  title?: string;
  weights: number[];
  /** E at each weight; null where it is not finite */
  errors: (number | null)[];
  /** the current weight, its error, and ∂E/∂w from backpropagation */
  at: { weight: number; error: number; gradient: number };
}

export interface ErrorCurveOptions {
  /** the weights drawn (default: the current weight ± max(2, 2 × its size)) */
  range?: readonly [number, number];
  title?: string;
}

/** Samples across the range: a smooth curve, and 121 forward passes in the worker. */
export const SAMPLES = 121;

type Warning = { kind: 'log'; level: 'warn'; text: string };
const warn = (text: string): Warning => ({ kind: 'log', level: 'warn', text });

interface NetLike {
  links: { weight: number }[];
  layers: Record<'value' | 'sum' | 'derivative' | 'sensitivity', number>[][];
  errorOf(input: readonly number[], expected: readonly number[]): number;
  gradients(input: readonly number[], expected: readonly number[]): number[];
}

/** The link's name without its weight: "Link(in[0] → h1[0], weight=0.4)" gives "in[0] → h1[0]". */
function linkName(link: unknown, k: number): string {
  const m = /^Link\((.*), weight=/.exec(String(link));
  return (m?.[1] ?? `links[${k}]`).slice(0, 100);
}

/**
 * Worker side. `link` is one of the network's links, or its index in `net.links`. The
 * network is left as it was: the weight is put back, and so are the neurons' values, sums,
 * slopes and sensitivities the forward and backward passes overwrote.
 */
export function build(net: unknown, link: unknown, input: unknown, expected: unknown, opts: ErrorCurveOptions = {}): ErrorCurveEntry | Warning {
  if (!isNetwork(net)) return warn('show.errorCurve expects a Network first');
  const n = net as unknown as NetLike;
  const k = typeof link === 'number' ? link : n.links.indexOf(link as { weight: number });
  const l = n.links[k];
  if (!Number.isInteger(k) || !isLink(l)) return warn('show.errorCurve expects one of the network’s links (net.links[k]) or its index');
  const numbers = (a: unknown) => Array.isArray(a) && a.every((v) => typeof v === 'number');
  if (!numbers(input) || !numbers(expected)) return warn('show.errorCurve expects an input and an expected output, arrays of numbers');
  const inp = input as number[], exp = expected as number[];
  const w0 = l.weight;
  let [lo, hi] = [w0 - Math.max(2, 2 * Math.abs(w0)), w0 + Math.max(2, 2 * Math.abs(w0))];
  const r = opts.range;
  if (Array.isArray(r) && r.length === 2 && r.every((v) => typeof v === 'number' && Number.isFinite(v)) && r[0] < r[1]) [lo, hi] = [r[0], r[1]];
  // the current weight is always in view
  lo = Math.min(lo, w0);
  hi = Math.max(hi, w0);

  const neurons = n.layers.flat();
  const saved = neurons.map((x) => [x.value, x.sum, x.derivative, x.sensitivity] as const);
  const weights: number[] = [], errors: (number | null)[] = [];
  let at: ErrorCurveEntry['at'];
  try {
    at = { weight: w0, error: n.errorOf(inp, exp), gradient: n.gradients(inp, exp)[k]! };
    for (let i = 0; i < SAMPLES; i++) {
      const w = lo + ((hi - lo) * i) / (SAMPLES - 1);
      l.weight = w;
      const e = n.errorOf(inp, exp);
      weights.push(w);
      errors.push(Number.isFinite(e) ? e : null);
    }
  } finally {
    l.weight = w0;
    neurons.forEach((x, i) => ([x.value, x.sum, x.derivative, x.sensitivity] = saved[i]!));
  }
  const e: ErrorCurveEntry = { kind: 'errorCurve', link: linkName(l, k), weights, errors, at };
  if (typeof opts.title === 'string') e.title = opts.title.slice(0, 200);
  return e;
}

export const data: KindData<ErrorCurveEntry> = {
  size: (e) => ({ lines: 10, chars: e.weights.length * 16 + e.link.length + (e.title?.length ?? 0), elements: 80 }),
  check(x) {
    const link = str(x.link, 100);
    const title = optStr(x.title, 200);
    const weights = list(x.weights, SAMPLES, finite);
    const errors = list(x.errors, SAMPLES, (v) => finiteOrNull(v));
    const at = numbers(x.at, ['weight', 'error', 'gradient'] as const);
    if (link === undefined || title === false || !weights || !errors || !at || errors.length !== weights.length) return undefined;
    return { kind: 'errorCurve', link, weights, errors, at, ...(title !== undefined ? { title } : {}) };
  },
  text: (e) =>
    `[error curve of the weight ${e.link} on ${formatShort(e.weights[0] ?? 0)} … ${formatShort(e.weights.at(-1) ?? 0)}` +
    ` · at ${formatShort(e.at.weight)}: E ${formatShort(e.at.error)}, slope ∂E/∂w ${formatShort(e.at.gradient)}${e.title ? ' · ' + e.title : ''}]`,
};

export const view: KindView<ErrorCurveEntry> = {
  render(e, ctx) {
    const fig = el('div', 'figure-plot');
    fig.dataset.text = data.text(e); // the text alternative, as the expected output states it
    const L = errorCurveLayout(e, ctx.width);
    const root = svg('svg', { viewBox: `0 0 ${L.width} ${L.height}`, role: 'img', class: 'figure-svg' });
    root.appendChild(svg('title', {}, `${e.title ? e.title + '. ' : ''}${L.description}`));
    const { left, right, top, bottom } = L.box;
    L.y.ticks.forEach((v, i) => {
      root.appendChild(svg('line', { x1: left, y1: L.y.scale(v), x2: right, y2: L.y.scale(v), class: 'grid' }));
      root.appendChild(svg('text', { x: left - 6, y: L.y.scale(v) + 4, 'text-anchor': 'end', class: 'tick' }, L.y.labels[i]!));
    });
    L.x.ticks.forEach((v, i) => root.appendChild(svg('text', { x: L.x.scale(v), y: bottom + 16, 'text-anchor': 'middle', class: 'tick' }, L.x.labels[i]!)));
    root.appendChild(svg('line', { x1: left, y1: bottom, x2: right, y2: bottom, class: 'axis' }));
    root.appendChild(svg('line', { x1: left, y1: top, x2: left, y2: bottom, class: 'axis' }));
    root.appendChild(svg('text', { x: (left + right) / 2, y: bottom + 31, 'text-anchor': 'middle', class: 'label' }, `weight ${e.link}`));
    root.appendChild(svg('path', { d: L.curve, class: 'series series-0', fill: 'none' }));
    if (L.tangent) root.appendChild(svg('line', { ...L.tangent, class: 'series series-1 tangent' }));
    root.appendChild(svg('line', { x1: L.dot.cx, y1: top, x2: L.dot.cx, y2: bottom, class: 'marker-line' }));
    root.appendChild(svg('circle', { cx: L.dot.cx, cy: L.dot.cy, r: 4.5, class: 'marker-dot series-1' }));
    root.appendChild(svg('text', { x: L.label.x, y: L.label.y, 'text-anchor': L.label.anchor, class: 'marker-label' }, L.label.text));
    if (e.title) fig.appendChild(el('p', 'figure-title', e.title));
    fig.appendChild(root);
    const legend = el('p', 'figure-legend');
    legend.appendChild(el('span', 'legend-item series-0', 'error E'));
    legend.appendChild(el('span', 'legend-item series-1', 'tangent: slope ∂E/∂w from backpropagation'));
    fig.appendChild(legend);
    return fig;
  },
};
