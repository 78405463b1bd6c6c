// The step-through figure (components/course/figures/): its steps are the engine's trace,
// its numbers are the engine's, its formulas and engine lines belong to their events, and
// its diagram fits its viewBox.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import StepThrough from '../../components/course/figures/StepThrough.astro';
import { Network, type TraceEvent } from '../../src/lernmi';
import { buildStepModel, num, type StepThroughSpec } from '../../components/course/figures/step-model';
import { FONT, RADIUS, layoutNetwork, stepViews } from '../../src/runner/kinds/steps-layout';
import { renderSources, renderStepTex } from '../../components/course/figures/step-render';
import { stepSources } from '../../components/course/figures/vite-step-sources';
import { SOURCES, type SourceKey } from '../../src/runner/kinds/steps-model';

const TWO_TWO_ONE: StepThroughSpec = { layers: [2, 2, 1], activation: 'sigmoid', seed: 3, input: [1, 0.5], expected: [1], trainingRate: 0.5 };
const CHAPTER_ONE: StepThroughSpec = { layers: [2, 1], activation: 'sigmoid', input: [1, 0.5], expected: [1], trainingRate: 0.5, weights: [1.5, -0.4, 0] };
const TANH: StepThroughSpec = { layers: [3, 2, 2], activation: 'tanh', outputActivation: 'linear', seed: 11, input: [0.2, -1, 0.7], expected: [0.5, -0.25], trainingRate: 0.1 };

/** The engine's own trace for the same network, heard independently of the figure. */
function engineTrace(spec: StepThroughSpec): { events: TraceEvent[]; net: Network } {
  const net = new Network(spec.layers, {
    activation: spec.activation,
    outputActivation: spec.outputActivation ?? spec.activation,
    trainingRate: spec.trainingRate,
    seed: spec.seed,
  });
  spec.weights?.forEach((w, k) => (net.links[k].weight = w));
  const events: TraceEvent[] = [];
  net.onTrace((e) => events.push(e));
  net.learn(spec.input, spec.expected);
  return { events, net };
}

function eventNumber(e: TraceEvent): number {
  switch (e.type) {
    case 'input':
    case 'carry':
    case 'activate':
      return e.value;
    case 'error':
      return e.error;
    case 'sensitivity':
    case 'sendBack':
      return e.sensitivity;
    case 'outputSensitivity':
      return e.outputSensitivity;
    case 'weightChange':
      return e.weightChange;
    default:
      return NaN;
  }
}

