// Shows a run's output in the page: each entry drawn by its kind's view (text nodes and
// SVG built element by element; reader data never goes through innerHTML). The page
// enforces the run's caps again, counted the same way as the worker (lines, characters,
// drawn elements): the sandbox runs a stranger's code and is trusted for nothing. It
// draws at most 20 times a second and at most a budget of elements per draw, so a flood
// never holds the main thread long enough to freeze the page.
import { entrySize, VIEWS, type OutputEntry } from '../kinds/index';
import { el } from '../kinds/dom';
import type { KindView, RenderContext } from '../kinds/kind';
import { LIMITS, type Cap, type Dropped } from '../kinds/protocol';
import { applyPoints, type TrainingEntry } from '../kinds/training';
import { drawing as stepsDrawing } from '../kinds/steps';

// The step-through figure's drawing code (KaTeX and all) loads when one is first drawn.
stepsDrawing.load = () => import('../kinds/steps-view');

/** elements drawn in one go; the rest waits for the next draw */
const ELEMENTS_PER_DRAW = 2500;

/** The kinds drawn at the width they are shown at, so their text stays readable on a phone. */
const CHARTS = new Set<OutputEntry['kind']>(['plot', 'heatmap', 'activation', 'errorCurve', 'training']);

/** A curve that grows while the run goes on (show.training): its entry and where it is drawn. */
interface LiveCurve {
  e: TrainingEntry;
  node?: HTMLElement;
}

export function renderEntry(e: OutputEntry, ctx: RenderContext = {}): HTMLElement {
  const node = (VIEWS[e.kind] as KindView<OutputEntry>).render(e, ctx);
  node.dataset.kind = e.kind;
  return node;
}

const CAP_WORDS: Record<Cap, string> = {
  lines: `${LIMITS.maxLines.toLocaleString('en')} lines`,
  characters: `${LIMITS.maxBytes.toLocaleString('en')} characters`,
  elements: `${LIMITS.maxElements.toLocaleString('en')} drawn elements`,
};

export class OutputView {
  private pending: { e: OutputEntry; elements: number }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastDraw = -Infinity;
  private lines = 0;
  private chars = 0;
  private elements = 0;
  private dropped: Dropped = { lines: 0, bytes: 0 };
  private malformed = false;
  /** live curves by their id within the run; updates name them */
  private curves = new Map<number, LiveCurve>();
  /** curves whose entry a cap dropped: their updates are dropped too, without a notice */
  private cappedCurves = new Set<number>();
  /** drawn curves with points not yet drawn */
  private dirty = new Set<LiveCurve>();
  constructor(private log: HTMLElement) {}

  clear() {
    this.pending = [];
    this.lines = this.chars = this.elements = 0;
    this.dropped = { lines: 0, bytes: 0 };
    this.malformed = false;
    this.curves.clear();
    this.cappedCurves.clear();
    this.dirty.clear();
    this.cancel();
    this.log.replaceChildren();
  }

  push(entries: OutputEntry[]) {
    for (const e of entries) {
      // An update of a live curve: applied to the curve it names, never drawn by itself.
      // One for a curve the run never made (or one that rewrites the past) is malformed.
      if (e.kind === 'trainingPoints' && this.cappedCurves.has(e.live)) continue;
      const curve = e.kind === 'trainingPoints' ? this.curves.get(e.live) : undefined;
      if ((e.kind === 'trainingPoints' && !curve) || (e.kind === 'training' && this.curves.has(e.live))) {
        this.malformedDropped();
        continue;
      }
      const size = entrySize(e);
      const cap: Cap | undefined =
        this.lines + size.lines > LIMITS.maxLines ? 'lines'
        : this.chars + size.chars > LIMITS.maxBytes ? 'characters'
        : this.elements + size.elements > LIMITS.maxElements ? 'elements'
        : undefined;
      if (cap) {
        this.dropped.lines += size.lines;
        this.dropped.bytes += size.chars;
        this.dropped.cap ??= cap;
        if (e.kind === 'training') this.cappedCurves.add(e.live);
        continue;
      }
      if (curve && e.kind === 'trainingPoints') {
        if (!applyPoints(curve.e, e)) {
          this.malformedDropped();
          continue;
        }
        if (curve.node) this.dirty.add(curve);
      }
      this.lines += size.lines;
      this.chars += size.chars;
      this.elements += size.elements;
      if (e.kind === 'trainingPoints') continue;
      if (e.kind === 'training') this.curves.set(e.live, { e });
      this.pending.push({ e, elements: size.elements });
    }
    this.schedule();
  }

