// The page side of running: a small pool of runner workers (at most two runs at once,
// the rest queue), a watchdog that terminates a worker at the time limit, and Stop, which
// terminates it at any moment. Each run uses a fresh worker, thrown away when the run
// ends; a spare one warms up when the page is idle, so Run still starts at once.
import type { OutputEntry } from '../kinds/index';
import { LIMITS, type Dropped, type RunError, type WorkerToHost } from '../kinds/protocol';

export type RunStatus = 'ok' | 'error' | 'timeout' | 'stopped' | 'crashed';

export interface RunOutcome {
  status: RunStatus;
  ms: number;
  error?: RunError;
  /** a message for 'crashed' */
  message?: string;
  dropped?: Dropped;
}

export interface RunCallbacks {
  /** the run left the queue and its code is running */
  onStart?: () => void;
  onOutput: (entries: OutputEntry[]) => void;
}

export interface RunHandle {
  id: number;
  stop: () => void;
  done: Promise<RunOutcome>;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  dead: boolean;
}

interface Job {
  id: number;
  code: string;
  setup?: string;
  check?: string;
  timeLimitMs: number;
  cb: RunCallbacks;
  resolve: (o: RunOutcome) => void;
  slot?: Slot;
  finished: boolean;
  watchdog?: ReturnType<typeof setTimeout>;
  startTimer?: ReturnType<typeof setTimeout>;
  t0: number;
}

const slots: Slot[] = [];
const queue: Job[] = [];
const jobs = new Map<number, Job>();
let nextId = 1;
/** how long a worker may take to load before we call it broken */
const LOAD_LIMIT_MS = 20_000;

function spawn(): Slot {
  // Vite bundles the worker only when this line reads literally like this.
  const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
  const slot: Slot = { worker, busy: false, dead: false };
  worker.onmessage = (ev: MessageEvent<WorkerToHost>) => {
    const m = ev.data;
    if (m.type === 'ready') return; // loaded; a run posted before this simply waited in its queue
    const job = jobs.get(m.id);
    if (!job || job.finished || job.slot !== slot) return; // a stale run: ignore
    if (m.type === 'started') {
      if (job.startTimer) clearTimeout(job.startTimer);
      job.watchdog = setTimeout(() => finish(job, { status: 'timeout', ms: performance.now() - job.t0 }), job.timeLimitMs);
      job.cb.onStart?.();
    } else if (m.type === 'output') {
      job.cb.onOutput(m.entries);
    } else if (m.type === 'done') {
      finish(job, m.ok ? { status: 'ok', ms: m.ms, dropped: m.dropped } : { status: 'error', ms: m.ms, error: m.error, dropped: m.dropped });
    }
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    const msg = ev.message || 'the runner could not load (blocked by the browser or a network error)';
    fail(slot, `The runner stopped working: ${msg}`);
  };
  worker.onmessageerror = () => fail(slot, 'The runner sent a message that could not be read');
  slots.push(slot);
  return slot;
}

function fail(slot: Slot, message: string) {
  for (const job of jobs.values()) {
    if (job.slot === slot && !job.finished) finish(job, { status: 'crashed', ms: performance.now() - job.t0, message });
  }
  kill(slot);
}

function kill(slot: Slot) {
  if (slot.dead) return;
  slot.dead = true;
  slot.worker.terminate();
  const i = slots.indexOf(slot);
  if (i >= 0) slots.splice(i, 1);
}

function finish(job: Job, outcome: RunOutcome) {
  if (job.finished) return;
  job.finished = true;
  if (job.watchdog) clearTimeout(job.watchdog);
  if (job.startTimer) clearTimeout(job.startTimer);
  jobs.delete(job.id);
  const qi = queue.indexOf(job);
  if (qi >= 0) queue.splice(qi, 1);
  // Every run gets a fresh worker: whatever a snippet did to globals or to the engine's
  // classes dies with it. A spare warms up at idle, so the next Run starts at once.
  if (job.slot) kill(job.slot);
  job.resolve(outcome);
  pump();
  idle(prewarm);
}

function pump() {
  while (queue.length) {
    let slot = slots.find((s) => !s.busy && !s.dead);
    if (!slot && slots.length < LIMITS.maxConcurrentRuns) slot = spawn();
    if (!slot) return;
    const job = queue.shift()!;
    slot.busy = true;
    job.slot = slot;
    const s = slot;
    job.startTimer = setTimeout(
      () => fail(s, `The runner did not start within ${LOAD_LIMIT_MS / 1000} s`),
      LOAD_LIMIT_MS + job.timeLimitMs,
    );
    slot.worker.postMessage({ type: 'run', id: job.id, code: job.code, setup: job.setup, check: job.check });
  }
}

function idle(fn: () => void) {
  const ric = (globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (ric) ric(fn, { timeout: 1000 });
  else setTimeout(fn, 50);
}

/** Starts a worker ahead of the first Run (on hover or focus of Run) so Run feels instant. */
export function prewarm() {
  if (slots.some((s) => !s.busy && !s.dead)) return;
  if (slots.length < LIMITS.maxConcurrentRuns) spawn();
}

export function run(code: string, opts: { setup?: string; check?: string; timeLimitSeconds?: number }, cb: RunCallbacks): RunHandle {
  const id = nextId++;
  let resolve!: (o: RunOutcome) => void;
  const done = new Promise<RunOutcome>((r) => (resolve = r));
  const job: Job = {
    id,
    code,
    setup: opts.setup,
    check: opts.check,
    timeLimitMs: (opts.timeLimitSeconds ?? LIMITS.timeLimitSeconds) * 1000,
    cb,
    resolve,
    finished: false,
    t0: performance.now(),
  };
  jobs.set(id, job);
  queue.push(job);
  pump();
  return {
    id,
    done,
    stop: () => finish(job, { status: 'stopped', ms: performance.now() - job.t0 }),
  };
}
