// The step-through figure's model: a Network built with the engine, one `learn` run
// with a trace listener, and every trace event turned into a step the page can show.
// Nothing here recomputes the engine's arithmetic: each number is the event's own, or
// the network's state at the moment the event was heard (a neuron's slope, a link's
// weight). The text and TeX for a step only *display* those numbers.
//
// Used at build time by StepThrough.astro; pure (no DOM, no Astro), so unit tests can
// hold every step against the engine.
import { Network, gradientCheck, type Link, type Neuron, type TraceEvent, type ActivationName } from '../../../src/lernmi';

export interface StepThroughSpec {
  /** Layer sizes, input layer first, e.g. [2, 2, 1]. */
  layers: readonly number[];
  /** Hidden layers' activation (and the output's, unless outputActivation is given). */
  activation?: ActivationName;
  outputActivation?: ActivationName;
  seed?: number;
  input: readonly number[];
  expected: readonly number[];
  trainingRate?: number;
  /** Optional starting weights, in `net.links` order (each neuron's links, bias last). */
  weights?: readonly number[];
}

/** Where a step's arithmetic lives in the engine: a member and the lines in it. */
export interface SourceRef {
  /** A file under src/engine/. */
  file: string;
  /** As <EngineSource> names it: "Link.sendBack", "squaredError". */
  name: string;
  /** Text that the highlighted lines contain (each must match exactly one line). */
  lines: string[];
}

export type Phase = 'forward' | 'backward';

/** What the diagram shows at one step. `null`: not known yet at this step. */
export interface DiagramState {
  /** Per neuron (NetworkShape.neurons order): its value. */
  values: (number | null)[];
  /** Per neuron: its sensitivity so far (a sum in progress until its own event). */
  sensitivities: (number | null)[];
  /** Per link (net.links order): its weight at this step. */
  weights: number[];
  /** Per link: its output sensitivity, once the link has taken step 1. */
  outputSensitivities: (number | null)[];
}

export interface Step {
  index: number;
  type: TraceEvent['type'];
  phase: Phase;
  /** What the step touches: a neuron or a link (index into shape.neurons / shape.links), or the error. */
  target: { kind: 'neuron' | 'link'; index: number } | { kind: 'error' };
  /** The event's own number: a value, a carried amount, E, a sensitivity, a weight change. */
  value: number;
  /** What happened, in the course's words, with the numbers. Plain text. */
  description: string;
  /** TeX: first the formula with this step's term boxed, then the numbers. */
  tex: string;
  /**
   * The displayed arithmetic as JavaScript over the displayed numbers, and the
   * displayed result: tests evaluate one and compare with the other.
   */
  check: { expression: string; result: number };
  source: SourceRef;
  state: DiagramState;
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
  from: number;
  to: number;
  /** TeX symbol of the weight. */
  tex: string;
  /** "x₁ → y" */
  text: string;
}

export interface NetworkShape {
  layerSizes: number[];
  neurons: NeuronInfo[];
  links: LinkInfo[];
}

export interface GradientRow {
  link: number;
  backprop: number;
  numerical: number;
  relativeError: number;
}

export interface StepModel {
  spec: StepThroughSpec;
  shape: NetworkShape;
  steps: Step[];
  /** Index of the step that ends the forward pass (the error). */
  forwardEnd: number;
  gradientCheck: GradientRow[];
  /** The error E returned by learn. */
  error: number;
  /** Weights after the step, read from the network. */
  finalWeights: number[];
}

// ---------------------------------------------------------------------------------
// Numbers as the course prints them: 6 significant digits (the engine's
// describeNumber), and a real minus sign in text.