  /** A message from the sandbox was dropped: said once per run, where it happened. */
  malformedDropped() {
    if (this.malformed) return;
    this.malformed = true;
    this.flushAll();
    this.log.appendChild(el('div', 'line notice malformed', 'Dropped malformed output: the runner sent something that is not output, so it was left out.'));
  }

  private schedule() {
    if (this.timer || this.frame || (!this.pending.length && !this.dirty.size)) return;
    const wait = Math.max(0, LIMITS.flushIntervalMs - (performance.now() - this.lastDraw));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.draw(ELEMENTS_PER_DRAW);
        this.schedule();
      });
    }, wait);
  }

  private cancel() {
    if (this.timer) clearTimeout(this.timer);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.timer = undefined;
    this.frame = 0;
  }

  /** Draws pending entries up to `budget` elements (at least one entry). */
  private draw(budget: number) {
    if (!this.pending.length && !this.dirty.size) return;
    this.lastDraw = performance.now();
    this.redrawCurves();
    if (!this.pending.length) return;
    let n = 0;
    let used = 0;
    while (n < this.pending.length && (n === 0 || used + this.pending[n]!.elements <= budget)) used += this.pending[n++]!.elements;
    const batch = this.pending.splice(0, n);
    const frag = document.createDocumentFragment();
    // Only charts need the width (measuring it costs a layout): they are drawn at that width.
    const width = batch.some((p) => CHARTS.has(p.e.kind)) ? this.contentWidth() : undefined;
    for (const p of batch) {
      const node = renderEntry(p.e, { width });
      if (p.e.kind === 'training') this.curves.get(p.e.live)!.node = node;
      frag.appendChild(node);
    }
    this.log.appendChild(frag);
    this.log.scrollTop = this.log.scrollHeight;
  }

  /** Draws everything still pending (bounded by the caps), now. */
  flushAll() {
    this.cancel();
    while (this.pending.length || this.dirty.size) this.draw(ELEMENTS_PER_DRAW);
  }

  /** Draws again, in place, the live curves that have new points. */
  private redrawCurves() {
    if (!this.dirty.size) return;
    const width = this.contentWidth();
    for (const c of this.dirty) {
      const node = renderEntry(c.e, { width });
      c.node!.replaceWith(node);
      c.node = node;
    }
    this.dirty.clear();
  }

  /** kept for callers that draw at once */
  flush() {
    this.flushAll();
  }

  /** The log's width inside its padding, or undefined while it is not laid out. */
  private contentWidth(): number | undefined {
    const style = getComputedStyle(this.log);
    const width = this.log.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return width > 0 ? width : undefined;
  }

  /** The final line of a run: what happened, and how much output was dropped under which cap. */
  end(status: HTMLElement | null, dropped?: Dropped) {
    this.flushAll();
    const lines = (dropped?.lines ?? 0) + this.dropped.lines;
    if (lines > 0) {
      const bytes = (dropped?.bytes ?? 0) + this.dropped.bytes;
      const kb = Math.round(bytes / 1024);
      const cap = dropped?.cap ?? this.dropped.cap ?? 'lines';
      this.log.appendChild(el('div', 'line notice truncated', `… ${lines.toLocaleString('en')} more line${lines === 1 ? '' : 's'} not shown${kb ? ` (${kb.toLocaleString('en')} KB)` : ''}: output is capped at ${CAP_WORDS[cap]}.`));
    }
    if (status) this.log.appendChild(status);
    this.log.scrollTop = this.log.scrollHeight;
  }

  /** The run was stopped: figures that animate on their own (marked data-halts, with a halt method) stop too. */
  halt() {
    this.flushAll();
    for (const node of this.log.querySelectorAll('[data-halts]')) (node as { halt?: () => void }).halt?.();
  }

  /** whether anything was printed (drawn or still waiting to be) */
  get hasOutput() {
    return this.lines > 0 || this.dropped.lines > 0;
  }
}

export function statusLine(kind: 'ok' | 'error' | 'stopped' | 'notice', text: string): HTMLElement {
  return el('div', `line status status-${kind}`, text);
}
