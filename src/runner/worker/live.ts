// Worker side of show.training: curves that grow while the snippet is still running. The
// worker's loop is synchronous, so the page sees points only if they are posted during
// it; posting every epoch would send 100,000 messages for 100,000 epochs. So points are
// gathered and sent together at most every FLUSH_MS of the worker's own clock (or sooner
// when MAX_KEPT of them wait), and whatever is left goes when the run ends or the curve is
// closed. The entry and its updates are kinds/training.ts's; the page applies them.
import type { OutputEntry } from '../kinds/index';
import { emptyCurve, keep, MAX_KEPT, MAX_SERIES, type CurvePoints, type TrainingOptions } from '../kinds/training';
import { LIMITS } from '../kinds/protocol';

/** Milliseconds of worker time between two updates of a curve: the page draws no faster. */
export const FLUSH_MS = LIMITS.flushIntervalMs;

/** What a snippet holds: `show.training(…)` returns it. */
export interface TrainingCurve {
  /**
   * Adds the next epoch's error, or several errors by name (`{ train, test }`: the first
   * point's names are the curve's series).
   */
  add(error: number | Record<string, number>): void;
  /** Pass as `net.train`'s `onEpoch`: adds each epoch's mean error. */
  onEpoch(record: { error: number }): void;
  /** Sends what is left now; later points are ignored. (The end of the run does this too.) */
  close(): void;
}

type Emit = (e: OutputEntry) => void;

class LiveCurve {
  private curve: CurvePoints = emptyCurve();
  /** kept points not sent yet */
  private x: number[] = [];
  private y: (number | null)[][] = [];
  private seriesSent = false;
  private sentCount = 0;
  private lastFlush: number;
  private closed = false;

  constructor(
    private id: number,
    private emit: Emit,
    private now: () => number,
  ) {
    this.lastFlush = now();
  }

  add(point: unknown) {
    if (this.closed) return;
    const c = this.curve;
    if (!c.series.length) {
      // The first point decides the series: one number is "error", an object its names.
      c.series = point !== null && typeof point === 'object' ? Object.keys(point).slice(0, MAX_SERIES).map((k) => k.slice(0, 40)) : ['error'];
      if (!c.series.length) c.series = ['error'];
      c.y = c.series.map(() => []);
      this.y = c.series.map(() => []);
    }
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    const values =
      point !== null && typeof point === 'object'
        ? c.series.map((name) => num((point as Record<string, unknown>)[name]))
        : c.series.map((_, i) => (i === 0 ? num(point) : null));
    const epoch = c.count + 1;
    if (keep(c, epoch, values)) {
      this.x.push(epoch);
      values.forEach((v, i) => this.y[i]!.push(v));
    }
    c.count = epoch;
    c.last = values;
    if (this.x.length >= MAX_KEPT || this.now() - this.lastFlush >= FLUSH_MS) this.flush();
  }

  /** Posts the points gathered since the last update, if any. */
  flush() {
    const c = this.curve;
    this.lastFlush = this.now();
    if (c.count === this.sentCount) return;
    this.emit({
      kind: 'trainingPoints',
      live: this.id,
      ...(this.seriesSent ? {} : { series: [...c.series] }),
      count: c.count,
      x: this.x,
      y: this.y,
      last: [...(c.last ?? [])],
    });
    this.seriesSent = true;
    this.sentCount = c.count;
    this.x = [];
    this.y = c.series.map(() => []);
  }

  close() {
    if (this.closed) return;
    this.flush();
    this.closed = true;
  }
}

/** A run's live curves: made by show.training, flushed by the runner when the run ends. */
export class LiveCurves {
  private curves: LiveCurve[] = [];

  constructor(
    private emit: Emit,
    private now: () => number = () => performance.now(),
  ) {}

  /** Emits the (empty) entry at once, so the chart is on the page before the first epoch. */
  create(title?: unknown, opts: TrainingOptions = {}): TrainingCurve {
    const id = this.curves.length + 1;
    const curve = new LiveCurve(id, this.emit, this.now);
    this.curves.push(curve);
    this.emit({
      kind: 'training',
      live: id,
      ...(typeof title === 'string' ? { title: title.slice(0, LIMITS.maxFieldChars) } : {}),
      ...(opts?.log === true ? { log: true } : {}),
      ...emptyCurve(),
    });
    // Arrow functions, so `onEpoch: curve.onEpoch` works detached from the curve.
    return {
      add: (error) => curve.add(error),
      onEpoch: (record) => curve.add(record?.error),
      close: () => curve.close(),
    };
  }

  /** The end of the run: every curve sends what it has left. */
  flushAll() {
    for (const c of this.curves) c.close();
  }
}
