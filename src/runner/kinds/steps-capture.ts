// Capture for the step-through figure: takes a Network, listens to one `learn` with
// `net.onTrace`, and records each event's numbers together with the network's state the
// event was heard in (a link's input value and weight, a neuron's slope). The result is
// numbers and small integers only: no labels, no markup. Runs in the worker (show.steps)
// and at build time (<StepThrough>); steps-model.ts turns it into what the figure shows.
//
// The runner knows the engine only as the module a snippet imports, so the Network is
// read by its public contract (layers, biases, links, onTrace, learn), never imported.
import { isLink, isNetwork } from './format';
import { ACTIVATION_KEYS, MAX_STEP_LINKS, describeShape, linkCount, stepSequence, type ActivationKey, type StepEventType } from './steps-shape';


/** Each event's own numbers, and the state it was heard in, by event type. */
export const EVENT_FIELDS = {
  input: ['value'],
  /** what it carried, the input value it multiplied, the weight it multiplied by */
  carry: ['value', 'inputValue', 'weight'],
  activate: ['sum', 'value'],
  error: ['error'],
  sensitivity: ['sensitivity'],
  /** the link's output sensitivity, its output neuron's sensitivity and slope */
  outputSensitivity: ['outputSensitivity', 'sensitivity', 'slope'],
  /** what it sent back, the old weight, the input neuron's sensitivity so far */
  sendBack: ['sensitivity', 'weight', 'total'],
  /** the change, the new weight, the input value */
  weightChange: ['weightChange', 'weight', 'inputValue'],
} as const satisfies Record<StepEventType, readonly string[]>;

export type CapturedEvent = {
  [T in StepEventType]: { type: T; values: number[] };
}[StepEventType];

/** One traced learning step, as numbers. */
export interface StepCapture {
  layers: number[];
  /** Per layer (the input layer's is "linear"). */
  activations: ActivationKey[];
  trainingRate: number;
  input: number[];
  expected: number[];
  /** Weights before the step, in `net.links` order. */
  weights: number[];
  /** In stepSequence order; `values` as EVENT_FIELDS names them. The error event also has the outputs. */
  events: CapturedEvent[];
  /** The output values the error was measured on. */
  actual: number[];
  /** Per link, before the step: ∂E/∂w by backpropagation, by nudging, and how far apart; empty if not taken. */
  gradientCheck: { backprop: number; numerical: number; relativeError: number }[];
}

/** The engine's gradientCheck, as `lernmi` exports it. */
export type GradientCheckFn = (net: never, input: readonly number[], expected: readonly number[]) => { link: unknown; backprop: number; numerical: number; relativeError: number }[];

interface NeuronLike {
  value: number;
  sensitivity: number;
  derivative: number;
  activation?: { name?: unknown };
}
interface LinkLike {
  from: NeuronLike;
  to: NeuronLike;
  weight: number;
}
type Event = { type: string; neuron?: NeuronLike; link?: LinkLike } & Record<string, unknown>;
interface NetLike {
  layers: NeuronLike[][];
  biases: NeuronLike[];
  links: LinkLike[];
  trainingRate: number;
  loss?: unknown;
  onTrace(listener: (e: Event) => void): () => void;
  learn(input: readonly number[], expected: readonly number[]): number;
}

const isNumbers = (a: unknown): a is number[] => Array.isArray(a) && a.every((v) => typeof v === 'number' && Number.isFinite(v));

/**
 * Runs one `learn(input, expected)` on `net` and records it. The network IS stepped, as
 * `net.learn` would step it. Returns a sentence instead when the figure cannot show this
 * network; then `learn` was not called and the network is as it was, unless the sentence
 * says the step was taken.
 */
