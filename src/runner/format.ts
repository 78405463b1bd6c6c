// Turns values a snippet prints into readable text, and engine objects into the data of a
// table, plot or network diagram. Runs in the worker and in Node (tests, build-time
// <Computed>), so it knows the engine only by shape, never by import.
import type { NetworkLink, OutputEntry, PlotSeries } from './protocol';
import { LIMITS } from './protocol';

const MAX_ITEMS = 50; // array items / object keys shown before "… N more"
const MAX_DEPTH = 3;

/** A number as a reader wants to see it: at most 6 significant digits, no float noise. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(n, -0)) return '0';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) {
    return n.toExponential(4).replace(/\.?0+e/, 'e');
  }
  return String(Number(n.toPrecision(6)));
}

type AnyObj = Record<string | symbol, unknown>;

function ctorName(v: object): string {
  try {
    const c = (v as { constructor?: { name?: unknown } }).constructor;
    return typeof c?.name === 'string' ? c.name : '';
  } catch {
    return '';
  }
}

/** Duck-typed engine Network: layers of neurons, a list of links, and propagate(). */
export function isNetwork(v: unknown): v is { layers: unknown[][]; links: unknown[] } {
  if (!v || typeof v !== 'object') return false;
  const o = v as AnyObj;
  const layers = o.layers;
  return Array.isArray(layers) && layers.every(Array.isArray) && Array.isArray(o.links) && typeof o.propagate === 'function';
}

export function isLink(v: unknown): v is { weight: number; from: unknown; to: unknown } {
  if (!v || typeof v !== 'object') return false;
  const o = v as AnyObj;
  return typeof o.weight === 'number' && !!o.from && typeof o.from === 'object' && !!o.to && typeof o.to === 'object';
}

/** The engine's classes name themselves with Symbol.toStringTag, which a minifier keeps (it renames classes). */
function engineTag(v: object): string {
  return Object.prototype.toString.call(v).slice(8, -1);
}

export function isNeuron(v: unknown): boolean {
  return !!v && typeof v === 'object' && (engineTag(v) === 'Neuron' || ctorName(v) === 'Neuron');
}

function neuronLabel(n: unknown): string {
  if (!n || typeof n !== 'object') return '?';
  const o = n as AnyObj;
  for (const k of ['name', 'id', 'label']) {
    if (typeof o[k] === 'string' || typeof o[k] === 'number') return String(o[k]);
  }
  if (o.isBias === true || o.bias === true || ctorName(n).toLowerCase().includes('bias')) return 'bias';
  return 'neuron';
}

function describeNeuron(n: AnyObj): string {
  const parts: string[] = [];
  const name = neuronLabel(n);
  if (name !== 'neuron') parts.push(name);
  for (const k of ['value', 'output', 'sensitivity']) {
    if (typeof n[k] === 'number') parts.push(`${k}=${formatNumber(n[k] as number)}`);
  }
  return `Neuron(${parts.join(', ')})`;
}

function describeLink(l: { weight: number; from: unknown; to: unknown }): string {
  return `Link(${neuronLabel(l.from)} → ${neuronLabel(l.to)}, weight=${formatNumber(l.weight)})`;
}

/** The data of a network diagram: layer sizes and every link with its weight. */
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

function describeNetwork(net: { layers: unknown[][]; links: unknown[] }): string {
  const { layers, links } = networkData(net);
  const o = net as unknown as AnyObj;
  const opts: string[] = [];
  for (const k of ['activation', 'outputActivation', 'trainingRate', 'seed']) {
    const v = o[k] ?? (o.options as AnyObj | undefined)?.[k];
    if (typeof v === 'string' || typeof v === 'number') opts.push(`${k}: ${typeof v === 'number' ? formatNumber(v) : v}`);
  }
  const name = ([layer, i]: [number, number]) =>
    i < 0 ? 'bias' : layer === 0 ? `in${i}` : layer === layers.length - 1 ? `out${i}` : layers.length === 3 ? `h${i}` : `h${layer}.${i}`;
  const shown = links.slice(0, 4).map((l) => `${name(l.from)}→${name(l.to)} ${formatNumber(l.weight)}`);
  const more = links.length > shown.length ? `, … ${links.length - shown.length} more` : '';
  return (
    `Network [${layers.join(', ')}]` +
    (opts.length ? ` {${opts.join(', ')}}` : '') +
    ` · ${links.length} links · weights: ${shown.join(', ')}${more}`
  );
}

