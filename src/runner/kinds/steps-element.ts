// <lernmi-steps>: switches the step-through figure between steps that were computed
// beforehand: when the site was built (<StepThrough>, its data in a JSON script beside
// it) or when show.steps' figure was drawn in the page (`setup` before it is connected).
// It computes nothing: each step's numbers, strokes, status text and source lines come
// with the data; a formula not rendered yet is asked of `formula` when first shown.
import type { FigureData } from './steps-markup';

export class StepThroughElement extends HTMLElement {
  private data?: FigureData;
  private formula?: (step: number, into: HTMLElement) => void;
  private wired = false;
  private index = 0;
  private timer: number | undefined;

  /** For a figure made in the page: its data, and how to render a formula when first shown. */
  setup(data: FigureData, formula?: (step: number, into: HTMLElement) => void): void {
    this.data = data;
    this.formula = formula;
    if (this.isConnected) this.connectedCallback();
  }

  connectedCallback(): void {
    if (this.wired) return;
    if (!this.data) {
      const json = this.querySelector('script[data-steps]');
      if (!json?.textContent) return;
      this.data = JSON.parse(json.textContent) as FigureData;
    }
    this.wired = true;
    const data = this.data;
    this.index = data.start;
    this.querySelector<HTMLElement>('.st-controls')!.hidden = false;
    const toggle = this.querySelector<HTMLButtonElement>('.st-check-toggle')!;
    const table = this.querySelector<HTMLElement>('[data-check]')!;
    toggle.hidden = false;
    table.hidden = true;
    toggle.addEventListener('click', () => {
      const open = table.hidden;
      table.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? 'Hide the gradient check' : 'Show the gradient check';
    });
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-go]');
      if (!button || button.getAttribute('aria-disabled') === 'true') return;
      const go = button.dataset.go;
      if (go === 'play') return this.togglePlay();
      this.stop();
      if (go === 'first') this.go(0);
      else if (go === 'prev') this.go(this.index - 1);
      else if (go === 'next') this.go(this.index + 1);
      else if (go === 'forward-end') this.go(data.forwardEnd);
      else if (go === 'last') this.go(data.steps.length - 1);
    });
    this.addEventListener('keydown', (event) => this.onKey(event));
    this.querySelector('select[data-speed]')!.addEventListener('change', () => {
      if (this.timer !== undefined) {
        this.stop();
        this.play();
      }
    });
    this.go(this.index);
  }

  disconnectedCallback(): void {
    this.stop();
  }

  /** Stops Play: the run that drew this figure was stopped (OutputView.halt). */
  halt(): void {
    this.stop();
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.target as Element;
    if (target.closest('select, table, input')) return;
    const onButton = target.closest('button') !== null;
    const last = this.data!.steps.length - 1;
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = this.index + 1;
    else if (event.key === 'ArrowLeft') next = this.index - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else if (event.key === ' ' && !onButton) {
      event.preventDefault();
      this.togglePlay();
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    this.stop();
    this.go(next);
  }

  private togglePlay(): void {
    if (this.timer === undefined) this.play();
    else this.stop();
  }

  private play(): void {
    if (this.index >= this.data!.steps.length - 1) this.go(0);
    const ms = Number(this.querySelector<HTMLSelectElement>('select[data-speed]')!.value) || 1000;
    this.timer = window.setInterval(() => {
      if (this.index >= this.data!.steps.length - 1) return this.stop();
      this.go(this.index + 1);
      if (this.index >= this.data!.steps.length - 1) this.stop();
    }, ms);
    this.setPlaying(true);
  }

  private stop(): void {
    if (this.timer !== undefined) window.clearInterval(this.timer);
    this.timer = undefined;
    this.setPlaying(false);
  }

  private setPlaying(playing: boolean): void {
    const button = this.querySelector<HTMLButtonElement>('button[data-go="play"]')!;
    button.setAttribute('aria-pressed', String(playing));
    button.textContent = playing ? 'Pause' : 'Play';
    this.toggleAttribute('data-playing', playing);
  }

  /** Shows step i: everything below was decided at build time. */
  go(i: number): void {
    const steps = this.data!.steps;
    this.index = Math.max(0, Math.min(steps.length - 1, i));
    const step = steps[this.index];
    const { view } = step;
    this.dataset.step = String(this.index);
    this.querySelector<HTMLElement>('[data-status]')!.textContent = step.status;
    this.querySelector<HTMLElement>('.st-stage')!.dataset.mode = view.mode;

    const current = (kind: 'neuron' | 'link', k: number) =>
      view.target.kind === kind && 'index' in view.target && view.target.index === k;
    this.querySelectorAll<SVGGElement>('[data-neuron]').forEach((g) => {
      const k = Number(g.dataset.neuron);
      const [value, sens] = view.neurons[k];
      g.querySelector('[data-value]')!.textContent = value;
      g.querySelector('[data-sens]')!.textContent = sens;
      g.classList.toggle('is-current', current('neuron', k));
    });
    this.querySelectorAll<SVGGElement>('[data-link]').forEach((g) => {
      const k = Number(g.dataset.link);
      const link = view.links[k];
      g.dataset.kind = link.kind;
      g.querySelector('.st-link-line')!.setAttribute('stroke-width', String(link.width));
      g.querySelector('title')!.textContent = link.title;
      g.classList.toggle('is-current', current('link', k));
    });
    this.querySelectorAll<SVGTextElement>('[data-link-label]').forEach((t) => {
      const k = Number(t.dataset.linkLabel);
      const link = view.links[k];
      t.textContent = link.label;
      t.dataset.sign = link.label.startsWith('−') ? 'neg' : Number(link.label) === 0 ? 'zero' : 'pos';
      t.setAttribute('visibility', t.hasAttribute('data-always') || current('link', k) ? 'visible' : 'hidden');
    });
    this.querySelectorAll<HTMLElement>('.st-formula').forEach((f) => {
      const shown = Number(f.dataset.step) === this.index;
      f.hidden = !shown;
      if (shown && !f.hasChildNodes()) this.formula?.(this.index, f);
      if (shown) f.tabIndex = 0;
      else f.removeAttribute('tabindex');
    });
    const { block, lines } = step.source;
    this.querySelectorAll<HTMLElement>('[data-source]').forEach((s) => {
      const k = Number(s.dataset.source);
      s.hidden = k !== block;
      s.querySelectorAll('[data-marked]').forEach((l) => l.removeAttribute('data-marked'));
      const where = s.querySelector('[data-source-where]')!;
      if (k !== block) {
        where.textContent = '';
        return;
      }
      for (const l of lines) s.querySelector(`[data-line="${l}"]`)?.setAttribute('data-marked', '');
      const start = this.data!.blocks[k].startLine;
      where.textContent = `, line${lines.length > 1 ? 's' : ''} ${lines.map((l) => l + start - 1).join(' and ')}`;
    });
    const last = steps.length - 1;
    const disable = (go: string, off: boolean) =>
      this.querySelector(`button[data-go="${go}"]`)!.setAttribute('aria-disabled', String(off));
    disable('first', this.index === 0);
    disable('prev', this.index === 0);
    disable('next', this.index === last);
    disable('last', this.index === last);
    disable('forward-end', this.index === this.data!.forwardEnd);
  }
}

if (!customElements.get('lernmi-steps')) customElements.define('lernmi-steps', StepThroughElement);
