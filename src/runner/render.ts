// Renders a run's output into the page: text nodes and SVG built element by element.
// Reader data never goes through innerHTML, so `<img onerror=…>` in output is just text.
import { LIMITS, entryLines, type Dropped, type OutputEntry } from './protocol';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function fmtTick(n: number): string {
  if (n === 0) return '0';
  const a = Math.abs(n);
  if (a >= 1e4 || a < 1e-3) return n.toExponential(1);
  return String(Number(n.toPrecision(3)));
}

/** The smallest round step (a multiple of a power of ten from `multiples`) at least `rough`. */
function niceStep(rough: number, multiples: number[]): number {
  const mag = 10 ** Math.floor(Math.log10(rough));
  return multiples.map((m) => m * mag).find((s) => s >= rough) ?? 10 * mag;
}

/** A line chart (e.g. error per epoch) as SVG, with a text alternative. */
export function renderPlot(e: Extract<OutputEntry, { kind: 'plot' }>, width = 480): HTMLElement {
  const fig = el('div', 'snippet-plot');
  // Drawn at the width it will be shown at, so its text stays readable on a phone.
  const W = Math.round(Math.max(260, Math.min(560, width))), H = W < 400 ? 200 : 220, L = 52, R = 12, T = 12, B = 34;
  let ymin = Infinity, ymax = -Infinity, xmin = Infinity, xmax = -Infinity;
  for (const s of e.series) {
    s.y.forEach((y, i) => {
      const x = s.x?.[i] ?? i;
      if (y === null) return;
      ymin = Math.min(ymin, y); ymax = Math.max(ymax, y);
      xmin = Math.min(xmin, x); xmax = Math.max(xmax, x);
    });
  }
  if (!Number.isFinite(ymin)) { ymin = 0; ymax = 1; xmin = 0; xmax = 1; }
  if (ymin === ymax) { ymin -= 1; ymax += 1; }
  if (xmin === xmax) { xmax = xmin + 1; }
  if (ymin > 0 && ymin < ymax * 0.5) ymin = 0;
  // Round tick values (0, 0.05, 0.1, …), with the axis widened to the ticks around the data.
  const step = niceStep((ymax - ymin) / 4, [1, 2, 2.5, 5, 10]);
  ymin = Math.floor(ymin / step + 1e-9) * step;
  ymax = Math.ceil(ymax / step - 1e-9) * step;
  const yTicks: number[] = [];
  for (let y = ymin; y <= ymax + step / 2; y += step) yTicks.push(Number(y.toPrecision(12)));
  const sx = (x: number) => L + ((x - xmin) / (xmax - xmin)) * (W - L - R);
  const sy = (y: number) => T + (1 - (y - ymin) / (ymax - ymin)) * (H - T - B);
  const summary = e.series.map((s) => {
    const last = [...s.y].reverse().find((y) => y !== null);
    return `${s.name}: ${s.y.length} points, from ${fmtTick(s.y.find((y) => y !== null) ?? NaN)} to ${fmtTick(last ?? NaN)}`;
  }).join('; ');
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'snippet-svg' });
  root.appendChild(svg('title', {}, `${e.title ? e.title + '. ' : ''}Line chart. ${summary}`));
  // axes and ticks
  root.appendChild(svg('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, class: 'axis' }));
  root.appendChild(svg('line', { x1: L, y1: T, x2: L, y2: H - B, class: 'axis' }));
  for (const y of yTicks) {
    root.appendChild(svg('line', { x1: L, y1: sy(y), x2: W - R, y2: sy(y), class: 'grid' }));
    root.appendChild(svg('text', { x: L - 6, y: sy(y) + 4, 'text-anchor': 'end', class: 'tick' }, fmtTick(y)));
  }
  // x is usually a step or epoch index: label it with whole numbers, without repeats.
  const wholeX = e.series.every((s) => !s.x);
  const xTicks = new Set<number>();
  if (wholeX) {
    const stepX = niceStep(Math.max(1, (xmax - xmin) / 5), [1, 2, 5, 10]); // at least 1: whole numbers
    for (let x = Math.ceil(xmin / stepX) * stepX; x <= xmax; x += stepX) xTicks.add(x);
  } else {
    for (let i = 0; i <= 4; i++) xTicks.add(xmin + ((xmax - xmin) * i) / 4);
  }
  for (const x of xTicks) {
    root.appendChild(svg('text', { x: sx(x), y: H - B + 16, 'text-anchor': 'middle', class: 'tick' }, wholeX ? String(x) : fmtTick(x)));
  }
  if (e.xLabel) root.appendChild(svg('text', { x: (L + W - R) / 2, y: H - 3, 'text-anchor': 'middle', class: 'label' }, e.xLabel));
  e.series.forEach((s, si) => {
    let d = '';
    let pen = false;
    s.y.forEach((y, i) => {
      if (y === null) { pen = false; return; }
      d += `${pen ? 'L' : 'M'}${sx(s.x?.[i] ?? i).toFixed(1)},${sy(y).toFixed(1)}`;
      pen = true;
    });
    root.appendChild(svg('path', { d, class: `series series-${si % 4}`, fill: 'none' }));
  });
  if (e.title) fig.appendChild(el('p', 'snippet-fig-title', e.title));
  fig.appendChild(root);
  if (e.series.length > 1) {
    const legend = el('p', 'snippet-legend');
    e.series.forEach((s, si) => {
      const item = el('span', `legend-item series-${si % 4}`, s.name);
      legend.appendChild(item);
    });
    fig.appendChild(legend);
  }
  return fig;
}

/** A network diagram: neurons in layers, links coloured by sign, width by size. */
export function renderNetwork(e: Extract<OutputEntry, { kind: 'network' }>): HTMLElement {
  const fig = el('div', 'snippet-network');
  const maxN = Math.max(1, ...e.layers.map((n) => n + 1));
  const W = Math.max(240, Math.min(560, 140 * e.layers.length)), H = Math.max(120, Math.min(420, 46 * maxN + 20));
  const colX = (l: number) => 36 + (l * (W - 72)) / Math.max(1, e.layers.length - 1);
  const hasBias = new Set(e.links.filter((l) => l.from[1] < 0).map((l) => l.from[0]));
  const rowY = (l: number, i: number) => {
    const n = (e.layers[l] ?? 0) + (hasBias.has(l) ? 1 : 0);
    const idx = i < 0 ? (e.layers[l] ?? 0) : i; // bias sits below the layer
    return 20 + ((idx + 0.5) * (H - 40)) / Math.max(1, n);
  };
  const maxW = Math.max(1e-9, ...e.links.map((l) => Math.abs(l.weight)));
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'snippet-svg' });
  const pos = e.links.filter((l) => l.weight > 0).length;
  root.appendChild(svg('title', {}, `${e.title ? e.title + '. ' : ''}Network ${e.layers.join('-')}: ${e.links.length} links, ${pos} positive (blue), ${e.links.length - pos} negative (orange); width shows size.`));
  for (const l of e.links) {
    const w = l.weight;
    const line = svg('line', {
      x1: colX(l.from[0]), y1: rowY(l.from[0], l.from[1]), x2: colX(l.to[0]), y2: rowY(l.to[0], l.to[1]),
      class: `link ${w > 0 ? 'pos' : w < 0 ? 'neg' : 'zero'}`,
      'stroke-width': (0.6 + 5 * Math.sqrt(Math.abs(w) / maxW)).toFixed(2),
    });
    line.appendChild(svg('title', {}, `weight ${fmtTick(w)}`));
    root.appendChild(line);
  }
  e.layers.forEach((n, l) => {
    for (let i = 0; i < n; i++) root.appendChild(svg('circle', { cx: colX(l), cy: rowY(l, i), r: 9, class: 'neuron' }));
    if (hasBias.has(l)) {
      root.appendChild(svg('rect', { x: colX(l) - 8, y: rowY(l, -1) - 8, width: 16, height: 16, rx: 3, class: 'neuron bias' }));
      root.appendChild(svg('text', { x: colX(l), y: rowY(l, -1) + 4, 'text-anchor': 'middle', class: 'bias-label' }, '1'));
    }
  });
  if (e.title) fig.appendChild(el('p', 'snippet-fig-title', e.title));
  fig.appendChild(root);
  return fig;
}

