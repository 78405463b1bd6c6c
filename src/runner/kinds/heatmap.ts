// The "heatmap" kind: show.heatmap, a 2-input network's first output over the plane, as a
// grid of colours, with a dataset's points on top. The worker runs the network on the grid
// (build); the page only draws the numbers it is sent (view, through heatmap-layout.ts).
import { el, svg } from './dom';
import { finite, finiteOrNull, isInt, list, numbers, optStr } from './fields';
import { formatShort, isNetwork } from './format';
import { heatmapLayout } from './heatmap-layout';
import type { KindData, KindView } from './kind';

/** A point drawn on top: where it is, and the value out[0] should have there. */
export interface HeatmapPoint {
  x: number;
  y: number;
  expected: number;
}

export interface HeatmapEntry {
  kind: 'heatmap';
  title?: string;
  /** which output is drawn (always 0 for now; named in the text alternative) */
  output: number;
  xDomain: [number, number];
  yDomain: [number, number];
  /** cells across and down */
  size: number;
  /** size × size values, row by row from the bottom row (smallest y) up; null where the output is not finite */
  values: (number | null)[];
  points: HeatmapPoint[];
}

export interface HeatmapOptions {
  title?: string;
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  /** a dataset (each sample's input [x, y] and expected output) to draw on top */
  samples?: readonly { input: readonly number[]; expected: readonly number[] }[];
  /** cells across and down (default 40, at most 50) */
  resolution?: number;
}

/** At most 50×50 cells: 2,500 forward passes in the worker and 2,500 rectangles in the page. */
export const MAX_RESOLUTION = 50;
export const DEFAULT_RESOLUTION = 40;
/** Points drawn on top: enough for any course dataset, few enough to stay readable. */
export const MAX_POINTS = 500;

type Warning = { kind: 'log'; level: 'warn'; text: string };
const warn = (text: string): Warning => ({ kind: 'log', level: 'warn', text });

function domainOf(given: unknown, values: number[]): [number, number] | string {
  if (given !== undefined) {
    const d = given as unknown[];
    if (!Array.isArray(d) || d.length !== 2 || !d.every((v) => typeof v === 'number' && Number.isFinite(v)) || !((d[0] as number) < (d[1] as number))) {
      return 'a domain is [low, high] with low < high';
    }
    return [d[0] as number, d[1] as number];
  }
  if (!values.length) return [-1, 1];
  // the samples' extent with a margin, so points at the edge are not cut in half
  const lo = Math.min(...values), hi = Math.max(...values);
  const pad = Math.max(0.1, (hi - lo) * 0.1);
  return [lo - pad, hi + pad];
}

/**
 * Worker side: runs the network at the centre of every cell. The network is left as it
 * was: each forward pass overwrites the neurons' values, sums and slopes, so they are put
 * back afterwards (a reader who inspects `neuron.value` after show.heatmap sees their own run).
 */
export function build(net: unknown, opts: HeatmapOptions = {}): HeatmapEntry | Warning {
  if (!isNetwork(net)) return warn('show.heatmap expects a Network');
  const inputs = net.layers[0]?.length ?? 0;
  if (inputs !== 2) return warn(`show.heatmap draws a network with 2 inputs (x and y); this one has ${inputs}`);
  const samples = Array.isArray(opts.samples) ? opts.samples.slice(0, MAX_POINTS) : [];
  const points: HeatmapPoint[] = [];
  for (const s of samples) {
    const [x, y] = s?.input ?? [];
    const e = s?.expected?.[0];
    if (typeof x === 'number' && typeof y === 'number' && typeof e === 'number' && [x, y, e].every(Number.isFinite)) points.push({ x, y, expected: e });
  }
  const xDomain = domainOf(opts.xDomain, points.map((p) => p.x));
  const yDomain = domainOf(opts.yDomain, points.map((p) => p.y));
  if (typeof xDomain === 'string') return warn(`show.heatmap: xDomain: ${xDomain}`);
  if (typeof yDomain === 'string') return warn(`show.heatmap: yDomain: ${yDomain}`);
  const r = Math.round(Number(opts.resolution ?? DEFAULT_RESOLUTION));
  const size = Number.isFinite(r) ? Math.max(2, Math.min(MAX_RESOLUTION, r)) : DEFAULT_RESOLUTION;

  const network = net as unknown as { layers: Record<'value' | 'sum' | 'derivative', number>[][]; propagate(i: number[]): number[] };
  const neurons = network.layers.flat();
  const saved = neurons.map((n) => [n.value, n.sum, n.derivative] as const);
  const values: (number | null)[] = [];
  try {
    for (let row = 0; row < size; row++) {
      const y = yDomain[0] + ((row + 0.5) * (yDomain[1] - yDomain[0])) / size;
      for (let col = 0; col < size; col++) {
        const x = xDomain[0] + ((col + 0.5) * (xDomain[1] - xDomain[0])) / size;
        const v = network.propagate([x, y])[0];
        values.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
      }
    }
  } finally {
    neurons.forEach((n, i) => ([n.value, n.sum, n.derivative] = saved[i]!));
  }
  const e: HeatmapEntry = { kind: 'heatmap', output: 0, xDomain, yDomain, size, values, points };
  if (typeof opts.title === 'string') e.title = opts.title.slice(0, 200);
  return e;
}

