// The chapters' static plots: each component renders a figure with no script and no inline
// style; its drawing is the runner's own view of the entry a snippet would get from show.*
// (run here through the same executor as the worker); and its numbers are the engine's.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, test } from 'vitest';
import ActivationPlot from '../../components/course/figures/ActivationPlot.astro';
import ErrorCurvePlot from '../../components/course/figures/ErrorCurvePlot.astro';
import HeatmapPlot from '../../components/course/figures/HeatmapPlot.astro';
import TrainingPlot from '../../components/course/figures/TrainingPlot.astro';
import {
  activationPlotEntry,
  errorCurvePlotEntry,
  heatmapPlotEntry,
  NARROW,
  renderStatic,
  trainingPlotEntry,
  WIDE,
} from '../../components/course/figures/plot-figures';
import { staticDocument, StaticElement } from '../../components/course/figures/static-dom';
import * as engine from '../../src/lernmi';
import { Network, activations, datasets } from '../../src/lernmi';
import { el, svg, withDocument } from '../../src/runner/kinds/dom';
import { formatShort } from '../../src/runner/kinds/format';
import type { OutputEntry } from '../../src/runner/kinds/index';
import { foldLive } from '../../src/runner/kinds/training';
import { execute } from '../../src/runner/worker/execute';

/** What a snippet's show.* call gives the page, through the worker's executor. */
async function snippetEntry(code: string): Promise<OutputEntry> {
  const out: OutputEntry[] = [];
  const r = await execute(code, { modules: { lernmi: engine }, emit: (e) => out.push(e) });
  expect(r.error).toBeUndefined();
  const entries = foldLive(out);
  expect(entries).toHaveLength(1);
  return entries[0]!;
}

async function render(component: unknown, props: Record<string, unknown>): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(component as Parameters<typeof container.renderToString>[0], { props });
}

/** The two drawings a static plot holds, as they appear in its HTML. */
function drawings(html: string): { wide: string; narrow: string } {
  // (the container marks each element of the component with its source: [^>]* skips that)
  const wide = /<div class="static-plot-wide"[^>]*>([\s\S]*?)<\/div>\s*<div class="static-plot-narrow"/.exec(html)?.[1];
  const narrow = /<div class="static-plot-narrow"[^>]*>([\s\S]*?)<\/div>\s*<figcaption/.exec(html)?.[1];
  expect(wide, 'the wide drawing').toBeDefined();
  expect(narrow, 'the narrow drawing').toBeDefined();
  return { wide: wide!, narrow: narrow! };
}

/** Fails on what the site's policy would refuse or a reader without JavaScript would miss. */
function expectStatic(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
  expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(2);
  expect(html).toMatch(/<figcaption[^>]*>[^<]{20,}/);
}

describe('the static DOM the views draw into at build time', () => {
  test('serialises elements, attributes, data-* and text, escaping what could be markup', () => {
    const html = withDocument(staticDocument, () => {
      const fig = el('div', 'figure-plot', '<img src=x onerror=alert(1)>');
      fig.dataset.someText = 'a "quoted" & <b>';
      const s = svg('svg', { viewBox: '0 0 10 10', role: 'img' });
      s.appendChild(svg('title', {}, 'x < y & z'));
      fig.appendChild(s);
      return (fig as unknown as StaticElement).outerHTML;
    });
    expect(html).toBe(
      '<div class="figure-plot" data-some-text="a &quot;quoted&quot; &amp; &lt;b&gt;">&lt;img src=x onerror=alert(1)&gt;' +
        '<svg viewBox="0 0 10 10" role="img"><title>x &lt; y &amp; z</title></svg></div>',
    );
  });

  test('an attribute name that could break out of its tag is refused', () => {
    expect(() => withDocument(staticDocument, () => svg('g', { 'x onload': 1 }))).toThrow(/no attribute/);
  });

  test('the page’s document is back once a drawing is done', () => {
    withDocument(staticDocument, () => 1);
    expect(() => el('div')).toThrow(/document is not defined/);
  });
});

describe('<ActivationPlot>', () => {
  test('is the runner’s drawing of show.activation, at both widths', async () => {
    const html = await render(ActivationPlot, { activation: 'tanh', at: 2 });
    expectStatic(html);
    const shown = await snippetEntry('show.activation("tanh", { at: 2 });');
    const { wide, narrow } = drawings(html);
    expect(wide).toBe(renderStatic(shown, WIDE));
    expect(narrow).toBe(renderStatic(shown, NARROW));
    // side by side when wide, stacked on a phone: the same panels either way
    expect(wide.match(/<path /g)).toHaveLength(2);
    expect(narrow.match(/<path /g)).toHaveLength(2);
    expect(wide).toContain('class="marker-dot');
  });

  test('the marked slope is the engine’s derivative, and a nudge agrees', () => {
    const e = activationPlotEntry({ activation: 'tanh', at: 2 });
    const value = activations.tanh.fn(2);
    expect(e.at).toEqual({ sum: 2, value, slope: activations.tanh.derivative(value) });
    const h = 1e-5;
    expect(e.at!.slope).toBeCloseTo((Math.tanh(2 + h) - Math.tanh(2 - h)) / (2 * h), 8);
    // and the number written on the figure is that slope
    expect(renderStatic(e, WIDE)).toContain(formatShort(e.at!.slope));
  });

  test('its default caption states the marked numbers; a caption of the chapter’s own replaces it', async () => {
    const e = activationPlotEntry({ activation: 'sigmoid', at: -0.55 });
    const html = await render(ActivationPlot, { activation: 'sigmoid', at: -0.55 });
    expect(html).toContain(`the value ${formatShort(e.at!.value)}, and its slope there is ${formatShort(e.at!.slope)}`);
    const container = await AstroContainer.create();
    const own = await container.renderToString(ActivationPlot, { props: { activation: 'relu' }, slots: { default: 'Look at the corner.' } });
    expect(own).toMatch(/<figcaption[^>]*>Look at the corner\.<\/figcaption>/);
  });

  test('an unknown activation fails the build, naming the component', () => {
    expect(() => activationPlotEntry({ activation: 'softsign' as 'tanh' })).toThrow(/<ActivationPlot activation="softsign">/);
  });
});

