// What a snippet has in scope besides its imports: `console` and `show`. Both only build
// output entries (through the kinds) and hand them to `emit`; they never touch the page.
// The ShowFunction type is what snippets are type-checked against and what the editor
// completes, so its doc comments are the reference for `show`.
import type { OutputEntry } from '../kinds/index';
import * as activation from '../kinds/activation';
import * as errorCurve from '../kinds/errorcurve';
import * as heatmap from '../kinds/heatmap';
import * as log from '../kinds/log';
import * as network from '../kinds/network';
import * as plot from '../kinds/plot';
import * as steps from '../kinds/steps';
import * as table from '../kinds/table';
import { isNetwork } from '../kinds/format';
import { LiveCurves } from './live';

export interface ShowFunction {
  /** Shows a value the best way: a Network as a diagram, numbers as a plot, rows as a table. */
  (value: unknown, title?: string): void;
  /** A table from rows (objects or arrays) or an object of rows. */
  table(rows: unknown, options?: { columns?: string[]; title?: string } | string[]): void;
  /** A line chart: one series (numbers) or several ({ name: numbers }). */
  plot(
    values: readonly (number | null)[] | Record<string, readonly (number | null)[]>,
    options?: { title?: string; xLabel?: string; yLabel?: string },
  ): void;
  /** A diagram of a network: links blue when positive, orange when negative, width by size. */
  network(net: import('lernmi').Network, title?: string): void;
  /**
   * A heat map of a 2-input network's first output over the plane: the network runs at
   * every cell of a grid (40×40 by default, at most 50×50), blue where the output is high,
   * red where it is low. `samples` (a dataset) are drawn on top, coloured by their
   * expected output, so a point that stands out is one the network gets wrong. The
   * domains default to the samples' extent with a margin, or [-1, 1].
   */
  heatmap(
    net: import('lernmi').Network,
    options?: {
      title?: string;
      xDomain?: readonly [number, number];
      yDomain?: readonly [number, number];
      samples?: readonly import('lernmi').Sample[];
      resolution?: number;
    },
  ): void;
  /**
   * An activation and its slope (d value / d sum, the factor the backward pass multiplies
   * by), side by side. `at` marks a neuron's sum on both, with its value and slope: where
   * the slope is near zero the neuron is saturated and passes almost no blame back.
   */
  activation(
    activation: import('lernmi').ActivationName | import('lernmi').Activation,
    options?: { at?: number; domain?: readonly [number, number]; title?: string },
  ): void;
  /**
   * The error for one sample as the weight of one link moves, with the tangent at the
   * current weight. The tangent's slope is ∂E/∂w as backpropagation computed it
   * (`net.gradients(input, expected)[k]`): downhill is the way the weight will move.
   * `link` is one of `net.links` or its index; the network is left as it was.
   */
  errorCurve(
    net: import('lernmi').Network,
    link: import('lernmi').Link | number,
    input: readonly number[],
    expected: readonly number[],
    options?: { range?: readonly [number, number]; title?: string },
  ): void;
  /**
   * A chart of the error per epoch that grows while training runs: it appears at once,
   * empty, and takes points as they come. Pass `curve.onEpoch` as `net.train`'s `onEpoch`, or add errors
   * yourself with `curve.add(error)` (or `curve.add({ train, test })` for two lines).
   * `log: true` draws the error on a logarithmic axis, for errors that fall over decades.
   * Past 2,000 points every other point is dropped, so long runs are drawn whole.
   * `curve.close()` sends what is left at once (the end of the run does it anyway).
   */
  training(
    title?: string,
    options?: { log?: boolean },
  ): {
    add(error: number | Record<string, number>): void;
    onEpoch(record: { error: number }): void;
    close(): void;
  };
  /**
   * Steps through one learning step of your network, one event of the engine's trace at
   * a time: the diagram, the formula with its numbers, and the engine line that computed
   * it, with Next step / Previous step, Play and the keyboard. It calls
   * `net.learn(input, expected)` once, so the network IS left one step further, exactly
   * as `net.learn` leaves it. Squared error, up to 40 links (a 2-2-1 network has 9);
   * otherwise a warning says why and the network is not changed.
   */
  steps(net: import('lernmi').Network, input: readonly number[], expected: readonly number[], options?: { title?: string }): void;
}

type Emit = (e: OutputEntry) => void;

/**
 * `lernmi` is the module snippets import: `show.activation("tanh")` looks the name up with
 * its activationByName, so the runner knows the engine only as a snippet does.
 */
export function makeShow(emit: Emit, lernmi?: unknown, live: LiveCurves = new LiveCurves(emit)): ShowFunction {
  const show = (value: unknown, title?: string) => {
    if (isNetwork(value)) emit(network.build(value, title));
    else if (Array.isArray(value) && value.length && value.every((v) => typeof v === 'number')) emit(plot.build(value, { title }));
    else if (Array.isArray(value) && value.length && value.every((v) => v && typeof v === 'object')) emit(table.build(value, undefined, title));
    else emit(log.build('log', title ? [title, value] : [value]));
  };
  show.table = (rows: unknown, opts?: { columns?: string[]; title?: string } | string[]) =>
    emit(table.build(rows, Array.isArray(opts) ? opts : opts?.columns, Array.isArray(opts) ? undefined : opts?.title));
  show.plot = (values: unknown, opts?: plot.PlotOptions) => emit(plot.build(values, opts ?? {}));
  show.network = (net: unknown, title?: string) => emit(network.build(net, title));
  show.heatmap = (net: unknown, opts?: heatmap.HeatmapOptions) => emit(heatmap.build(net, opts ?? {}));
  const byName = (lernmi as { activationByName?: (name: string) => unknown } | undefined)?.activationByName;
  show.activation = (a: unknown, opts?: activation.ActivationOptions) => emit(activation.build(a, opts ?? {}, byName));
  show.errorCurve = (net: unknown, link: unknown, input: unknown, expected: unknown, opts?: errorCurve.ErrorCurveOptions) =>
    emit(errorCurve.build(net, link, input, expected, opts ?? {}));
  show.training = (title?: string, opts?: { log?: boolean }) => live.create(title, opts ?? {});
  const check = (lernmi as { gradientCheck?: steps.GradientCheckFn } | undefined)?.gradientCheck;
  show.steps = (net: unknown, input: unknown, expected: unknown, opts?: steps.StepsOptions) =>
    emit(steps.build(net, input, expected, opts ?? {}, check));
  return show;
}

export function makeConsole(emit: Emit) {
  const line = (level: log.LogLevel) => (...args: unknown[]) => emit(log.build(level, args));
  return {
    log: line('log'),
    info: line('info'),
    debug: line('log'),
    trace: line('log'),
    dir: line('log'),
    warn: line('warn'),
    error: line('error'),
    table: (rows: unknown, columns?: string[]) => emit(table.build(rows, columns)),
    assert: (cond: unknown, ...args: unknown[]) => {
      if (!cond) emit(log.build('error', ['Assertion failed' + (args.length ? ':' : ''), ...args]));
    },
    group: line('log'),
    groupEnd: () => {},
    time: () => {},
    timeEnd: () => {},
    count: () => {},
    clear: () => {},
  };
}
