// A run's output on its way to the page, capped at the source: at most LIMITS.maxLines
// lines, LIMITS.maxBytes characters and LIMITS.maxElements drawn elements per run; what
// goes over is counted, not sent. Each entry is posted as soon as it is made: a snippet
// that prints and then loops for ever must still show what it printed (a batch waiting
// for a timer would never leave a worker that never yields). The caps bound how many
// messages that can be; the page draws them at most 20 times a second.
import { entrySize, type OutputEntry } from '../kinds/index';
import { LIMITS, type Cap, type Dropped, type WorkerToHost } from '../kinds/protocol';

export class Sink {
  private lines = 0;
  private chars = 0;
  private elements = 0;
  private dropped: Dropped = { lines: 0, bytes: 0 };
  private closed = false;
  /** live curves (show.training) whose entry a cap dropped: their updates go the same way */
  private droppedCurves = new Set<number>();

  constructor(
    private id: number,
    private post: (m: WorkerToHost) => void,
  ) {}

  push(e: OutputEntry) {
    if (this.closed) return;
    const size = entrySize(e);
    const orphan = e.kind === 'trainingPoints' && this.droppedCurves.has(e.live);
    const cap: Cap | undefined =
      orphan ? 'lines'
      : this.lines + size.lines > LIMITS.maxLines ? 'lines'
      : this.chars + size.chars > LIMITS.maxBytes ? 'characters'
      : this.elements + size.elements > LIMITS.maxElements ? 'elements'
      : undefined;
    if (cap) {
      this.dropped.lines += size.lines;
      this.dropped.bytes += size.chars;
      this.dropped.cap ??= cap;
      if (e.kind === 'training') this.droppedCurves.add(e.live);
      return;
    }
    this.lines += size.lines;
    this.chars += size.chars;
    this.elements += size.elements;
    this.post({ type: 'output', id: this.id, entries: [e] });
  }

  /** Ends the run's output; reports what was dropped. */
  close(): Dropped | undefined {
    this.closed = true;
    return this.dropped.lines ? { ...this.dropped } : undefined;
  }
}
