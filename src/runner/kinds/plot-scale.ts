// The plot's axes as numbers, apart from drawing so they can be tested: the extent of the
// data, round tick values, and the maps from data to pixels.
import type { PlotSeries } from './plot';

/** The smallest round step (a multiple of a power of ten from `multiples`) at least `rough`. */
export function niceStep(rough: number, multiples: readonly number[]): number {
  const mag = 10 ** Math.floor(Math.log10(rough));
  return multiples.map((m) => m * mag).find((s) => s >= rough) ?? 10 * mag;
}

/** A tick label: short, no float noise, exponent form for very large or small values. */
export function formatTick(n: number): string {
  if (n === 0) return '0';
  const a = Math.abs(n);
  if (a >= 1e4 || a < 1e-3) return n.toExponential(1);
  return String(Number(n.toPrecision(3)));
}

export interface Extent {
  xmin: number;
  xmax: number;
  ymin: number;
  ymax: number;
}

/** The data's extent; never empty or zero-wide, so the maps below always divide safely. */
export function extent(series: readonly PlotSeries[]): Extent {
  let ymin = Infinity, ymax = -Infinity, xmin = Infinity, xmax = -Infinity;
  for (const s of series) {
    s.y.forEach((y, i) => {
      if (y === null) return;
      const x = s.x?.[i] ?? i;
      ymin = Math.min(ymin, y); ymax = Math.max(ymax, y);
      xmin = Math.min(xmin, x); xmax = Math.max(xmax, x);
    });
  }
  if (!Number.isFinite(ymin)) return { xmin: 0, xmax: 1, ymin: 0, ymax: 1 };
  if (ymin === ymax) { ymin -= 1; ymax += 1; }
  if (xmin === xmax) xmax = xmin + 1;
  return { xmin, xmax, ymin, ymax };
}

/**
 * The y axis: about four round steps (0, 0.05, 0.1, …), widened to the ticks around the
 * data. A positive series that stays well above zero still starts at zero, so the eye
 * reads "how much error is left", not "how much it wiggles".
 */
export function yAxis(ymin: number, ymax: number): { min: number; max: number; ticks: number[] } {
  if (ymin > 0 && ymin < ymax * 0.5) ymin = 0;
  const step = niceStep((ymax - ymin) / 4, [1, 2, 2.5, 5, 10]);
  const min = Math.floor(ymin / step + 1e-9) * step;
  const max = Math.ceil(ymax / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let y = min; y <= max + step / 2; y += step) ticks.push(Number(y.toPrecision(12)));
  return { min: ticks[0]!, max: ticks[ticks.length - 1]!, ticks };
}

/**
 * The x ticks. x is usually a step or epoch index: whole numbers at a round step of at
 * least 1, never repeated. Given x values get five evenly spaced ticks.
 */
export function xTicks(xmin: number, xmax: number, whole: boolean): number[] {
  if (!whole) return [0, 1, 2, 3, 4].map((i) => xmin + ((xmax - xmin) * i) / 4);
  const step = niceStep(Math.max(1, (xmax - xmin) / 5), [1, 2, 5, 10]);
  const ticks: number[] = [];
  for (let x = Math.ceil(xmin / step) * step; x <= xmax; x += step) ticks.push(x);
  return ticks;
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}
