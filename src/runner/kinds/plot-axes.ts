// Page side: the frame every chart of the course shares (axis lines, grid, tick labels,
// axis label), drawn from plot-scale.ts's numbers, so a line chart, an activation and an
// error curve read alike. Sizes are in SVG units drawn at the width the chart is shown
// at (one unit is one CSS pixel), so 12-unit text is 12 px text, even on a phone.
import { svg } from './dom';
import type { Axis } from './plot-scale';
import type { RenderContext } from './kind';

/** The plotting area inside the SVG, in SVG units. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A chart's width: the width it is shown at, within bounds; narrower charts are a bit shorter. */
export function chartSize(ctx: RenderContext, max = 560): { width: number; height: number } {
  const width = Math.round(Math.max(260, Math.min(max, ctx.width ?? 480)));
  return { width, height: width < 400 ? 200 : 220 };
}

/** Room for tick labels on the left and below; the label text is 12 px (see figures.css). */
export function plotBox(width: number, height: number, left = 48): Box {
  return { left, right: width - 12, top: 12, bottom: height - 34 };
}

export function drawAxes(root: SVGElement, x: Axis, y: Axis, box: Box, xLabel?: string): void {
  const { left, right, top, bottom } = box;
  y.ticks.forEach((v, i) => {
    const py = y.scale(v);
    root.appendChild(svg('line', { x1: left, y1: py, x2: right, y2: py, class: 'grid' }));
    root.appendChild(svg('text', { x: left - 6, y: py + 4, 'text-anchor': 'end', class: 'tick' }, y.labels[i]!));
  });
  x.ticks.forEach((v, i) => {
    root.appendChild(svg('text', { x: x.scale(v), y: bottom + 16, 'text-anchor': 'middle', class: 'tick' }, x.labels[i]!));
  });
  root.appendChild(svg('line', { x1: left, y1: bottom, x2: right, y2: bottom, class: 'axis' }));
  root.appendChild(svg('line', { x1: left, y1: top, x2: left, y2: bottom, class: 'axis' }));
  if (xLabel) root.appendChild(svg('text', { x: (left + right) / 2, y: bottom + 31, 'text-anchor': 'middle', class: 'label' }, xLabel));
}
