// Page side (and build time): the two element builders every kind's view uses. Text goes in through
// textContent and attributes through setAttribute, so reader data is never parsed as
// markup (`<img onerror=…>` in output stays text).
const SVG_NS = 'http://www.w3.org/2000/svg';

/** What the builders need of a document. */
export type ElementFactory = Pick<Document, 'createElement' | 'createElementNS'>;

let factory: ElementFactory | undefined;

/**
 * Runs `draw` with elements made by `d` instead of the page's document: a chapter's
 * figures are drawn by the same views when the site is built, in Node, where there is
 * none (components/course/figures/static-dom.ts). Views draw synchronously, so the
 * stand-in is in place for exactly one drawing.
 */
export function withDocument<T>(d: ElementFactory, draw: () => T): T {
  const before = factory;
  factory = d;
  try {
    return draw();
  } finally {
    factory = before;
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = (factory ?? document).createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = (factory ?? document).createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}
