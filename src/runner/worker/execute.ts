// The core that runs a snippet. The same code runs in the runner worker (the page), in
// Node for the snippet tests, and at build time for <Computed>, so what a test checks is
// what a reader gets. The JavaScript from compile() becomes the body of an AsyncFunction
// (top-level await works); console, show, timers and require come in as parameters.
import type { OutputEntry } from '../kinds/index';
import type { RunError, SourcePosition } from '../kinds/protocol';
import { makeCheckModule } from './check-module';
import { LiveCurves } from './live';
import { makeConsole, makeShow } from './show';
import { compile, mapPosition, SOURCE_URL, type Compiled } from './source-map';

// --- running ---
type AsyncFn = (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => AsyncFn;

const PARAMS = [
  'exports', 'require', 'module', 'console', 'show',
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval',
] as const;

let headerLines: number | undefined;
/** How many lines the engine puts before a Function body (2 in V8), measured, not assumed. */
function bodyLineOffset(): number {
  if (headerLines !== undefined) return headerLines;
  try {
    new AsyncFunction(...PARAMS, `throw new Error('probe')\n//# sourceURL=${SOURCE_URL}`)().catch((e: Error) => {
      const m = /lernmi-snippet\.js:(\d+):\d+/.exec(String(e?.stack));
      headerLines = m ? Number(m[1]) - 1 : 2;
    });
  } catch {
    /* ignore */
  }
  return headerLines ?? 2;
}

/** Line and column of the snippet frame in an error's stack, mapped to the reader's code. */
export function errorPosition(err: unknown, c: Compiled): SourcePosition | undefined {
  const stack = String((err as Error)?.stack ?? '');
  const m = /lernmi-snippet\.js:(\d+):(\d+)/.exec(stack);
  if (!m) return undefined;
  const line = Number(m[1]) - bodyLineOffset();
  if (line < 1) return undefined;
  return mapPosition(c, line, Number(m[2]));
}

export function toRunError(err: unknown, c: Compiled | undefined, phase: 'syntax' | 'runtime' = 'runtime'): RunError {
  let name: string, message: string;
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; message?: unknown };
    name = typeof e.name === 'string' ? e.name : 'Error';
    message = typeof e.message === 'string' ? e.message : String(err);
  } else {
    name = 'Uncaught';
    message = `${typeof err === 'string' ? JSON.stringify(err) : String(err)} (thrown value is not an Error)`;
  }
  if (name === 'RangeError' && /call stack/i.test(message)) {
    message += ' (stack overflow: a function probably calls itself without end)';
  }
  const r: RunError = { name, message: message.slice(0, 2000), phase };
  const pos = c ? errorPosition(err, c) : undefined;
  if (pos) r.position = pos;
  return r;
}

/**
 * Finds the line of an error V8 reports without a position (its "early errors", such as
 * `let x` declared twice): the first prefix of lines that fails with the same message.
 * The column is that of the identifier the message names, if it names one.
 */
function locateEarlyError(c: Compiled, message: string): SourcePosition | undefined {
  const lines = c.js.split('\n');
  if (lines.length > 2000) return undefined;
  for (let k = 1; k <= lines.length; k++) {
    try {
      new AsyncFunction(...PARAMS, lines.slice(0, k).join('\n'));
    } catch (e) {
      if (String((e as Error)?.message) !== message) continue;
      const name = /'([A-Za-z_$][\w$]*)'/.exec(message)?.[1];
      const line = lines[k - 1]!;
      let col = 1;
      if (name) {
        const m = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
        let found: RegExpExecArray | null, last = -1;
        while ((found = m.exec(line))) last = found.index + found[1]!.length;
        if (last >= 0) col = last + 1;
      }
      return mapPosition(c, k, col);
    }
  }
  return undefined;
}

export interface ExecuteOptions {
  /** what `import … from "name"` gives; "lernmi" is the engine */
  modules: Record<string, unknown>;
  /** every piece of output, in order, synchronously */
  emit: (entry: OutputEntry) => void;
  setup?: string;
  /**
   * An exercise's hidden tests: run after the visible code, in its scope, with
   * "lernmi/check" importable (see check-module.ts).
   */
  check?: string;
  /** lets the host cancel: when it returns true, pending timers are dropped */
  cancelled?: () => boolean;
  /**
   * Calls the compiled snippet. Node passes one that runs the call under `vm` with a
   * timeout, so an endless loop in a chapter fails the tests instead of hanging them
   * (the page's worker needs none: the host terminates it).
   */
  invoke?: (call: () => Promise<unknown>) => Promise<unknown>;
}

