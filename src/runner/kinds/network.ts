// The "network" kind: show.network, a diagram of a Network's layers and weighted links.
import { el, svg } from './dom';
import { formatNumber, isLink, isNetwork } from './format';
import type { KindData, KindView } from './kind';
import { layoutNetwork } from './network-layout';

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
}

const MAX_LINKS = 2000;

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
  const { layers, links } = networkData(net);
  return { kind: 'network', layers, links: links.slice(0, MAX_LINKS), ...(title ? { title: String(title).slice(0, 200) } : {}) };
}

export const data: KindData<NetworkEntry> = {
  size: (e) => ({ lines: 10, chars: e.links.length * 24 }),
  text: (e) => `[network ${e.layers.join('-')}${e.title ? ': ' + e.title : ''} · ${e.links.length} links]`,
};

export const view: KindView<NetworkEntry> = {
  render(e) {
    const fig = el('div', 'figure-network');
    fig.dataset.text = data.text(e); // the text alternative, as the expected output states it
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
