// Reading data that came from reader code, on the page: every field is tested for its
// type before use and text is cut to its cap, so a message shaped by a hostile snippet
// is either plain, bounded data or nothing. The kinds' `check` functions are built from
// these; kinds/message-check.ts checks the messages around them. (The "check" output kind is check.ts.)

/** An object (not null, not an array) whose fields can be read, or undefined. */
export function record(x: unknown): Record<string, unknown> | undefined {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}

/** `text` cut to `max` characters, the cut marked with an ellipsis. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** A string cut to `max`, or undefined when `x` is not a string. */
export function str(x: unknown, max: number): string | undefined {
  return typeof x === 'string' ? cut(x, max) : undefined;
}

/** An optional string field: absent is fine (undefined), present must be a string. */
export function optStr(x: unknown, max: number): string | undefined | false {
  if (x === undefined) return undefined;
  return typeof x === 'string' ? cut(x, max) : false;
}

export function isInt(x: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
}

/** An array of at most `max` items, each passed through `item`; undefined if any fails. */
export function list<T>(x: unknown, max: number, item: (v: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(x) || x.length > max) return undefined;
  const out: T[] = [];
  for (const v of x) {
    const r = item(v);
    if (r === undefined) return undefined;
    out.push(r);
  }
  return out;
}

/** A finite number, or undefined. */
export function finite(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

/** A finite number or null (a gap in a series), or undefined for anything else. */
export function finiteOrNull(x: unknown): number | null | undefined {
  return x === null ? null : finite(x);
}

/** An object whose named fields are all finite numbers, or undefined. */
export function numbers<K extends string>(x: unknown, keys: readonly K[]): Record<K, number> | undefined {
  const r = record(x);
  if (!r) return undefined;
  const out = {} as Record<K, number>;
  for (const k of keys) {
    const v = finite(r[k]);
    if (v === undefined) return undefined;
    out[k] = v;
  }
  return out;
}
