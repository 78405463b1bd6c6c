// The "plot" kind: show.plot, a line chart such as the error per epoch.
import { el, svg } from './dom';
import type { KindData, KindView } from './kind';
import { extent, formatTick, linear, xTicks, yAxis } from './plot-scale';

export interface PlotSeries {
  name: string;
  /** y values; x is the index unless `x` is given. Non-finite values are kept as null. */
  y: (number | null)[];
  x?: number[];
}

export interface PlotEntry {
  kind: 'plot';
  title?: string;
  xLabel?: string;
  yLabel?: string;
  series: PlotSeries[];
}

export interface PlotOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
}

const MAX_POINTS = 10_000;
const MAX_SERIES = 6;

/** Worker side: one series (numbers) or several ({ name: numbers }). Anything else: a warning. */
export function build(values: unknown, opts: PlotOptions = {}): PlotEntry | { kind: 'log'; level: 'warn'; text: string } {
  const series: PlotSeries[] = [];
  const clean = (a: ArrayLike<unknown>) => Array.from(a).slice(0, MAX_POINTS).map((y) => (typeof y === 'number' && Number.isFinite(y) ? y : null));
  if (Array.isArray(values) || ArrayBuffer.isView(values)) {
    series.push({ name: typeof opts.yLabel === 'string' ? opts.yLabel.slice(0, 100) : 'y', y: clean(values as unknown as ArrayLike<unknown>) });
  } else if (values && typeof values === 'object') {
    for (const [name, ys] of Object.entries(values).slice(0, MAX_SERIES)) {
      if (Array.isArray(ys) || ArrayBuffer.isView(ys)) series.push({ name: name.slice(0, 100), y: clean(ys as unknown as ArrayLike<unknown>) });
    }
  }
  if (!series.length) return { kind: 'log', level: 'warn', text: 'show.plot expects an array of numbers or an object of arrays' };
  const e: PlotEntry = { kind: 'plot', series };
  if (typeof opts.title === 'string') e.title = opts.title.slice(0, 200);
  if (typeof opts.xLabel === 'string') e.xLabel = opts.xLabel.slice(0, 100);
  if (typeof opts.yLabel === 'string') e.yLabel = opts.yLabel.slice(0, 100);
  return e;
}

export const data: KindData<PlotEntry> = {
  // A figure counts as ten lines of the output budget.
  size: (e) => ({ lines: 10, chars: e.series.reduce((n, s) => n + s.y.length * 8, 0) }),
  text: (e) => `[plot${e.title ? ': ' + e.title : ''} · ${e.series.map((s) => `${s.name} (${s.y.length} points)`).join(', ')}]`,
};

/** Margins around the plotting area, in SVG units. */
const L = 52, R = 12, T = 12, B = 34;

export const view: KindView<PlotEntry> = {
  render(e, ctx) {
    const fig = el('div', 'figure-plot');
    fig.dataset.text = data.text(e); // the text alternative, as the expected output states it
    // Drawn at the width it is shown at, so its text stays readable on a phone.
    const W = Math.round(Math.max(260, Math.min(560, ctx.width ?? 480)));
    const H = W < 400 ? 200 : 220;
    const ext = extent(e.series);
    const y = yAxis(ext.ymin, ext.ymax);
    const sx = linear(ext.xmin, ext.xmax, L, W - R);
    const sy = linear(y.min, y.max, H - B, T);
    const summary = e.series
      .map((s) => {
        const first = s.y.find((v) => v !== null);
        const last = [...s.y].reverse().find((v) => v !== null);
        return `${s.name}: ${s.y.length} points, from ${formatTick(first ?? NaN)} to ${formatTick(last ?? NaN)}`;
      })
      .join('; ');
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'figure-svg' });
    root.appendChild(svg('title', {}, `${e.title ? e.title + '. ' : ''}Line chart. ${summary}`));
    root.appendChild(svg('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, class: 'axis' }));
    root.appendChild(svg('line', { x1: L, y1: T, x2: L, y2: H - B, class: 'axis' }));
    for (const v of y.ticks) {
      root.appendChild(svg('line', { x1: L, y1: sy(v), x2: W - R, y2: sy(v), class: 'grid' }));
      root.appendChild(svg('text', { x: L - 6, y: sy(v) + 4, 'text-anchor': 'end', class: 'tick' }, formatTick(v)));
    }
    const whole = e.series.every((s) => !s.x);
    for (const x of xTicks(ext.xmin, ext.xmax, whole)) {
      root.appendChild(svg('text', { x: sx(x), y: H - B + 16, 'text-anchor': 'middle', class: 'tick' }, whole ? String(x) : formatTick(x)));
    }
    if (e.xLabel) root.appendChild(svg('text', { x: (L + W - R) / 2, y: H - 3, 'text-anchor': 'middle', class: 'label' }, e.xLabel));
    e.series.forEach((s, si) => {
      let d = '';
      let pen = false;
      s.y.forEach((v, i) => {
        if (v === null) { pen = false; return; }
        d += `${pen ? 'L' : 'M'}${sx(s.x?.[i] ?? i).toFixed(1)},${sy(v).toFixed(1)}`;
        pen = true;
      });
      root.appendChild(svg('path', { d, class: `series series-${si % 4}`, fill: 'none' }));
    });
    if (e.title) fig.appendChild(el('p', 'figure-title', e.title));
    fig.appendChild(root);
    if (e.series.length > 1) {
      const legend = el('p', 'figure-legend');
      e.series.forEach((s, si) => legend.appendChild(el('span', `legend-item series-${si % 4}`, s.name)));
      fig.appendChild(legend);
    }
    return fig;
  },
};
