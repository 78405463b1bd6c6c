// Where a training curve goes, apart from drawing so it can be tested as numbers. Page side
// (and build time, for the chapters' static figures): d3 through plot-scale.ts.
import { formatShort } from './format';
import type { Box } from './plot-axes';
import { indexAxis, logAxis, seriesPath, span, valueAxis, type Axis } from './plot-scale';
import type { CurvePoints, TrainingEntry } from './training';

/** The drawn points of each series: the kept ones, then the latest epoch if it was skipped. */
export function drawnPoints(e: CurvePoints): { x: number[]; y: (number | null)[][] } {
  const tail = e.last && e.count > (e.x.at(-1) ?? 0);
  return {
    x: tail ? [...e.x, e.count] : e.x,
    y: e.y.map((ys, i) => (tail ? [...ys, e.last![i] ?? null] : ys)),
  };
}

export interface TrainingLayout {
  x: Axis;
  y: Axis;
  /** one path per series */
  paths: string[];
  /** the points each path goes through (for tests and the description) */
  points: number;
  description: string;
}

export function trainingLayout(e: TrainingEntry, box: Box): TrainingLayout {
  const { x: xs, y: ys } = drawnPoints(e);
  // On a log axis a zero or negative error has no place: it is a gap in the line.
  const shown = e.log ? ys.map((s) => s.map((v) => (v !== null && v > 0 ? v : null))) : ys;
  const all = shown.flat();
  // Epochs count from 1; an empty or one-epoch curve still gets an axis one epoch wide.
  const x = indexAxis([1, Math.max(2, e.count)], [box.left, box.right], true);
  const y = e.log ? logAxis(span(all, [1e-3, 1]), [box.bottom, box.top]) : valueAxis(span(all), [box.bottom, box.top], { fromZero: true });
  const paths = shown.map((s) => seriesPath(s, xs, x.scale, y.scale));
  const summary = e.series.length
    ? e.series
        .map((name, i) => {
          const first = ys[i]?.find((v) => v !== null);
          const latest = [...(ys[i] ?? [])].reverse().find((v) => v !== null);
          return `${name} from ${first == null ? 'none' : formatShort(first)} to ${latest == null ? 'none' : formatShort(latest)}`;
        })
        .join('; ')
    : 'no points yet';
  const thinned = e.stride > 1 ? ` For a chart this long, one epoch in ${e.stride} is drawn, and the latest.` : '';
  const description =
    `Line chart of the error per epoch${e.log ? ' on a logarithmic scale' : ''}: ${e.count.toLocaleString('en')} epoch${e.count === 1 ? '' : 's'}, ${summary}.${thinned}`;
  return { x, y, paths, points: xs.length, description };
}