describe('<ErrorCurvePlot>', () => {
  const spec = { layers: [1, 1], activation: 'linear', weights: [0.2, 0], link: 0, input: [2], expected: [1], range: [-0.5, 1.5] } as const;

  test('is the runner’s drawing of show.errorCurve for the same network', async () => {
    const html = await render(ErrorCurvePlot, spec);
    expectStatic(html);
    const shown = await snippetEntry(`import { Network } from "lernmi";
const net = new Network([1, 1], { activation: "linear", outputActivation: "linear", seed: 1 });
net.links[0]!.weight = 0.2;
net.links[1]!.weight = 0;
show.errorCurve(net, 0, [2], [1], { range: [-0.5, 1.5] });`);
    expect(drawings(html).wide).toBe(renderStatic(shown, WIDE));
    expect(drawings(html).wide).toContain('class="series series-1 tangent"');
  });

  test('the tangent’s slope is backpropagation’s ∂E/∂w: (2w − 1)·2 at w = 0.2', () => {
    const e = errorCurvePlotEntry(spec);
    expect(e.at.weight).toBe(0.2);
    expect(e.at.gradient).toBeCloseTo((2 * 0.2 - 1) * 2, 12);
    expect(e.at.error).toBeCloseTo(0.5 * (0.4 - 1) ** 2, 12);
  });

  test('weights that do not fit the network fail the build', () => {
    expect(() => errorCurvePlotEntry({ ...spec, weights: [1] })).toThrow(/weights has 1 numbers; this network has 2 links/);
  });
});

describe('<TrainingPlot>', () => {
  const spec = { dataset: 'xor', layers: [2, 3, 1], activation: 'tanh', trainingRate: 0.3, seed: 2, epochs: 300, log: true } as const;

  test('is the runner’s drawing of show.training for the same seeded run', async () => {
    const html = await render(TrainingPlot, spec);
    expectStatic(html);
    const shown = await snippetEntry(`import { Network, datasets } from "lernmi";
const net = new Network([2, 3, 1], { activation: "tanh", trainingRate: 0.3, seed: 2 });
const curve = show.training(undefined, { log: true });
net.train(datasets.xor(), { epochs: 300, fast: true, onEpoch: curve.onEpoch });`);
    expect(drawings(html).wide).toBe(renderStatic(shown, WIDE));
  });

  test('one point per epoch, each the mean error train reports', () => {
    const e = trainingPlotEntry({ ...spec, layers: [2, 3, 1] });
    const net = new Network([2, 3, 1], { activation: 'tanh', trainingRate: 0.3, seed: 2 });
    const history = net.train(datasets.xor(), { epochs: 300 });
    expect(e.count).toBe(300);
    expect(e.x).toEqual(history.map((h) => h.epoch));
    expect(e.y[0]).toEqual(history.map((h) => h.error));
  });
});

describe('<HeatmapPlot>', () => {
  const spec = { dataset: 'xor', layers: [2, 3, 1], activation: 'tanh', trainingRate: 0.3, seed: 2, trainEpochs: 300, resolution: 20 } as const;

  test('is the runner’s drawing of show.heatmap after the same seeded training', async () => {
    const html = await render(HeatmapPlot, spec);
    expectStatic(html);
    const shown = await snippetEntry(`import { Network, datasets } from "lernmi";
const net = new Network([2, 3, 1], { activation: "tanh", trainingRate: 0.3, seed: 2 });
const xor = datasets.xor();
net.train(xor, { epochs: 300, fast: true });
show.heatmap(net, { samples: xor, resolution: 20 });`);
    expect(drawings(html).wide).toBe(renderStatic(shown, WIDE));
    expect(drawings(html).wide.match(/<rect [^>]*fill=/g)!.length).toBeGreaterThanOrEqual(400);
  });

  test('training at build time changes the picture, the same way every build', () => {
    const before = heatmapPlotEntry({ ...spec, layers: [2, 3, 1], trainEpochs: 0 });
    const after = heatmapPlotEntry({ ...spec, layers: [2, 3, 1] });
    expect(after.values).not.toEqual(before.values);
    expect(heatmapPlotEntry({ ...spec, layers: [2, 3, 1] }).values).toEqual(after.values);
  });

  test('a dataset that is not one of the 2-input ones fails the build', () => {
    expect(() => heatmapPlotEntry({ ...spec, layers: [2, 3, 1], dataset: 'digits' as 'xor' })).toThrow(/no dataset "digits"/);
  });
});
