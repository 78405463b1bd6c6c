// Where a network diagram puts its neurons and links, apart from drawing so it can be
// tested. Layers are columns, left to right; a layer's bias neuron (when links leave it)
// sits below that layer's neurons; a link's width grows with the square root of its
// weight's size relative to the largest, so small weights stay visible.
import type { NetworkLink } from './network';

export interface PlacedNeuron {
  layer: number;
  /** index in its layer; -1 is the bias neuron */
  index: number;
  x: number;
  y: number;
}

export interface PlacedLink {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  weight: number;
  /** stroke width in SVG units */
  width: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  neurons: PlacedNeuron[];
  links: PlacedLink[];
}

/** Margins, in SVG units: room for a neuron's radius at the edges. */
const MARGIN_X = 36;
const MARGIN_Y = 20;
export const MIN_LINK_WIDTH = 0.6;
export const MAX_LINK_WIDTH = MIN_LINK_WIDTH + 5;

export function layoutNetwork(layers: readonly number[], links: readonly NetworkLink[]): NetworkLayout {
  const hasBias = new Set(links.filter((l) => l.from[1] < 0).map((l) => l.from[0]));
  const tallest = Math.max(1, ...layers.map((n, l) => n + (hasBias.has(l) ? 1 : 0)));
  const width = Math.max(240, Math.min(560, 140 * layers.length));
  const height = Math.max(120, Math.min(420, 46 * tallest + 20));
  const x = (l: number) => MARGIN_X + (l * (width - 2 * MARGIN_X)) / Math.max(1, layers.length - 1);
  const y = (l: number, i: number) => {
    const rows = (layers[l] ?? 0) + (hasBias.has(l) ? 1 : 0);
    const row = i < 0 ? (layers[l] ?? 0) : i; // the bias takes the row after the last neuron
    return MARGIN_Y + ((row + 0.5) * (height - 2 * MARGIN_Y)) / Math.max(1, rows);
  };
  const neurons: PlacedNeuron[] = [];
  layers.forEach((n, l) => {
    for (let i = 0; i < n; i++) neurons.push({ layer: l, index: i, x: x(l), y: y(l, i) });
    if (hasBias.has(l)) neurons.push({ layer: l, index: -1, x: x(l), y: y(l, -1) });
  });
  const largest = Math.max(1e-9, ...links.map((l) => Math.abs(l.weight)));
  const placed = links.map((l) => ({
    x1: x(l.from[0]), y1: y(l.from[0], l.from[1]),
    x2: x(l.to[0]), y2: y(l.to[0], l.to[1]),
    weight: l.weight,
    width: MIN_LINK_WIDTH + (MAX_LINK_WIDTH - MIN_LINK_WIDTH) * Math.sqrt(Math.abs(l.weight) / largest),
  }));
  return { width, height, neurons, links: placed };
}
