// Where the step-through diagram draws each neuron and link, and what each step shows
// on them (text and stroke), computed once (at build time for <StepThrough>, when the
// figure is drawn for show.steps) so stepping only swaps it in.
import { num, type Step, type StepModel } from './steps-model';
import type { NetworkShape } from './steps-shape';

/** The SVG's coordinate width: at 375 px the drawing is ~317 px wide, so 16-unit text is ≥ 12 px. */
export const VIEW_WIDTH = 400;
export const RADIUS = 20;
export const ROW = 88;
const PAD_X = 44;
const PAD_Y = 14;
/** Text sizes in viewBox units; the smallest is what the 12 px rule is measured on. */
export const FONT = { label: 17, number: 16 } as const;

export interface Point {
  x: number;
  y: number;
}
export interface Layout {
  width: number;
  height: number;
  neurons: Point[];
  links: { x1: number; y1: number; x2: number; y2: number; label: Point }[];
  /** Every link's weight is labelled (small networks), or only the current step's. */
  labelAll: boolean;
}

export function layoutNetwork(shape: NetworkShape): Layout {
  const layers = shape.layerSizes.length;
  const counts = shape.layerSizes.map((n, l) => n + (l < layers - 1 ? 1 : 0));
  const tallest = Math.max(...counts);
  const height = tallest * ROW + 2 * PAD_Y;
  const step = (VIEW_WIDTH - 2 * PAD_X) / (layers - 1);
  const neurons = shape.neurons.map((n) => {
    const top = PAD_Y + ((tallest - counts[n.layer]) * ROW) / 2;
    return { x: PAD_X + n.layer * step, y: top + ROW * (n.row + 0.5) };
  });
  const links = shape.links.map((l) => {
    const a = neurons[l.from];
    const b = neurons[l.to];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
    // Ends on the circles' rims; the label sits above the link, 45 % of the way along.
    const x1 = a.x + ux * RADIUS;
    const y1 = a.y + uy * RADIUS;
    const x2 = b.x - ux * RADIUS;
    const y2 = b.y - uy * RADIUS;
    const t = 0.45;
    return { x1, y1, x2, y2, label: { x: x1 + (x2 - x1) * t + uy * 9, y: y1 + (y2 - y1) * t - Math.abs(ux) * 9 } };
  });
  // Every gap with at most one neuron to feed has few enough links to label them all.
  const labelAll = shape.layerSizes.slice(1).every((n) => n === 1);
  return { width: VIEW_WIDTH, height, neurons, links, labelAll };
}

/** What one step shows: neuron numbers and link strokes. All text is final. */
export interface StepView {
  mode: 'f' | 'b';
  /** Per neuron: [value text, sensitivity text]; '' where nothing is known yet. */
  neurons: [string, string][];
  /** Per link: stroke kind, width, label text, accessible title. */
  links: { kind: 'pos' | 'neg' | 'zero' | 'back' | 'pending'; width: number; label: string; title: string }[];
  target: Step['target'];
}

const show = (n: number | null) => (n === null ? '' : num(n).replace(/^-/, '−'));
/** Short numbers for the diagram: 3 significant digits; the panel has 6. */
export const short = (n: number | null) => (n === null ? '' : String(Number(n.toPrecision(3))).replace(/^-/, '−'));

const MIN_W = 1.5;
const MAX_W = 8;
function width(magnitude: number, max: number): number {
  if (max === 0) return MIN_W;
  return Math.round((MIN_W + (MAX_W - MIN_W) * Math.min(1, Math.abs(magnitude) / max)) * 10) / 10;
}

export function stepViews(model: StepModel): StepView[] {
  const maxWeight = Math.max(...model.steps.flatMap((s) => s.state.weights.map(Math.abs)));
  const maxSens = Math.max(0, ...model.steps.flatMap((s) => s.state.outputSensitivities.map((v) => Math.abs(v ?? 0))));
  return model.steps.map((step) => {
    const mode = step.phase === 'forward' ? 'f' : 'b';
    const neurons = model.shape.neurons.map((n, i): [string, string] => [
      short(step.state.values[i]),
      n.isBias ? '' : short(step.state.sensitivities[i]),
    ]);
    const links = model.shape.links.map((l, k) => {
      const w = step.state.weights[k];
      const os = step.state.outputSensitivities[k];
      const sign = w > 0 ? 'pos' : w < 0 ? 'neg' : 'zero';
      const title =
        `link ${l.text}: weight ${show(w)}` + (os === null ? '' : `, output sensitivity ${show(os)}`);
      if (mode === 'f') return { kind: sign, width: width(w, maxWeight), label: short(w), title } as const;
      if (os === null) return { kind: 'pending', width: MIN_W, label: short(w), title } as const;
      return { kind: 'back', width: width(os, maxSens), label: short(w), title } as const;
    });
    return { mode, neurons, links, target: step.target };
  });
}
