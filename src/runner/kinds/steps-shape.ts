// The step-through figure's network, from its layer sizes alone: the neurons it draws
// (with their names and symbols), its links in `net.links` order, and the order in which
// one traced `learn` reports its events. Everything structural the figure needs is
// derived here from a list of small integers, so the page can rebuild it from numbers it
// has checked and the worker never sends a label. Pure: used by the worker's capture,
// the page's check and view, and the build-time <StepThrough>.

/** A figure steps through at most this many links (the page draws every one of them). */
export const MAX_STEP_LINKS = 40;

/** The activations the figure can name; anything else (a reader's own) is "other". */
export const ACTIVATION_KEYS = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'linear', 'other'] as const;
export type ActivationKey = (typeof ACTIVATION_KEYS)[number];

/** How the figure names a network's activations (one per layer): "sigmoid", "tanh → linear". */
export function activationSummary(activations: readonly ActivationKey[]): string {
  const hidden = activations.slice(1, -1);
  const output = activations.at(-1)!;
  const first = hidden[0] ?? output;
  return hidden.every((a) => a === first) && first === output ? first : `${[...new Set(hidden)].join('/')} → ${output}`;
}

export interface NeuronInfo {
  /** The engine's name: in[0], h1[0], out[0]; "bias" for a bias neuron. */
  name: string;
  /** TeX symbol: x_{1}, h_{1}, y; 1 for a bias neuron. */
  tex: string;
  /** Plain-text symbol: x₁, h₁, y, bias. */
  text: string;
  layer: number;
  /** Position in its layer; a bias neuron comes after the layer's neurons. */
  row: number;
  isBias: boolean;
}

export interface LinkInfo {
  /** Indices into NetworkShape.neurons. */
  from: number;
  to: number;
  /** TeX symbol of the weight. */
  tex: string;
  /** "x₁ → y" */
  text: string;
}

export interface NetworkShape {
  layerSizes: number[];
  /** Each layer's neurons, then that layer's bias neuron (every layer but the last). */
  neurons: NeuronInfo[];
  /** As the engine orders `net.links`: layer by layer, neuron by neuron, bias link last. */
  links: LinkInfo[];
}

/** How many links a Network of these layer sizes has, bias links included. */
export function linkCount(layerSizes: readonly number[]): number {
  let n = 0;
  for (let l = 1; l < layerSizes.length; l++) n += (layerSizes[l - 1] + 1) * layerSizes[l];
  return n;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const sub = (k: number) => String(k).replace(/\d/g, (d) => SUB[Number(d)]);

export function describeShape(layerSizes: readonly number[]): NetworkShape {
  const last = layerSizes.length - 1;
  const hiddenLayers = last - 1;
  const neurons: NeuronInfo[] = [];
  /** Index in `neurons` of layer l's neuron j, and of layer l's bias. */
  const at: number[][] = [];
  const biasAt: number[] = [];
  layerSizes.forEach((size, l) => {
    const prefix = l === 0 ? 'in' : l === last ? 'out' : `h${l}`;
    at.push([]);
    for (let j = 0; j < size; j++) {
      let tex: string;
      let text: string;
      if (l === 0) [tex, text] = [`x_{${j + 1}}`, `x${sub(j + 1)}`];
      else if (l === last) [tex, text] = size === 1 ? ['y', 'y'] : [`y_{${j + 1}}`, `y${sub(j + 1)}`];
      else if (hiddenLayers === 1) [tex, text] = [`h_{${j + 1}}`, `h${sub(j + 1)}`];
      else [tex, text] = [`h_{${l},${j + 1}}`, `h${sub(l)},${sub(j + 1)}`];
      at[l].push(neurons.length);
      neurons.push({ name: `${prefix}[${j}]`, tex, text, layer: l, row: j, isBias: false });
    }
    if (l < last) {
      biasAt.push(neurons.length);
      neurons.push({ name: 'bias', tex: '1', text: 'bias', layer: l, row: size, isBias: true });
    }
  });
  // One neuron fed by inputs only (chapter 1's y): w₁, w₂ and b, as the prose writes them.
  const single = last === 1 && layerSizes[1] === 1;
  const links: LinkInfo[] = [];
  for (let l = 1; l <= last; l++) {
    for (const to of at[l]) {
      for (const from of [...at[l - 1], biasAt[l - 1]]) {
        const [f, t] = [neurons[from], neurons[to]];
        const tex = f.isBias ? (single ? 'b' : `b_{${t.tex}}`) : single ? `w_{${f.row + 1}}` : `w_{${f.tex}${t.tex}}`;
        links.push({ from, to, tex, text: `${f.isBias ? 'bias' : f.text} → ${t.text}` });
      }
    }
  }
  return { layerSizes: layerSizes.slice(), neurons, links };
}

export const EVENT_TYPES = ['input', 'carry', 'activate', 'error', 'sensitivity', 'outputSensitivity', 'sendBack', 'weightChange'] as const;
export type StepEventType = (typeof EVENT_TYPES)[number];

/** What an event is about: a neuron or a link (an index into the shape's lists), or the error. */
export type StepTarget = { kind: 'neuron' | 'link'; index: number } | { kind: 'error' };

/**
 * The events one traced `learn` reports, in order, for this shape (squared error):
 * each input; each neuron's incoming links carrying, then the neuron activating, layer
 * by layer; the error; then from the output layer back, each neuron's sensitivity
 * followed by each of its incoming links' three steps. The engine's trace is held
 * against this list on both sides of the sandbox.
 */
export function stepSequence(shape: NetworkShape): { type: StepEventType; target: StepTarget }[] {
  const out: { type: StepEventType; target: StepTarget }[] = [];
  const neuron = (index: number) => ({ kind: 'neuron', index }) as const;
  const link = (index: number) => ({ kind: 'link', index }) as const;
  const incoming = (n: number) => shape.links.flatMap((l, k) => (l.to === n ? [k] : []));
  const inLayer = (l: number) => shape.neurons.flatMap((n, i) => (n.layer === l && !n.isBias ? [i] : []));
  const last = shape.layerSizes.length - 1;
  for (const n of inLayer(0)) out.push({ type: 'input', target: neuron(n) });
  for (let l = 1; l <= last; l++) {
    for (const n of inLayer(l)) {
      for (const k of incoming(n)) out.push({ type: 'carry', target: link(k) });
      out.push({ type: 'activate', target: neuron(n) });
    }
  }
  out.push({ type: 'error', target: { kind: 'error' } });
  for (let l = last; l >= 1; l--) {
    for (const n of inLayer(l)) {
      out.push({ type: 'sensitivity', target: neuron(n) });
      for (const k of incoming(n)) {
        out.push({ type: 'outputSensitivity', target: link(k) });
        out.push({ type: 'sendBack', target: link(k) });
        out.push({ type: 'weightChange', target: link(k) });
      }
    }
  }
  return out;
}
