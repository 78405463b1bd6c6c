// The step-through figure's presentation: a captured learning step (steps-capture.ts,
// numbers only) turned into the steps the figure shows, each with its description, its
// TeX, the engine line that computed it and the diagram's state. Nothing here recomputes
// the engine's arithmetic: each number is an event's own or the state it was heard in;
// the text and TeX only *display* them. All text is written here from numbers, so
// nothing a snippet chose can reach the page as text, TeX or markup.
//
// Pure: the page runs it for show.steps, the build for <StepThrough>, and the unit tests
// hold every step against the engine.
import type { StepCapture } from './steps-capture';
import { describeShape, stepSequence, type ActivationKey, type NetworkShape, type StepEventType, type StepTarget } from './steps-shape';

/** Where a step's arithmetic lives in the engine: a member and the lines in it. */
export interface SourceRef {
  /** A file under src/engine/. */
  file: string;
  /** As <EngineSource> names it: "Link.sendBack", "squaredError". */
  name: string;
  /** Text that the highlighted lines contain (each must match exactly one line). */
  lines: readonly string[];
}

/**
 * Every engine line a step can point at. A fixed list, so the build can highlight them
 * all once (<StepThrough> and the virtual module the page's figure imports).
 */
export const SOURCES = {
  input: { file: 'network.ts', name: 'Network.forward', lines: ['neuron.value = inputs[i];'] },
  carry: { file: 'link.ts', name: 'Link.propagate', lines: ['return this.from.value * this.weight;'] },
  activate: { file: 'neuron.ts', name: 'Neuron.activate', lines: ['this.sum = sum;', 'this.value = this.activation.fn(sum);'] },
  // Network.error rather than losses.ts: the network's file is wrapped to the chapter's code column.
  error: { file: 'network.ts', name: 'Network.error', lines: ['return squaredError(numbers, expected);'] },
  outputSensitivityOfNeuron: { file: 'network.ts', name: 'Network.setOutputSensitivities', lines: ['outputs[i].sensitivity = outputs[i].value - expected[i];'] },
  hiddenSensitivity: { file: 'neuron.ts', name: 'Neuron.backpropagate', lines: ['const { sensitivity } = this;'] },
  outputSensitivity: { file: 'link.ts', name: 'Link.outputSensitivity', lines: ['return this.to.sensitivity * this.to.derivative;'] },
  sendBackBias: { file: 'link.ts', name: 'Link.sendBack', lines: ['const sensitivity = outputSensitivity * this.weight;'] },
  sendBack: { file: 'link.ts', name: 'Link.sendBack', lines: ['const sensitivity = outputSensitivity * this.weight;', 'this.from.sensitivity += sensitivity;'] },
  weightChange: { file: 'link.ts', name: 'Link.backpropagate', lines: ['this.changeWeight(-trainingRate * outputSensitivity * inputValue);'] },
} as const satisfies Record<string, SourceRef>;
export type SourceKey = keyof typeof SOURCES;

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
  type: StepEventType;
  phase: Phase;
  /** What the step touches: a neuron or a link (index into shape.neurons / shape.links), or the error. */
  target: StepTarget;
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
  /** The engine line (a key of SOURCES). */
  source: SourceKey;
  state: DiagramState;
}

export interface GradientRow {
  link: number;
  backprop: number;
  numerical: number;
  relativeError: number;
}

