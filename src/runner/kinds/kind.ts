// What every output kind provides. A kind is split in two halves on purpose: `data` is
// what the worker (and Node, for tests and <Computed>) needs, `view` is what the page
// needs. The worker bundle imports only the `data` halves, so drawing code never ships
// into it; the page imports the `view` halves plus `size` for its own second cap.

/** How much of a run's output budget an entry uses (see LIMITS in protocol.ts). */
export interface EntrySize {
  /** lines of text, table rows, or a fixed amount for a figure */
  lines: number;
  /** characters, near enough */
  chars: number;
}

export interface KindData<E> {
  size(e: E): EntrySize;
  /** the text alternative: what expected-output blocks, tests and <Computed> compare */
  text(e: E): string;
}

export interface KindView<E> {
  /** Builds the entry's element from plain data: text nodes and SVG, never markup. */
  render(e: E, ctx: RenderContext): HTMLElement;
}

export interface RenderContext {
  /** the output area's inner width in CSS pixels, when it is laid out */
  width?: number;
}
