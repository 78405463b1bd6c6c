/// <reference lib="webworker" />
// The runner worker's entry: one snippet per worker, with the engine bundled in as
// "lernmi". It runs inside the sandbox frame (src/runner/sandbox/) and speaks to the page
// only over the MessagePort its first message brings, with the messages of
// kinds/protocol.ts. Output goes out through a Sink (sink.ts), which caps it at the source.
//
// Why a port, and why reader code cannot forge the end of a run: reader code shares this
// global scope, so anything reachable from `self` it can call. The port lives only in this
// bundle's closure (an IIFE), and `send` is bound to it before any reader code runs, so
// patching MessagePort.prototype later catches nothing. The worker's own postMessage goes
// to the frame, which ignores it; it is taken away anyway. And the end of a run carries a
// nonce the page sent with the request, kept in a closure here: the page ends a run only
// on that message (src/runner/page/client.ts).
import * as engine from '../../lernmi';
import type { HostToWorker, RunError, WorkerToHost } from '../kinds/protocol';
import { execute, toRunError } from './execute';
import { Sink } from './sink';

declare const self: DedicatedWorkerGlobalScope;

// A snippet has no business with the network or storage: take the obvious doors away once
// the worker's own modules have loaded. This is tidiness, not the isolation: the prototypes
// still hold them, and the sandbox's opaque origin and policy are what make them fail.
// Worker stays: a snippet's own workers inherit the policy and die with the frame.
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'caches', 'importScripts', 'BroadcastChannel', 'SharedWorker']) {
  try {
    Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false });
  } catch {
    /* not defined here */
  }
}

let send: ((m: WorkerToHost) => void) | undefined;
const post = (m: WorkerToHost) => send?.(m);

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

async function onRun(ev: MessageEvent<HostToWorker>) {
  const req = ev.data;
  if (!req || req.type !== 'run' || current) return; // one run per worker
  const id = req.id;
  const nonce = req.nonce;
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
  post(error ? { type: 'done', id, nonce, ok: false, ms, error, dropped } : { type: 'done', id, nonce, ok: true, ms, dropped });
}

// The first message brings the port to the page; nothing else is ever read from `self`.
self.onmessage = (ev: MessageEvent<{ type?: string }>) => {
  const port = ev.ports[0];
  if (send || ev.data?.type !== 'port' || !port) return;
  send = port.postMessage.bind(port) as (m: WorkerToHost) => void;
  port.onmessage = onRun;
  self.onmessage = null;
  for (const target of [self, Object.getPrototypeOf(self)]) {
    try {
      Object.defineProperty(target, 'postMessage', { value: undefined, configurable: false, writable: false });
    } catch {
      /* not its own property */
    }
  }
  post({ type: 'ready' });
};
