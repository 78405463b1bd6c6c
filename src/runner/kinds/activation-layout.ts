// Where an activation figure's two panels, curves and marks go, apart from drawing so it
// can be tested as numbers. Page side only (d3). The activation is drawn in the forward
// colour (its value flows forward), its slope in the backward colour (the backward pass
// multiplies by it): the course's two directions, as everywhere else.
import type { ActivationEntry } from './activation';
import { formatShort } from './format';
import { curvePath, indexAxis, round1, valueAxis, type Axis } from './plot-scale';

export interface ActivationPanel {
  title: string;
  /** the class its curve and dot are drawn with (a fixed pair, never reader text) */
  cls: 'series-0' | 'series-1';
  box: { left: number; right: number; top: number; bottom: number };
  x: Axis;
  y: Axis;
  path: string;
  marker?: { x: number; y: number; label: string; labelX: number; labelY: number; anchor: 'start' | 'end' };
}

export interface ActivationLayout {
  width: number;
  height: number;
  /** true when the panels sit side by side; false when stacked (a narrow screen) */
  sideBySide: boolean;
  panels: [ActivationPanel, ActivationPanel];
  description: string;
}

const PANEL_H = 150;
const LEFT = 40;
const GAP = 28;
const TOP = 28;
const BELOW = 36;

export function activationLayout(e: ActivationEntry, shownWidth = 560): ActivationLayout {
  const width = Math.round(Math.max(260, Math.min(640, shownWidth)));
  // Side by side needs about 230 units a panel for five readable ticks; below that, stack.
  const sideBySide = width >= 2 * 230 + GAP;
  const panelW = sideBySide ? (width - GAP) / 2 : width;
  const boxAt = (i: number) => {
    const x0 = sideBySide ? i * (panelW + GAP) : 0;
    const y0 = sideBySide ? 0 : i * (TOP + PANEL_H + BELOW);
    return { left: x0 + LEFT, right: x0 + panelW - 10, top: y0 + TOP, bottom: y0 + TOP + PANEL_H };
  };
  const height = sideBySide ? TOP + PANEL_H + BELOW : 2 * (TOP + PANEL_H + BELOW);
  const domain: [number, number] = [e.sums[0] ?? -1, e.sums.at(-1) ?? 1];
  const panel = (i: 0 | 1, ys: number[], title: string, atY: number | undefined, name: string): ActivationPanel => {
    const box = boxAt(i);
    const x = indexAxis(domain, [box.left, box.right], false, 5);
    // A slope of 0…0.25 (the sigmoid's) reads as a curve, not a flat line: no forced zero.
    const finite = ys.filter(Number.isFinite);
    const lo = Math.min(0, ...finite), hi = Math.max(...finite, lo + 1e-9);
    const y = valueAxis([lo, hi === lo ? lo + 1 : hi], [box.bottom, box.top], { count: 4 });
    const p: ActivationPanel = { title, cls: i === 0 ? 'series-0' : 'series-1', box, x, y, path: curvePath(e.sums, ys, x.scale, y.scale) };
    if (e.at && atY !== undefined) {
      const mx = round1(x.scale(e.at.sum)), my = round1(y.scale(atY));
      // the label goes on the side with more room, just above the dot
      const right = mx < (box.left + box.right) / 2;
      p.marker = { x: mx, y: my, label: `${name} = ${formatShort(atY)}`, labelX: right ? mx + 8 : mx - 8, labelY: Math.max(box.top + 12, my - 8), anchor: right ? 'start' : 'end' };
    }
    return p;
  };
  const s = e.at ? formatShort(e.at.sum) : 'sum';
  const panels: [ActivationPanel, ActivationPanel] = [
    panel(0, e.values, `${e.name}(sum)`, e.at?.value, `${e.name}(${s})`),
    panel(1, e.slopes, `slope: d ${e.name} / d sum`, e.at?.slope, 'slope'),
  ];
  const description =
    `${e.name} and its slope for sums from ${formatShort(domain[0])} to ${formatShort(domain[1])}, ${sideBySide ? 'side by side' : 'one above the other'}` +
    `${e.at ? `; at sum ${formatShort(e.at.sum)} the value is ${formatShort(e.at.value)} and the slope ${formatShort(e.at.slope)}` : ''}.`;
  return { width, height, sideBySide, panels, description };
}
