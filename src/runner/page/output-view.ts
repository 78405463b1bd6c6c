// Shows a run's output in the page: each entry drawn by its kind's view (text nodes and
// SVG built element by element; reader data never goes through innerHTML), at most once
// per animation frame, under the same line cap as the worker (a second line of defence).
import { entrySize, VIEWS, type OutputEntry } from '../kinds/index';
import { el } from '../kinds/dom';
import type { KindView, RenderContext } from '../kinds/kind';
import { LIMITS, type Dropped } from '../kinds/protocol';

/** The kinds drawn at the width they are shown at, so their text stays readable on a phone. */
const CHARTS = new Set<OutputEntry['kind']>(['plot', 'heatmap', 'activation', 'errorCurve']);

export function renderEntry(e: OutputEntry, ctx: RenderContext = {}): HTMLElement {
  const node = (VIEWS[e.kind] as KindView<OutputEntry>).render(e, ctx);
  node.dataset.kind = e.kind;
  return node;
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
      this.lines += entrySize(e).lines;
      this.pending.push(e);
    }
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  flush() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.pending.length) return;
    const frag = document.createDocumentFragment();
    // Only charts need the width (measuring it costs a layout): they are drawn at that width.
    const width = this.pending.some((e) => CHARTS.has(e.kind)) ? this.contentWidth() : undefined;
    for (const e of this.pending) frag.appendChild(renderEntry(e, { width }));
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
