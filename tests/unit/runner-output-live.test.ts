// The page's OutputView with live training curves: the entry is drawn once and redrawn in
// place as updates come; an update for a curve the run never made, a second curve under a
// number already used, or an update that rewrites drawn epochs is dropped with the run's
// one notice; a curve whose entry the cap dropped loses its updates quietly. Run in Node
// with a stand-in for the few DOM calls OutputView makes (the views draw into the static
// document the chapters' plots use).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { staticDocument, StaticElement } from '../../components/course/figures/static-dom';
import type { OutputEntry } from '../../src/runner/kinds/index';
import { LIMITS } from '../../src/runner/kinds/protocol';
import { OutputView } from '../../src/runner/page/output-view';

type Child = StaticElement & { parentBox?: Box };

/** The log element and a fragment: elements that keep their children's parent, so replaceWith works. */
class Box extends StaticElement {
  scrollTop = 0;
  scrollHeight = 0;
  clientWidth = 480;
  get kids(): (StaticElement | string)[] {
    return this.children;
  }
  override appendChild<T extends StaticElement>(child: T): T {
    const moved = child instanceof Box && child.tagName === 'x-fragment' ? child.kids.splice(0) : [child];
    for (const c of moved) {
      this.children.push(c);
      if (c instanceof StaticElement) (c as Child).parentBox = this;
    }
    return child;
  }
  replaceChildren() {
    this.children.length = 0;
  }
}

/** An element a view makes, which OutputView may swap for its redrawn self. */
function replaceable(e: StaticElement): StaticElement {
  return Object.assign(e, {
    replaceWith(this: Child, other: Child) {
      const kids = this.parentBox!.kids;
      kids[kids.indexOf(this)] = other;
      other.parentBox = this.parentBox;
    },
  });
}

const saved: Record<string, unknown> = {};
beforeAll(() => {
  const g = globalThis as Record<string, unknown>;
  for (const k of ['document', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']) saved[k] = g[k];
  g.document = {
    createElement: (tag: string) => replaceable(staticDocument.createElement(tag) as unknown as StaticElement),
    createElementNS: (ns: string, tag: string) => staticDocument.createElementNS(ns, tag),
    createDocumentFragment: () => new Box('x-fragment'),
  };
  g.getComputedStyle = () => ({ paddingLeft: '0', paddingRight: '0' });
  g.requestAnimationFrame = (f: () => void) => setTimeout(f, 0);
  g.cancelAnimationFrame = (t: number) => clearTimeout(t);
});
afterAll(() => Object.assign(globalThis, saved));

const curve = (live = 1): OutputEntry => ({ kind: 'training', live, title: 'E', series: [], count: 0, stride: 1, x: [], y: [] });
const update = (live: number, from: number, values: number[], series = from === 0): OutputEntry => ({
  kind: 'trainingPoints',
  live,
  ...(series ? { series: ['error'] } : {}),
  count: from + values.length,
  x: values.map((_, i) => from + i + 1),
  y: [values],
  last: [values.at(-1)!],
});

function setup() {
  const log = new Box('div');
  const view = new OutputView(log as unknown as HTMLElement);
  const shown = () => log.kids.filter((k): k is StaticElement => k instanceof StaticElement);
  const charts = () => shown().filter((k) => k.getAttribute('data-kind') === 'training');
  const notices = () => shown().filter((k) => k.className.includes('malformed'));
  return { view, charts, notices };
}

describe('live curves on the page', () => {
  test('drawn once, then redrawn in place with every update', () => {
    const { view, charts, notices } = setup();
    view.push([curve()]);
    view.flushAll();
    expect(charts()).toHaveLength(1);
    expect(charts()[0]!.getAttribute('data-text')).toBe('[training: E · no epochs yet]');
    view.push([update(1, 0, [0.5, 0.25])]);
    view.flushAll();
    view.push([update(1, 2, [0.125])]);
    view.flushAll();
    expect(charts()).toHaveLength(1);
    expect(charts()[0]!.getAttribute('data-text')).toBe('[training: E · 3 epochs · error 0.5 → 0.125]');
    expect(charts()[0]!.outerHTML.match(/<path [^>]*class="series series-0"/g)).toHaveLength(1);
    expect(notices()).toHaveLength(0);
  });

  test('updates that arrive before the first draw are in it', () => {
    const { view, charts } = setup();
    view.push([curve(), update(1, 0, [0.5, 0.25])]);
    view.flushAll();
    expect(charts()[0]!.getAttribute('data-text')).toBe('[training: E · 2 epochs · error 0.5 → 0.25]');
  });

  test('an update for a curve the run never made: one notice, nothing drawn for it', () => {
    const { view, charts, notices } = setup();
    view.push([curve()]);
    view.push([update(7, 0, [0.5]), update(8, 0, [0.5])]);
    view.flushAll();
    expect(notices()).toHaveLength(1);
    expect(charts()).toHaveLength(1);
    expect(charts()[0]!.getAttribute('data-text')).toBe('[training: E · no epochs yet]');
  });

  test('a second curve under a number already used, or an update that rewrites drawn epochs: dropped with the notice', () => {
    const { view, charts, notices } = setup();
    view.push([curve(), update(1, 0, [0.5, 0.25])]);
    view.push([{ ...curve(), title: 'impostor' } as OutputEntry]);
    view.push([update(1, 1, [9], false)]); // epoch 2 again
    view.flushAll();
    expect(notices()).toHaveLength(1);
    expect(charts()).toHaveLength(1);
    expect(charts()[0]!.getAttribute('data-text')).toBe('[training: E · 2 epochs · error 0.5 → 0.25]');
  });

  test('a curve whose chart the cap dropped loses its updates quietly', () => {
    const { view, charts, notices } = setup();
    const plots = Array.from({ length: LIMITS.maxLines / 10 }, (): OutputEntry => ({ kind: 'plot', series: [{ name: 'y', y: [1] }] }));
    view.push(plots);
    view.push([curve(), update(1, 0, [0.5])]);
    view.flushAll();
    expect(charts()).toHaveLength(0);
    expect(notices()).toHaveLength(0);
  });
});
