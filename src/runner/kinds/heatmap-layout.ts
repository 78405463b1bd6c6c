// Where a heat map's cells, points, ticks and colour key go, and their colours, apart from
// drawing so it can be tested as numbers. Page side only (d3). The colours are ColorBrewer's
// RdBu diverging scheme, which stays readable in the common colour-vision deficiencies: high
// outputs blue and low ones red-orange, the course's pair for positive and negative.
import { scaleDiverging } from 'd3-scale';
import { interpolateRdBu } from 'd3-scale-chromatic';
import { formatShort } from './format';
import type { HeatmapEntry } from './heatmap';
import { indexAxis, round1, type Axis } from './plot-scale';

export interface HeatmapLayout {
  width: number;
  height: number;
  /** the square the grid fills */
  box: { left: number; right: number; top: number; bottom: number };
  x: Axis;
  y: Axis;
  cells: { x: number; y: number; w: number; h: number; fill: string }[];
  points: { cx: number; cy: number; fill: string }[];
  key: { y: number; h: number; cells: { x: number; w: number; fill: string }[]; labels: { x: number; text: string; anchor: 'start' | 'middle' | 'end' }[] };
  /** the words of the SVG's <title> */
  description: string;
}

/**
 * The values the colours span, low, middle, high. An output that stays within [0, 1] is
 * a probability or a 0/1 class, so its neutral middle is 0.5 and its ends 0 and 1; any
 * other output is centred on 0, symmetric, so the sign reads off the hue.
 */
export function colourDomain(range: [number, number] | undefined): [number, number, number] {
  if (!range) return [-1, 0, 1];
  const [lo, hi] = range;
  if (lo >= 0 && hi <= 1) return [0, 0.5, 1];
  const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  return [-m, 0, m];
}

/** The colour of a value: a CSS rgb() string from the diverging scheme. */
export function colourScale(domain: [number, number, number]): (v: number) => string {
  return scaleDiverging(interpolateRdBu).domain(domain).clamp(true);
}

const KEY_STEPS = 24;

export function heatmapLayout(e: HeatmapEntry, range: [number, number] | undefined, shownWidth = 360): HeatmapLayout {
  const width = Math.round(Math.max(240, Math.min(400, shownWidth)));
  const left = 44, top = 8;
  const side = width - left - 12;
  const box = { left, right: left + side, top, bottom: top + side };
  const height = box.bottom + 62;
  // The grid covers exactly the domain, so the axes are not widened to round ends.
  const x = indexAxis(e.xDomain, [box.left, box.right], false, 5);
  const y = indexAxis(e.yDomain, [box.bottom, box.top], false, 5);
  const domain = colourDomain(range);
  const colour = colourScale(domain);
  const cell = side / e.size;
  const cells: HeatmapLayout['cells'] = [];
  e.values.forEach((v, i) => {
    if (v === null) return; // left empty: the background shows where the output is not finite
    const row = Math.floor(i / e.size), col = i % e.size;
    // row 0 is the bottom row; a hair of overlap hides anti-aliasing seams between cells
    cells.push({ x: round1(left + col * cell), y: round1(box.bottom - (row + 1) * cell), w: round1(cell + 0.3), h: round1(cell + 0.3), fill: colour(v) });
  });
  const inside = (p: { x: number; y: number }) => p.x >= e.xDomain[0] && p.x <= e.xDomain[1] && p.y >= e.yDomain[0] && p.y <= e.yDomain[1];
  const points = e.points.filter(inside).map((p) => ({ cx: round1(x.scale(p.x)), cy: round1(y.scale(p.y)), fill: colour(p.expected) }));
  const keyY = box.bottom + 28;
  const step = side / KEY_STEPS;
  const key: HeatmapLayout['key'] = {
    y: keyY,
    h: 10,
    cells: Array.from({ length: KEY_STEPS }, (_, i) => ({
      x: round1(left + i * step),
      w: round1(step + 0.3),
      fill: colour(domain[0] + ((i + 0.5) / KEY_STEPS) * (domain[2] - domain[0])),
    })),
    labels: [
      { x: left, text: formatShort(domain[0]), anchor: 'start' },
      { x: left + side / 2, text: formatShort(domain[1]), anchor: 'middle' },
      { x: left + side, text: formatShort(domain[2]), anchor: 'end' },
    ],
  };
  const r = range ? `from ${formatShort(range[0])} to ${formatShort(range[1])}` : 'none finite';
  const description =
    `Heat map of output ${e.output} over x from ${formatShort(e.xDomain[0])} to ${formatShort(e.xDomain[1])} and y from ` +
    `${formatShort(e.yDomain[0])} to ${formatShort(e.yDomain[1])}, ${e.size} by ${e.size} cells; values ${r}; ` +
    `blue high, red low${e.points.length ? `; ${e.points.length} points coloured by their expected output` : ''}.`;
  return { width, height, box, x, y, cells, points, key, description };
}
