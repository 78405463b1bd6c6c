// The "training" kind: show.training, the error per epoch drawn while training runs. Unlike
// the other kinds it is sent in parts: the entry itself when the snippet creates the curve
// (empty, so the chart is on the page at once), then "trainingPoints" updates that append
// the epochs since the last one (worker/live.ts sends them, at most every 50 ms). The page
// keeps each live entry by its id and applies the updates (page/output-view.ts); Node (the
// snippet tests, <Computed>, the chapters' static figures) folds them with foldLive.
//
// A curve keeps at most MAX_KEPT points. Past that it keeps every other one (epochs 1, 3,
// 5…, then 1, 5, 9…), so a run of 100,000 epochs is still drawn whole, at a coarser step,
// and its messages stay within the run's output budget. Worker and page thin with the same
// function (keep), on the same points, so they hold the same curve without sending it twice.
// The latest epoch is always drawn, so the curve ends where training is.
import { el, svg } from './dom';
import { finite, finiteOrNull, isInt, list, optStr, str } from './fields';
import { formatShort } from './format';
import type { KindData, KindView } from './kind';
import { chartSize, drawAxes, plotBox } from './plot-axes';
import { trainingLayout } from './training-layout';
import { LIMITS } from './protocol';

/** Points a curve keeps: more than a chart at its widest (560 units) can show apart. */
export const MAX_KEPT = 2000;
/** Series one curve may have (`curve.add({ train, test })`). */
export const MAX_SERIES = 4;
/** characters of a series name */
const NAME = 40;

/** The points of a curve, as both sides hold them. */
export interface CurvePoints {
  /** series names; empty until the first point says what they are */
  series: string[];
  /** epochs added in all (the last one's number: epochs count from 1) */
  count: number;
  /** the kept epochs are 1, 1 + stride, 1 + 2·stride…; stride doubles at each thinning */
  stride: number;
  /** the epoch of each kept point, rising */
  x: number[];
  /** per series, its value at each kept point (null: not a finite number, or not given) */
  y: (number | null)[][];
  /** the latest epoch's values, drawn even when thinning skips that epoch */
  last?: (number | null)[];
}

export interface TrainingEntry extends CurvePoints {
  kind: 'training';
  /** the curve's number within its run; updates name it */
  live: number;
  title?: string;
  /** a logarithmic error axis, for errors that fall over several decades */
  log?: boolean;
}

/** An update: the points kept since the last one, and where the curve now ends. */
export interface TrainingPoints {
  kind: 'trainingPoints';
  live: number;
  /** sent with the first points, which decide the series */
  series?: string[];
  count: number;
  x: number[];
  y: (number | null)[][];
  last: (number | null)[];
}

export interface TrainingOptions {
  /** draw the error on a logarithmic axis (zero and negative values are left out) */
  log?: boolean;
}

/**
 * Adds epoch `epoch` to a curve: kept if it falls on the stride; past MAX_KEPT points,
 * every other point goes and the stride doubles. Returns whether the point was kept.
 * The one rule both sides apply, so they agree on the curve.
 */
export function keep(c: CurvePoints, epoch: number, values: readonly (number | null)[]): boolean {
  if ((epoch - 1) % c.stride !== 0) return false;
  c.x.push(epoch);
  c.y.forEach((ys, i) => ys.push(values[i] ?? null));
  if (c.x.length > MAX_KEPT) {
    const step = c.stride * 2;
    const at = c.x.map((e, i) => ((e - 1) % step === 0 ? i : -1)).filter((i) => i >= 0);
    c.x = at.map((i) => c.x[i]!);
    c.y = c.y.map((ys) => at.map((i) => ys[i]!));
    c.stride = step;
  }
  return true;
}

/** A curve with no points yet. */
export function emptyCurve(): CurvePoints {
  return { series: [], count: 0, stride: 1, x: [], y: [] };
}

/**
 * Applies an update to the entry it names (the page's copy, or a copy in Node). Returns
 * false and leaves the entry as it was when the update does not follow on from it: epochs
 * that are not new, series that change, lengths that disagree. A gap is allowed (an update
 * the output cap dropped); a repeat or a rewrite of the past is not.
 */
export function applyPoints(e: TrainingEntry, u: TrainingPoints): boolean {
  const series = e.series.length ? e.series : (u.series ?? []);
  if (u.series && e.series.length && (u.series.length !== e.series.length || u.series.some((s, i) => s !== e.series[i]))) return false;
  if (!series.length || u.y.length !== series.length || u.last.length !== series.length) return false;
  if (u.y.some((ys) => ys.length !== u.x.length) || u.count < e.count || u.count < (u.x.at(-1) ?? 0)) return false;
  for (let i = 0; i < u.x.length; i++) if (u.x[i]! <= (i ? u.x[i - 1]! : e.count)) return false;
  if (!e.series.length) {
    e.series = [...series];
    e.y = series.map(() => []);
  }
  u.x.forEach((epoch, i) => keep(e, epoch, u.y.map((ys) => ys[i]!)));
  e.count = u.count;
  e.last = [...u.last];
  return true;
}

/**
 * Node side: a run's entries with each curve's updates applied to it, in the place the
 * curve was created, as the page shows them. An update for a curve that is not there is
 * left out (the page drops it too).
 */
