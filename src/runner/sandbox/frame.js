// @ts-check
// The script of the runner's sandbox frame (runner/sandbox.html), inlined there and
// allowed by its hash. The frame is an iframe with sandbox="allow-scripts" and no
// allow-same-origin, so its origin is opaque: no storage of the site, no cookies. Its
// policy allows no connection and no script from anywhere but blob:, and a Worker made
// from a blob: URL inherits that policy, so reader code in it reaches no network either.
// This script only starts the worker: the page sends the worker's code (a Blob) and a
// MessagePort, and the worker and the page talk over that port from then on.
(() => {
  'use strict';
  /** @type {Worker | undefined} */
  let worker;
  /** @param {unknown} m */
  const tell = (m) => parent.postMessage(m, '*'); // the page's origin is not ours to name: ours is opaque
  addEventListener('message', (ev) => {
    if (ev.source !== parent || worker) return;
    const m = ev.data;
    const port = ev.ports[0];
    if (!m || m.type !== 'boot' || !(m.source instanceof Blob) || !port) return;
    try {
      // Classic, not a module: a module worker from a blob: URL does not start in an
      // opaque-origin frame (Chromium 156), and the bundle is an IIFE script anyway.
      worker = new Worker(URL.createObjectURL(m.source), { name: 'lernmi-runner' });
    } catch (e) {
      tell({ type: 'frame-error', message: String(e && /** @type {Error} */ (e).message) });
      return;
    }
    // A load failure (or a policy refusal) surfaces here; the worker itself swallows the
    // errors of reader code, so this is about the runner, not the snippet.
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      tell({ type: 'frame-error', message: String(e.message || '') });
    });
    worker.postMessage({ type: 'port' }, [port]);
  });
  tell({ type: 'frame-ready' });
})();