/** Readable text for any value. Strings at the top level print as they are. */
export function formatValue(v: unknown, topLevel = true): string {
  return fmt(v, 0, new Set(), topLevel);
}

function quote(s: string): string {
  return JSON.stringify(s.length > 200 ? s.slice(0, 200) + '…' : s);
}

function fmt(v: unknown, depth: number, seen: Set<unknown>, top: boolean): string {
  switch (typeof v) {
    case 'string':
      return top ? v : quote(v);
    case 'number':
      return formatNumber(v);
    case 'bigint':
      return `${v}n`;
    case 'boolean':
    case 'undefined':
      return String(v);
    case 'symbol':
      return v.toString();
    case 'function': {
      const name = (v as { name?: string }).name;
      return /^class\s/.test(Function.prototype.toString.call(v)) ? `[class ${name || '(anonymous)'}]` : `[Function${name ? ': ' + name : ''}]`;
    }
  }
  if (v === null) return 'null';
  const o = v as object;
  if (seen.has(o)) return '[Circular]';
  try {
    if (o instanceof Error) return `${o.name}: ${o.message}`;
    if (isNetwork(o)) return describeNetwork(o);
    // The engine's Neurons and Links print themselves: `Neuron(h1[0], tanh, value=…)`.
    if (engineTag(o) === 'Link' || engineTag(o) === 'Neuron') return String(o);
    if (isLink(o)) return describeLink(o);
    if (isNeuron(o)) return describeNeuron(o as AnyObj);
    if (o instanceof Date) return o.toISOString();
    if (o instanceof RegExp) return String(o);
    seen.add(o);
    if (Array.isArray(o) || ArrayBuffer.isView(o)) {
      const arr = o as unknown as ArrayLike<unknown>;
      if (depth >= MAX_DEPTH) return `[Array(${arr.length})]`;
      const items: string[] = [];
      const n = Math.min(arr.length, MAX_ITEMS);
      for (let i = 0; i < n; i++) items.push(fmt(arr[i], depth + 1, seen, false));
      if (arr.length > n) items.push(`… ${arr.length - n} more`);
      seen.delete(o);
      return `[${items.join(', ')}]`;
    }
    if (o instanceof Map) {
      if (depth >= MAX_DEPTH) return `[Map(${o.size})]`;
      const items = [...o].slice(0, MAX_ITEMS).map(([k, val]) => `${fmt(k, depth + 1, seen, false)} => ${fmt(val, depth + 1, seen, false)}`);
      seen.delete(o);
      return `Map(${o.size}) {${items.join(', ')}}`;
    }
    if (o instanceof Set) {
      if (depth >= MAX_DEPTH) return `[Set(${o.size})]`;
      const items = [...o].slice(0, MAX_ITEMS).map((x) => fmt(x, depth + 1, seen, false));
      seen.delete(o);
      return `Set(${o.size}) {${items.join(', ')}}`;
    }
    const name = ctorName(o);
    const prefix = name && name !== 'Object' ? name + ' ' : '';
    if (depth >= MAX_DEPTH) return `[${name || 'Object'}]`;
    const keys = Object.keys(o);
    const items = keys.slice(0, MAX_ITEMS).map((k) => {
      const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
      return `${key}: ${fmt((o as AnyObj)[k], depth + 1, seen, false)}`;
    });
    if (keys.length > MAX_ITEMS) items.push(`… ${keys.length - MAX_ITEMS} more`);
    seen.delete(o);
    return items.length ? `${prefix}{ ${items.join(', ')} }` : `${prefix}{}`;
  } catch (e) {
    return `[unprintable: ${(e as Error)?.message ?? e}]`;
  }
}

/** console.log-style: arguments joined by spaces, each message capped. */
export function formatArgs(args: unknown[]): string {
  const text = args.map((a) => formatValue(a, true)).join(' ');
  return capText(text);
}

export function capText(text: string): string {
  if (text.length <= LIMITS.maxMessageChars) return text;
  return `${text.slice(0, LIMITS.maxMessageChars)}… (${text.length - LIMITS.maxMessageChars} more characters not shown)`;
}

function cell(v: unknown): string {
  return capText(typeof v === 'string' ? v : formatValue(v, false)).slice(0, 200);
}

