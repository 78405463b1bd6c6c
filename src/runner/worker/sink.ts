// A run's output on its way to the page: capped and batched here, at the source, so a
// snippet printing a million lines costs the page at most 20 small messages a second
// and LIMITS.maxLines lines in total. What goes over the cap is counted, not sent.
import { entrySize, type OutputEntry } from '../kinds/index';
import { LIMITS, type Dropped, type WorkerToHost } from '../kinds/protocol';

export class Sink {
  private buf: OutputEntry[] = [];
  private lines = 0;
  private chars = 0;
  private dropped: Dropped = { lines: 0, bytes: 0 };
  private lastFlush = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private id: number,
    private post: (m: WorkerToHost) => void,
  ) {}

  push(e: OutputEntry) {
    const size = entrySize(e);
    if (this.lines + size.lines > LIMITS.maxLines || this.chars + size.chars > LIMITS.maxBytes) {
      this.dropped.lines += size.lines;
      this.dropped.bytes += size.chars;
      return;
    }
    this.lines += size.lines;
    this.chars += size.chars;
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
    this.post({ type: 'output', id: this.id, entries });
  }

  /** The final flush; reports what was dropped. */
  close(): Dropped | undefined {
    this.flush();
    return this.dropped.lines ? { ...this.dropped } : undefined;
  }
}
