// The axes of the course's charts as numbers, apart from drawing so they can be tested:
// d3 finds the extent, the round ticks and their labels and the maps from data to pixels;
// the SVG around them stays ours. Page side only: the worker never imports this file (the
// kinds' `data` halves do not), so d3 ships with the output renderer, not in the worker.
import { extent } from 'd3-array';
import { scaleLinear, scaleLog, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { PlotSeries } from './plot';

export type Scale = ScaleLinear<number, number>;

/** An axis: its scale, its tick values and the label for each tick. */
export interface Axis {
  scale: Scale;
  ticks: number[];
  labels: string[];
}

/** [min, max] of finite values; never empty or zero-wide, so a scale always divides safely. */
export function span(values: Iterable<number | null | undefined>, fallback: [number, number] = [0, 1]): [number, number] {
  const [lo, hi] = extent(values, (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined));
  if (lo === undefined || hi === undefined) return fallback;
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** The x and y extent of every series (x is the index where a series gives none). */
export function seriesExtent(series: readonly PlotSeries[]): { x: [number, number]; y: [number, number] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of series) {
    s.y.forEach((y, i) => {
      if (y === null) return;
      xs.push(s.x?.[i] ?? i);
      ys.push(y);
    });
  }
  // one point: an x axis one step wide that starts at it (step 0 of a run of one)
  const [x0, x1] = extent(xs);
  const x: [number, number] = x0 === undefined ? [0, 1] : x0 === x1 ? [x0, x0 + 1] : [x0, x1!];
  return { x, y: span(ys) };
}

/**
 * Tick labels: d3's, with insignificant zeros trimmed ("0.5", not "0.50"), in exponent
 * form for very large or very small magnitudes so a label stays a few characters wide.
 */
function labelsFor(scale: Scale, ticks: number[], count: number): string[] {
  const big = Math.max(...ticks.map(Math.abs));
  const specifier = big >= 1e5 || (big > 0 && big < 1e-3) ? '~e' : ',~f';
  return ticks.map(scale.tickFormat(count, specifier));
}

/**
 * A value axis (y, or x for a function's input): about `count` round ticks, the domain
 * widened to the ticks around the data. With `fromZero`, a positive series that stays
 * well above zero still starts at zero, so the eye reads "how much error is left", not
 * "how much it wiggles".
 */
export function valueAxis(domain: [number, number], range: [number, number], opts: { count?: number; fromZero?: boolean } = {}): Axis {
  const count = opts.count ?? 4;
  let [lo, hi] = domain;
  if (opts.fromZero && lo > 0 && lo < hi * 0.5) lo = 0;
  const scale = scaleLinear().domain([lo, hi]).range(range).nice(count);
  const ticks = scale.ticks(count);
  return { scale, ticks, labels: labelsFor(scale, ticks, count) };
}

/**
 * The x axis of a series by index (a step, an epoch): the data's own range, not widened,
 * and whole-number ticks only, never repeated. Given x values get d3's round ticks.
 */
export function indexAxis(domain: [number, number], range: [number, number], whole: boolean, count = 5): Axis {
  const scale = scaleLinear().domain(domain).range(range);
  const ticks = scale.ticks(count).filter((t) => !whole || Number.isInteger(t));
  return { scale, ticks, labels: labelsFor(scale, ticks, count) };
}

/** An SVG path through a series' points; a gap (null) lifts the pen. */
export function seriesPath(ys: readonly (number | null)[], xs: readonly number[] | undefined, sx: Scale, sy: Scale): string {
  const points = ys.map((y, i) => [xs?.[i] ?? i, y] as const);
  return (
    line<(typeof points)[number]>()
      .defined((p) => p[1] !== null)
      .x((p) => round1(sx(p[0])))
      .y((p) => round1(sy(p[1]!)))(points) ?? ''
  );
}

/** A path through (x, f(x)) points, for a function sampled on a grid. */
export function curvePath(xs: readonly number[], ys: readonly number[], sx: Scale, sy: Scale): string {
  return seriesPath(ys.map((y) => (Number.isFinite(y) ? y : null)), xs, sx, sy);
}

/** SVG coordinates to a tenth of a unit: enough for a sharp line, and short markup. */
export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/**
 * A logarithmic value axis, for errors that fall over decades: the domain widened to
 * whole powers of ten, a tick at each (at most `count` of them, every other power when
 * there are many), labelled 1, 0.1, 0.01 or 1e-5. Only positive values belong on it.
 */
export function logAxis(domain: [number, number], range: [number, number], count = 7): Axis {
  const lo = Math.floor(Math.log10(domain[0] > 0 ? domain[0] : 1e-3));
  let hi = Math.ceil(Math.log10(domain[1] > 0 ? domain[1] : 1));
  if (hi <= lo) hi = lo + 1;
  const scale = scaleLog().domain([10 ** lo, 10 ** hi]).range(range) as unknown as Scale;
  const every = Math.ceil((hi - lo + 1) / count);
  const ticks: number[] = [];
  for (let p = hi; p >= lo; p -= every) ticks.unshift(10 ** p);
  const labels = ticks.map((t) => {
    const p = Math.round(Math.log10(t));
    return p < -4 || p > 5 ? `1e${p}` : String(Number(t.toPrecision(1)));
  });
  return { scale, ticks, labels };
}
