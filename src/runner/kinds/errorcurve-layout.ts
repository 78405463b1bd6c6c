// Where an error curve, its tangent and the current weight's mark go, apart from drawing so
// they can be tested as numbers. Page side only (d3). The tangent is cut where it leaves the
// plotting area, computed rather than clipped, so the SVG needs no clipPath id.
import type { ErrorCurveEntry } from './errorcurve';
import { formatShort } from './format';
import { chartSize, plotBox, type Box } from './plot-axes';
import { curvePath, indexAxis, round1, span, valueAxis, type Axis } from './plot-scale';

export interface ErrorCurveLayout {
  width: number;
  height: number;
  box: Box;
  x: Axis;
  y: Axis;
  curve: string;
  /** the tangent at the current weight, within the box; absent if it never enters it */
  tangent?: { x1: number; y1: number; x2: number; y2: number };
  dot: { cx: number; cy: number };
  label: { x: number; y: number; text: string; anchor: 'start' | 'end' };
  description: string;
}

export function errorCurveLayout(e: ErrorCurveEntry, shownWidth?: number): ErrorCurveLayout {
  const { width, height } = chartSize({ width: shownWidth });
  const box = plotBox(width, height, 48);
  const w: [number, number] = [e.weights[0] ?? e.at.weight - 1, e.weights.at(-1) ?? e.at.weight + 1];
  const x = indexAxis(w, [box.left, box.right], false, 5);
  // An error is never negative: the axis starts at zero, so the eye reads how much is left.
  const y = valueAxis(span([...e.errors, e.at.error]), [box.bottom, box.top], { fromZero: true });
  const curve = curvePath(e.weights, e.errors.map((v) => v ?? NaN), x.scale, y.scale);
  // The tangent E(w0) + g (w − w0), over the weights where it stays inside the y axis.
  const [ylo, yhi] = y.scale.domain() as [number, number];
  const { weight: w0, error: e0, gradient: g } = e.at;
  let a = w[0], b = w[1];
  if (g !== 0) {
    const wa = w0 + (ylo - e0) / g, wb = w0 + (yhi - e0) / g;
    a = Math.max(a, Math.min(wa, wb));
    b = Math.min(b, Math.max(wa, wb));
  }
  const T = (v: number) => e0 + g * (v - w0);
  const tangent = a < b && Number.isFinite(g)
    ? { x1: round1(x.scale(a)), y1: round1(y.scale(T(a))), x2: round1(x.scale(b)), y2: round1(y.scale(T(b))) }
    : undefined;
  const dot = { cx: round1(x.scale(w0)), cy: round1(y.scale(e0)) };
  const onLeft = dot.cx < (box.left + box.right) / 2;
  const label = {
    x: onLeft ? dot.cx + 10 : dot.cx - 10,
    y: Math.max(box.top + 12, dot.cy - 10),
    text: `∂E/∂w = ${formatShort(g)}`,
    anchor: onLeft ? ('start' as const) : ('end' as const),
  };
  const description =
    `The error as a function of the weight ${e.link}, for weights from ${formatShort(w[0])} to ${formatShort(w[1])}. ` +
    `At the current weight ${formatShort(w0)} the error is ${formatShort(e0)}, and the tangent there has slope ${formatShort(g)}, ` +
    `the gradient backpropagation computed.`;
  return { width, height, box, x, y, curve, tangent, dot, label, description };
}
