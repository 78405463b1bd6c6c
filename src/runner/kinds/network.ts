// The "network" kind: show.network, a diagram of a Network's layers and weighted links.
import { cut, isInt, list, optStr, record } from './fields';
import { el, svg } from './dom';
import { formatNumber, isLink, isNetwork } from './format';
import type { KindData, KindView } from './kind';
import { layoutNetwork } from './network-layout';
import { LIMITS } from './protocol';

/** A link in a network diagram: positions are [layer, index in layer]; index -1 is the bias. */
export interface NetworkLink {
  from: [number, number];
  to: [number, number];
  weight: number;
}

export interface NetworkEntry {
  kind: 'network';
  title?: string;
  layers: number[];
  links: NetworkLink[];
  /** links left out because the network is too large to draw (it is then summarised) */
  omittedLinks?: number;
}

/** How many links the network has, sent or not. */
const linkCount = (e: NetworkEntry) => e.links.length + (e.omittedLinks ?? 0);

const MAX_LINKS = 2000;
/** A diagram is drawn only up to these sizes; a larger network is summarised in words. */
export const DRAW_LIMITS = { layers: 12, neuronsPerLayer: 64, links: MAX_LINKS } as const;

/** Whether a network of these layer sizes is drawn (otherwise it is summarised). */
export function drawable(layers: readonly number[], links: number): boolean {
  return layers.length <= DRAW_LIMITS.layers && layers.every((n) => n <= DRAW_LIMITS.neuronsPerLayer) && links <= DRAW_LIMITS.links;
}

/** The layer sizes of a Network and every link with its weight, found by position. */
export function networkData(net: { layers: unknown[][]; links: unknown[] }): { layers: number[]; links: NetworkLink[] } {
  const pos = new Map<unknown, [number, number]>();
  net.layers.forEach((layer, li) => layer.forEach((n, ni) => pos.set(n, [li, ni])));
  const links: NetworkLink[] = [];
  for (const l of net.links) {
    if (!isLink(l)) continue;
    const to = pos.get(l.to);
    if (!to) continue;
    const from = pos.get(l.from) ?? ([to[0] - 1, -1] as [number, number]); // a bias neuron
    links.push({ from, to, weight: l.weight });
  }
  return { layers: net.layers.map((l) => l.length), links };
}

/** Worker side: the diagram of a Network; anything else gets a warning. */
export function build(net: unknown, title?: string): NetworkEntry | { kind: 'log'; level: 'warn'; text: string } {
  if (!isNetwork(net)) return { kind: 'log', level: 'warn', text: 'show.network expects a Network' };
  const t = title ? { title: cut(String(title), LIMITS.maxFieldChars) } : {};
  const sizes = net.layers.slice(0, 1000).map((l) => l.length);
  // Too large to draw: only its shape is sent (the diagram becomes a sentence).
  if (net.layers.length > 1000 || !drawable(sizes, net.links.length)) return { kind: 'network', layers: sizes, links: [], omittedLinks: net.links.length, ...t };
  const { layers, links } = networkData(net);
  return { kind: 'network', layers, links: links.slice(0, MAX_LINKS), ...t };
}

export const data: KindData<NetworkEntry> = {
  size: (e) => ({
    lines: 10,
    chars: e.links.length * 24 + (e.title?.length ?? 0),
    elements: drawable(e.layers, linkCount(e)) ? e.layers.reduce((n, l) => n + l + 2, 0) + 2 * e.links.length + 4 : 2,
  }),
  check(x) {
    const layers = list(x.layers, 1000, (n) => (isInt(n, 0, 1e9) ? n : undefined));
    const title = optStr(x.title, LIMITS.maxFieldChars);
    if (!layers || title === false) return undefined;
    const inLayer = (p: unknown, bias: boolean): [number, number] | undefined => {
      if (!Array.isArray(p) || p.length !== 2) return undefined;
      const [l, i] = p as unknown[];
      return isInt(l, 0, layers.length - 1) && isInt(i, bias ? -1 : 0, (layers[l] ?? 0) - 1) ? [l, i] : undefined;
    };
    const links = list(x.links, MAX_LINKS, (v) => {
      const r = record(v);
      const from = inLayer(r?.from, true);
      const to = inLayer(r?.to, false);
      const weight = r?.weight;
      return from && to && typeof weight === 'number' && Number.isFinite(weight) ? { from, to, weight } : undefined;
    });
    const omitted = x.omittedLinks;
    if (!links || (omitted !== undefined && !isInt(omitted))) return undefined;
    return { kind: 'network', layers, links, ...(omitted !== undefined ? { omittedLinks: omitted } : {}), ...(title !== undefined ? { title } : {}) };
  },
  text: (e) => `[network ${e.layers.join('-')}${e.title ? ': ' + e.title : ''} · ${linkCount(e)} links]`,
};

export const view: KindView<NetworkEntry> = {
  render(e) {
    const fig = el('div', 'figure-network');
    fig.dataset.text = data.text(e); // the text alternative, as the expected output states it
    if (!drawable(e.layers, linkCount(e))) {
      const neurons = e.layers.reduce((n, l) => n + l, 0);
      const shape = e.layers.length > 8 ? `${e.layers.slice(0, 8).join('-')}-…` : e.layers.join('-');
      fig.appendChild(el('p', 'figure-title', `${e.title ? e.title + ': ' : ''}network ${shape}, ${e.layers.length} layers, ${neurons.toLocaleString('en')} neurons, ${linkCount(e).toLocaleString('en')} links: too large to draw (a diagram shows at most ${DRAW_LIMITS.layers} layers of ${DRAW_LIMITS.neuronsPerLayer} neurons and ${DRAW_LIMITS.links.toLocaleString('en')} links).`));
      return fig;
    }
    const layout = layoutNetwork(e.layers, e.links);
    const root = svg('svg', { viewBox: `0 0 ${layout.width} ${layout.height}`, role: 'img', class: 'figure-svg' });
    const positive = e.links.filter((l) => l.weight > 0).length;
    root.appendChild(svg('title', {}, `${e.title ? e.title + '. ' : ''}Network ${e.layers.join('-')}: ${e.links.length} links, ${positive} positive (blue), ${e.links.length - positive} negative (orange); width shows size.`));
    for (const l of layout.links) {
      const line = svg('line', {
        x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2,
        class: `link ${l.weight > 0 ? 'pos' : l.weight < 0 ? 'neg' : 'zero'}`,
        'stroke-width': l.width.toFixed(2),
      });
      line.appendChild(svg('title', {}, `weight ${formatNumber(l.weight)}`));
      root.appendChild(line);
    }
    for (const n of layout.neurons) {
      if (n.index >= 0) {
        root.appendChild(svg('circle', { cx: n.x, cy: n.y, r: 9, class: 'neuron' }));
      } else {
        root.appendChild(svg('rect', { x: n.x - 8, y: n.y - 8, width: 16, height: 16, rx: 3, class: 'neuron bias' }));
        root.appendChild(svg('text', { x: n.x, y: n.y + 4, 'text-anchor': 'middle', class: 'bias-label' }, '1'));
      }
    }
    if (e.title) fig.appendChild(el('p', 'figure-title', e.title));
    fig.appendChild(root);
    return fig;
  },
};
