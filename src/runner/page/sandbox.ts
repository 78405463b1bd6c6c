// One sandbox: a hidden iframe with sandbox="allow-scripts" (never allow-same-origin, so
// its origin is opaque) on the site's runner/sandbox.html, which has its own strict policy
// (src/runner/sandbox/), and inside it the runner worker, started from a blob: URL so that
// it inherits that policy. The page fetches the worker's code once (it is the site's own
// file) and hands the frame a Blob of it and one end of a MessageChannel; from then on
// page and worker talk over the channel. Closing removes the frame, which ends the worker
// and every worker the snippet started in it: nothing it did outlives the frame.
import type { HostToWorker } from '../kinds/protocol';
// The worker built as a classic script (worker.format 'iife' in astro.config.mjs): only a
// classic worker starts from a blob: URL in an opaque-origin frame.
import workerUrl from '../worker/worker.ts?worker&url';

export interface Sandbox {
  post(m: HostToWorker): void;
  close(): void;
}

export interface SandboxHandlers {
  /** every message from the worker, unchecked: the caller checks it */
  onMessage(data: unknown): void;
  /** the frame or the worker could not start */
  onFail(message: string): void;
}

const FRAME_URL = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}runner/sandbox.html`;

let codeP: Promise<Blob> | undefined;
/** The worker's code, fetched once per page (a failed fetch is tried again next time). */
function workerCode(): Promise<Blob> {
  return (codeP ??= fetch(workerUrl).then(async (r) => {
    if (!r.ok) throw new Error(`the runner's code could not load (HTTP ${r.status})`);
    return new Blob([await r.text()], { type: 'text/javascript' });
  })).catch((e: unknown) => {
    codeP = undefined;
    throw e;
  });
}

/** Frames waiting for their first word, by their window (an opaque origin is just "null"). */
const frames = new Map<Window, (data: unknown) => void>();
let listening = false;
function listen() {
  if (listening) return;
  listening = true;
  window.addEventListener('message', (ev) => {
    const fn = ev.source ? frames.get(ev.source as Window) : undefined;
    if (fn && ev.origin === 'null') fn(ev.data);
  });
}

export function openSandbox(h: SandboxHandlers): Sandbox {
  listen();
  const channel = new MessageChannel();
  const port = channel.port1;
  port.onmessage = (ev) => h.onMessage(ev.data);
  port.onmessageerror = () => h.onMessage(undefined);
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = 'Snippet runner';
  frame.hidden = true;
  frame.src = FRAME_URL;
  let closed = false;
  let booted = false;
  const fail = (message: string) => {
    if (!closed) h.onFail(message);
  };
  document.body.appendChild(frame);
  const win = frame.contentWindow!;
  frames.set(win, (data) => {
    const m = data as { type?: unknown; message?: unknown } | null;
    if (m?.type === 'frame-ready' && !booted) {
      booted = true;
      workerCode().then(
        (code) => {
          if (!closed) win.postMessage({ type: 'boot', source: code }, '*', [channel.port2]);
        },
        (e: unknown) => fail(e instanceof Error ? e.message : 'the runner could not load'),
      );
    } else if (m?.type === 'frame-error') {
      fail(`the runner could not start${typeof m.message === 'string' && m.message ? ` (${m.message.slice(0, 200)})` : ''}`);
    }
  });
  return {
    post: (m) => port.postMessage(m),
    close() {
      if (closed) return;
      closed = true;
      frames.delete(win);
      port.onmessage = null;
      port.close();
      frame.remove();
    },
  };
}
