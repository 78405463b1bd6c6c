// The step-through figure's markup, written once as a small tree and turned either into
// an HTML string (<StepThrough>, when the site is built) or into DOM nodes (show.steps,
// in the page). Text goes in as text (escaped in HTML, textContent in the DOM) and
// attributes as attributes; the only markup taken as it is, `raw`, is what the build
// rendered (KaTeX and Shiki from the engine's own source), never anything from a run.
import type { Layout, StepView } from './steps-layout';
import { FONT, RADIUS, short } from './steps-layout';
import type { StepModel } from './steps-model';

type Attr = string | number | boolean | undefined;
export interface Tree {
  tag: string;
  attrs: Record<string, Attr>;
  children: Child[];
}
/** Markup made by the build: KaTeX or Shiki output. */
export interface Raw {
  raw: string;
}
export type Child = Tree | Raw | string | null | undefined | false;

export function h(tag: string, attrs: Record<string, Attr> = {}, ...children: (Child | Child[])[]): Tree {
  return { tag, attrs, children: children.flat() };
}
export const raw = (html: string): Raw => ({ raw: html });

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;');

/** The tree as HTML (build time). */
export function toHtml(c: Child): string {
  if (c === null || c === undefined || c === false) return '';
  if (typeof c === 'string') return escText(c);
  if ('raw' in c) return c.raw;
  const attrs = Object.entries(c.attrs)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escAttr(String(v))}"`))
    .join('');
  return `<${c.tag}${attrs}>${c.children.map(toHtml).join('')}</${c.tag}>`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The tree as DOM nodes (in the page). */
export function toDom(c: Child, svg = false): Node | null {
  if (c === null || c === undefined || c === false) return null;
  if (typeof c === 'string') return document.createTextNode(c);
  if ('raw' in c) {
    const t = document.createElement('template');
    t.innerHTML = c.raw; // build-time KaTeX/Shiki only (see Raw)
    return t.content;
  }
  const inSvg = svg || c.tag === 'svg';
  const node = inSvg ? document.createElementNS(SVG_NS, c.tag) : document.createElement(c.tag);
  for (const [k, v] of Object.entries(c.attrs)) {
    if (v === undefined || v === false) continue;
    node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of c.children) {
    const n = toDom(child, inSvg);
    if (n) node.appendChild(n);
  }
  return node;
}

/** A block of the engine's source, highlighted at build time, every line numbered (data-line). */
export interface SourceBlock {
  file: string;
  name: string;
  startLine: number;
  html: string;
}

export interface FigureInput {
  /** Unique on the page; every id inside the figure starts with it. */
  id: string;
  caption: string;
  model: StepModel;
  layout: Layout;
  views: StepView[];
  /** The status text of each step. */
  statuses: string[];
  /** Each step's formula, rendered (build time); null: rendered when first shown (page). */
  formulas: (string | null)[];
  blocks: SourceBlock[];
  /** Per step: its block and the 1-based lines marked in it. */
  refs: { block: number; lines: number[] }[];
  /** The step shown first. */
  start: number;
  /** The figure's data for its script, in a JSON script element (build time). */
  json?: string;
}

/** Marks the step's lines in a pre-rendered block (the page does the same when stepping). */
const markLines = (html: string, lines: number[]) =>
  lines.reduce((s, l) => s.replace(`data-line="${l}"`, `data-line="${l}" data-marked`), html);

/** Numbers in the check table: 6 significant digits, a real minus sign. */
const fmt = (n: number) => String(Number(n.toPrecision(6))).replace(/^-/, '−');