/** The smallest and largest finite value, or undefined when there is none. */
export function valueRange(values: readonly (number | null)[]): [number, number] | undefined {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (v !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  return lo <= hi ? [lo, hi] : undefined;
}

/** Two decimals: a colour shows no more than that. */
const two = (n: number) => formatShort(Math.round(n * 100) / 100);

export const data: KindData<HeatmapEntry> = {
  size: (e) => ({ lines: 10, chars: e.values.length * 6 + e.points.length * 16 + (e.title?.length ?? 0), elements: e.values.length + 2 * e.points.length + 60 }),
  check(x) {
    const title = optStr(x.title, 200);
    const domain = (v: unknown): [number, number] | undefined => {
      const d = list(v, 2, finite);
      return d?.length === 2 && d[0]! < d[1]! ? [d[0]!, d[1]!] : undefined;
    };
    const xDomain = domain(x.xDomain), yDomain = domain(x.yDomain);
    const size = isInt(x.size, 2, MAX_RESOLUTION) ? x.size : undefined;
    const values = list(x.values, MAX_RESOLUTION * MAX_RESOLUTION, (v) => finiteOrNull(v));
    const points = list(x.points, MAX_POINTS, (p) => numbers(p, ['x', 'y', 'expected'] as const));
    if (title === false || !isInt(x.output, 0, 0) || !xDomain || !yDomain || !size || !values || !points || values.length !== size * size) return undefined;
    return { kind: 'heatmap', output: 0, xDomain, yDomain, size, values, points, ...(title !== undefined ? { title } : {}) };
  },
  text: (e) => {
    const range = valueRange(e.values);
    return `[heatmap ${e.size}×${e.size} of out[${e.output}]: ${range ? `${two(range[0])} … ${two(range[1])}` : 'no finite values'}` +
      `${e.points.length ? ` · ${e.points.length} points` : ''}${e.title ? ' · ' + e.title : ''}]`;
  },
};

export const view: KindView<HeatmapEntry> = {
  render(e, ctx) {
    const fig = el('div', 'figure-heatmap');
    fig.dataset.text = data.text(e); // the text alternative, as the expected output states it
    const L = heatmapLayout(e, valueRange(e.values), ctx.width);
    const root = svg('svg', { viewBox: `0 0 ${L.width} ${L.height}`, role: 'img', class: 'figure-svg' });
    root.appendChild(svg('title', {}, `${e.title ? e.title + '. ' : ''}${L.description}`));
    const cells = svg('g', { class: 'heat-cells' });
    for (const c of L.cells) cells.appendChild(svg('rect', { x: c.x, y: c.y, width: c.w, height: c.h, fill: c.fill }));
    root.appendChild(cells);
    const { left, right, top, bottom } = L.box;
    root.appendChild(svg('rect', { x: left, y: top, width: right - left, height: bottom - top, class: 'heat-frame' }));
    L.x.ticks.forEach((v, i) => root.appendChild(svg('text', { x: L.x.scale(v), y: bottom + 16, 'text-anchor': 'middle', class: 'tick' }, L.x.labels[i]!)));
    L.y.ticks.forEach((v, i) => root.appendChild(svg('text', { x: left - 6, y: L.y.scale(v) + 4, 'text-anchor': 'end', class: 'tick' }, L.y.labels[i]!)));
    // a halo in the page's colour under each point, so a point shows on a cell of its own colour
    for (const p of L.points) root.appendChild(svg('circle', { cx: p.cx, cy: p.cy, r: 6.5, class: 'heat-halo' }));
    for (const p of L.points) root.appendChild(svg('circle', { cx: p.cx, cy: p.cy, r: 4.5, fill: p.fill, class: 'heat-point' }));
    // the colour key: a strip of the scale with its two ends and its middle labelled
    for (const k of L.key.cells) root.appendChild(svg('rect', { x: k.x, y: L.key.y, width: k.w, height: L.key.h, fill: k.fill }));
    for (const t of L.key.labels) root.appendChild(svg('text', { x: t.x, y: L.key.y + L.key.h + 14, 'text-anchor': t.anchor, class: 'tick' }, t.text));
    if (e.title) fig.appendChild(el('p', 'figure-title', e.title));
    fig.appendChild(root);
    return fig;
  },
};
