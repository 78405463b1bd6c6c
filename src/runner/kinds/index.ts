// The output kinds, registered once. Adding a kind: a new file beside these (its entry
// type, `build`, `data` and `view`), its line in DATA, and TypeScript then asks for its
// line in VIEWS. The worker imports DATA only, so no drawing code reaches its bundle.
import { record } from './fields';
import type { EntrySize, KindData, KindView } from './kind';
import * as activation from './activation';
import * as check from './check';
import * as errorCurve from './errorcurve';
import * as heatmap from './heatmap';
import * as log from './log';
import * as network from './network';
import * as plot from './plot';
import * as steps from './steps';
import * as table from './table';
import * as training from './training';

/** Size and text of each kind: used by the worker, by Node (tests, <Computed>) and by the page's cap. */
export const DATA = {
  log: log.data,
  table: table.data,
  plot: plot.data,
  network: network.data,
  check: check.data,
  heatmap: heatmap.data,
  activation: activation.data,
  errorCurve: errorCurve.data,
  training: training.data,
  trainingPoints: training.pointsData,
  steps: steps.data,
};

type EntryOf<D> = D extends KindData<infer E> ? E : never;
/** One piece of output, built in the worker: plain data only, never markup. */
export type OutputEntry = { [K in keyof typeof DATA]: EntryOf<(typeof DATA)[K]> }[keyof typeof DATA];
export type OutputKind = OutputEntry['kind'];

/** How each kind is drawn in the page. */
export const VIEWS: { [K in OutputKind]: KindView<Extract<OutputEntry, { kind: K }>> } = {
  log: log.view,
  table: table.view,
  plot: plot.view,
  network: network.view,
  check: check.view,
  heatmap: heatmap.view,
  activation: activation.view,
  errorCurve: errorCurve.view,
  training: training.view,
  trainingPoints: training.pointsView,
  steps: steps.view,
};

function dataOf<E extends OutputEntry>(e: E): KindData<E> {
  return DATA[e.kind] as unknown as KindData<E>;
}

export function entrySize(e: OutputEntry): EntrySize {
  return dataOf(e).size(e);
}

/** The text alternative of an entry: what tests and expected-output blocks compare. */
export function entryText(e: OutputEntry): string {
  return dataOf(e).text(e);
}

/**
 * Page side: an entry from a message, checked by its kind and with its text cut to the
 * caps, or undefined when it is not one (an unknown kind, a field of the wrong type).
 */
export function checkEntry(x: unknown): OutputEntry | undefined {
  const r = record(x);
  const kind = r && Object.keys(DATA).find((k) => k === r.kind);
  return kind ? (DATA[kind as OutputKind] as KindData<OutputEntry>).check(r!) : undefined;
}
