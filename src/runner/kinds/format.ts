// Turns values a snippet prints into readable text. Runs in the worker and in Node (tests,
// build-time <Computed>), so it knows the engine only by its public contract, never by
// import: a Neuron, Link or Network says what it is through Symbol.toStringTag and prints
// itself with toString(). The tag survives minification; a constructor's name does not.
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

/** A number for a figure's caption or text alternative: 3 significant digits is enough to read. */
export function formatShort(n: number): string {
  return Number.isFinite(n) ? formatNumber(Number(n.toPrecision(3))) : formatNumber(n);
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

/** The engine classes that print themselves, by the tag their instances carry. */
const SELF_PRINTING = new Set(['Neuron', 'Link', 'Network']);

/** "Neuron", "Link" or "Network" for the engine's objects (by Symbol.toStringTag), else undefined. */
export function engineTag(v: object): string | undefined {
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  return SELF_PRINTING.has(tag) ? tag : undefined;
}

/** An engine object's own toString(), capped; undefined if it has none that works. */
function selfPrinted(v: object): string | undefined {
  try {
    const text = (v as { toString?: () => unknown }).toString?.();
    return typeof text === 'string' ? capText(text) : undefined;
  } catch {
    return undefined;
  }
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
    if (engineTag(o)) {
      const own = selfPrinted(o);
      if (own !== undefined) return own;
    }
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