export function captureStep(net: unknown, input: unknown, expected: unknown, gradientCheck?: GradientCheckFn): StepCapture | string {
  if (!isNetwork(net)) return 'expects a Network first';
  const n = net as unknown as NetLike;
  if (typeof n.onTrace !== 'function' || typeof n.learn !== 'function' || !Array.isArray(n.biases)) return 'expects a Network first';
  const layers = n.layers.map((l) => l.length);
  if (layers.length < 2 || layers.some((s) => s < 1)) return `expects a network with at least two layers; this one is ${layers.join('-')}`;
  const links = linkCount(layers);
  if (links > MAX_STEP_LINKS) {
    return `draws networks of up to ${MAX_STEP_LINKS} links, one event at a time; this ${layers.join('-')} network has ${links}. Try a smaller one, such as [2, 2, 1] (9 links).`;
  }
  if (n.loss !== undefined && n.loss !== 'squaredError') return `steps through squared error only; this network's loss is ${String(n.loss).slice(0, 40)}`;
  // The links must be the engine's, in its order, so that link k is the one the page draws as k.
  const all = n.layers.flatMap((layer, l) => (l < layers.length - 1 ? [...layer, n.biases[l]] : layer));
  const shape = describeShape(layers);
  if (n.links.length !== links || !n.links.every((link, k) => isLink(link) && link.from === all[shape.links[k].from] && link.to === all[shape.links[k].to])) {
    return 'expects a Network built with new Network(...): its links are not wired as the engine wires them';
  }
  const size = (a: unknown) => (Array.isArray(a) ? a.length : 0);
  if (!isNumbers(input) || input.length !== layers[0]) return `expects an input of ${layers[0]} numbers; received ${size(input)}`;
  if (!isNumbers(expected) || expected.length !== layers.at(-1)) return `expects an expected output of ${layers.at(-1)} numbers; received ${size(expected)}`;
  if (typeof n.trainingRate !== 'number' || !Number.isFinite(n.trainingRate)) return 'expects a network whose trainingRate is a number';

  const activations = n.layers.map((layer, l): ActivationKey => {
    if (l === 0) return 'linear';
    const names = new Set(layer.map((x) => x.activation?.name));
    const name = [...names][0];
    return names.size === 1 && ACTIVATION_KEYS.includes(name as ActivationKey) ? (name as ActivationKey) : 'other';
  });
  const weights = n.links.map((l) => l.weight);
  // The check first, at the weights before the step (it leaves them exactly as they were).
  const checked = gradientCheck
    ? gradientCheck(net as never, input, expected).map((e) => ({ backprop: e.backprop, numerical: e.numerical, relativeError: e.relativeError }))
    : [];

  const events: CapturedEvent[] = [];
  let actual: number[] = [];
  const unsubscribe = n.onTrace((e) => {
    const { link } = e;
    let values: number[];
    switch (e.type) {
      case 'carry':
        values = [e.value as number, link!.from.value, link!.weight];
        break;
      case 'error':
        values = [e.error as number];
        actual = (e.actual as number[]).slice();
        break;
      case 'outputSensitivity':
        values = [e.outputSensitivity as number, link!.to.sensitivity, link!.to.derivative];
        break;
      case 'sendBack':
        values = [e.sensitivity as number, e.weight as number, link!.from.sensitivity];
        break;
      case 'weightChange':
        values = [e.weightChange as number, e.weight as number, link!.from.value];
        break;
      default:
        values = EVENT_FIELDS[e.type as StepEventType]?.map((f) => e[f] as number) ?? [];
    }
    events.push({ type: e.type, values } as CapturedEvent);
  });
  try {
    n.learn(input, expected);
  } catch (error) {
    return `could not take the step: ${error instanceof Error ? error.message : String(error)}`.slice(0, 400);
  } finally {
    unsubscribe();
  }
  const sequence = stepSequence(shape);
  if (events.length !== sequence.length || events.some((e, i) => e.type !== sequence[i].type)) {
    return 'took the step but could not follow it: the trace did not come in the order the engine reports it';
  }
  const numbers = [...events.flatMap((e) => e.values), ...actual, ...checked.flatMap((c) => [c.backprop, c.numerical, c.relativeError])];
  if (!numbers.every(Number.isFinite)) return 'took the step, but some of its numbers are not finite (try a smaller training rate)';
  return { layers, activations, trainingRate: n.trainingRate, input: input.slice(), expected: expected.slice(), weights, events, actual, gradientCheck: checked };
}

