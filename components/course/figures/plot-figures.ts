// Build time: the entries of a chapter's static plots, made by the runner's own builders
// from the engine (the same `build` a snippet's show.activation / show.errorCurve /
// show.heatmap / show.training calls), and drawn to HTML by the runner's own views. So a
// plot placed with <ActivationPlot> looks exactly like the one a snippet shows, and every
// number in it is the engine's. Pure (no Astro): unit tests call it directly.
import { activationByName, datasets, type ActivationName, type Sample } from '../../../src/lernmi';
import * as activation from '../../../src/runner/kinds/activation';
import { withDocument } from '../../../src/runner/kinds/dom';
import * as errorCurve from '../../../src/runner/kinds/errorcurve';
import * as heatmap from '../../../src/runner/kinds/heatmap';
import { entryText, type OutputEntry } from '../../../src/runner/kinds/index';
import { foldLive, type TrainingEntry } from '../../../src/runner/kinds/training';
import { renderEntry } from '../../../src/runner/page/output-view';
import { LiveCurves } from '../../../src/runner/worker/live';
import { buildNetwork, type NetworkSpec } from './figure-network';
import { staticDocument, type StaticElement } from './static-dom';

/** The two widths a static plot is drawn at: the text column, and a phone's (375 px less the page's margins). */
export const WIDE = 560;
export const NARROW = 330;

/** A builder's warning is a mistake in the chapter: fail the build, naming the component. */
function entryOrThrow<E extends { kind: string }>(e: E, where: string): Exclude<E, { kind: 'log' }> {
  if (e.kind === 'log') throw new Error(`${where}: ${(e as unknown as { text: string }).text}`);
  return e as Exclude<E, { kind: 'log' }>;
}

export interface ActivationPlotSpec {
  activation: ActivationName;
  /** a neuron's sum, marked on both curves */
  at?: number;
  /** the sums drawn (default [-6, 6]) */
  domain?: readonly [number, number];
  title?: string;
}

export function activationPlotEntry(spec: ActivationPlotSpec): activation.ActivationEntry {
  const where = `<ActivationPlot activation="${spec.activation}">`;
  return entryOrThrow(activation.build(spec.activation, { at: spec.at, domain: spec.domain, title: spec.title }, activationByName), where);
}

export interface ErrorCurvePlotSpec extends NetworkSpec {
  /** the link whose weight moves: its index in `net.links` */
  link: number;
  input: readonly number[];
  expected: readonly number[];
  /** the weights drawn (default: around the current one) */
  range?: readonly [number, number];
  title?: string;
}

export function errorCurvePlotEntry(spec: ErrorCurvePlotSpec): errorCurve.ErrorCurveEntry {
  const where = `<ErrorCurvePlot layers={[${spec.layers.join(', ')}]} link={${spec.link}}>`;
  const net = buildNetwork(spec, where);
  return entryOrThrow(errorCurve.build(net, spec.link, spec.input, spec.expected, { range: spec.range, title: spec.title }), where);
}

/** The 2-input datasets of src/datasets, by name. */
export const DATASETS = { xor: datasets.xor, circle: datasets.circle, gauss: datasets.gauss, spiral: datasets.spiral } as const;
export type DatasetName = keyof typeof DATASETS;

function samplesOf(name: DatasetName, count: number | undefined, where: string): Sample[] {
  const make = DATASETS[name];
  if (!make) throw new Error(`${where}: no dataset "${name}"; the 2-input ones are ${Object.keys(DATASETS).join(', ')}`);
  return make(count === undefined ? {} : { count });
}

export interface TrainingPlotSpec extends NetworkSpec {
  dataset: DatasetName;
  /** points in the dataset (its default if absent) */
  count?: number;
  epochs: number;
  batchSize?: number;
  /** a logarithmic error axis */
  log?: boolean;
  title?: string;
}

/**
 * The error per epoch of a seeded run, through the same curve a snippet's show.training
 * makes (so thinning and text are the same), on a clock that never moves: the run is
 * sent as one update, which is all a static figure needs.
 */
export function trainingPlotEntry(spec: TrainingPlotSpec): TrainingEntry {
  const where = `<TrainingPlot dataset="${spec.dataset}" layers={[${spec.layers.join(', ')}]}>`;
  const net = buildNetwork(spec, where);
  const samples = samplesOf(spec.dataset, spec.count, where);
  const out: OutputEntry[] = [];
  const live = new LiveCurves((e) => out.push(e), () => 0);
  const curve = live.create(spec.title, { log: spec.log });
  net.train(samples, { epochs: spec.epochs, batchSize: spec.batchSize, fast: true, onEpoch: curve.onEpoch });
  live.flushAll();
  return foldLive(out)[0] as TrainingEntry;
}

export interface HeatmapPlotSpec extends NetworkSpec {
  dataset: DatasetName;
  /** points in the dataset (its default if absent) */
  count?: number;
  /** passes over the dataset before the map is drawn (0: the untrained network) */
  trainEpochs?: number;
  batchSize?: number;
  /** cells across and down (default 40, at most 50) */
  resolution?: number;
  title?: string;
}

export function heatmapPlotEntry(spec: HeatmapPlotSpec): heatmap.HeatmapEntry {
  const where = `<HeatmapPlot dataset="${spec.dataset}" layers={[${spec.layers.join(', ')}]}>`;
  const net = buildNetwork(spec, where);
  const samples = samplesOf(spec.dataset, spec.count, where);
  if (spec.trainEpochs) net.train(samples, { epochs: spec.trainEpochs, batchSize: spec.batchSize, fast: true });
  return entryOrThrow(heatmap.build(net, { samples, resolution: spec.resolution, title: spec.title }), where);
}

/** An entry drawn by its kind's view, as the runner draws it, to HTML. */
export function renderStatic(e: OutputEntry, width: number): string {
  return withDocument(staticDocument, () => (renderEntry(e, { width }) as unknown as StaticElement).outerHTML);
}

/** What a static plot component puts in the page: the drawing at both widths and its text. */
export function staticPlot(e: OutputEntry): { wide: string; narrow: string; text: string } {
  return { wide: renderStatic(e, WIDE), narrow: renderStatic(e, NARROW), text: entryText(e) };
}
