// The page side of running: a small pool of sandboxes (at most two runs at once, the rest
// queue), a watchdog that ends a run at the time limit, and Stop, which ends it at any
// moment. Each run gets a fresh sandbox (sandbox.ts: an opaque-origin frame with the
// worker inside), removed when the run ends, which ends everything the snippet started;
// a spare warms up when the page is idle, so Run still starts at once.
//
// Only the page ends a run. Every message is checked (kinds/message-check.ts) before it
// is used; a run ends ok or with an error only on a "done" that carries the nonce this
// page sent with the request, which reader code in the worker cannot read.
import type { OutputEntry } from '../kinds/index';
import { checkMessage } from '../kinds/message-check';
import { LIMITS, type Dropped, type RunError } from '../kinds/protocol';
import { openSandbox, type Sandbox } from './sandbox';

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
  /** a message from the sandbox failed its check and was dropped */
  onMalformed?: () => void;
}

export interface RunHandle {
  id: number;
  stop: () => void;
  done: Promise<RunOutcome>;
}

interface Slot {
  sandbox: Sandbox;
  busy: boolean;
  dead: boolean;
}

interface Job {
  id: number;
  code: string;
  setup?: string;
  check?: string;
  timeLimitMs: number;
  nonce: string;
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
  const slot = { busy: false, dead: false } as Slot;
  slot.sandbox = openSandbox({
    onMessage: (data) => receive(slot, data),
    onFail: (message) => fail(slot, `The runner stopped working: ${message}`),
  });
  slots.push(slot);
  return slot;
}

/** The job this slot is running, if any. */
function jobOf(slot: Slot): Job | undefined {
  for (const job of jobs.values()) if (job.slot === slot && !job.finished) return job;
  return undefined;
}

function receive(slot: Slot, data: unknown) {
  if (slot.dead) return;
  const job = jobOf(slot);
  const m = checkMessage(data, job?.id);
  if (m === 'stale') return; // a message about a run that is over: not news
  if (m === 'malformed') {
    job?.cb.onMalformed?.();
    return;
  }
  if (m.type === 'ready' || !job) return; // loaded; a run posted before this waited in the port's queue
  if (m.type === 'started') {
    if (job.startTimer) clearTimeout(job.startTimer);
    job.startTimer = undefined;
    job.watchdog ??= setTimeout(() => finish(job, { status: 'timeout', ms: performance.now() - job.t0 }), job.timeLimitMs);
    job.cb.onStart?.();
  } else if (m.type === 'output') {
    job.cb.onOutput(m.entries);
  } else if (m.type === 'done') {
    if (m.nonce !== job.nonce) {
      job.cb.onMalformed?.();
      return;
    }
    finish(job, m.ok ? { status: 'ok', ms: m.ms, dropped: m.dropped } : { status: 'error', ms: m.ms, error: m.error, dropped: m.dropped });
  }
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
  slot.sandbox.close();
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
    slot.sandbox.post({ type: 'run', id: job.id, code: job.code, setup: job.setup, check: job.check, nonce: job.nonce });
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

function newNonce(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
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
    nonce: newNonce(),
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