/** console.table / show.table: rows of objects, rows of arrays, or an object of rows. */
export function tableEntry(data: unknown, columnsWanted?: string[], title?: string): OutputEntry {
  if (!data || typeof data !== 'object') return { kind: 'log', level: 'log', text: formatValue(data) };
  const entries: [string, unknown][] = Array.isArray(data)
    ? data.slice(0, LIMITS.maxLines).map((r, i) => [String(i), r])
    : Object.entries(data).slice(0, LIMITS.maxLines);
  // A row is spread into columns when it is a plain record; anything else goes in "Values".
  const isRecord = (row: unknown): row is AnyObj => !!row && typeof row === 'object' && !isNetwork(row) && !isLink(row);
  const cols: string[] = [];
  let hasValues = false;
  for (const [, row] of entries) {
    if (isRecord(row)) {
      for (const k of Object.keys(row)) if (!cols.includes(k) && cols.length < 20) cols.push(k);
    } else hasValues = true;
  }
  const columns = columnsWanted?.length ? columnsWanted.slice(0, 20) : cols;
  const header = ['(index)', ...columns, ...(hasValues ? ['Values'] : [])];
  const rows = entries.map(([k, row]) => {
    const r = [k];
    const isObj = isRecord(row);
    for (const c of columns) r.push(isObj && c in row ? cell(row[c]) : '');
    if (hasValues) r.push(isObj ? '' : cell(row));
    return r;
  });
  return { kind: 'table', columns: header, rows, ...(title ? { title } : {}) };
}

/** show.plot: one series (number[]) or several ({ name: number[] }). */
export function plotEntry(data: unknown, opts: { title?: string; xLabel?: string; yLabel?: string } = {}): OutputEntry {
  const series: PlotSeries[] = [];
  const clean = (a: ArrayLike<unknown>) => Array.from(a).slice(0, 10_000).map((y) => (typeof y === 'number' && Number.isFinite(y) ? y : null));
  if (Array.isArray(data) || ArrayBuffer.isView(data)) {
    series.push({ name: opts.yLabel ?? 'y', y: clean(data as ArrayLike<unknown>) });
  } else if (data && typeof data === 'object') {
    for (const [name, ys] of Object.entries(data).slice(0, 6)) {
      if (Array.isArray(ys) || ArrayBuffer.isView(ys)) series.push({ name, y: clean(ys as ArrayLike<unknown>) });
    }
  }
  if (!series.length) return { kind: 'log', level: 'warn', text: 'show.plot expects an array of numbers or an object of arrays' };
  return { kind: 'plot', series, ...pick(opts) };
}

function pick(o: { title?: string; xLabel?: string; yLabel?: string }) {
  const r: { title?: string; xLabel?: string; yLabel?: string } = {};
  if (typeof o.title === 'string') r.title = o.title.slice(0, 200);
  if (typeof o.xLabel === 'string') r.xLabel = o.xLabel.slice(0, 100);
  if (typeof o.yLabel === 'string') r.yLabel = o.yLabel.slice(0, 100);
  return r;
}

export function networkEntry(net: unknown, title?: string): OutputEntry {
  if (!isNetwork(net)) return { kind: 'log', level: 'warn', text: 'show.network expects a Network' };
  const { layers, links } = networkData(net);
  return { kind: 'network', layers, links: links.slice(0, 2000), ...(title ? { title: String(title).slice(0, 200) } : {}) };
}

/** Plain-text form of any entry: what tests compare and what the build-time <Computed> prints. */
export function entryText(e: OutputEntry): string {
  switch (e.kind) {
    case 'log':
    case 'notice':
      return e.text;
    case 'table': {
      const widths = e.columns.map((c, i) => Math.max(c.length, ...e.rows.map((r) => (r[i] ?? '').length)));
      const line = (cells: string[]) => cells.map((c, i) => (c ?? '').padEnd(widths[i]!)).join(' │ ').trimEnd();
      return [line(e.columns), ...e.rows.map(line)].join('\n');
    }
    case 'plot':
      return `[plot${e.title ? ': ' + e.title : ''} · ${e.series.map((s) => `${s.name} (${s.y.length} points)`).join(', ')}]`;
    case 'network':
      return `[network ${e.layers.join('-')}${e.title ? ': ' + e.title : ''} · ${e.links.length} links]`;
  }
}