/** The engine's printed form, e.g. 0.785835, -0.0360436. */
export function num(n: number): string {
  if (Number.isInteger(n) || !Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}
/** For prose: a real minus sign. */
export function txt(n: number): string {
  return num(n).replace(/^-/, '−');
}
/** For TeX: negative numbers in parentheses when they are a factor. */
function texNum(n: number, paren = false): string {
  const s = num(n);
  return paren && s.startsWith('-') ? `(${s})` : s;
}
/** A factor in prose: (−0.4) in parentheses, so "× −0.4" never appears. */
function factor(n: number): string {
  const s = txt(n);
  return s.startsWith('−') ? `(${s})` : s;
}
/** A sum in prose: 1.5 − 0.2 + 0. */
function sumText(terms: number[]): string {
  return terms.map((n, i) => (i === 0 ? txt(n) : n < 0 || Object.is(n, -0) ? ` − ${txt(-n)}` : ` + ${txt(n)}`)).join('');
}
/** A sum in TeX: 1.5 - 0.2 + 0. */
function sumTex(terms: number[]): string {
  return terms.map((n, i) => (i === 0 ? num(n) : n < 0 ? ` - ${num(-n)}` : ` + ${num(n)}`)).join('');
}
/** For the check expression: the displayed number, parenthesised. */
function js(n: number): string {
  return `(${num(n)})`;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const sub = (k: number) => String(k).replace(/\d/g, (d) => SUB[Number(d)]);

// TeX classes: a value (forward colour), a sensitivity (backward colour), a weight,
// and the boxed term the step computes. KaTeX is run with `trust` for \htmlClass only.
const V = (s: string) => `\\htmlClass{tv}{${s}}`;
const S = (s: string) => `\\htmlClass{ts}{${s}}`;
const W = (s: string) => `\\htmlClass{tw}{${s}}`;
/** A number captioned with the course's word for it, under it (teaching note 5). */
const U = (s: string, words: string) => `\\underbrace{${s}}_{\\text{${words}}}`;
const HL = (s: string) => `\\htmlClass{hl}{\\boxed{${s}}}`;

const SLOPE_TEX: Record<string, string> = {
  sigmoid: '\\sigma',
  tanh: '\\tanh',
  relu: '\\operatorname{relu}',
  leakyRelu: '\\operatorname{lrelu}',
  linear: '\\operatorname{id}',
};
const ACTIVATION_WORDS: Record<string, string> = {
  sigmoid: 'the sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  leakyRelu: 'leaky ReLU',
  linear: 'the identity (linear)',
};

/** Builds the network, runs one traced `learn`, and turns the trace into steps. */
export function buildStepModel(spec: StepThroughSpec): StepModel {
  const where = `<StepThrough layers={[${spec.layers.join(', ')}]}>`;
  const net = new Network(spec.layers, {
    activation: spec.activation ?? 'sigmoid',
    outputActivation: spec.outputActivation ?? spec.activation ?? 'sigmoid',
    trainingRate: spec.trainingRate ?? 0.1,
    seed: spec.seed ?? 1,
  });
  if (spec.weights) {
    if (spec.weights.length !== net.links.length) {
      throw new Error(`${where}: weights has ${spec.weights.length} numbers; this network has ${net.links.length} links (each neuron's links in order, its bias link last)`);
    }
    spec.weights.forEach((w, k) => (net.links[k].weight = w));
  }
  if (net.links.length > 40) throw new Error(`${where}: ${net.links.length} links are too many to step through; keep it to 40`);

  const shape = describeShape(net);
  const neuronIndex = new Map<Neuron, number>();
  const all = allNeurons(net);
  all.forEach((n, i) => neuronIndex.set(n, i));
  const linkIndex = new Map<Link, number>();
  net.links.forEach((l, i) => linkIndex.set(l, i));

  // The gradient check runs first, on the network as it is before the step (it leaves
  // the weights exactly as they were).
  const checked = gradientCheck(net, spec.input, spec.expected).map((e) => ({
    link: linkIndex.get(e.link)!,
    backprop: e.backprop,
    numerical: e.numerical,
    relativeError: e.relativeError,
  }));

  // What the diagram knows so far; updated as events arrive.
  const known = {
    values: all.map((n) => (n.isBias ? 1 : null)) as (number | null)[],
    sensitivities: all.map(() => null) as (number | null)[],
    outputSensitivities: net.links.map(() => null) as (number | null)[],
    // A link reports its backward steps after taking all three, so its weight is read
    // from the events: the old one until its weightChange event says the new one.
    weights: net.links.map((l) => l.weight),
  };
  const events: TraceEvent[] = [];
  const steps: Step[] = [];
  let phase: Phase = 'forward';
  const ctx: Ctx = { net, shape, neuronIndex, linkIndex, rate: net.trainingRate, carried: new Map(), sent: new Map(), expected: spec.expected };

  const unsubscribe = net.onTrace((event) => {
    events.push(event);
    if (event.type === 'sensitivity') phase = 'backward';
    // Update what is known, from the event and the network's state now.
    switch (event.type) {
      case 'input':
      case 'activate':
        known.values[neuronIndex.get(event.neuron)!] = event.value;
        break;
      case 'sensitivity':
        known.sensitivities[neuronIndex.get(event.neuron)!] = event.sensitivity;
        break;
      case 'outputSensitivity':
        known.outputSensitivities[linkIndex.get(event.link)!] = event.outputSensitivity;
        break;
      case 'sendBack': {
        // The input neuron's sensitivity as it stands after this link's share.
        const from = neuronIndex.get(event.link.from)!;
        known.sensitivities[from] = event.link.from.sensitivity;
        break;
      }
      default:
        break;
    }
    const described = describeEvent(event, ctx, known);
    if (event.type === 'weightChange') known.weights[linkIndex.get(event.link)!] = event.weight;
    if (!described) return;
    steps.push({
      index: steps.length,
      type: event.type,
      phase,
      ...described,
      state: {
        values: known.values.slice(),
        sensitivities: known.sensitivities.slice(),
        weights: known.weights.slice(),
        outputSensitivities: known.outputSensitivities.slice(),
      },
    });
  });
  let error: number;
  try {
    error = net.learn(spec.input, spec.expected);
  } finally {
    unsubscribe();
  }
  const forwardEnd = steps.findIndex((s) => s.type === 'error');
  return { spec, shape, steps, forwardEnd, gradientCheck: checked, error, finalWeights: net.links.map((l) => l.weight) };
}

interface Ctx {
  net: Network;
  shape: NetworkShape;
  neuronIndex: Map<Neuron, number>;
  linkIndex: Map<Link, number>;
  rate: number;
  /** What each link carried in this forward pass (from its carry event). */
  carried: Map<Link, number>;
  /** What each link sent back (from its sendBack event). */
  sent: Map<Link, number>;
  expected: readonly number[];
}

/** Every neuron the diagram draws: each layer's neurons, then that layer's bias neuron. */
function allNeurons(net: Network): Neuron[] {
  return net.layers.flatMap((layer, l) => (l < net.biases.length ? [...layer, net.biases[l]] : layer));
}

function describeShape(net: Network): NetworkShape {
  const last = net.layers.length - 1;
  const hiddenLayers = last - 1;
  const neurons: NeuronInfo[] = [];
  net.layers.forEach((layer, l) => {
    layer.forEach((neuron, j) => {
      let tex: string;
      let text: string;
      if (l === 0) [tex, text] = [`x_{${j + 1}}`, `x${sub(j + 1)}`];
      else if (l === last) [tex, text] = layer.length === 1 ? ['y', 'y'] : [`y_{${j + 1}}`, `y${sub(j + 1)}`];
      else if (hiddenLayers === 1) [tex, text] = [`h_{${j + 1}}`, `h${sub(j + 1)}`];
      else [tex, text] = [`h_{${l},${j + 1}}`, `h${sub(l)},${sub(j + 1)}`];
      neurons.push({ name: neuron.name ?? '', tex, text, layer: l, row: j, isBias: false });
    });
    if (l < last) neurons.push({ name: 'bias', tex: '1', text: 'bias', layer: l, row: layer.length, isBias: true });
  });
  const all = allNeurons(net);
  const index = new Map(all.map((n, i) => [n, i]));
  // One neuron fed by inputs only (chapter 1's y): w₁, w₂ and b, as the prose writes them.
  const single = last === 1 && net.layers[1].length === 1;
  const links: LinkInfo[] = net.links.map((link) => {
    const from = index.get(link.from)!;
    const to = index.get(link.to)!;
    const [f, t] = [neurons[from], neurons[to]];
    let tex: string;
    if (f.isBias) tex = single ? 'b' : `b_{${t.tex}}`;
    else tex = single ? `w_{${f.row + 1}}` : `w_{${f.tex}${t.tex}}`;
    return { from, to, tex, text: `${f.isBias ? 'bias' : f.text} → ${t.text}` };
  });
  return { layerSizes: net.layerSizes.slice(), neurons, links };
}

// ---------------------------------------------------------------------------------
// One event → its description, TeX and engine line.

type Described = Pick<Step, 'target' | 'value' | 'description' | 'tex' | 'check' | 'source'>;

function sumSymbol(ctx: Ctx, neuron: number): string {
  const single = ctx.shape.links.every((l) => l.to === ctx.shape.links[0].to);
  return single ? 'z' : `z_{${ctx.shape.neurons[neuron].tex}}`;
}
const dE = (of: string) => `\\frac{\\partial E}{\\partial ${of}}`;

/** Σ over a neuron's incoming links, symbolically, with one link's term boxed. */
function sumOfInputs(ctx: Ctx, to: number, boxed?: number): string {
  return ctx.shape.links
    .map((l, k) => ({ l, k }))
    .filter(({ l }) => l.to === to)
    .map(({ l, k }) => {
      const from = ctx.shape.neurons[l.from];
      const term = from.isBias ? W(l.tex) : `${W(l.tex)}\\,${V(from.tex)}`;
      return k === boxed ? HL(term) : term;
    })
    .join(' + ');
}

/** Σ over a neuron's outgoing links of output sensitivity × weight, one term boxed. */
function sumOfSent(ctx: Ctx, from: number, boxed?: number): string {
  return ctx.shape.links
    .map((l, k) => ({ l, k }))
    .filter(({ l }) => l.from === from)
    .map(({ l, k }) => {
      const term = `${S(dE(sumSymbol(ctx, l.to)))}\\,${W(l.tex)}`;
      return k === boxed ? HL(term) : term;
    })
    .join(' + ');
}

function slopeTex(neuron: Neuron, z: string): string {
  return `${SLOPE_TEX[neuron.activation.name] ?? 'f'}'(${z})`;
}

/** What the figure has heard so far (see buildStepModel). */
interface Known {
  outputSensitivities: (number | null)[];
  /** Each link's weight as last reported: before its weightChange event, the old one. */
  weights: number[];
}

function describeEvent(event: TraceEvent, ctx: Ctx, known: Known): Described | undefined {
  const { shape, neuronIndex, linkIndex } = ctx;
  switch (event.type) {
    case 'input': {
      const n = neuronIndex.get(event.neuron)!;
      const sym = shape.neurons[n];
      return {
        target: { kind: 'neuron', index: n },
        value: event.value,
        description: `Forward. The input neuron ${sym.text} takes the value ${txt(event.value)}.`,
        tex: `${V(sym.tex)} = ${HL(V(texNum(event.value)))}`,
        check: { expression: js(event.value), result: event.value },
        source: { file: 'network.ts', name: 'Network.forward', lines: ['neuron.value = inputs[i];'] },
      };
    }
    case 'carry': {
      const link = event.link;
      const k = linkIndex.get(link)!;
      const info = shape.links[k];
      const from = shape.neurons[info.from];
      const to = shape.neurons[info.to];
      ctx.carried.set(link, event.value);
      const inputValue = link.from.value; // the state the link multiplied
      const weight = link.weight;
      const what = from.isBias ? `the bias neuron's value 1` : `${from.text}'s value`;
      return {
        target: { kind: 'link', index: k },
        value: event.value,
        description: `Forward. The link ${info.text} carries ${what} times its weight to ${to.text}: ${txt(inputValue)} × ${factor(weight)} = ${txt(event.value)}.`,
        tex:
          `${V(sumSymbol(ctx, info.to))} = ${sumOfInputs(ctx, info.to, k)} \\\\ ` +
          `${HL(`${U(W(texNum(weight, true)), 'weight')} \\times ${U(V(texNum(inputValue, true)), 'input value')}`)} \\\\ = ${texNum(event.value)}`,
        check: { expression: `${js(weight)} * ${js(inputValue)}`, result: event.value },
        source: { file: 'link.ts', name: 'Link.propagate', lines: ['return this.from.value * this.weight;'] },
      };
    }
    case 'activate': {
      const n = neuronIndex.get(event.neuron)!;
      const sym = shape.neurons[n];
      const incoming = event.neuron.inputs.map((l) => ctx.carried.get(l)!);
      const z = sumSymbol(ctx, n);
      const f = SLOPE_TEX[event.neuron.activation.name] ?? 'f';
      const words = ACTIVATION_WORDS[event.neuron.activation.name] ?? event.neuron.activation.name;
      const parts = sumTex(incoming);
      return {
        target: { kind: 'neuron', index: n },
        value: event.value,
        description: `Forward. ${sym.text} adds up what its links carry, ${sumText(incoming)} = ${txt(event.sum)}, and passes the sum through ${words}: its value is ${txt(event.value)}.`,
        tex:
          `${V(z)} = ${parts} = ${texNum(event.sum)} \\\\ ` +
          `${HL(`${V(sym.tex)} = ${f}(${V(z)})`)} = ${f}(${texNum(event.sum)}) \\\\ = ${V(texNum(event.value))}`,
        check: { expression: activationJs(event.neuron.activation.name, incoming.map(js).join(' + ')), result: event.value },
        source: { file: 'neuron.ts', name: 'Neuron.activate', lines: ['this.sum = sum;', 'this.value = this.activation.fn(sum);'] },
      };
    }
    case 'error': {
      const pairs = event.actual.map((a, i) => [a, event.expected[i]] as const);
      const outs = shape.neurons.filter((n) => n.layer === shape.layerSizes.length - 1);
      const symbolic = outs.length === 1 ? `\\tfrac12 (${V('y')} - t)^2` : `\\tfrac12 \\textstyle\\sum_k (${V('y_k')} - t_k)^2`;
      const numbers = pairs.map(([a, e]) => `(${V(texNum(a))} - ${texNum(e, true)})^2`).join(' + ');
      return {
        target: { kind: 'error' },
        value: event.error,
        description: `Error. The output is ${event.actual.map(txt).join(', ')} and the target ${event.expected.map(txt).join(', ')}, so E = ½ (actual − target)² = ${txt(event.error)}. The forward pass is done: now the blame flows back.`,
        tex: `E = ${symbolic} \\\\ ${HL(`E = \\tfrac12 ${pairs.length > 1 ? `\\big(${numbers}\\big)` : numbers}`)} \\\\ = ${texNum(event.error)}`,
        check: { expression: `0.5 * (${pairs.map(([a, e]) => `(${js(a)} - ${js(e)}) ** 2`).join(' + ')})`, result: event.error },
        // Network.error rather than losses.ts: the network's file is wrapped to the chapter's code column.
        source: { file: 'network.ts', name: 'Network.error', lines: ['return squaredError(numbers, expected);'] },
      };
    }
    case 'sensitivity': {
      const n = neuronIndex.get(event.neuron)!;
      const sym = shape.neurons[n];
      const isOutput = sym.layer === shape.layerSizes.length - 1;
      if (isOutput) {
        const j = sym.row;
        const target = ctx.net.outputs.length === 1 ? 't' : `t_{${j + 1}}`;
        const spec = ctx.expected[j];
        return {
          target: { kind: 'neuron', index: n },
          value: event.sensitivity,
          description: `Backward. ${sym.text}'s sensitivity, how much E moves per nudge of ${sym.text}, is actual − expected: ${txt(event.neuron.value)} − ${factor(spec)} = ${txt(event.sensitivity)}.`,
          tex: `${HL(`${S(dE(sym.tex))} = ${V(sym.tex)} - ${target}`)} \\\\ = ${U(V(texNum(event.neuron.value)), 'actual')} - ${U(texNum(spec, true), 'expected')} \\\\ = ${S(texNum(event.sensitivity))}`,
          check: { expression: `${js(event.neuron.value)} - ${js(spec)}`, result: event.sensitivity },
          source: { file: 'network.ts', name: 'Network.setOutputSensitivities', lines: ['outputs[i].sensitivity = outputs[i].value - expected[i];'] },
        };
      }
      const shares = event.neuron.outputs.map((l) => ctx.sent.get(l)!);
      return {
        target: { kind: 'neuron', index: n },
        value: event.sensitivity,
        description: `Backward. ${sym.text}'s sensitivity is complete: ${shares.length === 1 ? `what its one outgoing link sent back, ${txt(event.sensitivity)}` : `the sum of what its ${shares.length} outgoing links sent back, ${sumText(shares)} = ${txt(event.sensitivity)}`}. Now each link into ${sym.text} takes its three steps.`,
        tex: `${HL(`${S(dE(sym.tex))} = ${sumOfSent(ctx, n)}`)} \\\\ = ${shares.length > 1 ? `${sumTex(shares)} \\\\ = ` : ''}${S(texNum(event.sensitivity))}`,
        check: { expression: shares.map(js).join(' + '), result: event.sensitivity },
        source: { file: 'neuron.ts', name: 'Neuron.backpropagate', lines: ['const { sensitivity } = this;'] },
      };
    }
    case 'outputSensitivity': {
      const k = linkIndex.get(event.link)!;
      const info = shape.links[k];
      const to = event.link.to;
      const toSym = shape.neurons[info.to];
      const slope = to.derivative; // the slope kept from the forward pass
      const sens = to.sensitivity;
      const z = sumSymbol(ctx, info.to);
      const words = ACTIVATION_WORDS[to.activation.name] ?? to.activation.name;
      return {
        target: { kind: 'link', index: k },
        value: event.outputSensitivity,
        description: `Step 1 of the link ${info.text}: its output sensitivity is ${toSym.text}'s sensitivity × the slope of ${words} at ${toSym.text}'s sum: ${txt(sens)} × ${factor(slope)} = ${txt(event.outputSensitivity)}. Every link into ${toSym.text} has this same one.`,
        tex:
          `${HL(`${S(dE(z))} = ${S(dE(toSym.tex))} \\cdot ${slopeTex(to, V(z))}`)} \\\\ ` +
          `= ${U(S(texNum(sens, true)), 'sensitivity')} \\times ${U(texNum(slope, true), 'slope')} \\\\ = ${S(texNum(event.outputSensitivity))}`,
        check: { expression: `${js(sens)} * ${js(slope)}`, result: event.outputSensitivity },
        source: { file: 'link.ts', name: 'Link.outputSensitivity', lines: ['return this.to.sensitivity * this.to.derivative;'] },
      };
    }
    case 'sendBack': {
      const k = linkIndex.get(event.link)!;
      const info = shape.links[k];
      const from = shape.neurons[info.from];
      ctx.sent.set(event.link, event.sensitivity);
      const os = known.outputSensitivities[k]!; // from this link's step 1 event
      const z = sumSymbol(ctx, info.to);
      const oldWeight = event.weight;
      if (from.isBias) {
        return {
          target: { kind: 'link', index: k },
          value: event.sensitivity,
          description: `Step 2 of the link ${info.text}: it sends output sensitivity × its old weight back, ${txt(os)} × ${factor(oldWeight)} = ${txt(event.sensitivity)}. A bias neuron's value is always 1, so this blame goes no further.`,
          tex: `${HL(`${S(dE(z))}\\,${W(info.tex)}`)} \\\\ = ${U(S(texNum(os, true)), 'output sensitivity')} \\times ${U(W(texNum(oldWeight, true)), 'old weight')} \\\\ = ${S(texNum(event.sensitivity))}`,
          check: { expression: `${js(os)} * ${js(oldWeight)}`, result: event.sensitivity },
          source: { file: 'link.ts', name: 'Link.sendBack', lines: ['const sensitivity = outputSensitivity * this.weight;'] },
        };
      }
      const outgoing = event.link.from.outputs.length;
      const total = event.link.from.sensitivity;
      const soFar = outgoing > 1 ? ` ${from.text}'s sensitivity so far: ${txt(total)}.` : '';
      return {
        target: { kind: 'link', index: k },
        value: event.sensitivity,
        description: `Step 2 of the link ${info.text}: it sends output sensitivity × its old weight back to ${from.text}: ${txt(os)} × ${factor(oldWeight)} = ${txt(event.sensitivity)}.${soFar}`,
        tex: `${S(dE(from.tex))} = ${sumOfSent(ctx, info.from, k)} \\\\ ${HL(`${U(S(texNum(os, true)), 'output sensitivity')} \\times ${U(W(texNum(oldWeight, true)), 'old weight')}`)} \\\\ = ${S(texNum(event.sensitivity))}`,
        check: { expression: `${js(os)} * ${js(oldWeight)}`, result: event.sensitivity },
        source: { file: 'link.ts', name: 'Link.sendBack', lines: ['const sensitivity = outputSensitivity * this.weight;', 'this.from.sensitivity += sensitivity;'] },
      };
    }
    case 'weightChange': {
      const k = linkIndex.get(event.link)!;
      const info = shape.links[k];
      const from = shape.neurons[info.from];
      const os = known.outputSensitivities[k]!; // from this link's step 1 event
      const inputValue = event.link.from.value;
      const oldWeight = known.weights[k]; // as sent back in step 2
      const z = sumSymbol(ctx, info.to);
      const input = from.isBias ? '1' : V(from.tex);
      return {
        target: { kind: 'link', index: k },
        value: event.weightChange,
        description: `Step 3 of the link ${info.text}: only now does its weight move, by −training rate × output sensitivity × input value: −${txt(ctx.rate)} × ${factor(os)} × ${factor(inputValue)} = ${txt(event.weightChange)}. The weight goes from ${txt(oldWeight)} to ${txt(event.weight)}.`,
        tex:
          `${HL(`\\Delta ${W(info.tex)} = -\\eta \\cdot ${S(dE(z))} \\cdot ${input}`)} \\\\ ` +
          `= -${U(texNum(ctx.rate), 'rate')} \\times ${U(S(texNum(os, true)), 'output sensitivity')} \\times ${U(V(texNum(inputValue, true)), 'input')} \\\\ = ${texNum(event.weightChange)} \\\\ ` +
          `${W(info.tex)} \\leftarrow ${W(texNum(oldWeight))} + ${texNum(event.weightChange, true)} = ${W(texNum(event.weight))}`,
        check: { expression: `-${js(ctx.rate)} * ${js(os)} * ${js(inputValue)}`, result: event.weightChange },
        source: { file: 'link.ts', name: 'Link.backpropagate', lines: ['this.changeWeight(-trainingRate * outputSensitivity * inputValue);'] },
      };
    }
    default:
      return undefined; // softmax: not drawn by this figure (squared error only)
  }
}

/** The activation as JavaScript, for the check expression only (tests evaluate it). */
function activationJs(name: string, sum: string): string {
  switch (name) {
    case 'sigmoid':
      return `1 / (1 + Math.exp(-(${sum})))`;
    case 'tanh':
      return `Math.tanh(${sum})`;
    case 'relu':
      return `Math.max(0, ${sum})`;
    case 'leakyRelu':
      return `((s) => (s > 0 ? s : 0.01 * s))(${sum})`;
    default:
      return `(${sum})`;
  }
}