/** The whole figure: <lernmi-steps> with its controls, diagram, formulas, sources and check table. */
export function stepFigure(f: FigureInput): Tree {
  const { id, model, layout, start } = f;
  const shape = model.shape;
  const view0 = f.views[start];
  const net = shape.layerSizes.join('-');
  const isTarget = (kind: 'neuron' | 'link', i: number) => view0.target.kind === kind && 'index' in view0.target && view0.target.index === i;
  const labelShown = (k: number) => layout.labelAll || isTarget('link', k);
  const ref0 = f.refs[start];
  const button = (go: string, text: string, attrs: Record<string, Attr> = {}) => h('button', { type: 'button', 'data-go': go, ...attrs }, text);

  const controls = h(
    'div',
    { class: 'st-controls', role: 'group', 'aria-label': 'Step controls', hidden: true },
    button('first', 'Start', { 'aria-keyshortcuts': 'Home' }),
    button('prev', 'Previous step', { 'aria-keyshortcuts': 'ArrowLeft' }),
    button('next', 'Next step', { 'aria-keyshortcuts': 'ArrowRight', class: 'st-primary' }),
    button('forward-end', 'End of forward pass'),
    button('last', 'End', { 'aria-keyshortcuts': 'End' }),
    button('play', 'Play', { 'aria-keyshortcuts': 'Space', 'aria-pressed': 'false' }),
    h(
      'label',
      { class: 'st-speed' },
      'Speed ',
      h(
        'select',
        { 'data-speed': true },
        h('option', { value: '2000' }, 'slow'),
        h('option', { value: '1000', selected: true }, 'normal'),
        h('option', { value: '450' }, 'fast'),
      ),
    ),
  );

  const links = shape.links.map((_, k) => {
    const p = layout.links[k];
    const v = view0.links[k];
    return h(
      'g',
      { class: isTarget('link', k) ? 'st-link is-current' : 'st-link', 'data-link': k, 'data-kind': v.kind },
      h('title', {}, v.title),
      h('line', { class: 'st-link-halo', x1: p.x1, y1: p.y1, x2: p.x2, y2: p.y2 }),
      h('line', { class: 'st-link-line', x1: p.x1, y1: p.y1, x2: p.x2, y2: p.y2, 'stroke-width': v.width }),
    );
  });
  const labels = shape.links.map((_, k) => {
    const p = layout.links[k].label;
    const v = view0.links[k];
    return h(
      'text',
      {
        class: 'st-link-label',
        'data-link-label': k,
        'data-sign': v.kind === 'neg' ? 'neg' : v.kind === 'pos' ? 'pos' : 'zero',
        x: p.x,
        y: p.y,
        'font-size': FONT.number,
        'text-anchor': 'middle',
        visibility: labelShown(k) ? 'visible' : 'hidden',
        'data-always': layout.labelAll ? '' : undefined,
      },
      v.label,
    );
  });
  const neurons = shape.neurons.map((n, i) => {
    const p = layout.neurons[i];
    const [value, sens] = view0.neurons[i];
    const cls = ['st-neuron', n.isBias ? 'is-bias' : '', isTarget('neuron', i) ? 'is-current' : ''].filter(Boolean).join(' ');
    return h(
      'g',
      { class: cls, 'data-neuron': i },
      h('circle', { cx: p.x, cy: p.y, r: RADIUS }),
      h('text', { class: 'st-neuron-name', x: p.x, y: p.y + 5.5, 'font-size': n.isBias ? FONT.number : FONT.label, 'text-anchor': 'middle' }, n.isBias ? 'bias' : n.text),
      h('text', { class: 'st-value', 'data-value': true, x: p.x, y: p.y - RADIUS - 7, 'font-size': FONT.number, 'text-anchor': 'middle' }, value),
      h('text', { class: 'st-sens', 'data-sens': true, x: p.x, y: p.y + RADIUS + 18, 'font-size': FONT.number, 'text-anchor': 'middle' }, sens),
    );
  });
  const describedBy = `${id}-desc`;
  const stage = h(
    'div',
    { class: 'st-stage', id: `${id}-stage`, tabindex: '0', role: 'group', 'aria-label': 'The network; arrow keys step, Home and End jump, Space plays', 'data-mode': view0.mode },
    h(
      'svg',
      { viewBox: `0 0 ${layout.width} ${layout.height}`, role: 'img', 'aria-labelledby': `${id}-svg-title ${describedBy}`, class: 'st-svg' },
      h('title', { id: `${id}-svg-title` }, `The ${net} network`),
      h(
        'desc',
        { id: describedBy },
        'Neurons in columns, inputs on the left. Above each neuron its value, below it its sensitivity once the backward ' +
          'pass has reached it. Links are drawn by weight: blue positive, orange negative, thicker when larger. In the ' +
          "backward pass they are drawn by output sensitivity, thicker when larger. The step's link or neuron is outlined.",
      ),
      h('g', { class: 'st-links' }, links),
      h('g', { class: 'st-link-labels' }, labels),
      h('g', { class: 'st-neurons' }, neurons),
    ),
    h(
      'p',
      { class: 'st-legend' },
      h('span', { class: 'forward' }, 'value'),
      ' above each neuron, ',
      h('span', { class: 'backward' }, 'sensitivity'),
      ' below. Links: ',
      h('span', { class: 'weight-positive' }, 'positive'),
      ' and ',
      h('span', { class: 'weight-negative' }, 'negative'),
      ' weights, thicker when larger; in the backward pass ',
      h('span', { class: 'backward' }, 'by output sensitivity'),
      '.',
    ),
  );
  const formulas = h(
    'div',
    { class: 'st-formulas', 'data-pagefind-ignore': true },
    f.formulas.map((html, i) =>
      h(
        'div',
        { class: 'st-formula', 'data-step': i, hidden: i !== start, tabindex: i === start ? '0' : undefined, role: 'group', 'aria-label': `Formula for step ${i + 1}` },
        html === null ? null : raw(html),
      ),
    ),
  );
  const sources = h(
    'div',
    { class: 'st-sources' },
    f.blocks.map((b, k) => {
      const shown = ref0.block === k;
      return h(
        'div',
        { class: 'st-source', 'data-source': k, hidden: !shown },
        h(
          'p',
          { class: 'st-source-caption' },
          "The engine's ",
          h('code', {}, b.name),
          ' from ',
          h('code', {}, b.file),
          h('span', { 'data-source-where': true }, shown ? `, line${ref0.lines.length > 1 ? 's' : ''} ${ref0.lines.map((l) => l + b.startLine - 1).join(' and ')}` : ''),
        ),
        raw(shown ? markLines(b.html, ref0.lines) : b.html),
      );
    }),
  );
  const check = h(
    'div',
    { class: 'st-check' },
    h('button', { type: 'button', class: 'st-check-toggle', 'aria-expanded': 'false', 'aria-controls': `${id}-check`, hidden: true }, 'Show the gradient check'),
    h(
      'div',
      { id: `${id}-check`, class: 'st-check-table', 'data-check': true },
      h(
        'p',
        {},
        'Gradient check, before the step: for each link, ∂E/∂w from backpropagation (output sensitivity × input value) ' +
          'beside the same slope measured by nudging the weight by ±0.00001, and how far apart they are.',
      ),
      h(
        'table',
        { tabindex: '0', 'aria-label': 'Gradient check, per link' },
        h('thead', {}, h('tr', {}, ['link', 'weight', '∂E/∂w, backprop', '∂E/∂w, nudging', 'relative difference'].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          {},
          model.gradientCheck.map((g) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, shape.links[g.link].text),
              h('td', {}, short(model.steps[0].state.weights[g.link])),
              h('td', {}, fmt(g.backprop)),
              h('td', {}, fmt(g.numerical)),
              h('td', {}, g.relativeError === 0 ? '0' : g.relativeError.toExponential(1).replace('-', '−')),
            ),
          ),
        ),
      ),
    ),
  );
  return h(
    'lernmi-steps',
    { class: 'step-through-host', 'data-id': id },
    h(
      'figure',
      { class: 'step-through', id, 'aria-labelledby': `${id}-caption` },
      h('figcaption', { id: `${id}-caption`, class: 'st-caption' }, f.caption),
      controls,
      h('p', { class: 'st-status', role: 'status', 'data-status': true }, f.statuses[start]),
      h('div', { class: 'st-body' }, stage, formulas, sources),
      model.gradientCheck.length ? check : null,
      f.json === undefined ? null : h('script', { type: 'application/json', 'data-steps': true }, raw(f.json.replace(/</g, '\\u003c'))),
      f.json === undefined ? null : h('noscript', {}, h('p', { class: 'st-noscript' }, 'This is the end of the forward pass. Stepping through needs JavaScript.')),
    ),
  );
}

/** The data <lernmi-steps> switches steps with: built beside the markup, from the same model. */
export interface FigureData {
  start: number;
  forwardEnd: number;
  steps: { status: string; view: StepView; source: { block: number; lines: number[] } }[];
  blocks: { startLine: number }[];
}

export function figureData(f: Pick<FigureInput, 'model' | 'views' | 'statuses' | 'refs' | 'blocks' | 'start'>): FigureData {
  return {
    start: f.start,
    forwardEnd: f.model.forwardEnd,
    steps: f.model.steps.map((_, i) => ({ status: f.statuses[i], view: f.views[i], source: f.refs[i] })),
    blocks: f.blocks.map((b) => ({ startLine: b.startLine })),
  };
}

/** "Event 10 of 17. …": "Event", not "Step", since a link's own three steps are named in the descriptions. */
export function statuses(model: StepModel): string[] {
  return model.steps.map((s, i) => `Event ${i + 1} of ${model.steps.length}. ${s.description}`);
}
