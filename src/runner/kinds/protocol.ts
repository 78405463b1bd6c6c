// The message protocol between the page (host) and the runner worker, and the limits
// both sides enforce. It lives in kinds/ because it is, with the kinds, everything that
// crosses the page/worker boundary: one folder to read to know what the page trusts.
// Every message about a run carries the run's id, so anything a stale run still sends
// (a timer that fired after Stop, a late flush) is recognised and dropped by the host.
import type { OutputEntry } from './index';

export type { OutputEntry } from './index';

/** Where in the reader's code something happened (1-based, in the code the reader sees). */
export interface SourcePosition {
  line: number;
  column: number;
  /** true when the position is in hidden setup lines the reader does not see */
  hidden?: boolean;
}

export interface RunError {
  name: string;
  message: string;
  /** 'syntax': the code did not compile and nothing ran; 'runtime': it threw while running */
  phase: 'syntax' | 'runtime';
  position?: SourcePosition;
}

export interface RunRequest {
  type: 'run';
  id: number;
  /** the code exactly as the reader sees it */
  code: string;
  /** hidden setup lines that run before the visible code */
  setup?: string;
  /** an exercise's hidden tests, run after the visible code in its scope */
  check?: string;
}

export type HostToWorker = RunRequest;

export type WorkerToHost =
  | { type: 'ready' }
  | { type: 'started'; id: number }
  | { type: 'output'; id: number; entries: OutputEntry[]; dropped?: Dropped }
  | { type: 'done'; id: number; ok: true; ms: number; dropped?: Dropped }
  | { type: 'done'; id: number; ok: false; ms: number; error: RunError; dropped?: Dropped };

export interface Dropped {
  lines: number;
  bytes: number;
}

/** Limits shared by the worker and the host (the host enforces them again). */
export const LIMITS = {
  /** default time limit for a run, in seconds */
  timeLimitSeconds: 5,
  /** lines of output kept per run */
  maxLines: 1000,
  /** bytes (UTF-16 code units, near enough) of output kept per run */
  maxBytes: 100_000,
  /** characters kept of a single message */
  maxMessageChars: 10_000,
  /** minimum milliseconds between two output flushes (at most 20 per second) */
  flushIntervalMs: 50,
  /** at most this many runs at the same time; the rest wait in a queue */
  maxConcurrentRuns: 2,
  /** decoded characters accepted from a shared link */
  maxSharedChars: 50_000,
} as const;
