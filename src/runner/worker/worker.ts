/// <reference lib="webworker" />
// The runner worker's entry: one snippet at a time, with the engine bundled in as
// "lernmi". It speaks to the page only through the messages of kinds/protocol.ts, so it
// can run wherever the page puts it (a plain Worker today). Output goes out through a
// Sink (sink.ts), which caps and batches it at the source.
import * as engine from '../../lernmi';
import type { HostToWorker, RunError, WorkerToHost } from '../kinds/protocol';
import { execute, toRunError } from './execute';
import { Sink } from './sink';

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
  const mySink = (sink = new Sink(id, post));
  post({ type: 'started', id });
  const t0 = performance.now();
  const r = await execute(req.code, {
    modules: { lernmi: engine },
    setup: req.setup,
    check: typeof req.check === 'string' ? req.check : undefined,
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
