// The message protocol between the page (host) and the runner worker.
// Every message about a run carries the run's id, so anything a stale run still sends
// (a timer that fired after Stop, a late flush) is recognised and dropped by the host.

/** One piece of output, already formatted in the worker: plain data only, never HTML. */
export type OutputEntry =
  | { kind: 'log'; level: LogLevel; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][]; title?: string }
  | { kind: 'plot'; title?: string; xLabel?: string; yLabel?: string; series: PlotSeries[] }
  | { kind: 'network'; title?: string; layers: number[]; links: NetworkLink[] }
  | { kind: 'notice'; text: string };

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

export interface PlotSeries {
  name: string;
  /** y values; x is the index unless `x` is given. Non-finite values are kept as null. */
  y: (number | null)[];
  x?: number[];
}

/** A link in a network diagram: positions are [layer, index in layer]; index -1 is the bias. */
export interface NetworkLink {
  from: [number, number];
  to: [number, number];
  weight: number;
}

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

/** How many of `LIMITS.maxLines` an entry uses: its text lines, a table's rows, ~10 for a figure. */
export function entryLines(e: OutputEntry): number {
  if (e.kind === 'log' || e.kind === 'notice') {
    let n = 1;
    for (let i = e.text.indexOf('\n'); i !== -1; i = e.text.indexOf('\n', i + 1)) n++;
    return n;
  }
  if (e.kind === 'table') return e.rows.length + 1;
  return 10; // a figure counts as a few lines
}