export function renderTable(e: Extract<OutputEntry, { kind: 'table' }>): HTMLElement {
  const wrap = el('div', 'snippet-table');
  const table = el('table');
  if (e.title) table.appendChild(el('caption', undefined, e.title));
  const thead = el('thead');
  const hr = el('tr');
  for (const c of e.columns) {
    const th = el('th', undefined, c);
    th.scope = 'col';
    hr.appendChild(th);
  }
  thead.appendChild(hr);
  table.appendChild(thead);
  const tbody = el('tbody');
  for (const r of e.rows) {
    const tr = el('tr');
    r.forEach((c, i) => tr.appendChild(el(i === 0 ? 'th' : 'td', undefined, c)));
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  wrap.appendChild(table);
  return wrap;
}

export function renderEntry(e: OutputEntry, width?: number): HTMLElement {
  switch (e.kind) {
    case 'log':
      return el('div', `line ${e.level}`, e.text);
    case 'notice':
      return el('div', 'line notice', e.text);
    case 'table':
      return renderTable(e);
    case 'plot':
      return renderPlot(e, width);
    case 'network':
      return renderNetwork(e);
  }
}

/**
 * Appends output to a log element at most once per animation frame, and enforces the
 * worker's line cap again, counted the same way (a second line of defence).
 */
export class OutputView {
  private pending: OutputEntry[] = [];
  private frame = 0;
  private lines = 0;
  private dropped = 0;
  constructor(private log: HTMLElement) {}

  clear() {
    this.pending = [];
    this.lines = 0;
    this.dropped = 0;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.log.replaceChildren();
  }

  push(entries: OutputEntry[]) {
    for (const e of entries) {
      if (this.lines >= LIMITS.maxLines) { this.dropped++; continue; }
      this.lines += entryLines(e);
      this.pending.push(e);
    }
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  flush() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.pending.length) return;
    const frag = document.createDocumentFragment();
    // Only a plot needs the width (measuring it costs a layout), and it is drawn at that width.
    const width = this.pending.some((e) => e.kind === 'plot') ? this.contentWidth() : undefined;
    for (const e of this.pending) frag.appendChild(renderEntry(e, width));
    this.pending = [];
    this.log.appendChild(frag);
    this.log.scrollTop = this.log.scrollHeight;
  }

  /** The log's width inside its padding, or undefined while it is not laid out. */
  private contentWidth(): number | undefined {
    const style = getComputedStyle(this.log);
    const width = this.log.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return width > 0 ? width : undefined;
  }

  /** The final line of a run: what happened, and how much output was dropped. */
  end(status: HTMLElement | null, dropped?: Dropped) {
    this.flush();
    const lines = (dropped?.lines ?? 0) + this.dropped;
    if (lines > 0) {
      const kb = dropped ? Math.round(dropped.bytes / 1024) : 0;
      this.log.appendChild(el('div', 'line notice truncated', `… ${lines.toLocaleString('en')} more line${lines === 1 ? '' : 's'} not shown${kb ? ` (${kb.toLocaleString('en')} KB)` : ''}: output is capped at ${LIMITS.maxLines.toLocaleString('en')} lines or ${LIMITS.maxBytes / 1000} KB.`));
    }
    if (status) this.log.appendChild(status);
    this.log.scrollTop = this.log.scrollHeight;
  }

  /** whether anything was printed (flushed or still waiting for its frame) */
  get hasOutput() {
    return this.lines > 0 || this.dropped > 0;
  }
}

export function statusLine(kind: 'ok' | 'error' | 'stopped' | 'notice', text: string): HTMLElement {
  return el('div', `line status status-${kind}`, text);
}
