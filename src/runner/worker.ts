/// <reference lib="webworker" />
// The runner worker: one snippet at a time, with the engine bundled in as "lernmi".
// Output is capped and batched here, at the source: a snippet printing a million lines
// costs the page at most 20 small messages a second and 1,000 lines in total.
import * as engine from '../lernmi';
import { execute, toRunError } from './execute';
import { LIMITS, entryLines, type Dropped, type HostToWorker, type OutputEntry, type RunError, type WorkerToHost } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

// A snippet has no business with the network or storage: take those away once the
// worker's own modules have loaded (they are all static imports, so nothing else loads).
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'caches', 'importScripts', 'BroadcastChannel', 'SharedWorker', 'Worker']) {
  try {
    Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false });
  } catch {
    /* not defined here */
  }
}

const post = (m: WorkerToHost) => self.postMessage(m);

class Sink {
  private buf: OutputEntry[] = [];
  private lines = 0;
  private bytes = 0;
  private dropped: Dropped = { lines: 0, bytes: 0 };
  private lastFlush = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(private id: number) {}

  push(e: OutputEntry) {
    const size = entrySize(e);
    const lines = entryLines(e);
    if (this.lines + lines > LIMITS.maxLines || this.bytes + size > LIMITS.maxBytes) {
      this.dropped.lines += lines;
      this.dropped.bytes += size;
      return;
    }
    this.lines += lines;
    this.bytes += size;
    this.buf.push(e);
    const now = performance.now();
    if (now - this.lastFlush >= LIMITS.flushIntervalMs) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), LIMITS.flushIntervalMs - (now - this.lastFlush));
  }

  flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.buf.length) return;
    this.lastFlush = performance.now();
    const entries = this.buf;
    this.buf = [];
    post({ type: 'output', id: this.id, entries });
  }

  /** the final flush; reports what was dropped */
  close(): Dropped | undefined {
    this.flush();
    return this.dropped.lines ? { ...this.dropped } : undefined;
  }
}

function entrySize(e: OutputEntry): number {
  switch (e.kind) {
    case 'log':
    case 'notice':
      return e.text.length + 1;
    case 'table':
      return e.rows.reduce((n, r) => n + r.reduce((m, c) => m + c.length + 1, 0), 0) + e.columns.join(' ').length;
    case 'plot':
      return e.series.reduce((n, s) => n + s.y.length * 8, 0);
    case 'network':
      return e.links.length * 24;
  }
}

let current = 0;
let sink: Sink | undefined;

// Errors that escape the snippet's own timers (it may call globalThis.setTimeout) or
// promises it never awaited: report them on the current run rather than lose them.
let unhandled: RunError | undefined;
self.addEventListener('unhandledrejection', (ev) => {
  ev.preventDefault();
  const e = toRunError(ev.reason, undefined);
  e.message = `${e.message} (a promise that nothing awaited was rejected)`;
  unhandled ??= e;
  sink?.push({ kind: 'log', level: 'error', text: `Unhandled rejection: ${e.name}: ${e.message}` });
});
self.addEventListener('error', (ev) => {
  ev.preventDefault();
  sink?.push({ kind: 'log', level: 'error', text: `Uncaught ${ev.message}` });
});

self.onmessage = async (ev: MessageEvent<HostToWorker>) => {
  const req = ev.data;
  if (!req || req.type !== 'run') return;
  const id = req.id;
  current = id;
  sink?.close();
  unhandled = undefined;
  const mySink = (sink = new Sink(id));
  post({ type: 'started', id });
  const t0 = performance.now();
  const r = await execute(req.code, {
    modules: { lernmi: engine },
    setup: req.setup,
    emit: (e) => mySink.push(e),
    cancelled: () => current !== id,
  });
  // Let rejections nobody awaited surface (they are reported after a task) before the end.
  await new Promise((resolve) => setTimeout(resolve, 20));
  if (current !== id) return; // a newer run took over; this one's end is not news
  const dropped = mySink.close();
  const ms = performance.now() - t0;
  const error = r.ok ? unhandled : r.error;
  unhandled = undefined;
  post(error ? { type: 'done', id, ok: false, ms, error, dropped } : { type: 'done', id, ok: true, ms, dropped });
};

post({ type: 'ready' });