describe('the step model', () => {
  for (const [name, spec] of [['2-2-1 sigmoid', TWO_TWO_ONE], ['chapter 1', CHAPTER_ONE], ['3-2-2 tanh/linear', TANH]] as const) {
    it(`${name}: one step per trace event, same types, same numbers`, () => {
      const model = buildStepModel(spec);
      const { events, net } = engineTrace(spec);
      expect(model.steps.map((s) => s.type)).toEqual(events.map((e) => e.type));
      model.steps.forEach((step, i) => {
        expect(step.value).toBe(eventNumber(events[i]));
        expect(step.check.result).toBe(step.value);
      });
      // After the whole learn, the diagram's weights are the network's.
      expect(model.steps.at(-1)!.state.weights).toEqual(net.links.map((l) => l.weight));
      expect(model.finalWeights).toEqual(net.links.map((l) => l.weight));
    });

    it(`${name}: every substituted formula evaluates, from the numbers shown, to the number shown`, () => {
      for (const step of buildStepModel(spec).steps) {
        const shown = Number(num(step.check.result));
        const value = Function(`return ${step.check.expression};`)() as number;
        // Each operand is shown to 6 significant digits (off by up to 5e-6 relative), so
        // a product of two may differ from the shown result by about 1.5e-5 relative.
        expect(Math.abs(value - shown), `${step.type}: ${step.check.expression} vs ${shown}`).toBeLessThanOrEqual(
          Math.max(2e-5 * Math.abs(shown), 1e-9),
        );
      }
    });

    it(`${name}: each description names the step's number, and its TeX renders with its term boxed`, () => {
      for (const step of buildStepModel(spec).steps) {
        expect(step.description).toContain(num(step.value).replace(/^-/, '−'));
        const html = renderStepTex(step.tex);
        // The term boxed where the formula is written, and again where its numbers are.
        const boxes = html.match(/class="enclosing hl"/g)?.length ?? 0;
        expect(boxes, step.tex).toBeGreaterThanOrEqual(1);
        expect(boxes, step.tex).toBeLessThanOrEqual(2);
        expect(html).toContain('<math'); // MathML for screen readers
      }
    });
  }

  it("chapter 1's first network gives the chapter's numbers", () => {
    const model = buildStepModel(CHAPTER_ONE);
    const of = (type: string) => model.steps.filter((s) => s.type === type);
    expect(num(of('activate')[0].value)).toBe('0.785835');
    expect(num(of('outputSensitivity')[0].value)).toBe('-0.0360436');
    expect(model.finalWeights.slice(0, 2).map(num)).toEqual(['1.51802', '-0.390989']);
    expect(num(of('sendBack')[0].value)).toBe('-0.0540654'); // what x₁ received
    expect(of('sendBack')[0].description).toContain('× 1.5 = −0.0540654'); // with the old weight
    expect(model.shape.links.map((l) => l.tex)).toEqual(['w_{1}', 'w_{2}', 'b']);
  });

  it('a link sends back, and shows, its old weight until its own step 3', () => {
    const model = buildStepModel(TWO_TWO_ONE);
    const before = model.steps[0].state.weights;
    for (const step of model.steps) {
      if (step.type !== 'sendBack' || step.target.kind !== 'link') continue;
      const k = step.target.index;
      expect(step.state.weights[k]).toBe(before[k]);
      expect(step.check.expression).toContain(`(${num(before[k])})`);
      const change = model.steps.find((s) => s.type === 'weightChange' && s.target.kind === 'link' && s.target.index === k)!;
      expect(change.index).toBe(step.index + 1);
      expect(change.state.weights[k]).toBe(model.finalWeights[k]);
    }
  });

  it('the forward pass ends at the error; the backward pass starts with the output sensitivity', () => {
    const model = buildStepModel(TWO_TWO_ONE);
    expect(model.steps[model.forwardEnd].type).toBe('error');
    expect(model.steps.slice(0, model.forwardEnd + 1).every((s) => s.phase === 'forward')).toBe(true);
    expect(model.steps.slice(model.forwardEnd + 1).every((s) => s.phase === 'backward')).toBe(true);
    expect(model.steps[model.forwardEnd + 1].type).toBe('sensitivity');
  });

  it('the gradient check is the engine’s: backprop beside nudging, close', () => {
    const model = buildStepModel(TWO_TWO_ONE);
    const fresh = new Network(TWO_TWO_ONE.layers, { seed: 3 });
    expect(model.gradientCheck.map((g) => g.backprop)).toEqual(fresh.gradients(TWO_TWO_ONE.input, TWO_TWO_ONE.expected));
    expect(model.gradientCheck).toHaveLength(fresh.links.length);
    for (const g of model.gradientCheck) expect(g.relativeError).toBeLessThan(1e-6);
  });

  it('refuses weights of the wrong length, naming the count', () => {
    expect(() => buildStepModel({ ...CHAPTER_ONE, weights: [1, 2] })).toThrow(/weights has 2 numbers; this network has 3 links/);
  });
});

describe('the engine line of each step', () => {
  const expectedSource: Record<string, [string, string]> = {
    input: ['Network.forward', 'neuron.value = inputs[i];'],
    carry: ['Link.propagate', 'return this.from.value * this.weight;'],
    activate: ['Neuron.activate', 'this.value = this.activation.fn(sum);'],
    error: ['Network.error', 'return squaredError(numbers, expected);'],
    outputSensitivity: ['Link.outputSensitivity', 'return this.to.sensitivity * this.to.derivative;'],
    sendBack: ['Link.sendBack', 'const sensitivity = outputSensitivity * this.weight;'],
    weightChange: ['Link.backpropagate', 'this.changeWeight(-trainingRate * outputSensitivity * inputValue);'],
  };

  it('points every event type at the member and line that computed it, found in the real engine', async () => {
    const model = buildStepModel(TWO_TWO_ONE);
    const { blocks, refs } = await renderSources(model.steps.map((s) => s.source));
    model.steps.forEach((step, i) => {
      const block = blocks[refs[i].block];
      const marked = refs[i].lines.map((l) => block.code.split('\n')[l - 1].trim());
      if (step.type === 'sensitivity') {
        const output = step.target.kind === 'neuron' && model.shape.neurons[step.target.index].layer === 2;
        expect(block.name).toBe(output ? 'Network.setOutputSensitivities' : 'Neuron.backpropagate');
        expect(marked[0]).toBe(output ? 'outputs[i].sensitivity = outputs[i].value - expected[i];' : 'const { sensitivity } = this;');
        return;
      }
      const [name, line] = expectedSource[step.type];
      expect(block.name).toBe(name);
      expect(marked).toContain(line);
      // Every line is numbered in the highlighted HTML, so the page can mark it.
      for (const l of refs[i].lines) expect(block.html).toContain(`data-line="${l}"`);
    });
    // One highlighted block per member, shared by the steps that use it.
    expect(new Set(blocks.map((b) => b.name)).size).toBe(blocks.length);
  });
});