export interface StepModel {
  shape: NetworkShape;
  steps: Step[];
  /** Index of the step that ends the forward pass (the error). */
  forwardEnd: number;
  gradientCheck: GradientRow[];
  /** The error E, measured before the step. */
  error: number;
  /** Weights after the step. */
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

// TeX classes: a value (forward colour), a sensitivity (backward colour), a weight,
// and the boxed term the step computes. KaTeX is run with `trust` for \htmlClass only.
const V = (s: string) => `\\htmlClass{tv}{${s}}`;
const S = (s: string) => `\\htmlClass{ts}{${s}}`;
const W = (s: string) => `\\htmlClass{tw}{${s}}`;
/** A number captioned with the course's word for it, under it (teaching note 5). */
const U = (s: string, words: string) => `\\underbrace{${s}}_{\\text{${words}}}`;
const HL = (s: string) => `\\htmlClass{hl}{\\boxed{${s}}}`;

const SLOPE_TEX: Record<ActivationKey, string> = {
  sigmoid: '\\sigma',
  tanh: '\\tanh',
  relu: '\\operatorname{relu}',
  leakyRelu: '\\operatorname{lrelu}',
  linear: '\\operatorname{id}',
  other: 'f',
};
const ACTIVATION_WORDS: Record<ActivationKey, string> = {
  sigmoid: 'the sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  leakyRelu: 'leaky ReLU',
  linear: 'the identity (linear)',
  other: 'its activation',
};

/** The captured step → what the figure shows, one step per event. */
export function presentSteps(capture: StepCapture): StepModel {
  const shape = describeShape(capture.layers);
  const sequence = stepSequence(shape);
  const ctx: Ctx = {
    shape,
    capture,
    activationOf: (n) => capture.activations[shape.neurons[n].layer] ?? 'other',
    carried: new Map(),
    sent: new Map(),
  };
  // What the diagram knows so far; updated as events arrive.
  const known: Known = {
    values: shape.neurons.map((n) => (n.isBias ? 1 : null)),
    sensitivities: shape.neurons.map(() => null),
    outputSensitivities: shape.links.map(() => null),
    // A link reports its backward steps one by one, so its weight is read from the
    // events: the old one until its weightChange event says the new one.
    weights: capture.weights.slice(),
  };
  const steps: Step[] = [];
  let phase: Phase = 'forward';
  capture.events.forEach((event, i) => {
    const { target } = sequence[i];
    const at = 'index' in target ? target.index : -1;
    const v = event.values;
    if (event.type === 'sensitivity') phase = 'backward';
    switch (event.type) {
      case 'input':
        known.values[at] = v[0];
        break;
      case 'activate':
        known.values[at] = v[1];
        break;
      case 'sensitivity':
        known.sensitivities[at] = v[0];
        break;
      case 'outputSensitivity':
        known.outputSensitivities[at] = v[0];
        break;
      case 'sendBack':
        // The input neuron's sensitivity as it stands after this link's share.
        known.sensitivities[shape.links[at].from] = v[2];
        break;
      default:
        break;
    }
    const described = describeEvent(event.type, at, v, ctx, known);
    if (event.type === 'weightChange') known.weights[at] = v[1];
    steps.push({
      index: i,
      type: event.type,
      phase,
      target,
      ...described,
      state: {
        values: known.values.slice(),
        sensitivities: known.sensitivities.slice(),
        weights: known.weights.slice(),
        outputSensitivities: known.outputSensitivities.slice(),
      },
    });
  });
  const forwardEnd = steps.findIndex((s) => s.type === 'error');
  return {
    shape,
    steps,
    forwardEnd,
    gradientCheck: capture.gradientCheck.map((g, link) => ({ link, ...g })),
    error: steps[forwardEnd]?.value ?? NaN,
    finalWeights: known.weights.slice(),
  };
}

interface Ctx {
  shape: NetworkShape;
  capture: StepCapture;
  activationOf(neuron: number): ActivationKey;
  /** What each link carried in this forward pass (from its carry event). */
  carried: Map<number, number>;
  /** What each link sent back (from its sendBack event). */
  sent: Map<number, number>;
}

/** What the figure has heard so far (see presentSteps). */
interface Known {
  values: (number | null)[];
  sensitivities: (number | null)[];
  outputSensitivities: (number | null)[];
  /** Each link's weight as last reported: before its weightChange event, the old one. */
  weights: number[];
}

// ---------------------------------------------------------------------------------
// One event → its description, TeX and engine line.

type Described = Pick<Step, 'value' | 'description' | 'tex' | 'check' | 'source'>;

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

/** Links into / out of neuron n, as indices. */
const linksInto = (ctx: Ctx, n: number) => ctx.shape.links.flatMap((l, k) => (l.to === n ? [k] : []));
const linksOutOf = (ctx: Ctx, n: number) => ctx.shape.links.flatMap((l, k) => (l.from === n ? [k] : []));

/** A number heard earlier; NaN if it was not (only a malformed capture lacks one, and the page never gets one). */
const heard = (n: number | null | undefined) => n ?? NaN;

function describeEvent(type: StepEventType, at: number, v: number[], ctx: Ctx, known: Known): Described {
  const { shape } = ctx;
  switch (type) {
    case 'input': {
      const sym = shape.neurons[at];
      const [value] = v;
      return {
        value,
        description: `Forward. The input neuron ${sym.text} takes the value ${txt(value)}.`,
        tex: `${V(sym.tex)} = ${HL(V(texNum(value)))}`,
        check: { expression: js(value), result: value },
        source: 'input',
      };
    }
    case 'carry': {
      const info = shape.links[at];
      const from = shape.neurons[info.from];
      const to = shape.neurons[info.to];
      const [value, inputValue, weight] = v;
      ctx.carried.set(at, value);
      const what = from.isBias ? `the bias neuron's value 1` : `${from.text}'s value`;
      return {
        value,
        description: `Forward. The link ${info.text} carries ${what} times its weight to ${to.text}: ${txt(inputValue)} × ${factor(weight)} = ${txt(value)}.`,
        tex:
          `${V(sumSymbol(ctx, info.to))} = ${sumOfInputs(ctx, info.to, at)} \\\\ ` +
          `${HL(`${U(W(texNum(weight, true)), 'weight')} \\times ${U(V(texNum(inputValue, true)), 'input value')}`)} \\\\ = ${texNum(value)}`,
        check: { expression: `${js(weight)} * ${js(inputValue)}`, result: value },
        source: 'carry',
      };
    }
    case 'activate': {
      const sym = shape.neurons[at];
      const [sum, value] = v;
      const incoming = linksInto(ctx, at).map((k) => heard(ctx.carried.get(k)));
      const z = sumSymbol(ctx, at);
      const activation = ctx.activationOf(at);
      const f = SLOPE_TEX[activation];
      const parts = sumTex(incoming);
      return {
        value,
        description: `Forward. ${sym.text} adds up what its links carry, ${sumText(incoming)} = ${txt(sum)}, and passes the sum through ${ACTIVATION_WORDS[activation]}: its value is ${txt(value)}.`,
        tex:
          `${V(z)} = ${parts} = ${texNum(sum)} \\\\ ` +
          `${HL(`${V(sym.tex)} = ${f}(${V(z)})`)} = ${f}(${texNum(sum)}) \\\\ = ${V(texNum(value))}`,
        check: { expression: activationJs(activation, incoming.map(js).join(' + '), value), result: value },
        source: 'activate',
      };
    }
    case 'error': {
      const [error] = v;
      const pairs = ctx.capture.actual.map((a, i) => [a, ctx.capture.expected[i]] as const);
      const symbolic = pairs.length === 1 ? `\\tfrac12 (${V('y')} - t)^2` : `\\tfrac12 \\textstyle\\sum_k (${V('y_k')} - t_k)^2`;
      const numbers = pairs.map(([a, e]) => `(${V(texNum(a))} - ${texNum(e, true)})^2`).join(' + ');
      return {
        value: error,
        description: `Error. The output is ${pairs.map(([a]) => txt(a)).join(', ')} and the target ${pairs.map(([, e]) => txt(e)).join(', ')}, so E = ½ (actual − target)² = ${txt(error)}. The forward pass is done: now the blame flows back.`,
        tex: `E = ${symbolic} \\\\ ${HL(`E = \\tfrac12 ${pairs.length > 1 ? `\\big(${numbers}\\big)` : numbers}`)} \\\\ = ${texNum(error)}`,
        check: { expression: `0.5 * (${pairs.map(([a, e]) => `(${js(a)} - ${js(e)}) ** 2`).join(' + ')})`, result: error },
        source: 'error',
      };
    }
    case 'sensitivity': {
      const sym = shape.neurons[at];
      const [sensitivity] = v;
      const isOutput = sym.layer === shape.layerSizes.length - 1;
      if (isOutput) {
        const j = sym.row;
        const target = shape.layerSizes.at(-1) === 1 ? 't' : `t_{${j + 1}}`;
        const expected = ctx.capture.expected[j];
        const actual = heard(known.values[at]);
        return {
          value: sensitivity,
          description: `Backward. ${sym.text}'s sensitivity, how much E moves per nudge of ${sym.text}, is actual − expected: ${txt(actual)} − ${factor(expected)} = ${txt(sensitivity)}.`,
          tex: `${HL(`${S(dE(sym.tex))} = ${V(sym.tex)} - ${target}`)} \\\\ = ${U(V(texNum(actual)), 'actual')} - ${U(texNum(expected, true), 'expected')} \\\\ = ${S(texNum(sensitivity))}`,
          check: { expression: `${js(actual)} - ${js(expected)}`, result: sensitivity },
          source: 'outputSensitivityOfNeuron',
        };
      }
      const shares = linksOutOf(ctx, at).map((k) => heard(ctx.sent.get(k)));
      return {
        value: sensitivity,
        description: `Backward. ${sym.text}'s sensitivity is complete: ${shares.length === 1 ? `what its one outgoing link sent back, ${txt(sensitivity)}` : `the sum of what its ${shares.length} outgoing links sent back, ${sumText(shares)} = ${txt(sensitivity)}`}. Now each link into ${sym.text} takes its three steps.`,
        tex: `${HL(`${S(dE(sym.tex))} = ${sumOfSent(ctx, at)}`)} \\\\ = ${shares.length > 1 ? `${sumTex(shares)} \\\\ = ` : ''}${S(texNum(sensitivity))}`,
        check: { expression: shares.map(js).join(' + '), result: sensitivity },
        source: 'hiddenSensitivity',
      };
    }
    case 'outputSensitivity': {
      const info = shape.links[at];
      const toSym = shape.neurons[info.to];
      const [outputSensitivity, sens, slope] = v; // the slope kept from the forward pass
      const z = sumSymbol(ctx, info.to);
      const activation = ctx.activationOf(info.to);
      return {
        value: outputSensitivity,
        description: `Step 1 of the link ${info.text}: its output sensitivity is ${toSym.text}'s sensitivity × the slope of ${ACTIVATION_WORDS[activation]} at ${toSym.text}'s sum: ${txt(sens)} × ${factor(slope)} = ${txt(outputSensitivity)}. Every link into ${toSym.text} has this same one.`,
        tex:
          `${HL(`${S(dE(z))} = ${S(dE(toSym.tex))} \\cdot ${SLOPE_TEX[activation]}'(${V(z)})`)} \\\\ ` +
          `= ${U(S(texNum(sens, true)), 'sensitivity')} \\times ${U(texNum(slope, true), 'slope')} \\\\ = ${S(texNum(outputSensitivity))}`,
        check: { expression: `${js(sens)} * ${js(slope)}`, result: outputSensitivity },
        source: 'outputSensitivity',
      };
    }
    case 'sendBack': {
      const info = shape.links[at];
      const from = shape.neurons[info.from];
      const [sensitivity, oldWeight, total] = v;
      ctx.sent.set(at, sensitivity);
      const os = heard(known.outputSensitivities[at]); // from this link's step 1 event
      const z = sumSymbol(ctx, info.to);
      if (from.isBias) {
        return {
          value: sensitivity,
          description: `Step 2 of the link ${info.text}: it sends output sensitivity × its old weight back, ${txt(os)} × ${factor(oldWeight)} = ${txt(sensitivity)}. A bias neuron's value is always 1, so this blame goes no further.`,
          tex: `${HL(`${S(dE(z))}\\,${W(info.tex)}`)} \\\\ = ${U(S(texNum(os, true)), 'output sensitivity')} \\times ${U(W(texNum(oldWeight, true)), 'old weight')} \\\\ = ${S(texNum(sensitivity))}`,
          check: { expression: `${js(os)} * ${js(oldWeight)}`, result: sensitivity },
          source: 'sendBackBias',
        };
      }
      const outgoing = linksOutOf(ctx, info.from).length;
      const soFar = outgoing > 1 ? ` ${from.text}'s sensitivity so far: ${txt(total)}.` : '';
      return {
        value: sensitivity,
        description: `Step 2 of the link ${info.text}: it sends output sensitivity × its old weight back to ${from.text}: ${txt(os)} × ${factor(oldWeight)} = ${txt(sensitivity)}.${soFar}`,
        tex: `${S(dE(from.tex))} = ${sumOfSent(ctx, info.from, at)} \\\\ ${HL(`${U(S(texNum(os, true)), 'output sensitivity')} \\times ${U(W(texNum(oldWeight, true)), 'old weight')}`)} \\\\ = ${S(texNum(sensitivity))}`,
        check: { expression: `${js(os)} * ${js(oldWeight)}`, result: sensitivity },
        source: 'sendBack',
      };
    }
    case 'weightChange': {
      const info = shape.links[at];
      const from = shape.neurons[info.from];
      const [weightChange, weight, inputValue] = v;
      const os = heard(known.outputSensitivities[at]); // from this link's step 1 event
      const oldWeight = known.weights[at]; // as sent back in step 2
      const rate = ctx.capture.trainingRate;
      const z = sumSymbol(ctx, info.to);
      const input = from.isBias ? '1' : V(from.tex);
      return {
        value: weightChange,
        description: `Step 3 of the link ${info.text}: only now does its weight move, by −training rate × output sensitivity × input value: −${txt(rate)} × ${factor(os)} × ${factor(inputValue)} = ${txt(weightChange)}. The weight goes from ${txt(oldWeight)} to ${txt(weight)}.`,
        tex:
          `${HL(`\\Delta ${W(info.tex)} = -\\eta \\cdot ${S(dE(z))} \\cdot ${input}`)} \\\\ ` +
          `= -${U(texNum(rate), 'rate')} \\times ${U(S(texNum(os, true)), 'output sensitivity')} \\times ${U(V(texNum(inputValue, true)), 'input')} \\\\ = ${texNum(weightChange)} \\\\ ` +
          `${W(info.tex)} \\leftarrow ${W(texNum(oldWeight))} + ${texNum(weightChange, true)} = ${W(texNum(weight))}`,
        check: { expression: `-${js(rate)} * ${js(os)} * ${js(inputValue)}`, result: weightChange },
        source: 'weightChange',
      };
    }
  }
}

/** The activation as JavaScript, for the check expression only (tests evaluate it). */
function activationJs(name: ActivationKey, sum: string, value: number): string {
  switch (name) {
    case 'sigmoid':
      return `1 / (1 + Math.exp(-(${sum})))`;
    case 'tanh':
      return `Math.tanh(${sum})`;
    case 'relu':
      return `Math.max(0, ${sum})`;
    case 'leakyRelu':
      return `((s) => (s > 0 ? s : 0.01 * s))(${sum})`;
    case 'linear':
      return `(${sum})`;
    default:
      return js(value); // a reader's own activation: the figure can only show its value
  }
}
