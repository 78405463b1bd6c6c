// The "plot" kind: show.plot, a line chart such as the error per epoch.
import { cut, list, optStr, record, str } from './fields';
import { el, svg } from './dom';
import { formatShort } from './format';
import type { KindData, KindView } from './kind';
import { chartSize, drawAxes, plotBox } from './plot-axes';
import { indexAxis, seriesExtent, seriesPath, valueAxis } from './plot-scale';
import { LIMITS } from './protocol';

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
/** characters of a series name or an axis label */
const LABEL = 100;

/** Worker side: one series (numbers) or several ({ name: numbers }). Anything else: a warning. */
export function build(values: unknown, opts: PlotOptions = {}): PlotEntry | { kind: 'log'; level: 'warn'; text: string } {
  const series: PlotSeries[] = [];
  const clean = (a: ArrayLike<unknown>) => {
    // Read at most MAX_POINTS items: a hostile array-like may claim a length of a billion.
    const ys: (number | null)[] = [];
    for (let i = 0; i < Math.min(a.length, MAX_POINTS); i++) {
      const y = a[i];
      ys.push(typeof y === 'number' && Number.isFinite(y) ? y : null);
    }
    return ys;
  };
  if (Array.isArray(values) || ArrayBuffer.isView(values)) {
    series.push({ name: typeof opts.yLabel === 'string' ? cut(opts.yLabel, LABEL) : 'y', y: clean(values as unknown as ArrayLike<unknown>) });
  } else if (values && typeof values === 'object') {
    for (const [name, ys] of Object.entries(values).slice(0, MAX_SERIES)) {
      if (Array.isArray(ys) || ArrayBuffer.isView(ys)) series.push({ name: cut(name, LABEL), y: clean(ys as unknown as ArrayLike<unknown>) });
    }
  }
  if (!series.length) return { kind: 'log', level: 'warn', text: 'show.plot expects an array of numbers or an object of arrays' };
  const e: PlotEntry = { kind: 'plot', series };
  if (typeof opts.title === 'string') e.title = cut(opts.title, LIMITS.maxFieldChars);
  if (typeof opts.xLabel === 'string') e.xLabel = cut(opts.xLabel, LABEL);
  if (typeof opts.yLabel === 'string') e.yLabel = cut(opts.yLabel, LABEL);
  return e;
}

export const data: KindData<PlotEntry> = {
  // A figure counts as ten lines of the output budget.
  size: (e) => ({ lines: 10, chars: e.series.reduce((n, s) => n + s.y.length * 8 + s.name.length, 0) + (e.title?.length ?? 0), elements: 60 + 2 * e.series.length }),
  check(x) {
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const series = list(x.series, MAX_SERIES, (v) => {
      const s = record(v);
      const name = str(s?.name, LABEL);
      const y = list(s?.y, MAX_POINTS, (p) => (p === null ? null : num(p)));
      const xs = s?.x === undefined ? undefined : list(s.x, MAX_POINTS, num);
      if (!s || name === undefined || !y || (s.x !== undefined && !xs)) return undefined;
      return xs ? { name, y, x: xs } : { name, y };
    });
    const title = optStr(x.title, LIMITS.maxFieldChars);
    const xLabel = optStr(x.xLabel, LABEL);
    const yLabel = optStr(x.yLabel, LABEL);
    if (!series?.length || title === false || xLabel === false || yLabel === false) return undefined;
    const e: PlotEntry = { kind: 'plot', series };
    if (title !== undefined) e.title = title;
    if (xLabel !== undefined) e.xLabel = xLabel;
    if (yLabel !== undefined) e.yLabel = yLabel;
    return e;
  },
  text: (e) => `[plot${e.title ? ': ' + e.title : ''} · ${e.series.map((s) => `${s.name} (${s.y.length} points)`).join(', ')}]`,
};

export const view: KindView<PlotEntry> = {
  render(e, ctx) {
    const fig = el('div', 'figure-plot');
    fig.dataset.text = data.text(e); // the text alternative, as the expected output states it
    // Drawn at the width it is shown at, so its text stays readable on a phone.
    const { width: W, height: H } = chartSize(ctx);
    const box = plotBox(W, H, 52);
    const ext = seriesExtent(e.series);
    const y = valueAxis(ext.y, [box.bottom, box.top], { fromZero: true });
    const whole = e.series.every((s) => !s.x);
    const x = indexAxis(ext.x, [box.left, box.right], whole);
    const summary = e.series
      .map((s) => {
        const first = s.y.find((v) => v !== null);
        const last = [...s.y].reverse().find((v) => v !== null);
        return `${s.name}: ${s.y.length} points, from ${first == null ? 'none' : formatShort(first)} to ${last == null ? 'none' : formatShort(last)}`;
      })
      .join('; ');
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'figure-svg' });
    root.appendChild(svg('title', {}, `${e.title ? e.title + '. ' : ''}Line chart. ${summary}`));
    drawAxes(root, x, y, box, e.xLabel);
    e.series.forEach((s, si) => {
      root.appendChild(svg('path', { d: seriesPath(s.y, s.x, x.scale, y.scale), class: `series series-${si % 4}`, fill: 'none' }));
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
