// Build time only: just enough of a document for the runner's views to draw into in Node,
// serialised to HTML. The views use el() and svg() (src/runner/kinds/dom.ts) and nothing
// else of the DOM: createElement, createElementNS, className, textContent, setAttribute,
// dataset and appendChild. That small surface is all this implements, so a chapter's
// figure is the runner's own drawing, and the site needs no DOM library (nothing here
// reaches the page's bundle: it runs while Astro renders the chapter).
import type { ElementFactory } from '../../../src/runner/kinds/dom';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
/** Attribute names the views may set: letters, digits, dashes and colons, nothing to break out of a tag. */
const NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

export class StaticElement {
  readonly attrs = new Map<string, string>();
  readonly children: (StaticElement | string)[] = [];
  /** data-* attributes, as element.dataset names them (camelCase) */
  readonly dataset: Record<string, string>;

  constructor(readonly tagName: string) {
    if (!NAME.test(tagName)) throw new Error(`static DOM: no element named "${tagName}"`);
    const attr = (k: string | symbol) => `data-${String(k).replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`;
    this.dataset = new Proxy({} as Record<string, string>, {
      set: (_, k, v) => (this.setAttribute(attr(k), String(v)), true),
      get: (_, k) => this.attrs.get(attr(k)),
    });
  }

  get className(): string {
    return this.attrs.get('class') ?? '';
  }
  set className(v: string) {
    this.attrs.set('class', String(v));
  }
  get textContent(): string {
    return this.children.map((c) => (typeof c === 'string' ? c : c.textContent)).join('');
  }
  set textContent(v: string) {
    this.children.length = 0;
    if (v !== '') this.children.push(String(v));
  }
  setAttribute(name: string, value: string): void {
    if (!NAME.test(name)) throw new Error(`static DOM: no attribute named "${name}"`);
    this.attrs.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  appendChild<T extends StaticElement>(child: T): T {
    this.children.push(child);
    return child;
  }
  get outerHTML(): string {
    const attrs = [...this.attrs].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
    const inner = this.children.map((c) => (typeof c === 'string' ? escapeText(c) : c.outerHTML)).join('');
    return `<${this.tagName}${attrs}>${inner}</${this.tagName}>`;
  }
}

/** A stand-in for `document`, for src/runner/kinds/dom.ts's withDocument. */
export const staticDocument = {
  createElement: (tag: string) => new StaticElement(tag.toLowerCase()),
  createElementNS: (_ns: string, tag: string) => new StaticElement(tag),
} as unknown as ElementFactory;