export function foldLive<E extends { kind: string }>(entries: readonly E[]): E[] {
  const curves = new Map<number, TrainingEntry>();
  const out: E[] = [];
  for (const e of entries) {
    if (e.kind === 'training') {
      const copy = structuredClone(e) as unknown as TrainingEntry;
      curves.set(copy.live, copy);
      out.push(copy as unknown as E);
    } else if (e.kind === 'trainingPoints') {
      const u = e as unknown as TrainingPoints;
      const c = curves.get(u.live);
      if (c) applyPoints(c, u);
    } else out.push(e);
  }
  return out;
}

/** "error 0.25 → 0.0032" for each series: its first and latest values. */
function change(e: CurvePoints): string {
  return e.series
    .map((name, i) => {
      const first = e.y[i]?.find((v) => v !== null);
      const latest = e.last?.[i] ?? [...(e.y[i] ?? [])].reverse().find((v) => v !== null);
      return `${name} ${first == null ? '–' : formatShort(first)} → ${latest == null ? '–' : formatShort(latest)}`;
    })
    .join(', ');
}

const seriesList = (x: unknown) => list(x, MAX_SERIES, (v) => str(v, NAME));
const values = (x: unknown, max: number) => list(x, max, (v) => finiteOrNull(v));

export const data: KindData<TrainingEntry> = {
  size: (e) => ({ lines: 10, chars: (e.title?.length ?? 0) + e.x.length * 8 * (1 + e.series.length), elements: 60 + 2 * e.series.length }),
  check(x) {
    const title = optStr(x.title, LIMITS.maxFieldChars);
    const series = seriesList(x.series);
    const xs = list(x.x, MAX_KEPT, finite);
    const ys = series && list(x.y, MAX_SERIES, (v) => values(v, MAX_KEPT));
    const last = x.last === undefined ? undefined : series && values(x.last, MAX_SERIES);
    const log = x.log === undefined || typeof x.log === 'boolean';
    if (!isInt(x.live, 1) || !isInt(x.count) || !isInt(x.stride, 1) || title === false || !series || !xs || !ys || !log) return undefined;
    if (ys.length !== series.length || ys.some((v) => v.length !== xs.length) || (x.last !== undefined && last?.length !== series.length)) return undefined;
    if (xs.some((v, i) => !isInt(v, 1, x.count as number) || (i > 0 && v <= xs[i - 1]!))) return undefined;
    const e: TrainingEntry = { kind: 'training', live: x.live, series, count: x.count, stride: x.stride, x: xs, y: ys };
    if (last) e.last = last;
    if (title !== undefined) e.title = title;
    if (x.log === true) e.log = true;
    return e;
  },
  text: (e) =>
    `[training${e.title ? ': ' + e.title : ''} · ${e.count ? `${e.count.toLocaleString('en')} epoch${e.count === 1 ? '' : 's'} · ${change(e)}` : 'no epochs yet'}]`,
};

/** The update's check, page side: plain data of the right shape, or undefined. */
export const pointsData: KindData<TrainingPoints> = {
  size: (u) => ({ lines: 0, chars: u.x.length * 8 * (1 + u.y.length), elements: 0 }),
  check(x) {
    const series = x.series === undefined ? undefined : seriesList(x.series);
    const xs = list(x.x, MAX_KEPT, (v) => (isInt(v, 1) ? v : undefined));
    const ys = list(x.y, MAX_SERIES, (v) => values(v, MAX_KEPT));
    const last = values(x.last, MAX_SERIES);
    if (!isInt(x.live, 1) || !isInt(x.count) || (x.series !== undefined && !series) || !xs || !ys || !last) return undefined;
    const u: TrainingPoints = { kind: 'trainingPoints', live: x.live, count: x.count, x: xs, y: ys, last };
    if (series) u.series = series;
    return u;
  },
  text: () => '', // never shown: its points are drawn in the curve it names
};

export const view: KindView<TrainingEntry> = {
  render(e, ctx) {
    const fig = el('div', 'figure-plot figure-training');
    fig.dataset.text = data.text(e); // the text alternative, as the expected output states it
    const { width: W, height: H } = chartSize(ctx);
    // room on the right for the last epoch's label ("2,000"), centred on the axis' end
    const box = { ...plotBox(W, H, 52), right: W - 24 };
    const L = trainingLayout(e, box);
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'figure-svg' });
    root.appendChild(svg('title', {}, `${e.title ? e.title + '. ' : ''}${L.description}`));
    drawAxes(root, L.x, L.y, box, 'epoch');
    L.paths.forEach((d, si) => root.appendChild(svg('path', { d, class: `series series-${si % 4}`, fill: 'none' })));
    if (e.title) fig.appendChild(el('p', 'figure-title', e.title));
    fig.appendChild(root);
    if (e.series.length > 1 || e.log) {
      const legend = el('p', 'figure-legend');
      e.series.forEach((s, si) => legend.appendChild(el('span', `legend-item series-${si % 4}`, s)));
      if (e.log) legend.appendChild(el('span', 'legend-note', 'logarithmic scale'));
      fig.appendChild(legend);
    }
    return fig;
  },
};

/** Never drawn: the page applies an update to its curve (page/output-view.ts). */
export const pointsView: KindView<TrainingPoints> = {
  render: () => el('div'),
};