export interface ExecuteResult {
  ok: boolean;
  error?: RunError;
  exports: Record<string, unknown>;
}

/**
 * Transpiles and runs a snippet. Resolves when its body has finished and every timer it
 * started has fired or been cleared (a run with a live setInterval lasts until the
 * host's time limit ends it). Never rejects: errors come back as data.
 */
export async function execute(code: string, opts: ExecuteOptions): Promise<ExecuteResult> {
  const exports: Record<string, unknown> = {};
  bodyLineOffset();
  const c = compile(code, opts.setup, opts.check);
  if (!c.ok) return { ok: false, error: c.error, exports };
  const compiled = c.compiled;

  let fn: AsyncFn;
  try {
    fn = new AsyncFunction(...PARAMS, `${compiled.js}\n//# sourceURL=${SOURCE_URL}`);
  } catch (e) {
    // A syntax error sucrase let through (e.g. a duplicate `let`): V8 gives no position.
    const error = toRunError(e, undefined, 'syntax');
    const pos = locateEarlyError(compiled, String((e as Error)?.message));
    if (pos) error.position = pos;
    return { ok: false, error, exports };
  }

  const emit = (e: OutputEntry) => {
    if (!opts.cancelled?.()) opts.emit(e);
  };
  // Curves drawn while training send their last points when the run ends (settle).
  const live = new LiveCurves(emit);
  const modules = opts.check === undefined ? opts.modules : { ...opts.modules, 'lernmi/check': makeCheckModule(emit) };
  const require = (name: string) => {
    if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
    throw new Error(`Cannot find module "${name}": a snippet can import only from ${Object.keys(opts.modules).map((m) => `"${m}"`).join(', ')}`);
  };

  // Timers the snippet starts are tracked so the run ends when they are all done, and a
  // timer that throws ends the run with its error.
  const timers = new Map<unknown, 'timeout' | 'interval'>();
  let finish: ((r: ExecuteResult) => void) | undefined;
  let failed: RunError | undefined;
  let bodyDone = false;
  const settle = () => {
    if (bodyDone && (timers.size === 0 || failed) && finish) {
      live.flushAll();
      const f = finish;
      finish = undefined;
      for (const [t, kind] of timers) (kind === 'timeout' ? clearTimeout : clearInterval)(t as number);
      timers.clear();
      f(failed ? { ok: false, error: failed, exports } : { ok: true, exports });
    }
  };
  const guard = (cb: unknown, args: unknown[]) => () => {
    if (failed || opts.cancelled?.()) return;
    try {
      if (typeof cb === 'function') cb(...args);
    } catch (e) {
      failed = toRunError(e, compiled);
      settle();
    }
  };
  const sTimeout = (cb: unknown, ms?: number, ...args: unknown[]) => {
    const t: unknown = setTimeout(() => {
      timers.delete(t);
      guard(cb, args)();
      settle();
    }, ms);
    timers.set(t, 'timeout');
    return t;
  };
  const sInterval = (cb: unknown, ms?: number, ...args: unknown[]) => {
    const t: unknown = setInterval(guard(cb, args), ms);
    timers.set(t, 'interval');
    return t;
  };
  // Clearing the last timer ends the run only once the code that cleared it has returned:
  // a callback may clear its interval and then start a new timer.
  const sClearTimeout = (t: unknown) => {
    if (timers.delete(t)) clearTimeout(t as number);
    queueMicrotask(settle);
  };
  const sClearInterval = (t: unknown) => {
    if (timers.delete(t)) clearInterval(t as number);
    queueMicrotask(settle);
  };

  const done = new Promise<ExecuteResult>((resolve) => (finish = resolve));
  try {
    const call = () => fn(exports, require, { exports }, makeConsole(emit), makeShow(emit, opts.modules.lernmi, live), sTimeout, sInterval, sClearTimeout, sClearInterval);
    await (opts.invoke ? opts.invoke(call) : call());
  } catch (e) {
    failed = failed ?? toRunError(e, compiled);
  }
  bodyDone = true;
  settle();
  return done;
}