describe('the engine lines served to show.steps (virtual:lernmi/step-sources)', () => {
  it('holds every source a step can name, each marking the lines the component marks', async () => {
    const { blocks, refs } = await stepSources();
    const keys = Object.keys(SOURCES) as SourceKey[];
    expect(Object.keys(refs).sort()).toEqual([...keys].sort());
    const component = await renderSources(keys);
    for (const [i, key] of keys.entries()) {
      const block = blocks[refs[key].block];
      expect(block.name).toBe(SOURCES[key].name);
      expect(refs[key].lines).toEqual(component.refs[i].lines);
      expect(block.html).toBe(component.blocks[component.refs[i].block].html); // the same highlighting
      for (const l of refs[key].lines) expect(block.html).toContain(`data-line="${l}"`);
    }
  });
});

describe('the diagram layout', () => {
  for (const layers of [[2, 1], [2, 2, 1], [3, 4, 2], [2, 3, 3, 1], [4, 5, 1]]) {
    it(`${layers.join('-')}: neurons and their numbers inside the viewBox, no circles overlap`, () => {
      const model = buildStepModel({ layers, input: layers.slice(0, 1).flatMap((n) => Array(n).fill(0.5)), expected: Array(layers.at(-1)!).fill(1) });
      const layout = layoutNetwork(model.shape);
      for (const p of layout.neurons) {
        // value text above (its cap height), sensitivity text below (with descenders)
        expect(p.y - RADIUS - 7 - FONT.number).toBeGreaterThanOrEqual(0);
        expect(p.y + RADIUS + 18 + 4).toBeLessThanOrEqual(layout.height);
        expect(p.x - 32).toBeGreaterThanOrEqual(0); // half of "−0.00123" at 16 units
        expect(p.x + 32).toBeLessThanOrEqual(layout.width);
      }
      layout.neurons.forEach((a, i) =>
        layout.neurons.slice(i + 1).forEach((b) => expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(2 * RADIUS + 40)),
      );
      for (const l of layout.links) {
        for (const v of [l.x1, l.x2, l.label.x]) expect(v).toBeGreaterThanOrEqual(0);
        for (const v of [l.x1, l.x2, l.label.x]) expect(v).toBeLessThanOrEqual(layout.width);
      }
    });
  }

  it('draws links by weight going forward and by output sensitivity going back', () => {
    const model = buildStepModel(TWO_TWO_ONE);
    const views = stepViews(model);
    const forward = views[model.forwardEnd];
    expect(forward.mode).toBe('f');
    forward.links.forEach((l, k) => expect(l.kind).toBe(model.steps[model.forwardEnd].state.weights[k] > 0 ? 'pos' : 'neg'));
    const last = views.at(-1)!;
    expect(last.mode).toBe('b');
    expect(last.links.every((l) => l.kind === 'back')).toBe(true);
    // Thicker for a larger output sensitivity.
    const os = model.steps.at(-1)!.state.outputSensitivities.map((v) => Math.abs(v!));
    const [big, small] = [os.indexOf(Math.max(...os)), os.indexOf(Math.min(...os))];
    expect(last.links[big].width).toBeGreaterThan(last.links[small].width);
    // Values are known from the start of the forward pass on, sensitivities only going back.
    expect(views[0].neurons.filter(([v]) => v !== '').length).toBe(3); // x₁ and both bias neurons
    expect(forward.neurons.every(([, s]) => s === '')).toBe(true);
  });
});

describe('<StepThrough>', () => {
  it('renders a 2-2-1 network: a named figure, every step pre-rendered, controls for JavaScript only', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(StepThrough, { props: { ...TWO_TWO_ONE, layers: [2, 2, 1] } });
    const model = buildStepModel(TWO_TWO_ONE);
    expect(html).toContain('<lernmi-steps');
    expect(html).toMatch(/<figure class="step-through" id="steps-2-2-1-3" aria-labelledby="steps-2-2-1-3-caption"/);
    expect(html).toMatch(/<figcaption[^>]*>Step through one learning step of this 2-2-1 network/);
    expect(html.match(/class="st-formula"/g)).toHaveLength(model.steps.length);
    expect(html.match(/data-link="\d+"/g)).toHaveLength(9);
    expect(html.match(/data-neuron="\d+"/g)).toHaveLength(7); // 2 + bias, 2 + bias, 1
    // Opens at the end of the forward pass, its status and only its formula showing.
    expect(html).toContain(`Event ${model.forwardEnd + 1} of ${model.steps.length}. Error.`);
    expect(html.match(/class="st-formula" data-step="\d+" tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(/class="st-controls" role="group" aria-label="Step controls" hidden/);
    // The page's data: one entry per step, each with its status and source lines.
    const json = JSON.parse(/<script type="application\/json" data-steps>(.*?)<\/script>/s.exec(html)![1]);
    expect(json.steps).toHaveLength(model.steps.length);
    expect(json.forwardEnd).toBe(model.forwardEnd);
  });

  it('fails the build on a network too big to step through', async () => {
    const container = await AstroContainer.create();
    await expect(
      container.renderToString(StepThrough, { props: { layers: [6, 6, 1], input: [0, 0, 0, 0, 0, 0], expected: [1] } }),
    ).rejects.toThrow(/49 links are too many to step through/);
  });
});
